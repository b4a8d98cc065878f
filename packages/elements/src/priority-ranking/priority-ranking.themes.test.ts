import { expect } from '@esm-bundle/chai';
import { fixture, html } from '@open-wc/testing-helpers';
import type { TemplateResult } from 'lit';
import '../define/priority-ranking.js';
import type { ParticipatePriorityRanking } from './priority-ranking.js';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { $, $$, buttonByText, clearDrafts, text, until } from '../test-support/prompt-helpers.js';
import { applyTheme } from '../test-support/themes.js';

const THEMES = ['default', 'nhs', 'govuk'] as const;

const OPTIONS = html`
  <participate-option value="gp-access"
    >Easier GP appointments<span slot="description">Booking online or by phone</span></participate-option
  >
  <participate-option value="mental-health">Mental health support</participate-option>
  <participate-option value="waiting-lists">Shorter waiting lists</participate-option>
`;

async function ranking(template: TemplateResult): Promise<ParticipatePriorityRanking> {
  const element = await fixture<ParticipatePriorityRanking>(template);
  await until(() => element.shadowRoot?.querySelector('[part="base"]'), 'widget did not render');
  return element;
}

describe('<participate-priority-ranking> themes', () => {
  afterEach(clearDrafts);

  for (const theme of THEMES) {
    it(`${theme}: meets WCAG 2.2 AA with an option held, in top mode's error, after a failure, and in points and pairwise modes`, async () => {
      const removeTheme = await applyTheme(theme);
      try {
        const rank = await ranking(
          html`<participate-priority-ranking endpoint="/__no-such-endpoint" topic="a"
            >${OPTIONS}</participate-priority-ranking
          >`,
        );
        $(rank, 'li[data-value="mental-health"] .handle').click();
        await until(() => $$(rank, '.grabbed').length === 1);
        await expectNoAxeViolations(rank);
        buttonByText(rank, 'Send').click();
        await until(() => text(rank).includes('Your answer was not sent'));
        await expectNoAxeViolations(rank);

        const top = await ranking(
          html`<participate-priority-ranking mode="top" max="1" endpoint="/x" topic="a"
            >${OPTIONS}</participate-priority-ranking
          >`,
        );
        buttonByText(top, 'Send').click();
        await until(() => $$(top, '.error-summary').length === 1, 'top error');
        await expectNoAxeViolations(top);
        $(top, '#toggle-0').click();
        await until(() => $$(top, '.ranking > li').length === 1);
        $(top, '#toggle-1').click();
        await until(() => $$(top, '.full-message').length === 1);
        expect($(top, '#toggle-1').getAttribute('aria-disabled')).to.equal('true');
        await expectNoAxeViolations(top);

        const points = await ranking(
          html`<participate-priority-ranking mode="points" must-spend-all endpoint="/x" topic="points"
            >${OPTIONS}</participate-priority-ranking
          >`,
        );
        const box = $(points, 'li[data-value="gp-access"] input') as HTMLInputElement;
        box.value = '150';
        box.dispatchEvent(new Event('input'));
        buttonByText(points, 'Send').click();
        await until(() => $$(points, '.error-summary').length === 1, 'points error summary');
        expect($(points, 'li[data-value="mental-health"] .more').getAttribute('aria-disabled')).to.equal('true');
        await expectNoAxeViolations(points);

        const pairwise = await ranking(
          html`<participate-priority-ranking mode="pairwise" endpoint="/x" topic="pairwise"
            >${OPTIONS}</participate-priority-ranking
          >`,
        );
        await expectNoAxeViolations(pairwise);
        $(pairwise, '#pair-a').click();
        await until(() => $$(pairwise, '.stop').length === 1);
        $(pairwise, '.stop').click();
        await until(() => $$(pairwise, '#pairs-done').length === 1);
        await expectNoAxeViolations(pairwise);
      } finally {
        removeTheme();
      }
    });
  }
});
