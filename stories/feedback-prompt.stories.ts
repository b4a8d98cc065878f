import type { ArgTypes, Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { STAGES } from '@participate/schema/vocabulary';
import type { ParticipateFeedbackPrompt } from '../packages/elements/src/index.js';
import {
  ACCEPTING_ENDPOINT,
  HELD_ENDPOINT,
  MISSING_ENDPOINT,
  UNREACHABLE_ENDPOINT,
  acceptRequestsTo,
  acceptedPayloads,
  holdRequestsTo,
} from './support/endpoints.js';
import { nextEvent } from './support/events.js';
import { NETWORK_TIMEOUT_MS, answerNo, findInPrompt, renderedPrompt } from './support/prompt.js';

/** The attributes a page sets, under their property names so autodocs pairs them up. */
interface PromptArgs {
  endpoint?: string;
  topic: string;
  variant: 'page-useful' | 'fft';
  stage?: string;
  question?: string;
  commentQuestion?: string;
  commentMaxlength?: number;
  nonstandardFft: boolean;
}

type Story = StoryObj<PromptArgs>;

/** Leaves an attribute out when a control is cleared, rather than setting it to "". */
function optional(value: string | number | undefined): string | number | typeof nothing {
  return value === undefined || value === '' ? nothing : value;
}

/** What people see without JavaScript or when the prompt is misconfigured. */
const fallbackLink = html`<p>
  <a href="https://www.example.org/contact/feedback">Tell us what you think of this page</a>
</p>`;

function renderPrompt(args: PromptArgs, children: TemplateResult = fallbackLink): TemplateResult {
  return html`
    <participate-feedback-prompt
      endpoint=${optional(args.endpoint)}
      topic=${args.topic}
      variant=${args.variant}
      stage=${optional(args.stage)}
      question=${optional(args.question)}
      comment-question=${optional(args.commentQuestion)}
      comment-maxlength=${optional(args.commentMaxlength)}
      ?nonstandard-fft=${args.nonstandardFft}
    >
      ${children}
    </participate-feedback-prompt>
  `;
}

/**
 * Members the manifest documents but no control drives: the kebab-case attributes have
 * camelCase twins that do, and `reasons` and `strings` are shown by the stories.
 */
const documentedOnly: ArgTypes = Object.fromEntries(
  ['comment-question', 'comment-maxlength', 'nonstandard-fft', 'reasons', 'strings'].map((name) => [
    name,
    { control: false },
  ]),
);

const meta = {
  title: 'Components/Feedback prompt',
  component: 'participate-feedback-prompt',
  render: (args) => renderPrompt(args),
  args: {
    endpoint: UNREACHABLE_ENDPOINT,
    topic: 'storybook',
    variant: 'page-useful',
    nonstandardFft: false,
  },
  argTypes: {
    ...documentedOnly,
    variant: { control: 'inline-radio', options: ['page-useful', 'fft'] },
    stage: {
      control: 'select',
      options: [undefined, ...STAGES],
    },
    // `string | undefined` in the manifest, which Storybook would offer as an object.
    question: { control: 'text' },
    commentQuestion: { control: 'text' },
    commentMaxlength: { control: { type: 'number', min: 1, max: 2000 } },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Asks "Is this page useful?" or the NHS Friends and Family Test inline, and sends the answer to `endpoint` — or keeps it on the device until it can. Each state comes from a real network outcome (the sending story holds its request open); the component itself is never mocked.',
      },
    },
  },
} satisfies Meta<PromptArgs>;

export default meta;

function storyDescription(story: string): Story['parameters'] {
  return { docs: { description: { story } } };
}

// ----- Steps the play functions share ------------------------------------------------------

async function send(prompt: ParticipateFeedbackPrompt): Promise<void> {
  await userEvent.click(await findInPrompt(prompt, 'button[type="submit"]'));
}

/**
 * Picks the first Friends and Family Test answer and sends it. The network states use this
 * variant because its one Send button makes exactly one request.
 */
async function sendFftAnswer(canvasElement: HTMLElement): Promise<ParticipateFeedbackPrompt> {
  const prompt = await renderedPrompt(canvasElement);
  await userEvent.click(await findInPrompt(prompt, 'input[name="rating"]'));
  await send(prompt);
  return prompt;
}

/** Waits for the sent, saved or failed panel that ends a submission. */
async function outcomePanel(prompt: ParticipateFeedbackPrompt): Promise<HTMLElement> {
  return findInPrompt(prompt, '[part~="message"]', NETWORK_TIMEOUT_MS);
}

// ----- Questions ---------------------------------------------------------------------------

export const PageUseful: Story = {
  name: 'Is this page useful?',
  args: { topic: 'storybook-page-useful' },
  parameters: storyDescription('The default variant as a page first shows it: one question and two buttons.'),
};

export const CustomReasons: Story = {
  name: 'Custom reasons',
  args: { topic: 'storybook-custom-reasons' },
  render: (args) =>
    renderPrompt(
      args,
      html`
        ${fallbackLink}
        <participate-option value="missing-bin">My bin was not collected</participate-option>
        <participate-option value="wrong-day">The collection day is wrong</participate-option>
        <participate-option value="cannot-book">I could not book a bulky waste collection</participate-option>
      `,
    ),
  play: async ({ canvasElement }) => {
    const prompt = await answerNo(canvasElement);
    await expect(await findInPrompt(prompt, 'label[for="reason-0"]')).toHaveTextContent('My bin was not collected');
  },
  parameters: storyDescription(
    'Light-DOM `<participate-option value="…">` children replace the standard "What went wrong?" reasons. The play function answers "No" to show them.',
  ),
};

