import type { ArgTypes, Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { STAGES } from '@participate/schema/vocabulary';
import type { ParticipatePriorityRanking } from '../packages/elements/src/index.js';
import { UNREACHABLE_ENDPOINT } from './support/endpoints.js';
import { NETWORK_TIMEOUT_MS } from './support/prompt.js';

/** The attributes a page sets, under their property names so autodocs pairs them up. */
interface RankingArgs {
  endpoint?: string;
  topic: string;
  mode: 'rank' | 'top' | 'points' | 'pairwise';
  max?: number;
  budget?: number;
  mustSpendAll?: boolean;
  step?: number;
  rounds?: number;
  shuffle: boolean;
  stage?: string;
  question?: string;
}

type Story = StoryObj<RankingArgs>;

const TAG = 'participate-priority-ranking';

function optional(value: string | number | undefined): string | number | typeof nothing {
  return value === undefined || value === '' ? nothing : value;
}

/** Options as a council or NHS web team would write them, with the fallback link. */
const options = html`
  <participate-option value="gp-access"
    >Easier GP appointments<span slot="description">Booking online, by phone or in person</span></participate-option
  >
  <participate-option value="mental-health">Mental health support</participate-option>
  <participate-option value="waiting-lists">Shorter waiting lists</participate-option>
  <participate-option value="transport">Transport to hospital</participate-option>
  <participate-option value="carers">Help for carers</participate-option>
  <p><a href="https://www.example.org/have-your-say/priorities">Tell us your priorities on our website</a></p>
`;

function renderRanking(args: RankingArgs, children: TemplateResult = options): TemplateResult {
  return html`
    <participate-priority-ranking
      endpoint=${optional(args.endpoint)}
      topic=${args.topic}
      mode=${args.mode}
      max=${optional(args.max)}
      budget=${optional(args.budget)}
      ?must-spend-all=${args.mustSpendAll ?? false}
      step=${optional(args.step)}
      rounds=${optional(args.rounds)}
      ?shuffle=${args.shuffle}
      stage=${optional(args.stage)}
      question=${optional(args.question)}
    >
      ${children}
    </participate-priority-ranking>
  `;
}

/** Members the manifest documents but no control drives. */
const documentedOnly: ArgTypes = Object.fromEntries(['options', 'strings'].map((name) => [name, { control: false }]));

const meta = {
  title: 'Components/Priority ranking',
  component: TAG,
  render: (args) => renderRanking(args),
  args: {
    endpoint: UNREACHABLE_ENDPOINT,
    topic: 'storybook',
    mode: 'rank',
    shuffle: false,
  },
  argTypes: {
    ...documentedOnly,
    mode: { control: 'inline-radio', options: ['rank', 'top', 'points', 'pairwise'] },
    max: { control: { type: 'number', min: 1, max: 50 } },
    budget: { control: { type: 'number', min: 1, max: 10000 } },
    mustSpendAll: { control: 'boolean' },
    step: { control: { type: 'number', min: 1 } },
    rounds: { control: { type: 'number', min: 1, max: 200 } },
    stage: { control: 'select', options: [undefined, ...STAGES] },
    question: { control: 'text' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Asks people what matters most — putting all options in order (`mode="rank"`), a top few (`mode="top"`, `max`), sharing out points (`mode="points"`, `budget`, `must-spend-all`, `step`) or choosing between two at a time (`mode="pairwise"`, `rounds`) — with buttons or the keyboard, never by dragging, and sends the answer to `endpoint`. Every change is announced politely.',
      },
    },
  },
} satisfies Meta<RankingArgs>;

export default meta;

function storyDescription(story: string): Story['parameters'] {
  return { docs: { description: { story } } };
}

/** An element inside the widget's shadow root, once it is there. */
async function findInPrompt(
  element: ParticipatePriorityRanking,
  selector: string,
  timeout = 1000,
): Promise<HTMLElement> {
  return waitFor(
    () => {
      const found = element.shadowRoot?.querySelector<HTMLElement>(selector);
      if (!found) throw new Error(`No ${selector} in the widget yet.`);
      return found;
    },
    { timeout, onTimeout: (error) => error },
  );
}

/** The story's widget, once it has rendered (it waits for its language's strings first). */
async function ranking(canvasElement: HTMLElement): Promise<ParticipatePriorityRanking> {
  const element = canvasElement.querySelector(TAG);
  if (!element) throw new Error(`The story renders no ${TAG}.`);
  await findInPrompt(element, '[part~="base"]');
  return element;
}

/** Values of the ordered list, top to bottom. */
function orderOf(element: ParticipatePriorityRanking): string[] {
  return [...(element.shadowRoot?.querySelectorAll<HTMLElement>('.ranking > li') ?? [])].map(
    (li) => li.dataset.value ?? '',
  );
}

export const Rank: Story = {
  name: 'Rank every option',
  args: { topic: 'storybook-rank' },
  parameters: storyDescription(
    'The default mode: every option in order, most important first. Each has a handle for the keyboard (Space to pick up, arrows to move, Space to drop, Escape to cancel) and Up and Down buttons.',
  ),
};

export const KeyboardMove: Story = {
  name: 'Keyboard: pick up and move',
  args: { topic: 'storybook-keyboard' },
  play: async ({ canvasElement }) => {
    const element = await ranking(canvasElement);
    const handle = await findInPrompt(element, 'li[data-value="waiting-lists"] .handle');
    handle.focus();
    await userEvent.keyboard(' ');
    await waitFor(() => expect(handle.getAttribute('aria-pressed')).toBe('true'));
    await userEvent.keyboard('{ArrowUp}');
    await waitFor(() => expect(orderOf(element)[1]).toBe('waiting-lists'));
  },
  parameters: storyDescription(
    'The play function picks "Shorter waiting lists" up with Space and moves it up one place; it stays held, shown by its dashed border and pressed handle.',
  ),
};

