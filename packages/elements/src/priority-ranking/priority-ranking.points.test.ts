import { expect } from '@esm-bundle/chai';
import { fixture, html } from '@open-wc/testing-helpers';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../define/priority-ranking.js';
import type { ParticipatePriorityRanking } from './priority-ranking.js';
import type { ParticipateSentEvent } from '../shared/events.js';
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
  status,
  text,
  until,
  $,
  $$,
} from '../test-support/prompt-helpers.js';
import { pointsAnswer, pointsProblems, readEntry, spent, stepFor, stepped } from './points-model.js';

const OPTIONS = html`
  <participate-option value="gp-access"
    >Easier GP appointments<span slot="description">Booking online or by phone</span></participate-option
  >
  <participate-option value="mental-health">Mental health support</participate-option>
  <participate-option value="waiting-lists">Shorter waiting lists</participate-option>
`;
const SHOWN = ['gp-access', 'mental-health', 'waiting-lists'];

async function ranking(template: TemplateResult): Promise<ParticipatePriorityRanking> {
  const element = await fixture<ParticipatePriorityRanking>(template);
  await until(() => element.shadowRoot?.querySelector('[part="base"], slot'), 'widget did not render');
  return element;
}

function box(element: Element, value: string): HTMLInputElement {
  return $(element, `li[data-value="${value}"] input`) as HTMLInputElement;
}

function byName(element: Element, name: string): HTMLButtonElement {
  const found = $$(element, 'button').find((button) => button.getAttribute('aria-label') === name);
  if (!found) throw new Error(`no button named "${name}"`);
  return found as HTMLButtonElement;
}

