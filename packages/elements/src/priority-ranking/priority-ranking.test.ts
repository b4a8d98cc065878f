import { expect } from '@esm-bundle/chai';
import { fixture, html } from '@open-wc/testing-helpers';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../define/priority-ranking.js';
import type { ParticipatePriorityRanking } from './priority-ranking.js';
import type { ParticipateSentEvent, ParticipateQueuedEvent } from '../shared/events.js';
import { expectNoAxeViolations } from '../test-support/axe.js';
import {
  UNREACHABLE_ENDPOINT,
  collectorEndpoint,
  faultBodies,
  faultEndpoint,
  schemaProblems,
  storedRows,
  uniqueTopic,
} from '../test-support/endpoints.js';
import {
  buttonByText,
  clearDrafts,
  emptyOutbox,
  eventually,
  focused,
  said,
  text,
  until,
  $,
  $$,
} from '../test-support/prompt-helpers.js';
import { RANKING_OPTIONS } from '../test-support/ranking-options.js';

const OPTIONS = RANKING_OPTIONS;
const SHOWN = ['gp-access', 'mental-health', 'waiting-lists', 'transport'];

async function ranking(template: TemplateResult): Promise<ParticipatePriorityRanking> {
  const element = await fixture<ParticipatePriorityRanking>(template);
  await until(() => element.shadowRoot?.querySelector('[part="base"], slot'), 'widget did not render');
  return element;
}

/** The values of an ordered list, top to bottom, as shown. */
function order(element: Element, list = '.ranking'): string[] {
  return $$(element, `${list} > li`).map((li) => li.dataset.value ?? '');
}

function item(element: Element, value: string): HTMLElement {
  return $(element, `li[data-value="${value}"]`);
}

function handle(element: Element, value: string): HTMLButtonElement {
  return $(element, `li[data-value="${value}"] .handle`) as HTMLButtonElement;
}

function byName(element: Element, name: string): HTMLButtonElement {
  const found = $$(element, 'button').find((button) => button.getAttribute('aria-label') === name);
  if (!found) throw new Error(`no button named "${name}"`);
  return found as HTMLButtonElement;
}

/** Tabs (or Shift+Tabs) until the shadow root's focused element matches, as a keyboard user would. */
async function tabTo(element: Element, selector: string, backwards = false, limit = 30): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (element.shadowRoot?.activeElement?.matches(selector)) return;
    if (backwards) await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    if (backwards) await sendKeys({ up: 'Shift' });
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

let endpoint: string;
before(async () => {
  endpoint = await collectorEndpoint();
});
afterEach(async () => {
  clearDrafts();
  await emptyOutbox();
});