export const Top: Story = {
  name: 'Choose a top three',
  args: { topic: 'storybook-top', mode: 'top', max: 3 },
  play: async ({ canvasElement }) => {
    const element = await ranking(canvasElement);
    await userEvent.click(await findInPrompt(element, '#toggle-1'));
    await userEvent.click(await findInPrompt(element, '#toggle-3'));
    await waitFor(() => expect(orderOf(element)).toEqual(['mental-health', 'transport']));
  },
  parameters: storyDescription(
    '`mode="top"` with `max="3"`: people add up to three options to "Your top 3" and put them in order. The play function adds two.',
  ),
};

export const ValidationError: Story = {
  name: 'State: validation error',
  args: { topic: 'storybook-top-error', mode: 'top', max: 3 },
  play: async ({ canvasElement }) => {
    const element = await ranking(canvasElement);
    await userEvent.click(await findInPrompt(element, 'button[type="submit"]'));
    const summary = await findInPrompt(element, '.error-summary');
    await waitFor(() => expect(element.shadowRoot?.activeElement).toBe(summary));
  },
  parameters: storyDescription(
    'Sending with nothing chosen: a focused GOV.UK error summary linked to the first Add button, and the question marked in error.',
  ),
};

export const Shuffled: Story = {
  name: 'Shuffled for each person',
  args: { topic: 'storybook-shuffle', shuffle: true },
  parameters: storyDescription(
    '`shuffle`: each person sees the options in a random order, so that position does not sway answers. The order first shown is sent with the answer.',
  ),
};

export const Saved: Story = {
  name: 'State: saved on this device',
  args: { topic: 'storybook-saved' },
  play: async ({ canvasElement }) => {
    const element = await ranking(canvasElement);
    await userEvent.click(await findInPrompt(element, 'button[type="submit"]'));
    await findInPrompt(element, '[part~="message"]', NETWORK_TIMEOUT_MS);
  },
  parameters: storyDescription(
    'Nothing listens at this endpoint, so the answer is kept on the device to send later, and the widget says so.',
  ),
};

export const Points: Story = {
  name: 'Share out 100 points',
  args: { topic: 'storybook-points', mode: 'points', budget: 100 },
  play: async ({ canvasElement }) => {
    const element = await ranking(canvasElement);
    await userEvent.click(await findInPrompt(element, 'li[data-value="mental-health"] .more'));
    await userEvent.click(await findInPrompt(element, 'li[data-value="mental-health"] .more'));
    const box = (await findInPrompt(element, 'li[data-value="gp-access"] input')) as HTMLInputElement;
    await userEvent.type(box, '30');
    await waitFor(() =>
      expect(element.shadowRoot?.querySelector('#points-left')?.textContent.trim()).toBe('50 points left'),
    );
  },
  parameters: storyDescription(
    '`mode="points"` with `budget="100"`: a box per option with − and + (a tenth of the budget a press unless `step` says otherwise), and the points left. The play function gives 20 with + and types 30.',
  ),
};

export const PointsError: Story = {
  name: 'State: points errors (must spend all)',
  args: { topic: 'storybook-points-error', mode: 'points', budget: 100, mustSpendAll: true },
  play: async ({ canvasElement }) => {
    const element = await ranking(canvasElement);
    const box = (await findInPrompt(element, 'li[data-value="gp-access"] input')) as HTMLInputElement;
    await userEvent.type(box, 'ten');
    await userEvent.click(await findInPrompt(element, 'button[type="submit"]'));
    const summary = await findInPrompt(element, '.error-summary');
    await waitFor(() => expect(element.shadowRoot?.activeElement).toBe(summary));
  },
  parameters: storyDescription(
    '`must-spend-all`: sending "ten" shows the error summary and the message by the box, which keeps what was typed.',
  ),
};

export const Pairwise: Story = {
  name: 'Which matters more? (pairwise)',
  args: { topic: 'storybook-pairwise', mode: 'pairwise', rounds: 6 },
  play: async ({ canvasElement }) => {
    const element = await ranking(canvasElement);
    await userEvent.click(await findInPrompt(element, '#pair-a'));
    await waitFor(() =>
      expect(element.shadowRoot?.querySelector('#pair-progress')?.textContent.trim()).toBe('Pair 2 of 6'),
    );
  },
  parameters: storyDescription(
    '`mode="pairwise"` with `rounds="6"`: two options at a time, or "I can\'t decide". Every option is shown before any is repeated, and no pair comes twice. The play function answers the first pair.',
  ),
};

export const PairwiseFinished: Story = {
  name: 'State: pairwise stopped early',
  args: { topic: 'storybook-pairwise-stop', mode: 'pairwise', rounds: 6 },
  play: async ({ canvasElement }) => {
    const element = await ranking(canvasElement);
    await userEvent.click(await findInPrompt(element, '#pair-b'));
    await userEvent.click(await findInPrompt(element, '.stop'));
    const heading = await findInPrompt(element, '#pairs-done');
    await waitFor(() => expect(element.shadowRoot?.activeElement).toBe(heading));
  },
  parameters: storyDescription(
    'After one pair the person chooses "I\'ve finished comparing": a summary of what they chose, "Carry on comparing", and Send (which sends `stoppedEarly: true`).',
  ),
};
