import { html } from '@open-wc/testing-helpers';
import { fixture } from '@open-wc/testing-helpers';
import '../define/fruit-tree.js';
import type { ParticipateFruitTree } from './fruit-tree.js';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { $, $$, buttonByText, clearDrafts, until } from '../test-support/prompt-helpers.js';
import { applyTheme } from '../test-support/themes.js';

const THEMES = ['default', 'nhs', 'govuk'] as const;

async function fruitTree(view: string, topic: string): Promise<ParticipateFruitTree> {
  const element = await fixture<ParticipateFruitTree>(
    html`<participate-fruit-tree
      view=${view}
      endpoint="/__no-such-endpoint"
      topic=${topic}
      privacy-url="https://www.example.org/privacy"
    ></participate-fruit-tree>`,
  );
  await until(() => element.shadowRoot?.querySelector('[part="base"]'), 'widget did not render');
  return element;
}

describe('<participate-fruit-tree> themes', () => {
  afterEach(clearDrafts);

  for (const theme of THEMES) {
    it(`${theme}: meets WCAG 2.2 AA in both views, with a choice made, an error, the contact step and after a failure`, async () => {
      const removeTheme = await applyTheme(theme);
      try {
        const tree = await fruitTree('tree', `tree-${theme}`);
        buttonByText(tree, 'Continue').click();
        await until(() => $$(tree, '.error-summary').length === 1, 'choose error');
        await expectNoAxeViolations(tree);
        $(tree, 'button.fruit').click();
        await until(() => $$(tree, 'button.fruit[aria-pressed="true"]').length === 1, 'a fruit chosen');
        await expectNoAxeViolations(tree);

        const list = await fruitTree('list', `list-${theme}`);
        $(list, 'input[type="checkbox"]').click();
        buttonByText(list, 'Continue').click();
        await until(() => $$(list, '#contact-name').length === 1, 'contact step');
        buttonByText(list, 'Continue').click();
        await until(() => $$(list, '.error-summary').length === 1, 'contact errors');
        await expectNoAxeViolations(list);
        buttonByText(list, 'Continue without giving contact details').click();
        await until(() => $$(list, '.mix-sentence').length === 1, 'check step');
        buttonByText(list, 'Send').click();
        await until(() => $$(list, '.panel.warning').length === 1, 'not sent');
        await expectNoAxeViolations(list);
      } finally {
        removeTheme();
      }
    });
  }
});
