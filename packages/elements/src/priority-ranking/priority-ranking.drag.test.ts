import { expect } from '@esm-bundle/chai';
import { fixture, html } from '@open-wc/testing-helpers';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../define/priority-ranking.js';
import type { ParticipatePriorityRanking } from './priority-ranking.js';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { emulateMediaFeatures } from '../test-support/media.js';
import { mouseTo, pointIn, touch, touchTo } from '../test-support/pointer.js';
import { clearDrafts, said, until, $, $$ } from '../test-support/prompt-helpers.js';
import { RANKING_OPTIONS } from '../test-support/ranking-options.js';

const SHOWN = ['gp-access', 'mental-health', 'waiting-lists', 'transport'];

async function ranking(template: TemplateResult): Promise<ParticipatePriorityRanking> {
  const element = await fixture<ParticipatePriorityRanking>(template);
  await until(() => element.shadowRoot?.querySelector('[part="base"]'), 'widget did not render');
  return element;
}

function rankOf(options: TemplateResult = RANKING_OPTIONS, mode = 'rank'): Promise<ParticipatePriorityRanking> {
  return ranking(
    html`<participate-priority-ranking mode=${mode} max="3" endpoint="/x" topic="drag"
      >${options}</participate-priority-ranking
    >`,
  );
}

function order(element: Element, list = '.ranking'): string[] {
  return $$(element, `${list} > li`).map((li) => li.dataset.value ?? '');
}

function handle(element: Element, value: string): HTMLElement {
  return $(element, `li[data-value="${value}"] .handle`);
}

function row(element: Element, value: string): HTMLElement {
  return $(element, `li[data-value="${value}"]`);
}

/** A small phone's height in CSS pixels, for the auto-scroll tests. */
const HEIGHT = 480;

/** Twelve options: more than a small screen shows at once. */
const MANY = Array.from({ length: 12 }, (_, i) => `option-${String(i + 1)}`);
const MANY_OPTIONS = html`${MANY.map((value) => html`<participate-option value=${value}>Option ${value}</participate-option>`)}`;