export const FriendsAndFamilyTest: Story = {
  name: 'Friends and Family Test',
  args: { topic: 'storybook-fft', variant: 'fft' },
  play: async ({ canvasElement }) => {
    const prompt = await renderedPrompt(canvasElement);
    await expect(await findInPrompt(prompt, 'legend')).toHaveTextContent(
      'Overall, how was your experience of our service?',
    );
  },
  parameters: storyDescription(
    '`variant="fft"`: the NHS Friends and Family Test with its mandatory wording and six answers, then an optional comment.',
  ),
};

// ----- States ------------------------------------------------------------------------------

export const FollowUp: Story = {
  name: 'State: follow-up questions',
  args: { topic: 'storybook-follow-up' },
  play: async ({ canvasElement }) => {
    await answerNo(canvasElement);
  },
  parameters: storyDescription(
    'After "No". The answer goes at once (nothing listens at this endpoint, so it is saved on this device, and the prompt says so); then come what went wrong, an optional comment with a character count, and a way to change the answer. The play function clicks "No".',
  ),
};

export const ValidationError: Story = {
  name: 'State: validation error',
  args: { topic: 'storybook-validation-error', commentMaxlength: 10 },
  play: async ({ canvasElement }) => {
    const prompt = await answerNo(canvasElement);
    await userEvent.type(await findInPrompt(prompt, 'textarea'), 'This comment is too long');
    await send(prompt);
    const summary = await findInPrompt(prompt, '.error-summary');
    // Focus moves to the summary; inside a shadow root, the root says which element has it.
    await waitFor(() => expect(prompt.shadowRoot?.activeElement).toBe(summary));
  },
  parameters: storyDescription(
    'A comment longer than `comment-maxlength` (10 here) is not sent: an error summary, focused and linked to the field, and the field marked in error, as in the GOV.UK Design System.',
  ),
};

export const Sending: Story = {
  name: 'State: sending',
  args: { topic: 'storybook-sending', variant: 'fft', endpoint: HELD_ENDPOINT },
  beforeEach: () => holdRequestsTo(HELD_ENDPOINT),
  play: async ({ canvasElement }) => {
    const prompt = await sendFftAnswer(canvasElement);
    await expect(await findInPrompt(prompt, 'button[type="submit"][aria-disabled="true"]')).toBeVisible();
  },
  parameters: storyDescription(
    'While the endpoint has not answered, Send stays focusable but `aria-disabled`, and "Sending your feedback…" is announced. To hold this state, the story leaves requests to `https://held.invalid` unanswered (that address only; the component is unchanged) until the prompt\'s own 15-second timeout; after its retries it saves the answer on the device.',
  ),
};

export const Sent: Story = {
  name: 'State: sent',
  args: { topic: 'storybook-sent', variant: 'fft', endpoint: ACCEPTING_ENDPOINT },
  beforeEach: () => acceptRequestsTo(ACCEPTING_ENDPOINT),
  play: async ({ canvasElement }) => {
    const prompt = await renderedPrompt(canvasElement);
    const sent = nextEvent(prompt, 'participate-sent', NETWORK_TIMEOUT_MS);
    await sendFftAnswer(canvasElement);
    await sent;
    await expect(await outcomePanel(prompt)).not.toHaveClass('warning');
    await expect(acceptedPayloads).toHaveLength(1);
    await expect(acceptedPayloads[0]).toMatchObject({ widget: 'feedback-prompt', topic: 'storybook-sent' });
  },
  parameters: storyDescription(
    'The endpoint stored the answer: "Thank you for your feedback". The story answers requests to `https://accepts.invalid` as the reference collector does (`201 {"id": …, "status": "stored"}`; that address only, the component is unchanged), so this shows in the static build too. To post to the real collector instead, set `endpoint` to `http://127.0.0.1:8787/v1/responses` and run it with Storybook\'s origin allowed: `PARTICIPATE_ALLOWED_ORIGINS=http://127.0.0.1:6006,http://127.0.0.1:5173 npm start`.',
  ),
};

export const Queued: Story = {
  name: 'State: saved on this device',
  args: { topic: 'storybook-queued', variant: 'fft', endpoint: UNREACHABLE_ENDPOINT },
  play: async ({ canvasElement }) => {
    await outcomePanel(await sendFftAnswer(canvasElement));
  },
  parameters: storyDescription(
    'Nothing listens at `http://127.0.0.1:9`, as when the person is offline: after quick retries the answer is kept in IndexedDB and sent later, even after a reload.',
  ),
};

export const NotSent: Story = {
  name: 'State: not sent (try again)',
  args: { topic: 'storybook-not-sent', variant: 'fft', endpoint: MISSING_ENDPOINT },
  play: async ({ canvasElement }) => {
    await expect(await outcomePanel(await sendFftAnswer(canvasElement))).toHaveClass('warning');
  },
  parameters: storyDescription(
    'The endpoint refuses the response for good (here a 404 from `/__no-such-endpoint`), so it is not kept: the prompt says so, keeps the answer on screen and offers "Try again".',
  ),
};

export const Misconfigured: Story = {
  name: 'Misconfigured: fallback content',
  args: { topic: 'storybook-misconfigured', endpoint: '' },
  parameters: storyDescription(
    'Without `endpoint` the prompt cannot work, so it shows its light-DOM content — the same link people get without JavaScript — and explains the problem in the console.',
  ),
};
