import type { ArgTypes, Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { STAGES } from '@participate/schema/vocabulary';
import type { FruitTreeResponse } from '@participate/schema';
import {
  ACCEPTING_ENDPOINT,
  HELD_ENDPOINT,
  UNREACHABLE_ENDPOINT,
  acceptRequestsTo,
  acceptedPayloads,
  holdRequestsTo,
} from './support/endpoints.js';
import { nextEvent } from './support/events.js';
import { NETWORK_TIMEOUT_MS } from './support/prompt.js';
import {
  FRUIT_TREE_TAG,
  PRIVACY_URL,
  SAM,
  allInTree,
  chooseFruits,
  chooseWithContact,
  continueTo,
  expectFocusOn,
  expectOutcomePanel,
  findInTree,
  fruitId,
  pressSubmit,
  renderedTree,
  submitExpectingErrors,
  typeContact,
} from './support/fruit-tree.js';

/** The attributes a page sets, under their property names so autodocs pairs them up. */
interface FruitTreeArgs {
  endpoint?: string;
  topic: string;
  privacyUrl?: string;
  extend: boolean;
  /** The `view` attribute (the `initialView` property). */
  view?: 'tree' | 'list';
  question?: string;
  stage?: string;
}

type Story = StoryObj<FruitTreeArgs>;

/** Leaves an attribute out when a control is cleared, rather than setting it to "". */
function optional(value: string | undefined): string | typeof nothing {
  return value === undefined || value === '' ? nothing : value;
}

/** What people see without JavaScript or when the widget is misconfigured. */
const fallbackLink = html`<p>
  <a href="https://www.example.org/get-involved/form">Tell us how you would like to be involved</a>
</p>`;

function renderTree(args: FruitTreeArgs, children: TemplateResult = fallbackLink): TemplateResult {
  return html`
    <participate-fruit-tree
      endpoint=${optional(args.endpoint)}
      topic=${args.topic}
      privacy-url=${optional(args.privacyUrl)}
      ?extend=${args.extend}
      view=${optional(args.view)}
      question=${optional(args.question)}
      stage=${optional(args.stage)}
    >
      ${children}
    </participate-fruit-tree>
  `;
}

/**
 * Members the manifest documents but no control drives: `privacy-url` has a camelCase twin
 * that does, `initialView` is driven through its attribute, `view`, and `branches` and
 * `strings` are shown by the stories.
 */
const documentedOnly: ArgTypes = Object.fromEntries(
  ['privacy-url', 'initialView', 'branches', 'strings'].map((name) => [name, { control: false }]),
);

const meta = {
  title: 'Components/Fruit tree',
  component: FRUIT_TREE_TAG,
  render: (args) => renderTree(args),
  args: {
    endpoint: UNREACHABLE_ENDPOINT,
    topic: 'storybook',
    privacyUrl: PRIVACY_URL,
    extend: false,
  },
  argTypes: {
    ...documentedOnly,
    privacyUrl: { control: 'text' },
    extend: { control: 'boolean' },
    view: { control: 'inline-radio', options: [undefined, 'tree', 'list'] },
    question: { control: 'text' },
    stage: { control: 'select', options: [undefined, ...STAGES] },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The participation fruit tree: people choose any mix of ways to be involved — from news of a service to standing as a governor — from a default tree or the site\'s own `<participate-branch>` markup, in an illustrated tree or a plain list, filtered by "How much time can you give?". When a chosen fruit needs a way to reach the person, a contact step asks for it (with `privacy-url` and explicit consent); a check step reads the mix back before it is sent to `endpoint`. No branch is above another.',
      },
    },
  },
} satisfies Meta<FruitTreeArgs>;

export default meta;

function storyDescription(story: string): Story['parameters'] {
  return { docs: { description: { story } } };
}

// ----- Choosing ------------------------------------------------------------------------------

