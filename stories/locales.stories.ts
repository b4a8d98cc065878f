import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { LOCALES, type Locale } from '../.storybook/locale.js';
import { UNREACHABLE_ENDPOINT } from './support/endpoints.js';
import { answerNo } from './support/prompt.js';

interface LocaleArgs {
  locale: Locale;
}

type Story = StoryObj<LocaleArgs>;

/** Each prompt sits in an element carrying the language and its direction, as on a page in it. */
function renderLocale({ locale }: LocaleArgs): TemplateResult {
  const { dir } = LOCALES[locale];
  const prompt = (variant: string, topic: string): TemplateResult => html`
    <div lang=${locale} dir=${dir}>
      <participate-feedback-prompt id=${topic} endpoint=${UNREACHABLE_ENDPOINT} topic=${topic} variant=${variant}>
        <p><a href="https://www.example.org/contact/feedback">Feedback</a></p>
      </participate-feedback-prompt>
    </div>
  `;
  return html`
    <div class="story-columns">
      <section aria-labelledby="${locale}-initial-heading">
        <h2 id="${locale}-initial-heading">Is this page useful?</h2>
        ${prompt('page-useful', `storybook-${locale}-initial`)}
      </section>
      <section aria-labelledby="${locale}-follow-up-heading">
        <h2 id="${locale}-follow-up-heading">After “No”</h2>
        ${prompt('page-useful', `storybook-${locale}-follow-up`)}
      </section>
      <section aria-labelledby="${locale}-fft-heading">
        <h2 id="${locale}-fft-heading">Friends and Family Test</h2>
        ${prompt('fft', `storybook-${locale}-fft`)}
      </section>
    </div>
  `;
}

const meta = {
  title: 'Guides/Languages',
  render: renderLocale,
  argTypes: { locale: { control: false } },
  play: async ({ canvasElement, args }) => {
    await answerNo(canvasElement, `#storybook-${args.locale}-follow-up`);
  },
  parameters: {
    docs: {
      description: {
        component:
          'The shipped translations side by side: the question, the follow-up after "No" (opened by the play function) and the Friends and Family Test. A prompt takes the language of its own `lang` or the nearest ancestor\'s, and loads that locale\'s strings on demand.',
      },
    },
  },
} satisfies Meta<LocaleArgs>;

export default meta;

export const English: Story = {
  args: { locale: 'en' },
  parameters: { docs: { description: { story: 'English, bundled with the library so a prompt can always render.' } } },
};

export const Welsh: Story = {
  name: 'Cymraeg (Welsh)',
  args: { locale: 'cy' },
  parameters: { docs: { description: { story: 'Welsh, for councils and health boards in Wales.' } } },
};

export const Urdu: Story = {
  name: 'اردو (Urdu)',
  args: { locale: 'ur' },
  parameters: {
    docs: {
      description: { story: 'Urdu, written right to left: the prompt sets `dir="rtl"` and its layout mirrors.' },
    },
  },
};