describe('<participate-priority-ranking> dragging', () => {
  afterEach(async () => {
    await resetMouse();
    await emulateMediaFeatures([]);
    await setViewport({ width: 800, height: 600 });
    clearDrafts();
  });

  it('is dragged with the mouse: a line marks where it will land, and it moves there on release', async () => {
    const el = await rankOf();
    const start = pointIn(handle(el, 'gp-access'));
    await sendMouse({ type: 'move', position: start });
    await sendMouse({ type: 'down' });
    // Just past the middle of "Shorter waiting lists": it lands after it, before "Transport".
    await mouseTo(start, [start[0], pointIn(row(el, 'waiting-lists'), 0.6)[1]]);
    await until(() => row(el, 'transport').classList.contains('drop-before'), 'drop line before Transport');
    expect(row(el, 'gp-access').classList.contains('dragged')).to.equal(true);
    expect(order(el), 'nothing moves until the pointer is let go').to.deep.equal(SHOWN);
    const line = getComputedStyle(row(el, 'transport'), '::before');
    expect(line.borderTopStyle).to.equal('solid');
    expect(parseFloat(line.borderTopWidth)).to.be.at.least(3);
    await expectNoAxeViolations(el);

    await sendMouse({ type: 'up' });
    await until(() => order(el).join() === 'mental-health,waiting-lists,gp-access,transport', 'moved on release');
    await said(el, 'Easier GP appointments, dropped at position 3 of 4');
    expect($$(el, '.dragged, .drop-before, .drop-after')).to.have.length(0);
    expect(el.shadowRoot?.activeElement).to.equal(handle(el, 'gp-access'));
    expect(handle(el, 'gp-access').getAttribute('aria-pressed'), 'the release is not also a click').to.equal('false');
  });

  it('marks the end of the list when dragged below the last option', async () => {
    const el = await rankOf();
    const start = pointIn(handle(el, 'mental-health'));
    await sendMouse({ type: 'move', position: start });
    await sendMouse({ type: 'down' });
    await mouseTo(start, [start[0], pointIn(row(el, 'transport'), 0.9)[1]]);
    await until(() => row(el, 'transport').classList.contains('drop-after'), 'drop line after Transport');
    await sendMouse({ type: 'up' });
    await until(() => order(el).join() === 'gp-access,waiting-lists,transport,mental-health');
  });

  it('puts nothing anywhere when Escape is pressed during a drag', async () => {
    const el = await rankOf();
    const start = pointIn(handle(el, 'transport'));
    await sendMouse({ type: 'move', position: start });
    await sendMouse({ type: 'down' });
    await mouseTo(start, [start[0], pointIn(row(el, 'gp-access'), 0.2)[1]]);
    await until(() => row(el, 'gp-access').classList.contains('drop-before'));
    await sendKeys({ press: 'Escape' });
    await said(el, 'Move cancelled. Transport to hospital is back at position 4 of 4');
    expect($$(el, '.dragged, .drop-before')).to.have.length(0);
    await sendMouse({ type: 'up' });
    expect(order(el)).to.deep.equal(SHOWN);
  });

  it('still picks an option up for the keyboard on a click without a drag', async () => {
    const el = await rankOf();
    await sendMouse({ type: 'click', position: pointIn(handle(el, 'waiting-lists')) });
    await until(() => handle(el, 'waiting-lists').getAttribute('aria-pressed') === 'true', 'picked up');
    expect(order(el)).to.deep.equal(SHOWN);
  });

  it('is dragged with a finger, without scrolling the page', async () => {
    const el = await rankOf();
    const before = scrollY;
    const start = pointIn(handle(el, 'transport'));
    await touch('start', start);
    await touchTo(start, [start[0], pointIn(row(el, 'mental-health'), 0.3)[1]]);
    await until(() => row(el, 'mental-health').classList.contains('drop-before'), 'drop line before Mental health');
    await touch('end');
    await until(() => order(el).join() === 'gp-access,transport,mental-health,waiting-lists', 'moved by touch');
    await said(el, 'Transport to hospital, dropped at position 2 of 4');
    expect(scrollY).to.equal(before);
    expect(handle(el, 'transport').getAttribute('aria-pressed')).to.equal('false');
  });

  it('puts nothing anywhere when a touch is cancelled', async () => {
    const el = await rankOf();
    const start = pointIn(handle(el, 'gp-access'));
    await touch('start', start);
    await touchTo(start, [start[0], pointIn(row(el, 'transport'), 0.8)[1]]);
    await until(() => row(el, 'transport').classList.contains('drop-after'));
    await touch('cancel');
    await said(el, 'Move cancelled. Easier GP appointments is back at position 1 of 4');
    expect(order(el)).to.deep.equal(SHOWN);
  });

  it('reorders the chosen options in top mode by dragging', async () => {
    const el = await rankOf(RANKING_OPTIONS, 'top');
    for (const id of ['#toggle-0', '#toggle-1', '#toggle-2']) $(el, id).click();
    await until(() => order(el).length === 3);
    const start = pointIn(handle(el, 'waiting-lists'));
    await sendMouse({ type: 'move', position: start });
    await sendMouse({ type: 'down' });
    await mouseTo(start, [start[0], pointIn(row(el, 'gp-access'), 0.3)[1]]);
    await until(() => row(el, 'gp-access').classList.contains('drop-before'));
    await sendMouse({ type: 'up' });
    await until(() => order(el).join() === 'waiting-lists,gp-access,mental-health', 'top list reordered');
  });

  it('is dragged right to left in Urdu and in Welsh, and says so in each language', async () => {
    const urdu = await ranking(
      html`<participate-priority-ranking lang="ur" endpoint="/x" topic="drag-ur"
        >${RANKING_OPTIONS}</participate-priority-ranking
      >`,
    );
    await until(() => $(urdu, '[part="base"]').getAttribute('dir') === 'rtl', 'right to left');
    const start = pointIn(handle(urdu, 'gp-access'));
    await touch('start', start);
    await touchTo(start, [start[0], pointIn(row(urdu, 'mental-health'), 0.7)[1]]);
    await until(() => row(urdu, 'waiting-lists').classList.contains('drop-before'), 'Urdu drop line');
    await expectNoAxeViolations(urdu);
    await touch('end');
    await said(urdu, 'Easier GP appointments، 4 میں سے مقام 2 پر رکھ دیا گیا');
    expect(order(urdu)).to.deep.equal(['mental-health', 'gp-access', 'waiting-lists', 'transport']);
    urdu.remove();

    const welsh = await ranking(
      html`<participate-priority-ranking lang="cy" endpoint="/x" topic="drag-cy"
        >${RANKING_OPTIONS}</participate-priority-ranking
      >`,
    );
    await until(() => $(welsh, '[part="base"]').getAttribute('lang') === 'cy', 'Welsh');
    const from = pointIn(handle(welsh, 'transport'));
    await sendMouse({ type: 'move', position: from });
    await sendMouse({ type: 'down' });
    await mouseTo(from, [from[0], pointIn(row(welsh, 'gp-access'), 0.2)[1]]);
    await until(() => row(welsh, 'gp-access').classList.contains('drop-before'), 'Welsh drop line');
    await sendMouse({ type: 'up' });
    await said(welsh, "Transport to hospital, wedi'i ollwng yn safle 1 o 4");
  });

  it('scrolls the page while the pointer is held at its bottom edge, then drops there', async () => {
    await setViewport({ width: 400, height: HEIGHT });
    const el = await rankOf(MANY_OPTIONS);
    scrollTo({ top: 0, behavior: 'instant' });
    const onScreen = MANY.filter((value) => row(el, value).getBoundingClientRect().bottom <= HEIGHT).length;
    const start = pointIn(handle(el, 'option-1'));
    await sendMouse({ type: 'move', position: start });
    await sendMouse({ type: 'down' });
    await mouseTo(start, [start[0], HEIGHT - 4]);
    await until(() => scrollY > 400, `the page did not scroll far (scrollY ${String(scrollY)})`);
    await sendMouse({ type: 'up' });
    await until(() => order(el)[0] !== 'option-1', 'dropped');
    expect(order(el).indexOf('option-1'), 'dropped below every option first on screen').to.be.at.least(onScreen);
  });

  it('does not scroll by itself when the person prefers reduced motion', async () => {
    await setViewport({ width: 400, height: HEIGHT });
    await emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    const el = await rankOf(MANY_OPTIONS);
    scrollTo({ top: 0, behavior: 'instant' });
    const start = pointIn(handle(el, 'option-1'));
    await sendMouse({ type: 'move', position: start });
    await sendMouse({ type: 'down' });
    await mouseTo(start, [start[0], HEIGHT - 4]);
    await until(() => $$(el, '.drop-before, .drop-after').length === 1, 'drop line shown');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(scrollY).to.equal(0);
    expect(getComputedStyle(row(el, 'option-1')).transitionDuration).to.equal('0s');
    await sendMouse({ type: 'up' });
    await until(() => order(el)[0] !== 'option-1', 'dropped where the line was');
  });
});
