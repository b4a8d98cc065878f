import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import type { Theme } from '../.storybook/theme.js';
import { MISSING_ENDPOINT, UNREACHABLE_ENDPOINT } from './support/endpoints.js';
import { findInPrompt, renderedPrompt } from './support/prompt.js';

/**
 * Each shipped token set on both variants, including the error styling, so the smoke test's
 * axe run checks every theme's colours and not only the default ones.
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
  `;
}

const meta: Meta = {
  title: 'Guides/Themes',
  render: renderThemed,
  parameters: {
    docs: {
      description: {
        component:
          'The three token sets the library ships, applied as a page would apply them: link `dist/cdn/themes/<name>.css`. The Friends and Family Test is shown with its validation error, so the error colours are on view too.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const fft = await renderedPrompt(canvasElement, '#fft');
    (await findInPrompt<HTMLButtonElement>(fft, 'button[type="submit"]')).click();
    await findInPrompt(fft, '.error-summary');
  },
};
export default meta;

type Story = StoryObj;

// Written out, not built by a function: Storybook reads story names without running the file.
export const Default: Story = { name: 'Default (council)', globals: { theme: 'default' satisfies Theme } };
export const Nhs: Story = { name: 'NHS', globals: { theme: 'nhs' satisfies Theme } };
export const GovUk: Story = { name: 'GOV.UK', globals: { theme: 'govuk' satisfies Theme } };