describe('<participate-priority-ranking> rank mode', () => {
  it('shows the question, the options in order and named Up and Down buttons, accessibly', async () => {
    const el = await ranking(
      html`<participate-priority-ranking endpoint=${endpoint} topic="a">${OPTIONS}</participate-priority-ranking>`,
    );
    expect($(el, 'legend').textContent.trim()).to.equal('Which of these matters most to you?');
    expect(order(el)).to.deep.equal(SHOWN);
    expect(text(el)).to.contain('Booking online or by phone');
    expect($(el, '[part="base"]').getAttribute('lang')).to.equal('en');
    expect(byName(el, 'Move Easier GP appointments down').textContent.trim()).to.equal('Down');
    expect(byName(el, 'Move Mental health support up').textContent.trim()).to.equal('Up');
    expect(handle(el, 'gp-access').getAttribute('aria-label')).to.equal('Reorder Easier GP appointments');
    expect(handle(el, 'gp-access').getAttribute('aria-pressed')).to.equal('false');
    expect($$(el, 'li[data-value="transport"] .move-down'), 'no Down on the last').to.have.length(0);
    expect($$(el, 'li[data-value="gp-access"] .move-up'), 'no Up on the first').to.have.length(0);
    await expectNoAxeViolations(el);
  });

  it('is completed by keyboard alone: pick up, move, drop, send; focus stays on the moved option', async () => {
    const topic = uniqueTopic();
    const el = await ranking(
      html`<participate-priority-ranking endpoint=${endpoint} topic=${topic} stage="develop-priorities"
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    handle(el, 'gp-access').focus();
    await tabTo(el, 'li[data-value="waiting-lists"] .handle');
    await press('Space');
    await said(
      el,
      'Shorter waiting lists, picked up. Position 3 of 4. Use the arrow keys to move, Space to drop, Escape to cancel.',
    );
    expect(handle(el, 'waiting-lists').getAttribute('aria-pressed')).to.equal('true');
    await expectNoAxeViolations(el);

    await press('ArrowUp');
    await said(el, 'Shorter waiting lists, moved to position 2 of 4');
    expect(order(el)).to.deep.equal(['gp-access', 'waiting-lists', 'mental-health', 'transport']);
    expect(focused(el)).to.equal(handle(el, 'waiting-lists'));

    await press('Home');
    await said(el, 'Shorter waiting lists, moved to position 1 of 4');
    expect(focused(el)).to.equal(handle(el, 'waiting-lists'));
    await press('Space');
    await said(el, 'Shorter waiting lists, dropped at position 1 of 4');
    expect(handle(el, 'waiting-lists').getAttribute('aria-pressed')).to.equal('false');

    // Arrows do nothing to an option that is not picked up.
    await press('ArrowDown');
    expect(order(el)[0]).to.equal('waiting-lists');

    await tabTo(el, 'li[data-value="transport"] .handle');
    await press('Enter');
    await said(
      el,
      'Transport to hospital, picked up. Position 4 of 4. Use the arrow keys to move, Space to drop, Escape to cancel.',
    );
    await press('ArrowUp');
    await said(el, 'Transport to hospital, moved to position 3 of 4');
    await press('ArrowDown');
    await said(el, 'Transport to hospital, moved to position 4 of 4');
    await press('ArrowUp');
    await press('ArrowUp');
    await said(el, 'Transport to hospital, moved to position 2 of 4');
    expect(focused(el)).to.equal(handle(el, 'transport'));
    await press('Enter');
    await said(el, 'Transport to hospital, dropped at position 2 of 4');
    const expected = ['waiting-lists', 'transport', 'gp-access', 'mental-health'];
    expect(order(el)).to.deep.equal(expected);

    const sent = eventually<ParticipateSentEvent>(el, 'participate-sent');
    await tabTo(el, 'button[type="submit"]');
    await press('Enter');
    const event = await sent;
    await until(() => text(el).includes('Thank you for your answer'));
    expect(focused(el)?.classList.contains('panel-heading')).to.equal(true);
    await said(el, 'Thank you. Your answer has been sent.');
    await expectNoAxeViolations(el);

    expect(await schemaProblems(event.detail.payload)).to.deep.equal([]);
    const rows = await storedRows(topic);
    expect(rows).to.have.length(1);
    expect(rows[0]?.id).to.equal(event.detail.id);
    expect(rows[0]?.stage).to.equal('develop-priorities');
    expect(rows[0]?.answer).to.deep.equal({ mode: 'rank', shown: SHOWN, shuffled: false, order: expected });
  });

  it('puts an option back where it was when Escape cancels a move', async () => {
    const el = await ranking(
      html`<participate-priority-ranking endpoint=${endpoint} topic="a">${OPTIONS}</participate-priority-ranking>`,
    );
    handle(el, 'mental-health').focus();
    await press('Enter');
    await said(
      el,
      'Mental health support, picked up. Position 2 of 4. Use the arrow keys to move, Space to drop, Escape to cancel.',
    );
    await press('ArrowDown');
    await press('End');
    await said(el, 'Mental health support, moved to position 4 of 4');
    expect(order(el)).to.deep.equal(['gp-access', 'waiting-lists', 'transport', 'mental-health']);
    await press('Escape');
    await said(el, 'Move cancelled. Mental health support is back at position 2 of 4');
    expect(order(el)).to.deep.equal(SHOWN);
    expect(focused(el)).to.equal(handle(el, 'mental-health'));
    expect(handle(el, 'mental-health').getAttribute('aria-pressed')).to.equal('false');
    expect($$(el, '.grabbed')).to.have.length(0);
  });

  it('moves an option without focus ever leaving it, so a screen reader hears the move, not the control again', async () => {
    const el = await ranking(
      html`<participate-priority-ranking endpoint=${endpoint} topic="a">${OPTIONS}</participate-priority-ranking>`,
    );
    handle(el, 'mental-health').focus();
    await press('Space');
    let focusLost = 0;
    el.shadowRoot?.addEventListener('focusout', () => (focusLost += 1));
    for (const [key, position] of [
      ['ArrowDown', 3],
      ['ArrowDown', 4],
      ['ArrowUp', 3],
      ['Home', 1],
      ['End', 4],
    ] as const) {
      await press(key);
      await said(el, `Mental health support, moved to position ${String(position)} of 4`);
    }
    await press('Escape');
    await said(el, 'Move cancelled. Mental health support is back at position 2 of 4');
    expect(focusLost).to.equal(0);

    byName(el, 'Move Mental health support down').focus();
    focusLost = 0;
    (focused(el) as HTMLButtonElement).click();
    await said(el, 'Mental health support, moved to position 3 of 4');
    (focused(el) as HTMLButtonElement).click();
    await said(el, 'Mental health support, moved to position 4 of 4');
    expect(order(el)).to.deep.equal(['gp-access', 'waiting-lists', 'transport', 'mental-health']);
    // The one time focus moves is when Down is gone at the bottom and its twin, Up, takes it.
    expect(focusLost).to.equal(1);
    expect(focused(el)).to.equal($(el, 'li[data-value="mental-health"] .move-up'));
  });

  it('drops a held option where it is when focus moves on', async () => {
    const el = await ranking(
      html`<participate-priority-ranking endpoint=${endpoint} topic="a">${OPTIONS}</participate-priority-ranking>`,
    );
    handle(el, 'gp-access').focus();
    await press('Space');
    await press('ArrowDown');
    await said(el, 'Easier GP appointments, moved to position 2 of 4');
    await press('Tab');
    await said(el, 'Easier GP appointments, dropped at position 2 of 4');
    expect(focused(el)).to.equal($(el, 'li[data-value="gp-access"] .move-up'));
    expect(handle(el, 'gp-access').getAttribute('aria-pressed')).to.equal('false');
    expect(order(el)).to.deep.equal(['mental-health', 'gp-access', 'waiting-lists', 'transport']);
  });

  it('is completed with Up and Down buttons alone, focus following the moved option', async () => {
    const topic = uniqueTopic();
    const el = await ranking(
      html`<participate-priority-ranking endpoint=${endpoint} topic=${topic}>${OPTIONS}</participate-priority-ranking>`,
    );
    byName(el, 'Move Easier GP appointments down').click();
    await said(el, 'Easier GP appointments, moved to position 2 of 4');
    expect(focused(el)).to.equal($(el, 'li[data-value="gp-access"] .move-down'));
    (focused(el) as HTMLButtonElement).click();
    await said(el, 'Easier GP appointments, moved to position 3 of 4');
    (focused(el) as HTMLButtonElement).click();
    await said(el, 'Easier GP appointments, moved to position 4 of 4');
    // At the bottom there is no Down, so focus moves to its Up.
    expect(focused(el)).to.equal($(el, 'li[data-value="gp-access"] .move-up'));
    byName(el, 'Move Transport to hospital up').click();
    await said(el, 'Transport to hospital, moved to position 2 of 4');
    expect(focused(el)).to.equal($(el, 'li[data-value="transport"] .move-up'));
    (focused(el) as HTMLButtonElement).click();
    await said(el, 'Transport to hospital, moved to position 1 of 4');
    expect(focused(el)).to.equal($(el, 'li[data-value="transport"] .move-down'));
    const expected = ['transport', 'mental-health', 'waiting-lists', 'gp-access'];
    expect(order(el)).to.deep.equal(expected);
    expect($$(el, '.position').map((p) => p.textContent.trim())).to.deep.equal(['1', '2', '3', '4']);
    await expectNoAxeViolations(el);

    buttonByText(el, 'Send').click();
    await until(() => text(el).includes('Thank you for your answer'));
    const rows = await storedRows(topic);
    expect(rows[0]?.answer).to.deep.equal({ mode: 'rank', shown: SHOWN, shuffled: false, order: expected });
  });

  it('shuffles the starting order per person and sends the order first shown', async () => {
    const key = uniqueTopic('shuffle');
    const seen = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const el = await ranking(
        html`<participate-priority-ranking shuffle endpoint=${faultEndpoint(key, { times: 0 })} topic="a"
          >${OPTIONS}</participate-priority-ranking
        >`,
      );
      seen.add(order(el).join());
      el.remove();
    }
    expect(seen.size, 'eight people do not all see one order').to.be.greaterThan(1);

    const el = await ranking(
      html`<participate-priority-ranking shuffle endpoint=${faultEndpoint(key, { times: 0 })} topic="a"
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    const first = order(el);
    const [top, second] = first as [string, string];
    byName(el, `Move ${$(el, `li[data-value="${second}"] .item-label`).textContent} up`).click();
    await until(() => order(el)[0] === second);
    const sent = eventually<ParticipateSentEvent>(el, 'participate-sent');
    buttonByText(el, 'Send').click();
    await sent;
    const [body] = await faultBodies(key);
    expect((body as unknown as { answer: unknown }).answer).to.deep.equal({
      mode: 'rank',
      shown: first,
      shuffled: true,
      order: [second, top, ...first.slice(2)],
    });
    expect(await schemaProblems(body)).to.deep.equal([]);
  });

  it('keeps the order through a reload, and forgets it once sent', async () => {
    const topic = uniqueTopic();
    const first = await ranking(
      html`<participate-priority-ranking shuffle endpoint=${endpoint} topic=${topic}
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    const shown = order(first);
    const moving = shown[3] ?? '';
    handle(first, moving).click();
    await until(() => handle(first, moving).getAttribute('aria-pressed') === 'true');
    handle(first, moving).focus();
    await press('Home');
    await until(() => order(first)[0] === moving);
    const changed = order(first);
    first.remove();

    const again = await ranking(
      html`<participate-priority-ranking shuffle endpoint=${endpoint} topic=${topic}
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    expect(order(again)).to.deep.equal(changed);
    buttonByText(again, 'Send').click();
    await until(() => text(again).includes('Thank you for your answer'));
    again.remove();
    const rows = await storedRows(topic);
    expect(rows[0]?.answer).to.deep.include({ shown, shuffled: true, order: changed });

    const fresh = await ranking(
      html`<participate-priority-ranking endpoint=${endpoint} topic=${topic}>${OPTIONS}</participate-priority-ranking>`,
    );
    expect(order(fresh)).to.deep.equal(SHOWN);
  });

  it('picks up options that arrive or change after it connects', async () => {
    const el = await ranking(
      html`<participate-priority-ranking endpoint=${endpoint} topic="a"></participate-priority-ranking>`,
    );
    expect($$(el, 'slot')).to.have.length(1);
    el.innerHTML =
      '<participate-option value="one">One</participate-option><participate-option value="two">Two</participate-option>';
    await until(() => order(el).join() === 'one,two');
    el.querySelector('participate-option')!.textContent = 'First';
    await until(() => $(el, 'li[data-value="one"] .item-label').textContent === 'First');
  });

  it('reads an option as its text, leaving out comments a CMS or framework put inside', async () => {
    const el = await ranking(
      html`<participate-priority-ranking endpoint=${endpoint} topic="a"
        ><participate-option value="gp-access"
          ><!-- editor's note: check wording -->Easier GP
          <!-- x -->appointments<span slot="description"><!-- y -->Booking online</span></participate-option
        ><participate-option value="mental-health"
          >Mental health support</participate-option
        ></participate-priority-ranking
      >`,
    );
    expect($(el, 'li[data-value="gp-access"] .item-label').textContent).to.equal('Easier GP appointments');
    expect($(el, 'li[data-value="gp-access"] .item-description').textContent).to.equal('Booking online');
  });

  it('takes options from a property and renders hostile labels as text', async () => {
    const el = await ranking(
      html`<participate-priority-ranking endpoint=${endpoint} topic="a"></participate-priority-ranking>`,
    );
    el.options = [
      { value: 'x', label: '<img src=x onerror="window.__rankPwned = true">' },
      { value: 'y', label: 'Plain', description: '<b>bold?</b>' },
    ];
    await until(() => order(el).length === 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect($$(el, 'img, b')).to.have.length(0);
    expect(text(el)).to.contain('<img src=x');
    expect((window as unknown as { __rankPwned?: boolean }).__rankPwned).to.equal(undefined);
  });
});

describe('<participate-priority-ranking> top mode', () => {
  it('is completed by keyboard alone: choose, meet the limit, reorder and send', async () => {
    const topic = uniqueTopic();
    const el = await ranking(
      html`<participate-priority-ranking mode="top" max="2" endpoint=${endpoint} topic=${topic}
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    expect(text(el)).to.contain('Choose up to 2 options and put them in order, most important first.');
    expect($(el, '#top-heading').textContent.trim()).to.equal('Your top 2');
    expect(text(el)).to.contain('0 of 2 chosen');
    expect(text(el)).to.contain('You have not chosen any yet.');
    expect($(el, '#toggle-0').getAttribute('aria-label')).to.equal('Add Easier GP appointments to your choices');
    await expectNoAxeViolations(el);

    $(el, '#toggle-0').focus();
    await tabTo(el, '#toggle-2');
    await press('Enter');
    await said(el, 'Shorter waiting lists, added to your choices at position 1. 1 of 2 chosen');
    expect(focused(el)).to.equal($(el, '#toggle-2'));
    expect($(el, '#toggle-2').getAttribute('aria-label')).to.equal('Remove Shorter waiting lists from your choices');
    await tabTo(el, '#toggle-3');
    await press('Space');
    await said(el, 'Transport to hospital, added to your choices at position 2. 2 of 2 chosen');
    expect(order(el)).to.deep.equal(['waiting-lists', 'transport']);
    expect(text(el)).to.contain('2 of 2 chosen');

    await tabTo(el, '#toggle-0', true);
    expect($(el, '#toggle-0').getAttribute('aria-disabled')).to.equal('true');
    await press('Enter');
    await said(el, 'You can choose up to 2. Remove one before adding another.');
    expect($(el, '.full-message').textContent.trim()).to.equal(
      'You can choose up to 2. Remove one before adding another.',
    );
    expect($(el, '#toggle-0').getAttribute('aria-describedby')).to.equal('top-full');
    expect(order(el)).to.deep.equal(['waiting-lists', 'transport']);
    await expectNoAxeViolations(el);

    await tabTo(el, 'li[data-value="transport"] .handle', true);
    await press('Space');
    await said(
      el,
      'Transport to hospital, picked up. Position 2 of 2. Use the arrow keys to move, Space to drop, Escape to cancel.',
    );
    await press('ArrowUp');
    await said(el, 'Transport to hospital, moved to position 1 of 2');
    expect(focused(el)).to.equal(handle(el, 'transport'));
    await press('Space');
    await said(el, 'Transport to hospital, dropped at position 1 of 2');

    const sent = eventually<ParticipateSentEvent>(el, 'participate-sent');
    await tabTo(el, 'button[type="submit"]');
    await press('Enter');
    const event = await sent;
    await until(() => text(el).includes('Thank you for your answer'));
    expect(await schemaProblems(event.detail.payload)).to.deep.equal([]);
    const rows = await storedRows(topic);
    expect(rows[0]?.answer).to.deep.equal({
      mode: 'top',
      shown: SHOWN,
      shuffled: false,
      max: 2,
      top: ['transport', 'waiting-lists'],
    });
  });

  it('is completed with buttons alone, and removing makes room again', async () => {
    const topic = uniqueTopic();
    const el = await ranking(
      html`<participate-priority-ranking mode="top" endpoint=${endpoint} topic=${topic}
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    expect($(el, '#top-heading').textContent.trim()).to.equal('Your top 3');
    byName(el, 'Add Mental health support to your choices').click();
    byName(el, 'Add Easier GP appointments to your choices').click();
    byName(el, 'Add Transport to hospital to your choices').click();
    await until(() => order(el).length === 3);
    expect(order(el)).to.deep.equal(['mental-health', 'gp-access', 'transport']);
    byName(el, 'Move Transport to hospital up').click();
    await said(el, 'Transport to hospital, moved to position 2 of 3');
    byName(el, 'Remove Mental health support from your choices').click();
    await said(el, 'Mental health support, removed from your choices. 2 of 3 chosen');
    expect(focused(el)).to.equal($(el, '#toggle-1'));
    expect(order(el)).to.deep.equal(['transport', 'gp-access']);
    byName(el, 'Add Shorter waiting lists to your choices').click();
    await until(() => order(el).length === 3);
    await expectNoAxeViolations(el);

    buttonByText(el, 'Send').click();
    await until(() => text(el).includes('Thank you for your answer'));
    const rows = await storedRows(topic);
    expect(rows[0]?.answer).to.deep.equal({
      mode: 'top',
      shown: SHOWN,
      shuffled: false,
      max: 3,
      top: ['transport', 'gp-access', 'waiting-lists'],
    });
  });

  it('asks for at least one choice with an error summary, then sends', async () => {
    const topic = uniqueTopic();
    const el = await ranking(
      html`<participate-priority-ranking mode="top" max="2" endpoint=${endpoint} topic=${topic}
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    buttonByText(el, 'Send').click();
    await until(() => focused(el)?.classList.contains('error-summary'));
    expect(text(el)).to.contain('There is a problem');
    expect($(el, '.error-summary a').textContent.trim()).to.equal('Choose at least one option');
    expect($(el, '#top-error').textContent.replace(/\s+/g, ' ').trim()).to.equal('Error: Choose at least one option');
    expect($(el, 'fieldset').getAttribute('aria-describedby')).to.equal('top-hint top-error');
    await expectNoAxeViolations(el);
    expect(await storedRows(topic)).to.have.length(0);

    ($(el, '.error-summary a') as HTMLAnchorElement).click();
    expect(focused(el)).to.equal($(el, '#toggle-0'));
    await press('Enter');
    await until(() => order(el).length === 1);
    expect($$(el, '.error-summary, #top-error')).to.have.length(0);
    buttonByText(el, 'Send').click();
    await until(() => text(el).includes('Thank you for your answer'));
    expect((await storedRows(topic))[0]?.answer).to.deep.include({ top: ['gp-access'], max: 2 });
  });

  it('keeps the choices through a reload, and the first ones when max is lowered', async () => {
    const topic = uniqueTopic();
    const first = await ranking(
      html`<participate-priority-ranking mode="top" endpoint=${endpoint} topic=${topic}
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    byName(first, 'Add Transport to hospital to your choices').click();
    byName(first, 'Add Easier GP appointments to your choices').click();
    await until(() => order(first).length === 2);
    first.remove();

    const again = await ranking(
      html`<participate-priority-ranking mode="top" endpoint=${endpoint} topic=${topic}
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    expect(order(again)).to.deep.equal(['transport', 'gp-access']);
    again.max = 1;
    await until(() => order(again).length === 1);
    expect(order(again)).to.deep.equal(['transport']);
    buttonByText(again, 'Send').click();
    await until(() => text(again).includes('Thank you for your answer'));
    expect((await storedRows(topic))[0]?.answer).to.deep.include({ max: 1, top: ['transport'] });
  });

  it('keeps a shuffled order and the choices through a reload, and sends the order first shown', async () => {
    const topic = uniqueTopic();
    const shuffledTop = () =>
      ranking(
        html`<participate-priority-ranking mode="top" max="2" shuffle endpoint=${endpoint} topic=${topic}
          >${OPTIONS}</participate-priority-ranking
        >`,
      );
    const shownIn = (element: Element) => $$(element, '.options > li .item-label').map((label) => label.textContent);
    const first = await shuffledTop();
    const shown = shownIn(first);
    $(first, '#toggle-2').click();
    $(first, '#toggle-0').click();
    await until(() => order(first).length === 2);
    const chosen = order(first);
    first.remove();

    const again = await shuffledTop();
    expect(shownIn(again), 'the same shuffled order, not a new one').to.deep.equal(shown);
    expect(order(again)).to.deep.equal(chosen);
    buttonByText(again, 'Send').click();
    await until(() => text(again).includes('Thank you for your answer'));
    const answer = (await storedRows(topic))[0]?.answer;
    expect(answer).to.deep.include({ mode: 'top', shuffled: true, max: 2, top: chosen });
    const labelOf: Record<string, string> = {
      'gp-access': 'Easier GP appointments',
      'mental-health': 'Mental health support',
      'waiting-lists': 'Shorter waiting lists',
      transport: 'Transport to hospital',
    };
    const sentShown = (answer as { shown: string[] }).shown;
    expect(
      sentShown.map((value) => labelOf[value]),
      'shown is the order the person saw',
    ).to.deep.equal(shown);
  });

  it('says "full" again when a second option is refused, so a screen reader reads it again', async () => {
    const el = await ranking(
      html`<participate-priority-ranking mode="top" max="1" endpoint=${endpoint} topic="a"
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    $(el, '#toggle-0').click();
    await until(() => order(el).length === 1);
    const region = $(el, '[role="status"]');
    const given: string[] = [];
    const observer = new MutationObserver(() => given.push(region.textContent));
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    $(el, '#toggle-1').click();
    await until(() => given.length === 1, 'first refusal announced');
    $(el, '#toggle-2').click();
    await until(() => given.length === 2, 'second refusal announced as a change');
    observer.disconnect();
    expect(given.map((words) => words.trim())).to.deep.equal([
      'You can choose 1. Remove it before adding another.',
      'You can choose 1. Remove it before adding another.',
    ]);
    expect(given[0]).not.to.equal(given[1]);
  });

  it('caps max at the number of options, with a warning for the web team', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const el = await ranking(
        html`<participate-priority-ranking mode="top" max="9" endpoint=${endpoint} topic="a"
          >${OPTIONS}</participate-priority-ranking
        >`,
      );
      expect($(el, '#top-heading').textContent.trim()).to.equal('Your top 4');
      await until(() => warnings.join('\n').includes('"max" is "9"'), 'max warning');
    } finally {
      console.warn = original;
    }
  });
});

describe('<participate-priority-ranking> sending', () => {
  it('says "saved on this device" when the endpoint cannot be reached', async () => {
    const el = await ranking(
      html`<participate-priority-ranking endpoint=${UNREACHABLE_ENDPOINT} topic="a"
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    const queued = eventually<ParticipateQueuedEvent>(el, 'participate-queued');
    buttonByText(el, 'Send').click();
    const event = await queued;
    expect(event.detail.payload.answer).to.deep.include({ mode: 'rank', order: SHOWN });
    await until(() => text(el).includes('Your answer is saved'));
    expect(text(el)).to.contain('Saved on this device. We will send it when you are back online.');
    expect(focused(el)?.classList.contains('panel-heading')).to.equal(true);
    await expectNoAxeViolations(el);
  });

  it('shows the form as sending while its answer is retried, then sends it once', async () => {
    const key = uniqueTopic('flaky-rank');
    const el = await ranking(
      html`<participate-priority-ranking endpoint=${faultEndpoint(key, { status: 503, times: 1 })} topic="a"
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    buttonByText(el, 'Send').click();
    await el.updateComplete;
    expect($(el, 'button[type="submit"]').getAttribute('aria-disabled')).to.equal('true');
    await said(el, 'Sending your answer…');
    await expectNoAxeViolations(el);
    await until(() => text(el).includes('Thank you for your answer'));
    const bodies = await faultBodies(key);
    expect(bodies).to.have.length(2);
    expect(bodies[1]?.id).to.equal(bodies[0]?.id);
  });

  it('fails honestly on a refusal, keeps the order, and sends the same response on "Try again"', async () => {
    const key = uniqueTopic('refuse-rank');
    const el = await ranking(
      html`<participate-priority-ranking endpoint=${faultEndpoint(key, { status: 422, times: 1 })} topic="a"
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    byName(el, 'Move Transport to hospital up').click();
    await until(() => order(el)[2] === 'transport');
    const changed = order(el);
    buttonByText(el, 'Send').click();
    await until(() => text(el).includes('Your answer was not sent'));
    await until(() => focused(el)?.classList.contains('panel-heading'), 'focus moves to the failure');
    expect(order(el)).to.deep.equal(changed);
    await expectNoAxeViolations(el);
    buttonByText(el, 'Try again').click();
    await until(() => text(el).includes('Thank you for your answer'));
    const bodies = await faultBodies(key);
    expect(bodies.map((body) => body.id)).to.deep.equal([bodies[0]?.id, bodies[0]?.id]);
    expect(await schemaProblems(bodies[1])).to.deep.equal([]);
  });
});

describe('<participate-priority-ranking> changes after a failure', () => {
  it('sends the changed order, not the refused one, when the person changes it after a failure', async () => {
    const key = uniqueTopic('refuse-then-change');
    const el = await ranking(
      html`<participate-priority-ranking endpoint=${faultEndpoint(key, { status: 422, times: 1 })} topic="a"
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    buttonByText(el, 'Send').click();
    await until(() => text(el).includes('Your answer was not sent'));
    byName(el, 'Move Transport to hospital up').click();
    await until(() => !text(el).includes('Your answer was not sent'));
    expect($$(el, '.panel')).to.have.length(0);
    buttonByText(el, 'Send').click();
    await until(() => text(el).includes('Thank you for your answer'));
    const bodies = (await faultBodies(key)) as unknown as { id: string; answer: { order: string[] } }[];
    expect(bodies).to.have.length(2);
    expect(bodies[1]?.id).not.to.equal(bodies[0]?.id);
    expect(bodies[1]?.answer.order).to.deep.equal(['gp-access', 'mental-health', 'transport', 'waiting-lists']);
  });
});

describe('<participate-priority-ranking> languages', () => {
  it('works in Welsh, announcing moves in Welsh', async () => {
    const el = await ranking(
      html`<participate-priority-ranking lang="cy" endpoint=${endpoint} topic="a"
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    await until(() => $(el, '[part="base"]').getAttribute('lang') === 'cy');
    expect($(el, 'legend').textContent.trim()).to.equal("Pa un o'r rhain sydd bwysicaf i chi?");
    byName(el, 'Symud Easier GP appointments i lawr').click();
    await said(el, "Easier GP appointments, wedi'i symud i safle 2 o 4");
    expect(buttonByText(el, 'Anfon')).to.exist;
    await expectNoAxeViolations(el);
  });

  it('follows a change of language or wording made after it rendered', async () => {
    const el = await ranking(
      html`<participate-priority-ranking endpoint=${endpoint} topic="a">${OPTIONS}</participate-priority-ranking>`,
    );
    expect(byName(el, 'Move Easier GP appointments down')).to.exist;
    el.strings = { 'priorityRanking.moveDown': 'Lower {{label}}' };
    await until(() => $$(el, '[aria-label="Lower Easier GP appointments"]').length === 1, 'new wording');
    el.strings = undefined;
    el.setAttribute('lang', 'cy');
    await until(() => $$(el, '[aria-label="Symud Easier GP appointments i lawr"]').length === 1, 'Welsh');
    el.setAttribute('lang', 'en');
    await until(() => $$(el, '[aria-label="Move Easier GP appointments down"]').length === 1, 'English again');
  });

  it('asks for a top three in Welsh with the right plural', async () => {
    const el = await ranking(
      html`<participate-priority-ranking lang="cy" mode="top" endpoint=${endpoint} topic="a"
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    await until(() => $(el, '[part="base"]').getAttribute('lang') === 'cy');
    expect($(el, '#top-heading').textContent.trim()).to.equal('Eich 3 uchaf');
    buttonByText(el, 'Anfon').click();
    await until(() => $$(el, '.error-summary').length === 1);
    expect($(el, '.error-summary a').textContent.trim()).to.equal('Dewiswch o leiaf un');
    await expectNoAxeViolations(el);
  });

  it('mirrors in Urdu, right to left, and announces in Urdu', async () => {
    const el = await ranking(
      html`<participate-priority-ranking lang="ur" endpoint=${endpoint} topic="a"
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    await until(() => $(el, '[part="base"]').getAttribute('dir') === 'rtl');
    const row = item(el, 'gp-access').getBoundingClientRect();
    const number = $(el, 'li[data-value="gp-access"] .position').getBoundingClientRect();
    const controls = $(el, 'li[data-value="gp-access"] .controls').getBoundingClientRect();
    expect(row.right - number.right, 'the position number sits at the right-hand edge').to.be.lessThan(20);
    expect(controls.left - row.left, 'the buttons sit at the left-hand edge').to.be.lessThan(20);
    expect(byName(el, 'Easier GP appointments کو نیچے لے جائیں').textContent.trim()).to.equal('نیچے');
    await expectNoAxeViolations(el);
    handle(el, 'mental-health').focus();
    await press('Enter');
    await press('ArrowUp');
    await said(el, 'Mental health support، 4 میں سے مقام 1 پر منتقل');
    await expectNoAxeViolations(el);
  });

  it('works right to left in top mode, with its error', async () => {
    const el = await ranking(
      html`<participate-priority-ranking lang="ur" mode="top" max="1" endpoint=${endpoint} topic="a"
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    await until(() => $(el, '[part="base"]').getAttribute('dir') === 'rtl');
    expect($(el, '#top-heading').textContent.trim()).to.equal('آپ کا سب سے اہم انتخاب');
    buttonByText(el, 'بھیجیں').click();
    await until(() => $$(el, '.error-summary').length === 1);
    await expectNoAxeViolations(el);
    $(el, '#toggle-1').click();
    await until(() => order(el).length === 1);
    $(el, '#toggle-2').click();
    await said(el, 'آپ 1 چن سکتے ہیں۔ دوسرا شامل کرنے سے پہلے اسے ہٹائیں۔');
    await expectNoAxeViolations(el);
  });
});

describe('<participate-priority-ranking> configuration', () => {
  function captureErrors(): { messages: string[]; restore(): void } {
    const messages: string[] = [];
    const original = console.error;
    console.error = (message: string) => messages.push(message);
    return { messages, restore: () => (console.error = original) };
  }

  it('refuses an unknown mode, too few options and values that are not slugs', async () => {
    const errors = captureErrors();
    try {
      const el = await ranking(html`
        <participate-priority-ranking mode="stars" endpoint=${endpoint} topic="a"
          ><participate-option value="Not A Slug">One</participate-option></participate-priority-ranking
        >
      `);
      expect($$(el, 'slot')).to.have.length(1);
      const all = () => errors.messages.join('\n');
      await until(() => all().includes('the "mode" attribute "stars" is not known'));
      await until(() => all().includes('a ranking needs at least 2'));
      await until(() => all().includes('the option value "Not A Slug" must be lower-case'));
    } finally {
      errors.restore();
    }
  });
});

describe('<participate-priority-ranking> layout', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('keeps every button at least 24 by 24 and Send at least 44 by 44', async () => {
    for (const mode of ['rank', 'top']) {
      const el = await ranking(
        html`<participate-priority-ranking mode=${mode} endpoint="/x" topic="a"
          >${OPTIONS}</participate-priority-ranking
        >`,
      );
      if (mode === 'top') $(el, '#toggle-0').click();
      await el.updateComplete;
      for (const button of $$(el, 'button')) {
        const box = button.getBoundingClientRect();
        expect(box.width, button.outerHTML.slice(0, 80)).to.be.at.least(24);
        expect(box.height, button.outerHTML.slice(0, 80)).to.be.at.least(24);
      }
      const send = $(el, 'button[type="submit"]').getBoundingClientRect();
      expect(Math.min(send.width, send.height)).to.be.at.least(44);
    }
  });

  it('reflows at 320 CSS pixels without horizontal scrolling, in both modes', async () => {
    await setViewport({ width: 320, height: 640 });
    for (const mode of ['rank', 'top']) {
      const el = await ranking(
        html`<participate-priority-ranking mode=${mode} endpoint="/x" topic="a"
          >${OPTIONS}</participate-priority-ranking
        >`,
      );
      if (mode === 'top') $(el, '#toggle-0').click();
      await el.updateComplete;
      expect(el.scrollWidth).to.be.at.most(320);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    }
  });
});
