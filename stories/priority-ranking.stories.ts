import type { ArgTypes, Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { STAGES } from '@participate/schema/vocabulary';
import type { ParticipatePriorityRanking } from '../packages/elements/src/index.js';
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
import { NETWORK_TIMEOUT_MS } from './support/prompt.js';
import {
  RANKING_TAG,
  answerPairs,
  chooseOneTooMany,
  expectFocusOn,
  findInRanking,
  giveTooManyPoints,
  orderOf,
  pressSend,
  rankingOptions,
  renderedRanking,
  sendExpectingErrors,
  stopComparing,
} from './support/ranking.js';

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

/** Leaves an attribute out when a control is cleared, rather than setting it to "". */
function optional(value: string | number | undefined): string | number | typeof nothing {
  return value === undefined || value === '' ? nothing : value;
}

function renderRanking(args: RankingArgs, children: TemplateResult = rankingOptions()): TemplateResult {
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
  component: RANKING_TAG,
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

/** Waits for the sent or saved panel that replaces the form, and for focus on its heading. */
async function expectOutcomePanel(element: ParticipatePriorityRanking): Promise<HTMLElement> {
  const panel = await findInRanking(element, '[part~="message"]', NETWORK_TIMEOUT_MS);
  await expect(panel).not.toHaveClass('warning');
  await expectFocusOn(element, await findInRanking(element, '.panel-heading'));
  await expect(element.shadowRoot?.querySelector('form')).toBeNull();
  return panel;
}

// ----- Rank ----------------------------------------------------------------------------------

export const Rank: Story = {
  name: 'Rank every option',
  args: { topic: 'storybook-rank' },
  play: async ({ canvasElement }) => {
    const element = await renderedRanking(canvasElement);
    await expect(orderOf(element)).toEqual(['gp-access', 'mental-health', 'waiting-lists', 'transport', 'carers']);
    // The label is the option's text alone: not its description, nor anything else in the markup.
    await expect(await findInRanking(element, 'li[data-value="gp-access"] .item-label')).toHaveTextContent(
      /^Easier GP appointments$/,
    );
  },
  parameters: storyDescription(
    'The default mode: every option in order, most important first. Each has a handle for the keyboard (Space to pick up, arrows to move, Space to drop, Escape to cancel) and Up and Down buttons.',
  ),
};

export const KeyboardMove: Story = {
  name: 'Keyboard: pick up and move',
  args: { topic: 'storybook-keyboard' },
  play: async ({ canvasElement }) => {
    const element = await renderedRanking(canvasElement);
    const handle = await findInRanking(element, 'li[data-value="waiting-lists"] .handle');
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

/** What a mouse's primary button sends, for the pointer events the drag story dispatches. */
const MOUSE: PointerEventInit = {
  pointerId: 1,
  pointerType: 'mouse',
  isPrimary: true,
  button: 0,
  buttons: 1,
  bubbles: true,
  composed: true,
  cancelable: true,
};

/** The middle of an element, or a point `fraction` of the way down it. */
function pointIn(element: Element, fraction = 0.5): { clientX: number; clientY: number } {
  const { left, top, width, height } = element.getBoundingClientRect();
  return { clientX: left + width / 2, clientY: top + height * fraction };
}

export const PointerDrag: Story = {
  name: 'Drag with a pointer',
  args: { topic: 'storybook-drag' },
  play: async ({ canvasElement }) => {
    const element = await renderedRanking(canvasElement);
    const before = orderOf(element);
    const row = (value: string): Promise<HTMLElement> => findInRanking(element, `li[data-value="${value}"]`);
    const handle = await findInRanking(element, 'li[data-value="gp-access"] .handle');
    const start = pointIn(handle);
    // What the drag controller listens to: a press on the handle, then moves and the release on
    // the window, as a real mouse sends them.
    handle.dispatchEvent(new PointerEvent('pointerdown', { ...MOUSE, ...start }));
    // Less than 4 px is a click, not a drag: nothing is marked yet.
    dispatchEvent(new PointerEvent('pointermove', { ...MOUSE, ...start, clientY: start.clientY + 2 }));
    await element.updateComplete;
    await expect(await row('gp-access')).not.toHaveClass('dragged');
    // Just past the middle of "Shorter waiting lists": it will land after it, before "Transport".
    const target = { clientX: start.clientX, clientY: pointIn(await row('waiting-lists'), 0.6).clientY };
    dispatchEvent(new PointerEvent('pointermove', { ...MOUSE, ...target }));
    await waitFor(() =>
      expect(element.shadowRoot?.querySelector('li[data-value="transport"]')).toHaveClass('drop-before'),
    );
    await expect(await row('gp-access')).toHaveClass('dragged');
    await expect(orderOf(element)).toEqual(before);
    dispatchEvent(new PointerEvent('pointerup', { ...MOUSE, ...target, buttons: 0 }));
    await waitFor(() =>
      expect(orderOf(element)).toEqual(['mental-health', 'waiting-lists', 'gp-access', 'transport', 'carers']),
    );
    await expect(element.shadowRoot?.querySelector('.dragged, .drop-before, .drop-after')).toBeNull();
    await expectFocusOn(element, await findInRanking(element, 'li[data-value="gp-access"] .handle'));
  },
  parameters: storyDescription(
    'Dragging by the handle with a mouse, pen or finger, for those who find it easier (never the only way: the buttons and keyboard do everything). Nothing moves while the pointer is down: a line shows where the option will land, and it moves there when the pointer is let go, with focus on its handle and the move announced. The play function drags "Easier GP appointments" below "Shorter waiting lists" with pointer events on the handle and the window.',
  ),
};

export const Shuffled: Story = {
  name: 'Shuffled for each person',
  args: { topic: 'storybook-shuffle', shuffle: true },
  play: async ({ canvasElement }) => {
    const element = await renderedRanking(canvasElement);
    // Any order may come up, the first included; what must hold is that every option is there once.
    await expect([...orderOf(element)].sort()).toEqual([
      'carers',
      'gp-access',
      'mental-health',
      'transport',
      'waiting-lists',
    ]);
  },
  parameters: storyDescription(
    '`shuffle`: each person sees the options in a random order, so that position does not sway answers. The order first shown is sent with the answer.',
  ),
};

// ----- Top -----------------------------------------------------------------------------------

export const Top: Story = {
  name: 'Choose a top three',
  args: { topic: 'storybook-top', mode: 'top', max: 3 },
  play: async ({ canvasElement }) => {
    const element = await renderedRanking(canvasElement);
    await userEvent.click(await findInRanking(element, '#toggle-1'));
    await userEvent.click(await findInRanking(element, '#toggle-3'));
    await waitFor(() => expect(orderOf(element)).toEqual(['mental-health', 'transport']));
  },
  parameters: storyDescription(
    '`mode="top"` with `max="3"`: people add up to three options to "Your top 3" and put them in order. The play function adds two.',
  ),
};

export const TopFull: Story = {
  name: 'State: top three full',
  args: { topic: 'storybook-top-full', mode: 'top', max: 3 },
  play: async ({ canvasElement }) => {
    await chooseOneTooMany(await renderedRanking(canvasElement), 3);
  },
  parameters: storyDescription(
    'The play function adds three options and then tries to add a fourth. Nothing is taken out on the person\'s behalf: the fourth Add button stays focusable but `aria-disabled`, and "You can choose up to 3. Remove one before adding another." shows under the list (and is announced), linked to that button by `aria-describedby`.',
  ),
};

export const ValidationError: Story = {
  name: 'State: top three, nothing chosen (error)',
  args: { topic: 'storybook-top-error', mode: 'top', max: 3 },
  play: async ({ canvasElement }) => {
    const element = await renderedRanking(canvasElement);
    await sendExpectingErrors(element);
    await expect(await findInRanking(element, 'fieldset.has-error #top-error')).toBeVisible();
  },
  parameters: storyDescription(
    'Sending with nothing chosen: a focused GOV.UK error summary linked to the first Add button, and the question marked in error.',
  ),
};

// ----- Points --------------------------------------------------------------------------------

export const Points: Story = {
  name: 'Share out 100 points',
  args: { topic: 'storybook-points', mode: 'points', budget: 100 },
  play: async ({ canvasElement }) => {
    const element = await renderedRanking(canvasElement);
    await userEvent.click(await findInRanking(element, 'li[data-value="mental-health"] .more'));
    await userEvent.click(await findInRanking(element, 'li[data-value="mental-health"] .more'));
    const box = await findInRanking<HTMLInputElement>(element, 'li[data-value="gp-access"] input');
    await userEvent.type(box, '30');
    await waitFor(() =>
      expect(element.shadowRoot?.querySelector('li[data-value="mental-health"] input')).toHaveValue('20'),
    );
    await expect(element.shadowRoot?.querySelector('#points-left')).not.toHaveClass('is-over');
  },
  parameters: storyDescription(
    '`mode="points"` with `budget="100"`: a box per option with − and + (a tenth of the budget a press unless `step` says otherwise), and the points left. The play function gives 20 with + and types 30, leaving 50.',
  ),
};

export const PointsOver: Story = {
  name: 'State: points over the budget',
  args: { topic: 'storybook-points-over', mode: 'points', budget: 100 },
  play: async ({ canvasElement }) => {
    const element = await renderedRanking(canvasElement);
    await giveTooManyPoints(element);
    await expect(await findInRanking(element, 'li[data-value="carers"] .more')).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await expect(await findInRanking(element, 'li[data-value="gp-access"] input')).toHaveValue('80');
  },
  parameters: storyDescription(
    'Typing can go past the budget (+ cannot): 80 and 40 make "20 points too many", shown in the error colour, and every + is `aria-disabled`. Sending then shows the error summary and the message with the question; both boxes keep what was typed.',
  ),
};

export const PointsError: Story = {
  name: 'State: points errors (must spend all)',
  args: { topic: 'storybook-points-error', mode: 'points', budget: 100, mustSpendAll: true },
  play: async ({ canvasElement }) => {
    const element = await renderedRanking(canvasElement);
    const box = await findInRanking<HTMLInputElement>(element, 'li[data-value="gp-access"] input');
    await userEvent.type(box, 'ten');
    await sendExpectingErrors(element);
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(box).toHaveValue('ten');
  },
  parameters: storyDescription(
    '`must-spend-all`: sending "ten" shows the error summary and the message by the box, which keeps what was typed.',
  ),
};

// ----- Pairwise ------------------------------------------------------------------------------

export const Pairwise: Story = {
  name: 'Which matters more? (pairwise)',
  args: { topic: 'storybook-pairwise', mode: 'pairwise', rounds: 6 },
  play: async ({ canvasElement }) => {
    const element = await renderedRanking(canvasElement);
    const first = (await findInRanking(element, '#pair-a')).dataset.value;
    await answerPairs(element, 1);
    await waitFor(() => expect(element.shadowRoot?.querySelector('.stop')).not.toBeNull());
    await expect(element.shadowRoot?.querySelector('#pair-a')?.getAttribute('data-value')).not.toBe(first);
  },
  parameters: storyDescription(
    '`mode="pairwise"` with `rounds="6"`: two options at a time, or "I can\'t decide". Every option is shown before any is repeated, and no pair comes twice. The play function answers the first pair, which brings "Change my last answer" and "I\'ve finished comparing".',
  ),
};

export const PairwiseAllAnswered: Story = {
  name: 'State: pairwise, every pair answered',
  args: { topic: 'storybook-pairwise-done', mode: 'pairwise', rounds: 3 },
  play: async ({ canvasElement }) => {
    const element = await renderedRanking(canvasElement);
    await answerPairs(element, 3);
    const heading = await findInRanking(element, '#pairs-done');
    await expectFocusOn(element, heading);
    await expect(element.shadowRoot?.querySelector('.carry-on')).toBeNull();
    await expect(element.shadowRoot?.querySelectorAll('.pairwise-summary > li').length).toBeGreaterThan(0);
  },
  parameters: storyDescription(
    'With `rounds="3"` the play function answers all three pairs. Focus goes to "You compared 3 pairs", over a summary of how often each option was chosen, and Send. There is nothing left to carry on with, so unlike stopping early there is no "Carry on comparing".',
  ),
};

export const PairwiseFinished: Story = {
  name: 'State: pairwise stopped early',
  args: { topic: 'storybook-pairwise-stop', mode: 'pairwise', rounds: 6 },
  play: async ({ canvasElement }) => {
    const element = await renderedRanking(canvasElement);
    await userEvent.click(await findInRanking(element, '#pair-b'));
    await stopComparing(element);
    await expect(await findInRanking(element, '.carry-on')).toBeVisible();
  },
  parameters: storyDescription(
    'After one pair the person chooses "I\'ve finished comparing": a summary of what they chose, "Carry on comparing", and Send (which sends `stoppedEarly: true`).',
  ),
};

// ----- Sending and after ---------------------------------------------------------------------
// Every mode sends the same way (one Send button, one request through the page's outbox), and
// sent and saved replace the form with the same panel, so each of these states is shown once,
// each in a different mode.

export const Sending: Story = {
  name: 'State: sending',
  args: { topic: 'storybook-sending', mode: 'top', max: 3, endpoint: HELD_ENDPOINT },
  beforeEach: () => holdRequestsTo(HELD_ENDPOINT),
  play: async ({ canvasElement }) => {
    const element = await renderedRanking(canvasElement);
    await userEvent.click(await findInRanking(element, '#toggle-0'));
    await pressSend(element);
    await expect(await findInRanking(element, 'button[type="submit"][aria-disabled="true"]')).toBeVisible();
    await expect(orderOf(element)).toEqual(['gp-access']);
  },
  parameters: storyDescription(
    'Top mode, one option chosen and sent. While the endpoint has not answered, Send stays focusable but `aria-disabled`, a second press does nothing, and "Sending your answer…" is announced. Every mode sends by the same code, so this state is shown once. To hold it, the story leaves requests to `https://held.invalid` unanswered (that address only; the component is unchanged) until the widget\'s own 15-second timeout; after its retries it saves the answer on the device.',
  ),
};

export const Sent: Story = {
  name: 'State: sent',
  args: { topic: 'storybook-sent', mode: 'pairwise', rounds: 3, endpoint: ACCEPTING_ENDPOINT },
  beforeEach: () => acceptRequestsTo(ACCEPTING_ENDPOINT),
  play: async ({ canvasElement }) => {
    const element = await renderedRanking(canvasElement);
    await answerPairs(element, 3);
    await findInRanking(element, '#pairs-done');
    const sent = nextEvent(element, 'participate-sent', NETWORK_TIMEOUT_MS);
    await pressSend(element);
    await sent;
    await expectOutcomePanel(element);
    await expect(acceptedPayloads).toHaveLength(1);
    await expect(acceptedPayloads[0]).toMatchObject({ widget: 'priority-ranking', topic: 'storybook-sent' });
  },
  parameters: storyDescription(
    'Pairwise mode, sent from the finished screen; every mode shows the same panel, "Thank you for your answer". The story answers requests to `https://accepts.invalid` as the reference collector does (`201 {"id": …, "status": "stored"}`; that address only, the component is unchanged), so this shows in the static build too. To post to the real collector instead, set `endpoint` to `http://127.0.0.1:8787/v1/responses` and run it with Storybook\'s origin allowed: `PARTICIPATE_ALLOWED_ORIGINS=http://127.0.0.1:6006,http://127.0.0.1:5173 npm start`.',
  ),
};

export const Saved: Story = {
  name: 'State: saved on this device',
  args: { topic: 'storybook-saved' },
  play: async ({ canvasElement }) => {
    const element = await renderedRanking(canvasElement);
    await pressSend(element);
    await expectOutcomePanel(element);
  },
  parameters: storyDescription(
    'Rank mode. Nothing listens at `http://127.0.0.1:9`, as when the person is offline: after quick retries the answer is kept on the device to send later, and the widget says so. Every mode shows the same panel.',
  ),
};

export const NotSent: Story = {
  name: 'State: not sent (try again)',
  args: { topic: 'storybook-not-sent', mode: 'points', budget: 100, endpoint: MISSING_ENDPOINT },
  play: async ({ canvasElement }) => {
    const element = await renderedRanking(canvasElement);
    const box = await findInRanking<HTMLInputElement>(element, 'li[data-value="gp-access"] input');
    await userEvent.type(box, '30');
    await pressSend(element);
    const panel = await findInRanking(element, '[part~="message"]', NETWORK_TIMEOUT_MS);
    await expect(panel).toHaveClass('warning');
    await expectFocusOn(element, await findInRanking(element, '.panel-heading'));
    await expect(panel.querySelector('button')).toBeVisible();
    await expect(box).toHaveValue('30');
  },
  parameters: storyDescription(
    'Points mode, 30 points given. The endpoint refuses the response for good (here a 404 from `/__no-such-endpoint`), so it is not kept: a warning panel above the form says so and offers "Try again", and the form keeps the answer (the box still says 30). Changing the answer instead makes Send send it as a new response. Every mode does the same.',
  ),
};

// ----- Misconfigured -------------------------------------------------------------------------

export const Misconfigured: Story = {
  name: 'Misconfigured: fallback content',
  args: { topic: 'storybook-misconfigured' },
  render: ({ endpoint, topic }) => html`
    <div class="story-columns">
      <section aria-labelledby="bad-mode-heading">
        <h2 id="bad-mode-heading">An unknown mode</h2>
        <participate-priority-ranking id="bad-mode" endpoint=${optional(endpoint)} topic="${topic}-mode" mode="ranked">
          ${rankingOptions()}
        </participate-priority-ranking>
      </section>
      <section aria-labelledby="one-option-heading">
        <h2 id="one-option-heading">One option</h2>
        <participate-priority-ranking id="one-option" endpoint=${optional(endpoint)} topic="${topic}-one">
          <participate-option value="gp-access">Easier GP appointments</participate-option>
          <p><a href="https://www.example.org/have-your-say/priorities">Tell us your priorities on our website</a></p>
        </participate-priority-ranking>
      </section>
    </div>
  `,
  play: async ({ canvasElement }) => {
    for (const id of ['bad-mode', 'one-option']) {
      const element = canvasElement.querySelector<ParticipatePriorityRanking>(`#${id}`);
      if (!element) throw new Error(`The story renders no #${id}.`);
      await findInRanking(element, 'slot');
      await expect(element.shadowRoot?.querySelector('[part~="base"]')).toBeNull();
      await expect(element.querySelector('a')).toBeVisible();
    }
  },
  parameters: storyDescription(
    'An unknown `mode` ("ranked" here) or fewer than two options: the widget cannot work, so it shows its light-DOM content — what people get without JavaScript, ending in the link to a plain form — and tells the web team in the console what is wrong and what to do (once per page).',
  ),
};
