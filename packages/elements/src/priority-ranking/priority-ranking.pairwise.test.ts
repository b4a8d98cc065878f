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
import { pairKey } from './pair-schedule.js';

const OPTIONS = RANKING_OPTIONS;
const LABELS: Record<string, string> = {
  'gp-access': 'Easier GP appointments',
  'mental-health': 'Mental health support',
  'waiting-lists': 'Shorter waiting lists',
  transport: 'Transport to hospital',
};

async function ranking(template: TemplateResult): Promise<ParticipatePriorityRanking> {
  const element = await fixture<ParticipatePriorityRanking>(template);
  await until(() => element.shadowRoot?.querySelector('[part="base"], slot'), 'widget did not render');
  return element;
}

function progress(element: Element): string {
  return $(element, '#pair-progress').textContent.trim();
}

/** The pair on screen, as values, first then second. */
function pair(element: Element): [string, string] {
  return [$(element, '#pair-a').dataset.value ?? '', $(element, '#pair-b').dataset.value ?? ''];
}

let endpoint: string;
before(async () => {
  endpoint = await collectorEndpoint();
});
afterEach(async () => {
  clearDrafts();
  await emptyOutbox();
});

describe('<participate-priority-ranking> pairwise mode', () => {
  it('asks "Which matters more to you?" two at a time, with progress, accessibly', async () => {
    const el = await ranking(
      html`<participate-priority-ranking mode="pairwise" endpoint=${endpoint} topic="a"
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    expect($(el, 'legend').textContent.trim()).to.equal('Which matters more to you?');
    expect(progress(el)).to.equal('Pair 1 of 6');
    const [a, b] = pair(el);
    expect(a).to.not.equal(b);
    expect($(el, '#pair-a').textContent).to.contain(LABELS[a]);
    expect(buttonByText(el, "I can't decide")).to.exist;
    expect($$(el, 'button[type="submit"]'), 'no Send until finished').to.have.length(0);
    expect($$(el, '.stop'), 'no stopping before the first answer').to.have.length(0);
    const widths = ['#pair-a', '#pair-b'].map((id) => $(el, id).getBoundingClientRect().width);
    expect(Math.abs((widths[0] ?? 0) - (widths[1] ?? 0)), 'the two choices are the same width').to.be.lessThan(1);
    await expectNoAxeViolations(el);
  });

  it('is completed by keyboard alone; every option is seen, no pair twice; focus goes to the next pair', async () => {
    const topic = uniqueTopic();
    const el = await ranking(
      html`<participate-priority-ranking mode="pairwise" endpoint=${endpoint} topic=${topic}
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    const shownPairs: [string, string][] = [];
    const expected: { a: string; b: string; choice: string }[] = [];
    $(el, '#pair-a').focus();
    for (let round = 1; round <= 6; round++) {
      const [a, b] = pair(el);
      shownPairs.push([a, b]);
      // Alternate: first button, second button (Tab then Enter), "I can't decide".
      const choice = (['a', 'b', 'cant-decide'] as const)[round % 3] ?? 'a';
      if (choice === 'b') await sendKeys({ press: 'Tab' });
      if (choice === 'cant-decide') {
        await sendKeys({ press: 'Tab' });
        await sendKeys({ press: 'Tab' });
        expect(focused(el)?.classList.contains('cant-decide')).to.equal(true);
      }
      await sendKeys({ press: choice === 'a' ? 'Space' : 'Enter' });
      expected.push({ a, b, choice });
      const chose =
        choice === 'cant-decide' ? 'You could not decide.' : `You chose ${LABELS[choice === 'a' ? a : b] ?? ''}.`;
      const next = round < 6 ? `Pair ${String(round + 1)} of 6.` : 'That was the last pair.';
      await said(el, `${chose} ${next}`);
      if (round < 6) {
        await until(() => progress(el) === `Pair ${String(round + 1)} of 6`);
        expect(focused(el)?.id).to.equal('pair-a');
        if (round === 2) await expectNoAxeViolations(el);
      }
    }
    expect(new Set(shownPairs.map(([a, b]) => pairKey(a, b))).size).to.equal(6);
    expect(new Set(shownPairs.slice(0, 2).flat()).size, 'all four seen in the first two pairs').to.equal(4);
    await until(() => focused(el)?.id === 'pairs-done');
    expect($(el, '#pairs-done').textContent.trim()).to.equal('You have compared all 6 pairs');
    await expectNoAxeViolations(el);

    const sent = eventually<ParticipateSentEvent>(el, 'participate-sent');
    for (let i = 0; i < 10 && !focused(el)?.matches('button[type="submit"]'); i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    const event = await sent;
    await until(() => text(el).includes('Thank you for your answer'));
    expect(await schemaProblems(event.detail.payload)).to.deep.equal([]);
    const rows = await storedRows(topic);
    expect(rows).to.have.length(1);
    expect(rows[0]?.answer).to.deep.equal({
      mode: 'pairwise',
      shown: Object.keys(LABELS),
      shuffled: false,
      comparisons: expected,
      stoppedEarly: false,
    });
  });

  it('can be stopped early with buttons alone, carried on, then stopped and sent', async () => {
    const topic = uniqueTopic();
    const el = await ranking(
      html`<participate-priority-ranking mode="pairwise" rounds="4" shuffle endpoint=${endpoint} topic=${topic}
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    expect(progress(el)).to.equal('Pair 1 of 4');
    const first = pair(el);
    $(el, '#pair-b').click();
    await said(el, `You chose ${LABELS[first[1]] ?? ''}. Pair 2 of 4.`);
    buttonByText(el, "I've finished comparing").click();
    await said(el, 'You stopped after 1 pair of 4');
    await until(() => focused(el)?.id === 'pairs-done');
    expect(text(el)).to.contain('chosen 1 time');
    await expectNoAxeViolations(el);
    buttonByText(el, 'Carry on comparing').click();
    await said(el, 'Pair 2 of 4.');
    const second = pair(el);
    $(el, '#pair-a').click();
    await said(el, `You chose ${LABELS[second[0]] ?? ''}. Pair 3 of 4.`);
    buttonByText(el, "I've finished comparing").click();
    await until(() => $$(el, 'button[type="submit"]').length === 1);
    const sent = eventually<ParticipateSentEvent>(el, 'participate-sent');
    buttonByText(el, 'Send').click();
    const event = await sent;
    expect(await schemaProblems(event.detail.payload)).to.deep.equal([]);
    const rows = await storedRows(topic);
    expect(rows[0]?.answer).to.deep.include({
      shuffled: true,
      stoppedEarly: true,
      comparisons: [
        { a: first[0], b: first[1], choice: 'b' },
        { a: second[0], b: second[1], choice: 'a' },
      ],
    });
  });

  it('keeps the pairs and answers so far through a reload', async () => {
    const topic = uniqueTopic();
    const template = html`<participate-priority-ranking mode="pairwise" endpoint=${endpoint} topic=${topic}
      >${OPTIONS}</participate-priority-ranking
    >`;
    const first = await ranking(template);
    const one = pair(first);
    $(first, '#pair-a').click();
    await until(() => progress(first) === 'Pair 2 of 6');
    const two = pair(first);
    first.remove();
    const again = await ranking(template);
    expect(progress(again)).to.equal('Pair 2 of 6');
    expect(pair(again)).to.deep.equal(two);
    buttonByText(again, "I've finished comparing").click();
    await until(() => $$(again, 'button[type="submit"]').length === 1);
    buttonByText(again, 'Send').click();
    await until(() => text(again).includes('Thank you for your answer'));
    const rows = await storedRows(topic);
    expect(rows[0]?.answer).to.deep.include({ comparisons: [{ a: one[0], b: one[1], choice: 'a' }] });
  });

  it('works in Welsh and in Urdu, right to left', async () => {
    const cy = await ranking(
      html`<participate-priority-ranking lang="cy" mode="pairwise" endpoint=${endpoint} topic="a"
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    await until(() => $(cy, '[part="base"]').getAttribute('lang') === 'cy');
    expect(progress(cy)).to.equal('Pâr 1 o 6');
    buttonByText(cy, 'Alla i ddim penderfynu').click();
    await said(cy, 'Doeddech chi ddim yn gallu penderfynu. Pâr 2 o 6.');
    await expectNoAxeViolations(cy);

    const ur = await ranking(
      html`<participate-priority-ranking lang="ur" mode="pairwise" endpoint=${endpoint} topic="b"
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    await until(() => $(ur, '[part="base"]').getAttribute('dir') === 'rtl');
    const [a] = pair(ur);
    expect($(ur, '#pair-a').getBoundingClientRect().left).to.be.greaterThan(
      $(ur, '#pair-b').getBoundingClientRect().left,
    );
    $(ur, '#pair-a').click();
    await said(ur, `آپ نے ${LABELS[a] ?? ''} چنا۔ 6 میں سے جوڑا 2۔`);
    await expectNoAxeViolations(ur);
  });

  it('keeps targets large enough and reflows at 320 CSS pixels', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await ranking(
        html`<participate-priority-ranking mode="pairwise" endpoint="/x" topic="a"
          >${OPTIONS}</participate-priority-ranking
        >`,
      );
      for (const id of ['#pair-a', '#pair-b']) {
        const rect = $(el, id).getBoundingClientRect();
        expect(Math.min(rect.width, rect.height)).to.be.at.least(44);
      }
      const cant = $(el, '.cant-decide').getBoundingClientRect();
      expect(Math.min(cant.width, cant.height)).to.be.at.least(24);
      expect(el.scrollWidth).to.be.at.most(320);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('tells the web team when rounds cannot be used as given', async () => {
    const messages: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => messages.push(message);
    try {
      const el = await ranking(
        html`<participate-priority-ranking mode="pairwise" rounds="50" endpoint="/x" topic="a"
          >${OPTIONS}</participate-priority-ranking
        >`,
      );
      expect(progress(el)).to.equal('Pair 1 of 6');
      await until(() => messages.join('\n').includes('"rounds" is "50"'));
      expect(messages.join('\n')).to.contain('so 6 is used');
    } finally {
      console.warn = original;
    }
  });

  it('shows sending, then says "saved on this device" when the endpoint cannot be reached', async () => {
    const el = await ranking(
      html`<participate-priority-ranking mode="pairwise" rounds="1" endpoint=${UNREACHABLE_ENDPOINT} topic="a"
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    $(el, '#pair-b').click();
    await until(() => $$(el, 'button[type="submit"]').length === 1);
    buttonByText(el, 'Send').click();
    await until(() => text(el).includes('Your answer is saved'));
    await expectNoAxeViolations(el);
  });

  it('after a refusal, a further answer clears the failure so Send sends the new answers', async () => {
    const key = uniqueTopic('refuse-pairwise');
    const el = await ranking(
      html`<participate-priority-ranking
        mode="pairwise"
        rounds="3"
        endpoint=${faultEndpoint(key, { status: 422, times: 1 })}
        topic="a"
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    $(el, '#pair-a').click();
    await until(() => $$(el, '.stop').length === 1);
    $(el, '.stop').click();
    await until(() => $$(el, 'button[type="submit"]').length === 1);
    buttonByText(el, 'Send').click();
    await until(() => text(el).includes('Your answer was not sent'));
    await expectNoAxeViolations(el);
    buttonByText(el, 'Carry on comparing').click();
    await until(() => !text(el).includes('Your answer was not sent'));
    expect(progress(el)).to.equal('Pair 2 of 3');
    const sent = eventually<ParticipateSentEvent>(el, 'participate-sent');
    $(el, '#pair-a').click();
    await until(() => progress(el) === 'Pair 3 of 3');
    $(el, '#pair-b').click();
    await until(() => $$(el, 'button[type="submit"]').length === 1);
    buttonByText(el, 'Send').click();
    const event = await sent;
    expect(event.detail.payload.answer).to.deep.include({ stoppedEarly: false });
    expect((event.detail.payload.answer as { comparisons: unknown[] }).comparisons).to.have.length(3);
    expect(await schemaProblems(event.detail.payload)).to.deep.equal([]);
  });

  it('takes back the last answer and shows that pair again', async () => {
    const topic = uniqueTopic();
    const el = await ranking(
      html`<participate-priority-ranking mode="pairwise" endpoint=${endpoint} topic=${topic}
        >${OPTIONS}</participate-priority-ranking
      >`,
    );
    const first = pair(el);
    $(el, '#pair-a').click();
    await until(() => progress(el) === 'Pair 2 of 6');
    buttonByText(el, 'Change my last answer').click();
    await said(el, 'Your last answer was taken back. Pair 1 of 6.');
    expect(progress(el)).to.equal('Pair 1 of 6');
    expect(pair(el)).to.deep.equal(first);
    expect(focused(el)?.id).to.equal('pair-a');
    $(el, '#pair-b').click();
    await until(() => progress(el) === 'Pair 2 of 6');
    buttonByText(el, "I've finished comparing").click();
    await until(() => $$(el, 'button[type="submit"]').length === 1);
    const sent = eventually<ParticipateSentEvent>(el, 'participate-sent');
    buttonByText(el, 'Send').click();
    const event = await sent;
    expect(event.detail.payload.answer).to.deep.include({
      comparisons: [{ a: first[0], b: first[1], choice: 'b' }],
      stoppedEarly: true,
    });
  });
});
