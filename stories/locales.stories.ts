import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent } from 'storybook/test';
import { html, type TemplateResult } from 'lit';
import { LOCALES, type Locale } from '../.storybook/locale.js';
import { UNREACHABLE_ENDPOINT } from './support/endpoints.js';
import { PRIVACY_URL, chooseFruits, findInTree, renderedTree } from './support/fruit-tree.js';
import { answerNo } from './support/prompt.js';
import {
  answerPairs,
  chooseOneTooMany,
  giveTooManyPoints,
  holdAndMoveDown,
  rankingInEveryMode,
  renderedRanking,
  stopComparing,
} from './support/ranking.js';

interface LocaleArgs {
  locale: Locale;
}

type Story = StoryObj<LocaleArgs>;

/**
 * Each widget sits in an element carrying the language and its direction, as on a page in it:
 * the feedback prompt in both variants, then the priority ranking in every mode.
 */
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
    ${rankingInEveryMode({
      endpoint: UNREACHABLE_ENDPOINT,
      topic: `storybook-${locale}`,
      locale,
      headings: {
        rank: 'Rank: an option held and moved',
        top: 'Top three: one too many',
        points: 'Points: too many given',
        pairwise: 'Pairwise: stopped after two pairs',
      },
    })}
    <section aria-labelledby="${locale}-tree-heading">
      <h2 id="${locale}-tree-heading">Fruit tree: a choice kept by the time filter</h2>
      <div lang=${locale} dir=${dir}>
        <participate-fruit-tree
          id="storybook-${locale}-tree"
          endpoint=${UNREACHABLE_ENDPOINT}
          topic="storybook-${locale}-tree"
          privacy-url=${PRIVACY_URL}
          view="tree"
        >
          <p><a href="https://www.example.org/get-involved/form">Get involved</a></p>
        </participate-fruit-tree>
      </div>
    </section>
  `;
}

const meta = {
  title: 'Guides/Languages',
  render: renderLocale,
  argTypes: { locale: { control: false } },
  play: async ({ canvasElement, args }) => {
    const id = `#storybook-${args.locale}`;
    await answerNo(canvasElement, `${id}-follow-up`);
    await chooseOneTooMany(await renderedRanking(canvasElement, `${id}-top`), 3);
    await giveTooManyPoints(await renderedRanking(canvasElement, `${id}-points`));
    const pairwise = await renderedRanking(canvasElement, `${id}-pairwise`);
    await answerPairs(pairwise, 2);
    await stopComparing(pairwise);
    const tree = await renderedTree(canvasElement, `${id}-tree`);
    await expect(await findInTree(tree, '[part~="base"]')).toHaveAttribute('dir', LOCALES[args.locale].dir);
    await chooseFruits(tree, 'governor');
    await userEvent.click(await findInTree(tree, 'input[name="effort"][value="once"]'));
    await findInTree(tree, '.hidden-count');
    // Last: focus moving anywhere else would put the held option down.
    await holdAndMoveDown(await renderedRanking(canvasElement, `${id}-rank`), 'mental-health');
  },
  parameters: {
    docs: {
      description: {
        component:
          "The shipped translations side by side. The feedback prompt: the question, the follow-up after \"No\" and the Friends and Family Test. The priority ranking in every mode, with the options written in the same language, as an author would: an option picked up with the keyboard and moved (its handle, Up and Down in the language, and the move announced), a top three with one too many tried, points over the budget (the count and the errors use the language's plural forms) and a pairwise comparison stopped after two pairs (its summary counts choices in words). The fruit tree's default tree in its tree view, with a fruit chosen and the time filter on, so the text under it counts the hidden fruits in the language's plural form; in Urdu the tree is mirrored. The play function puts each widget into that state. A widget takes the language of its own `lang` or the nearest ancestor's, and loads that locale's strings on demand.",
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
      description: {
        story:
          'Urdu, written right to left: each widget sets `dir="rtl"` and its layout mirrors, the ranking\'s numbers and buttons and the fruit tree\'s illustration included.',
      },
    },
  },
};