export const Tree: Story = {
  name: 'Tree view',
  args: { topic: 'storybook-tree', view: 'tree' },
  play: async ({ canvasElement }) => {
    const element = await renderedTree(canvasElement);
    await findInTree(element, '.tree-view');
    await expect(allInTree(element, '.bough')).toHaveLength(5);
    const fruits = allInTree(element, 'button.fruit');
    await expect(fruits).toHaveLength(15);
    for (const fruit of fruits) await expect(fruit).toHaveAttribute('aria-pressed', 'false');
    // Each fruit's label is its name alone; what it involves and its effort describe it.
    await expect(fruits[0]).toHaveAttribute('aria-describedby', 'fruit-0-effort fruit-0-description');
    await expect(allInTree(element, '.info-button').length).toBeGreaterThan(0);
  },
  parameters: storyDescription(
    'The default tree as a page first shows it on a wide screen: five branches side by side in a crown, none above another, each fruit a toggle button with what it involves and how much time it takes. Some have a "More about" button.',
  ),
};

export const List: Story = {
  name: 'List view',
  args: { topic: 'storybook-list', view: 'list' },
  play: async ({ canvasElement }) => {
    const element = await renderedTree(canvasElement);
    await findInTree(element, '.list-view');
    await expect(allInTree(element, 'fieldset.branch')).toHaveLength(5);
    await expect(allInTree(element, '.list-view input[type="checkbox"]')).toHaveLength(15);
    await chooseFruits(element, 'quick-surveys');
    await expect(await findInTree(element, 'input[name="view"][value="list"]')).toBeChecked();
  },
  parameters: storyDescription(
    '`view="list"`, the view a narrow screen or forced-colours mode starts in: a fieldset per branch and a native checkbox per fruit, its hint saying what it involves. People can switch views at any time and keep their choices. The play function ticks "Answer short surveys".',
  ),
};

export const Mix: Story = {
  name: 'A mix chosen',
  args: { topic: 'storybook-mix', view: 'tree' },
  play: async ({ canvasElement }) => {
    const element = await renderedTree(canvasElement);
    await chooseFruits(element, 'newsletter', 'citizens-panel', 'co-design');
    await expect(allInTree(element, '.fruit-item.is-ripe')).toHaveLength(3);
    await expect(allInTree(element, '.fruit-item.is-ripe .fruit-icon.ripe')).toHaveLength(3);
    await expect(allInTree(element, 'button.fruit[aria-pressed="true"]')).toHaveLength(3);
    await expect(await findInTree(element, '.chosen-count')).toHaveTextContent('3');
  },
  parameters: storyDescription(
    'Three fruits on three branches chosen: each ripens from a bud into a round fruit with a tick and the word "Chosen", so the state never rests on colour. Each choice is announced with the count.',
  ),
};

export const Filtered: Story = {
  name: 'Filtered by time',
  args: { topic: 'storybook-filtered', view: 'tree' },
  play: async ({ canvasElement }) => {
    const element = await renderedTree(canvasElement);
    await chooseFruits(element, 'governor');
    const once = await findInTree<HTMLInputElement>(element, 'input[name="effort"][value="once"]');
    await userEvent.click(once);
    await waitFor(() => expect(element.shadowRoot?.querySelector(`#${fruitId('citizens-panel')}`)).toBeNull());
    // Chosen, so still shown, although it is an ongoing role.
    await expect(await findInTree(element, `#${fruitId('governor')}`)).toHaveAttribute('aria-pressed', 'true');
    await expect(allInTree(element, 'button.fruit')).toHaveLength(9);
    await expect(await findInTree(element, '.hidden-count')).toHaveTextContent('6');
  },
  parameters: storyDescription(
    '"Stand as a governor" chosen, then "A few minutes, once": only the fruits that fit are shown, and the text under the tree says how many more there are. The governor stays shown: a filter never hides a choice.',
  ),
};

export const ChooseError: Story = {
  name: 'State: nothing chosen (error)',
  args: { topic: 'storybook-choose-error' },
  play: async ({ canvasElement }) => {
    const element = await renderedTree(canvasElement);
    const summary = await submitExpectingErrors(element);
    await expect(summary.querySelector('a')).toHaveAttribute('href', `#${fruitId('newsletter')}`);
    await expect(await findInTree(element, 'fieldset.choose.has-error #fruit-error')).toBeVisible();
    await expect(await findInTree(element, 'fieldset.choose')).toHaveAttribute(
      'aria-describedby',
      'fruit-hint fruit-error',
    );
  },
  parameters: storyDescription(
    'Continue with nothing chosen: a focused GOV.UK error summary linked to the first fruit, and the question marked in error. Choosing any fruit clears it.',
  ),
};

