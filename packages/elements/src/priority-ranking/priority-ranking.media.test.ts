import { expect } from '@esm-bundle/chai';
import { fixture, html } from '@open-wc/testing-helpers';
import { sendKeys } from '@web/test-runner-commands';
import '../define/priority-ranking.js';
import type { ParticipatePriorityRanking } from './priority-ranking.js';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { emulateMediaFeatures } from '../test-support/media.js';
import { $, $$, until } from '../test-support/prompt-helpers.js';

const OPTIONS = html`
  <participate-option value="gp-access">Easier GP appointments</participate-option>
  <participate-option value="mental-health">Mental health support</participate-option>
  <participate-option value="waiting-lists">Shorter waiting lists</participate-option>
`;

async function ranking(mode = 'rank'): Promise<ParticipatePriorityRanking> {
  const element = await fixture<ParticipatePriorityRanking>(
    html`<participate-priority-ranking mode=${mode} endpoint="/x" topic="a">${OPTIONS}</participate-priority-ranking>`,
  );
  await until(() => element.shadowRoot?.querySelector('[part="base"]'), 'widget did not render');
  return element;
}

describe('<participate-priority-ranking> under user preferences', () => {
  afterEach(async () => {
    await emulateMediaFeatures([]);
  });

  it('works in forced-colours mode: options, the held option and focus stay visible', async () => {
    await emulateMediaFeatures([{ name: 'forced-colors', value: 'active' }]);
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const el = await ranking();
    const item = $(el, 'li[data-value="gp-access"]');
    expect(getComputedStyle(item).borderTopStyle).to.equal('solid');

    const handle = $(el, 'li[data-value="gp-access"] .handle');
    handle.focus();
    await sendKeys({ press: 'Space' });
    await until(() => item.classList.contains('grabbed'));
    expect(getComputedStyle(item).borderTopStyle, 'the held option is marked by its border').to.equal('dashed');
    expect(getComputedStyle(handle).outlineStyle).to.equal('solid');
    expect(getComputedStyle(handle).outlineWidth).to.equal('3px');
    await expectNoAxeViolations(el);
    await sendKeys({ press: 'Escape' });

    const top = await ranking('top');
    $(top, '#toggle-0').click();
    await until(() => $$(top, '.ranking li').length === 1);
    await expectNoAxeViolations(top);

    const points = await ranking('points');
    const more = $(points, 'li[data-value="gp-access"] .more');
    expect(getComputedStyle($(points, '.points-input')).borderTopStyle).to.equal('solid');
    more.focus();
    expect(getComputedStyle(more).outlineStyle).to.equal('solid');
    await expectNoAxeViolations(points);

    const pairwise = await ranking('pairwise');
    const first = $(pairwise, '#pair-a');
    first.focus();
    expect(getComputedStyle(first).outlineStyle).to.equal('solid');
    await expectNoAxeViolations(pairwise);
  });

  it('has no transitions when the person prefers reduced motion', async () => {
    const el = await ranking();
    const item = $(el, 'li');
    expect(getComputedStyle(item).transitionDuration).not.to.equal('0s');
    await emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    expect(getComputedStyle(item).transitionDuration).to.equal('0s');
    expect(getComputedStyle($(el, 'button')).transitionDuration).to.equal('0s');
  });

  it('clips no text when a reader increases text spacing', async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }',
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      for (const mode of ['rank', 'top', 'points', 'pairwise']) {
        const el = await ranking(mode);
        const clipped = $$(el, 'button, legend, h3, .points-row label, .item-label, p:not(.visually-hidden)').filter(
          (node) => node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1,
        );
        expect(clipped.map((node) => node.outerHTML.slice(0, 60))).to.deep.equal([]);
      }
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });
});
