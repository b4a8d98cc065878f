import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import type { Theme } from '../.storybook/theme.js';
import { MISSING_ENDPOINT, UNREACHABLE_ENDPOINT } from './support/endpoints.js';
import {
  PRIVACY_URL,
  chooseFruits,
  continueTo,
  renderedTree,
  submitExpectingErrors,
  typeContact,
} from './support/fruit-tree.js';
import { findInPrompt, renderedPrompt } from './support/prompt.js';
import {
  answerPairs,
  findInRanking,
  giveTooManyPoints,
  holdAndMoveDown,
  rankingInEveryMode,
  renderedRanking,
  sendExpectingErrors,
} from './support/ranking.js';

/**
 * Each shipped token set on every widget, variant and mode, including the error styling, so
 * the smoke test's axe run checks every theme's colours and not only the default ones.
 */
function renderThemed(): TemplateResult {
  return html`
    <div class="story-columns">
      <participate-feedback-prompt id="useful" endpoint=${UNREACHABLE_ENDPOINT} topic="storybook-theme">
        <p><a href="https://www.example.org/contact/feedback">Feedback</a></p>
      </participate-feedback-prompt>
      <participate-feedback-prompt id="fft" variant="fft" endpoint=${MISSING_ENDPOINT} topic="storybook-theme-fft">
        <p><a href="https://www.example.org/contact/feedback">Feedback</a></p>
      </participate-feedback-prompt>
    </div>
    ${rankingInEveryMode({
      endpoint: UNREACHABLE_ENDPOINT,
      topic: 'storybook-theme',
      headings: {
        rank: 'Rank: an option held',
        top: 'Top three: nothing chosen',
        points: 'Points: too many given',
        pairwise: 'Pairwise: one pair answered',
      },
    })}
    <div class="story-columns">
      <section aria-labelledby="tree-chosen-heading">
        <h2 id="tree-chosen-heading">Fruit tree: one fruit chosen</h2>
        <participate-fruit-tree
          id="tree-chosen"
          endpoint=${UNREACHABLE_ENDPOINT}
          topic="storybook-theme-tree"
          privacy-url=${PRIVACY_URL}
          view="tree"
        >
          <p><a href="https://www.example.org/get-involved/form">Get involved</a></p>
        </participate-fruit-tree>
      </section>
      <section aria-labelledby="tree-contact-heading">
        <h2 id="tree-contact-heading">Fruit tree: contact details with errors</h2>
        <participate-fruit-tree
          id="tree-contact"
          endpoint=${UNREACHABLE_ENDPOINT}
          topic="storybook-theme-tree-contact"
          privacy-url=${PRIVACY_URL}
          view="tree"
        >
          <p><a href="https://www.example.org/get-involved/form">Get involved</a></p>
        </participate-fruit-tree>
      </section>
    </div>
  `;
}

const meta: Meta = {
  title: 'Guides/Themes',
  render: renderThemed,
  parameters: {
    docs: {
      description: {
        component:
          "The three token sets the library ships, applied as a page would apply them: link `dist/cdn/themes/<name>.css`. The play function puts the widgets into the states that use the most colours: the Friends and Family Test and the top-three ranking sent empty (validation errors), the points ranking over its budget (the count in the error colour, and an error), a pairwise ranking with one pair answered (its link buttons), an option held in the ranking (the moving colours), a fruit tree with one fruit ripe, and a fruit tree's contact step with errors (its text boxes, privacy link and consent box).",
      },
    },
  },
  play: async ({ canvasElement }) => {
    const fft = await renderedPrompt(canvasElement, '#fft');
    (await findInPrompt<HTMLButtonElement>(fft, 'button[type="submit"]')).click();
    await findInPrompt(fft, '.error-summary');

    await sendExpectingErrors(await renderedRanking(canvasElement, '#storybook-theme-top'));
    await giveTooManyPoints(await renderedRanking(canvasElement, '#storybook-theme-points'));
    const pairwise = await renderedRanking(canvasElement, '#storybook-theme-pairwise');
    await answerPairs(pairwise, 1);
    await findInRanking(pairwise, '.stop');
    await chooseFruits(await renderedTree(canvasElement, '#tree-chosen'), 'citizens-panel');
    const contact = await renderedTree(canvasElement, '#tree-contact');
    await chooseFruits(contact, 'governor');
    await continueTo(contact, 'contact');
    await typeContact(contact, { name: 'Sam Jones', email: 'sam.jones@example' });
    await submitExpectingErrors(contact);
    // Last: focus moving anywhere else would put the held option down.
    await holdAndMoveDown(await renderedRanking(canvasElement, '#storybook-theme-rank'), 'mental-health');
  },
};
export default meta;

type Story = StoryObj;

// Written out, not built by a function: Storybook reads story names without running the file.
export const Default: Story = { name: 'Default (council)', globals: { theme: 'default' satisfies Theme } };
export const Nhs: Story = { name: 'NHS', globals: { theme: 'nhs' satisfies Theme } };
export const GovUk: Story = { name: 'GOV.UK', globals: { theme: 'govuk' satisfies Theme } };