async function tabTo(element: Element, selector: string, limit = 30): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (element.shadowRoot?.activeElement?.matches(selector)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${selector}`);
}

function left(element: Element): string {
  return $(element, '#points-left').textContent.trim();
}

let endpoint: string;
before(async () => {
  endpoint = await collectorEndpoint();
});
afterEach(async () => {
  clearDrafts();
  await emptyOutbox();
});

describe('points model', () => {
  it('reads whole numbers, empties, negatives and anything else', () => {
    expect(readEntry(' 12 ')).to.deep.equal({ kind: 'points', points: 12 });
    expect(readEntry('1,000')).to.deep.equal({ kind: 'points', points: 1000 });
    expect(readEntry('')).to.deep.equal({ kind: 'empty' });
    expect(readEntry('-5')).to.deep.equal({ kind: 'negative' });
    expect(readEntry('\u22125')).to.deep.equal({ kind: 'negative' });
    expect(readEntry('2.5')).to.deep.equal({ kind: 'not-whole' });
    expect(readEntry('ten')).to.deep.equal({ kind: 'not-whole' });
  });

  it('adds up, checks and steps without passing the budget', () => {
    const values = ['a', 'b', 'c'];
    expect(spent({ a: '30', b: 'x', c: '' }, values)).to.equal(30);
    expect(pointsProblems({ a: 'x', b: '-1' }, values, 100, false)).to.deep.equal([
      { kind: 'not-whole', value: 'a' },
      { kind: 'negative', value: 'b' },
    ]);
    expect(pointsProblems({ a: '90', b: '20' }, values, 100, false)).to.deep.equal([
      { kind: 'over', spent: 110, budget: 100 },
    ]);
    expect(pointsProblems({ a: '90' }, values, 100, true)).to.deep.equal([
      { kind: 'not-all-spent', left: 10, budget: 100 },
    ]);
    expect(pointsProblems({}, values, 100, false)).to.deep.equal([{ kind: 'none-given' }]);
    expect(pointsProblems({ a: '100' }, values, 100, true)).to.deep.equal([]);
    expect(pointsAnswer({ a: '60', b: ' 40' }, values)).to.deep.equal({ a: 60, b: 40, c: 0 });
    expect(stepped({ a: '95' }, values, 'b', 10, 100)).to.equal(5);
    expect(stepped({ a: '95' }, values, 'a', -10, 100)).to.equal(85);
    expect(stepped({ a: '5' }, values, 'a', -10, 100)).to.equal(0);
    expect(stepped({ a: '120' }, values, 'a', 10, 100)).to.equal(120);
    expect(stepFor(undefined, 100)).to.equal(10);
    expect(stepFor(undefined, 5)).to.equal(1);
    expect(stepFor(25, 100)).to.equal(25);
  });
});

describe('<participate-priority-ranking> points mode', () => {
  it('shows a labelled box with named − and + per option and the points left, accessibly', async () => {
    const el = await ranking(
      html`<participate-priority-ranking mode="points" endpoint=${endpoint} topic="a"
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    expect($(el, 'legend').textContent.trim()).to.equal('Which of these matters most to you?');
    expect($(el, '#points-hint').textContent.trim()).to.equal(
      'You have 100 points to share out. Give more points to what matters more to you.',
    );
    expect(left(el)).to.equal('100 points left');
    const input = box(el, 'gp-access');
    expect(input.labels?.[0]?.textContent.trim()).to.equal('Easier GP appointments');
    expect(input.inputMode).to.equal('numeric');
    expect(byName(el, 'Fewer points for Easier GP appointments').getAttribute('aria-disabled')).to.equal('true');
    expect(byName(el, 'More points for Easier GP appointments').getAttribute('aria-disabled')).to.equal('false');
    await expectNoAxeViolations(el);
  });

  it('is completed by keyboard alone: typing, steppers with Enter, then Send', async () => {
    const topic = uniqueTopic();
    const el = await ranking(
      html`<participate-priority-ranking mode="points" must-spend-all endpoint=${endpoint} topic=${topic}
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    box(el, 'gp-access').focus();
    await sendKeys({ type: '50' });
    await until(() => left(el) === '50 points left');
    expect(status(el), 'no announcement while typing').to.equal('');
    await tabTo(el, 'li[data-value="gp-access"] .more');
    await sendKeys({ press: 'Enter' });
    await said(el, 'Easier GP appointments: 60 points. 40 points left.');
    await tabTo(el, 'li[data-value="mental-health"] input');
    await sendKeys({ type: '40' });
    await sendKeys({ press: 'Tab' });
    await said(el, '0 points left');
    expect(focused(el)?.matches('li[data-value="mental-health"] .more')).to.equal(true);
    expect($(el, 'li[data-value="mental-health"] .more').getAttribute('aria-disabled')).to.equal('true');
    expect($(el, '#points-none-left').textContent.trim()).to.equal(
      'You have no points left. Take some from another option to give more.',
    );
    await sendKeys({ press: 'Enter' });
    expect(box(el, 'mental-health').value, '+ does nothing with none left').to.equal('40');
    await expectNoAxeViolations(el);

    const sent = eventually<ParticipateSentEvent>(el, 'participate-sent');
    await tabTo(el, 'button[type="submit"]');
    await sendKeys({ press: 'Enter' });
    const event = await sent;
    await until(() => text(el).includes('Thank you for your answer'));
    await said(el, 'Thank you. Your answer has been sent.');
    await expectNoAxeViolations(el);
    expect(await schemaProblems(event.detail.payload)).to.deep.equal([]);
    const rows = await storedRows(topic);
    expect(rows).to.have.length(1);
    expect(rows[0]?.answer).to.deep.equal({
      mode: 'points',
      shown: SHOWN,
      shuffled: false,
      budget: 100,
      mustSpendAll: true,
      points: { 'gp-access': 60, 'mental-health': 40, 'waiting-lists': 0 },
    });
  });

  it('is completed with − and + alone, using the step', async () => {
    const topic = uniqueTopic();
    const el = await ranking(
      html`<participate-priority-ranking mode="points" budget="10" step="5" endpoint=${endpoint} topic=${topic}
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    byName(el, 'More points for Shorter waiting lists').click();
    await said(el, 'Shorter waiting lists: 5 points. 5 points left.');
    byName(el, 'More points for Shorter waiting lists').click();
    await said(el, 'Shorter waiting lists: 10 points. 0 points left.');
    byName(el, 'Fewer points for Shorter waiting lists').click();
    await said(el, 'Shorter waiting lists: 5 points. 5 points left.');
    byName(el, 'More points for Mental health support').click();
    await said(el, 'Mental health support: 5 points. 0 points left.');
    buttonByText(el, 'Send').click();
    await until(() => text(el).includes('Thank you for your answer'));
    const rows = await storedRows(topic);
    expect(rows[0]?.answer).to.deep.include({
      budget: 10,
      mustSpendAll: false,
      points: { 'gp-access': 0, 'mental-health': 5, 'waiting-lists': 5 },
    });
  });

  it('shows GOV.UK-style errors, keeps what was typed, and sends once corrected', async () => {
    const topic = uniqueTopic();
    const el = await ranking(
      html`<participate-priority-ranking mode="points" must-spend-all endpoint=${endpoint} topic=${topic}
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    box(el, 'gp-access').focus();
    await sendKeys({ type: 'ten' });
    box(el, 'mental-health').focus();
    await sendKeys({ type: '-5' });
    buttonByText(el, 'Send').click();
    await until(() => $$(el, '.error-summary').length === 1);
    expect(focused(el)?.classList.contains('error-summary')).to.equal(true);
    const links = $$(el, '.error-summary a').map((a) => a.textContent.trim());
    expect(links).to.deep.equal([
      'Enter the points for Easier GP appointments as a whole number, like 10',
      'Points for Mental health support must be 0 or more',
    ]);
    expect(box(el, 'gp-access').value).to.equal('ten');
    expect(box(el, 'mental-health').value).to.equal('-5');
    expect(box(el, 'gp-access').getAttribute('aria-invalid')).to.equal('true');
    expect(box(el, 'gp-access').getAttribute('aria-describedby')).to.contain('points-0-error');
    await expectNoAxeViolations(el);

    $(el, '.error-summary a').click();
    expect(focused(el)).to.equal(box(el, 'gp-access'));

    // Over budget next.
    box(el, 'gp-access').select();
    await sendKeys({ type: '80' });
    box(el, 'mental-health').select();
    await sendKeys({ type: '30' });
    expect(left(el)).to.equal('10 points too many');
    expect(byName(el, 'More points for Shorter waiting lists').getAttribute('aria-disabled')).to.equal('true');
    buttonByText(el, 'Send').click();
    await until(() => $(el, '.error-summary a').textContent.includes('too many'));
    expect($(el, '.error-summary a').textContent.trim()).to.equal(
      'You have given 10 points too many. Give no more than 100 in total',
    );
    expect($(el, '#points-error').textContent).to.contain('You have given 10 points too many');
    await expectNoAxeViolations(el);

    // Then not all spent.
    box(el, 'mental-health').select();
    await sendKeys({ type: '10' });
    buttonByText(el, 'Send').click();
    await until(() => $(el, '.error-summary a').textContent.includes('Share out'));
    expect($(el, '.error-summary a').textContent.trim()).to.equal('Share out all 100 points. You have 10 points left');

    box(el, 'waiting-lists').focus();
    await sendKeys({ type: '10' });
    const sent = eventually<ParticipateSentEvent>(el, 'participate-sent');
    buttonByText(el, 'Send').click();
    const event = await sent;
    // Focus leaving the box for the thank-you heading does not talk over "sent".
    await said(el, 'Thank you. Your answer has been sent.');
    expect(await schemaProblems(event.detail.payload)).to.deep.equal([]);
    const rows = await storedRows(topic);
    expect(rows[0]?.answer).to.deep.include({
      points: { 'gp-access': 80, 'mental-health': 10, 'waiting-lists': 10 },
    });
  });

  it('keeps typed text, even wrong, through a reload, and the shuffled order shown', async () => {
    const topic = uniqueTopic();
    const first = await ranking(
      html`<participate-priority-ranking mode="points" shuffle endpoint=${endpoint} topic=${topic}
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    const shown = $$(first, 'li[data-value]').map((li) => li.dataset.value ?? '');
    box(first, 'gp-access').focus();
    await sendKeys({ type: '12.5' });
    first.remove();
    const again = await ranking(
      html`<participate-priority-ranking mode="points" shuffle endpoint=${endpoint} topic=${topic}
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    expect($$(again, 'li[data-value]').map((li) => li.dataset.value)).to.deep.equal(shown);
    expect(box(again, 'gp-access').value).to.equal('12.5');
    box(again, 'gp-access').select();
    await sendKeys({ type: '12' });
    buttonByText(again, 'Send').click();
    await until(() => text(again).includes('Thank you for your answer'));
    const rows = await storedRows(topic);
    expect(rows[0]?.answer).to.deep.include({ shown, shuffled: true });
  });

  it('works in Welsh and in Urdu, right to left, with errors', async () => {
    const cy = await ranking(
      html`<participate-priority-ranking lang="cy" mode="points" endpoint=${endpoint} topic="a"
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    await until(() => $(cy, '[part="base"]').getAttribute('lang') === 'cy');
    expect(left(cy)).to.equal('100 pwynt ar ôl');
    byName(cy, 'Mwy o bwyntiau i Easier GP appointments').click();
    await said(cy, 'Easier GP appointments: 10 pwynt. 90 pwynt ar ôl.');
    await expectNoAxeViolations(cy);

    const ur = await ranking(
      html`<participate-priority-ranking lang="ur" mode="points" endpoint=${endpoint} topic="b"
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    await until(() => $(ur, '[part="base"]').getAttribute('dir') === 'rtl');
    expect(left(ur)).to.equal('100 پوائنٹس باقی');
    buttonByText(ur, 'بھیجیں').click();
    await until(() => $$(ur, '.error-summary').length === 1);
    expect($(ur, '.error-summary a').textContent.trim()).to.equal('کسی ایک کو کم از کم 1 پوائنٹ دیں');
    await expectNoAxeViolations(ur);
  });

  it('keeps targets large enough and reflows at 320 CSS pixels', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await ranking(
        html`<participate-priority-ranking mode="points" endpoint="/x" topic="a"
          >${OPTIONS}</participate-priority-ranking
        >`,
      );
      for (const control of [...$$(el, 'button'), ...$$(el, '.points-input')]) {
        const rect = control.getBoundingClientRect();
        expect(Math.min(rect.width, rect.height), control.outerHTML.slice(0, 80)).to.be.at.least(24);
      }
      const send = $(el, 'button[type="submit"]').getBoundingClientRect();
      expect(Math.min(send.width, send.height)).to.be.at.least(44);
      expect(el.scrollWidth).to.be.at.most(320);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('keeps what was typed through a refused send, and sends the same response on "Try again"', async () => {
    const key = uniqueTopic('refuse-points');
    const el = await ranking(
      html`<participate-priority-ranking
        mode="points"
        endpoint=${faultEndpoint(key, { status: 422, times: 1 })}
        topic="a"
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    box(el, 'waiting-lists').focus();
    await sendKeys({ type: '70' });
    buttonByText(el, 'Send').click();
    await until(() => text(el).includes('Your answer was not sent'));
    expect(box(el, 'waiting-lists').value).to.equal('70');
    await expectNoAxeViolations(el);
    buttonByText(el, 'Try again').click();
    await until(() => text(el).includes('Thank you for your answer'));
    const bodies = await faultBodies(key);
    expect(bodies.map((body) => body.id)).to.deep.equal([bodies[0]?.id, bodies[0]?.id]);
    expect(await schemaProblems(bodies[1])).to.deep.equal([]);
  });

  it('says "saved on this device" when the endpoint cannot be reached', async () => {
    const el = await ranking(
      html`<participate-priority-ranking mode="points" endpoint=${UNREACHABLE_ENDPOINT} topic="a"
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    byName(el, 'More points for Mental health support').click();
    await until(() => left(el) === '90 points left');
    buttonByText(el, 'Send').click();
    await until(() => text(el).includes('Your answer is saved'));
    await expectNoAxeViolations(el);
  });
});