// ----- Contact details and the check ---------------------------------------------------------

export const Contact: Story = {
  name: 'Contact details step',
  args: { topic: 'storybook-contact' },
  play: async ({ canvasElement }) => {
    const element = await renderedTree(canvasElement);
    const [panel] = await chooseFruits(element, 'citizens-panel', 'you-said-we-did');
    await continueTo(element, 'contact');
    // Only the fruit that needs a way to reach the person is given as the reason.
    const reasons = allInTree(element, '.contact-reasons li');
    await expect(reasons).toHaveLength(1);
    await expect(reasons[0]).toHaveTextContent(panel ?? '');
    await expect(await findInTree(element, 'a[part~="link"]')).toHaveAttribute('href', PRIVACY_URL);
    await expect(await findInTree<HTMLInputElement>(element, '#contact-consent')).not.toBeChecked();
  },
  parameters: storyDescription(
    '"Join our citizens\' panel" needs a way to reach the person, so Continue leads here: why it is asked, a name, an email address or phone number (or both), a link to `privacy-url`, and an explicit consent box. People can go on without giving them; their interest still counts.',
  ),
};

export const ContactErrors: Story = {
  name: 'State: contact details errors',
  args: { topic: 'storybook-contact-errors' },
  play: async ({ canvasElement }) => {
    const element = await renderedTree(canvasElement);
    await chooseFruits(element, 'citizens-jury');
    await continueTo(element, 'contact');
    await typeContact(element, { name: SAM.name, email: 'sam.jones@example' });
    const summary = await submitExpectingErrors(element);
    await expect([...summary.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual([
      '#contact-email',
      '#contact-consent',
    ]);
    await expect(await findInTree(element, '#contact-email')).toHaveAttribute(
      'aria-describedby',
      'contact-email-hint contact-email-error',
    );
    await expect(await findInTree(element, '.has-error #contact-consent-error')).toBeVisible();
    // What was typed is kept.
    await expect(await findInTree(element, '#contact-name')).toHaveValue(SAM.name);
    await expect(await findInTree(element, '#contact-email')).toHaveValue('sam.jones@example');
  },
  parameters: storyDescription(
    'An email address without a full domain, and consent not given: a focused GOV.UK error summary linking to each field, a message by each, and everything typed kept.',
  ),
};

export const Check: Story = {
  name: 'Check your choices',
  args: { topic: 'storybook-check' },
  play: async ({ canvasElement }) => {
    const element = await renderedTree(canvasElement);
    const labels = await chooseFruits(element, 'newsletter', 'citizens-panel', 'co-design');
    await continueTo(element, 'contact');
    await typeContact(element, SAM);
    await continueTo(element, 'check');
    const sentence = await findInTree(element, '.mix-sentence');
    await expect(sentence).toHaveTextContent('3');
    for (const label of labels) await expect(sentence).toHaveTextContent(label);
    await expect(allInTree(element, '.summary-row bdi').map((bdi) => bdi.textContent)).toEqual([SAM.name, SAM.email]);
    await expect(await findInTree(element, '.change-choices')).toBeVisible();
    await expect(await findInTree(element, '.change-contact')).toBeVisible();
  },
  parameters: storyDescription(
    'Three fruits on three branches, with a name and email address given: the mix is read back in a sentence ("You have chosen 3 ways to be involved, on 3 branches: …"), then by branch with each effort, then the contact details, each with a way to change it.',
  ),
};

// ----- Sending and after ---------------------------------------------------------------------

export const Sending: Story = {
  name: 'State: sending',
  args: { topic: 'storybook-sending', endpoint: HELD_ENDPOINT },
  beforeEach: () => holdRequestsTo(HELD_ENDPOINT),
  play: async ({ canvasElement }) => {
    const element = await renderedTree(canvasElement);
    await chooseFruits(element, 'you-said-we-did');
    await continueTo(element, 'check');
    await pressSubmit(element);
    await expect(await findInTree(element, 'button[type="submit"][aria-disabled="true"]')).toBeVisible();
    await expect(element.shadowRoot?.querySelector('[part~="message"]')).toBeNull();
  },
  parameters: storyDescription(
    'While the endpoint has not answered, Send stays focusable but `aria-disabled`, a second press does nothing, and "Sending your choices…" is announced. The story leaves requests to `https://held.invalid` unanswered (that address only; the component is unchanged) until the widget\'s own timeout.',
  ),
};

export const Sent: Story = {
  name: 'State: sent',
  args: { topic: 'storybook-sent', endpoint: ACCEPTING_ENDPOINT },
  beforeEach: () => acceptRequestsTo(ACCEPTING_ENDPOINT),
  play: async ({ canvasElement }) => {
    const element = await renderedTree(canvasElement);
    await chooseWithContact(element);
    const sent = nextEvent(element, 'participate-sent', NETWORK_TIMEOUT_MS);
    await pressSubmit(element);
    await sent;
    await expectOutcomePanel(element, NETWORK_TIMEOUT_MS);
    const [payload] = acceptedPayloads as FruitTreeResponse[];
    await expect(payload?.answer.chosen.map(({ fruit }) => fruit)).toEqual(['citizens-panel']);
    await expect(payload?.contact?.name).toBe(SAM.name);
  },
  parameters: storyDescription(
    'Sent with contact details. The story answers requests to `https://accepts.invalid` as the reference collector does (`201 {"id": …, "status": "stored"}`; that address only, the component is unchanged), so the thank-you panel shows in the static build too.',
  ),
};

export const Saved: Story = {
  name: 'State: saved on this device (no contact details)',
  args: { topic: 'storybook-saved' },
  play: async ({ canvasElement }) => {
    const element = await renderedTree(canvasElement);
    await chooseFruits(element, 'you-said-we-did');
    // No fruit chosen needs a way to reach the person: straight to the check.
    await continueTo(element, 'check');
    await expect(element.shadowRoot?.querySelector('.change-contact')).toBeNull();
    const queued = nextEvent(element, 'participate-queued', NETWORK_TIMEOUT_MS);
    await pressSubmit(element);
    await queued;
    await expectOutcomePanel(element, NETWORK_TIMEOUT_MS);
  },
  parameters: storyDescription(
    '"See what happened to what people said" needs no contact details, so the answer can wait on the device. Nothing listens at `http://127.0.0.1:9`, as when the person is offline: after quick retries the answer is kept to send later, and the widget says so.',
  ),
};

export const NotSentWithContact: Story = {
  name: 'State: not sent, with contact details',
  args: { topic: 'storybook-not-sent-contact' },
  play: async ({ canvasElement }) => {
    const element = await renderedTree(canvasElement);
    await chooseWithContact(element);
    const failed = nextEvent(element, 'participate-error', NETWORK_TIMEOUT_MS);
    await pressSubmit(element);
    await failed;
    const panel = await findInTree(element, '[part~="message"].warning', NETWORK_TIMEOUT_MS);
    await expectFocusOn(element, await findInTree(element, '.panel-heading'));
    // Try again, and Send without my contact details.
    await expect(panel.querySelectorAll('button')).toHaveLength(2);
    // The answer is still on screen, ready to send again.
    await expect(await findInTree(element, '#check-heading')).toBeVisible();
  },
  parameters: storyDescription(
    'Contact details are never kept on the device, so an answer carrying them that cannot go now is not saved for later: the widget says so and offers "Try again" (the same response) or "Send without my contact details", which can wait on the device like any other answer. Nothing listens at `http://127.0.0.1:9` here.',
  ),
};

// ----- More about, a site's own tree, misconfigured ------------------------------------------

export const Info: Story = {
  name: 'More about: info popover open',
  args: { topic: 'storybook-info', view: 'tree' },
  play: async ({ canvasElement }) => {
    const element = await renderedTree(canvasElement);
    const id = `${fruitId('citizens-panel')}-info`;
    await userEvent.click(await findInTree(element, `#${id}-button`));
    const popover = await findInTree(element, `#${id}`);
    await waitFor(() => expect(popover.matches(':popover-open')).toBe(true));
    await expectFocusOn(element, popover);
    await expect(popover).toHaveAttribute('role', 'dialog');
    // Placed on screen, beside its button.
    await waitFor(() => {
      const { top, bottom, left, right } = popover.getBoundingClientRect();
      if (top < 0 || left < 0 || bottom > innerHeight || right > innerWidth) {
        throw new Error(`The popover is off screen: ${JSON.stringify({ top, bottom, left, right })}`);
      }
    });
  },
  parameters: storyDescription(
    '"More about: Join our citizens\' panel" opens a short explanation beside its button, in the top layer so nothing clips it, kept on screen. Focus moves into it; Escape, Close or a click outside closes it and focus returns to the button.',
  ),
};

/**
 * A site's own branches, as a CMS author writes them. Static markup, with no `${…}` inside an
 * option: Lit marks each expression with a comment node, and the widget reads an option's
 * label from all its child nodes.
 */
const siteBranches = html`
  <participate-branch value="shape-decisions" label="Shape decisions" hidden>
    <participate-option value="maternity-voices" effort="regular" contact
      >Join the Maternity Voices Partnership<span slot="description"
        >Meet other parents and staff every two months to improve maternity care.</span
      ><span slot="info"
        >A Maternity Voices Partnership is a team of women, their families and maternity staff who look at local
        maternity care together and agree what to change.</span
      ></participate-option
    >
  </participate-branch>
  <participate-branch value="support-others" label="Support others" hidden>
    <participate-option value="peer-supporter" effort="ongoing" contact
      >Become a peer supporter<span slot="description"
        >Use what you have been through to support someone going through it now.</span
      ></participate-option
    >
    <participate-option value="hospital-volunteer" effort="regular" contact
      >Volunteer at the hospital<span slot="description"
        >Welcome visitors and help them find their way, a few hours a month.</span
      ></participate-option
    >
  </participate-branch>
  ${fallbackLink}
`;

export const SiteTree: Story = {
  name: "A site's own branches (extend)",
  args: { topic: 'storybook-site-tree', extend: true, view: 'tree' },
  render: (args) => renderTree(args, siteBranches),
  play: async ({ canvasElement }) => {
    const element = await renderedTree(canvasElement);
    const boughs = allInTree(element, '.bough');
    await expect(boughs).toHaveLength(6);
    await expect(boughs[5]?.querySelector('.bough-label')).toHaveTextContent('Support others');
    await expect(boughs[5]?.querySelectorAll('button.fruit')).toHaveLength(2);
    // Added to the default "Shape decisions" branch, after its own three fruits, label alone.
    const shaping = boughs[2];
    const labels = [...(shaping?.querySelectorAll('.fruit-label') ?? [])].map((label) => label.textContent);
    await expect(labels).toHaveLength(4);
    await expect(labels[3]).toBe('Join the Maternity Voices Partnership');
    await expect(shaping?.querySelector('.fruit-item:last-child .fruit-description')).toHaveTextContent(
      'Meet other parents and staff',
    );
    await expect(shaping?.querySelector('.fruit-item:last-child .info-button')).not.toBeNull();
  },
  parameters: storyDescription(
    '`extend` with `<participate-branch>` children: a fruit added to the default "Shape decisions" branch (with a description and a "More about" explanation from `slot="info"`), and a new "Support others" branch. Without `extend` the markup replaces the default tree. Labels are rendered as text only.',
  ),
};

export const Misconfigured: Story = {
  name: 'Misconfigured: fallback content',
  args: { topic: 'storybook-misconfigured', privacyUrl: undefined },
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector(FRUIT_TREE_TAG);
    if (!element) throw new Error(`The story renders no ${FRUIT_TREE_TAG}.`);
    await waitFor(() => expect(element.shadowRoot?.querySelector('slot')).not.toBeNull());
    await expect(element.shadowRoot?.querySelector('[part~="base"]')).toBeNull();
    await expect(element.querySelector('a')).toBeVisible();
  },
  parameters: storyDescription(
    'The default tree asks for contact details for most fruits, so it needs `privacy-url`. Without it the widget cannot work: it shows its light-DOM content — what people get without JavaScript, a link to a plain form — and tells the web team in the console which fruits need it.',
  ),
};
