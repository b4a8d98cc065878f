import { expect, userEvent, waitFor } from 'storybook/test';
import type { ParticipateFruitTree } from '../../packages/elements/src/index.js';

export const FRUIT_TREE_TAG = 'participate-fruit-tree';

/** Where the stories' trees send people to read how their details are used. */
export const PRIVACY_URL = 'https://www.example.org/privacy';

/**
 * The default tree's fruits in the order the widget numbers them (`#fruit-0`, `#fruit-1`, …),
 * the same in both views and every language. Only the values: the labels are translated.
 */
const DEFAULT_FRUITS = [
  'newsletter',
  'service-updates',
  'you-said-we-did',
  'quick-surveys',
  'your-story',
  'listening-events',
  'consultations',
  'citizens-panel',
  'citizens-jury',
  'user-research',
  'co-design',
  'co-production',
  'member',
  'patient-leader',
  'governor',
] as const;

export type DefaultFruit = (typeof DEFAULT_FRUITS)[number];

/** The id of a default fruit's toggle (tree view) or checkbox (list view). */
export function fruitId(value: DefaultFruit): string {
  return `fruit-${String(DEFAULT_FRUITS.indexOf(value))}`;
}

/**
 * An element inside the widget's shadow root, once it is there. Selectors rely on structure,
 * not wording, so play functions work in every locale.
 */
export async function findInTree<T extends Element = HTMLElement>(
  element: ParticipateFruitTree,
  selector: string,
  timeout = 1000,
): Promise<T> {
  return waitFor(
    () => {
      const found = element.shadowRoot?.querySelector<T>(selector);
      if (!found) throw new Error(`No ${selector} in the fruit tree yet.`);
      return found;
    },
    // Keep our message: the default appends a dump of the whole document.
    { timeout, onTimeout: (error) => error },
  );
}

/** Every match inside the widget's shadow root, now. */
export function allInTree<T extends Element = HTMLElement>(element: ParticipateFruitTree, selector: string): T[] {
  return [...(element.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

/** A fruit tree in the story (the first, unless `selector` says which), once it has rendered. */
export async function renderedTree(
  canvasElement: HTMLElement,
  selector = FRUIT_TREE_TAG,
): Promise<ParticipateFruitTree> {
  const element = canvasElement.querySelector<ParticipateFruitTree>(selector);
  if (!element) throw new Error(`The story renders no ${selector}.`);
  // The widget waits for its language's strings before it renders anything.
  await findInTree(element, '[part~="base"]');
  return element;
}

/** Waits until focus, inside the widget's shadow root, is on `target`. */
export async function expectFocusOn(element: ParticipateFruitTree, target: Element): Promise<void> {
  await waitFor(() => expect(element.shadowRoot?.activeElement).toBe(target));
}

/**
 * Chooses default fruits by clicking them, in whichever view is shown (a toggle in the tree,
 * a checkbox in the list), and waits for each to be chosen. Returns their labels as shown.
 */
export async function chooseFruits(element: ParticipateFruitTree, ...values: DefaultFruit[]): Promise<string[]> {
  const labels: string[] = [];
  for (const value of values) {
    const control = await findInTree(element, `#${fruitId(value)}`);
    await userEvent.click(control);
    if (control instanceof HTMLInputElement) {
      await waitFor(() => expect(control).toBeChecked());
      const label = await findInTree(element, `label[for="${control.id}"]`);
      labels.push(label.textContent.trim());
    } else {
      await waitFor(() => expect(control).toHaveAttribute('aria-pressed', 'true'));
      labels.push((control.querySelector('.fruit-label')?.textContent ?? '').trim());
    }
  }
  return labels;
}

/** Presses the step's submit button: Continue, or Send on the check step. */
export async function pressSubmit(element: ParticipateFruitTree): Promise<void> {
  await userEvent.click(await findInTree(element, 'form button[type="submit"]'));
}

/** Presses Continue and waits for the focused heading of the step it leads to. */
export async function continueTo(element: ParticipateFruitTree, step: 'contact' | 'check'): Promise<HTMLElement> {
  await pressSubmit(element);
  const heading = await findInTree(element, `#${step}-heading`);
  await expectFocusOn(element, heading);
  return heading;
}

/** Presses Continue (or Send) expecting the check to fail: waits for the focused error summary. */
export async function submitExpectingErrors(element: ParticipateFruitTree): Promise<HTMLElement> {
  await pressSubmit(element);
  const summary = await findInTree(element, '.error-summary');
  await expectFocusOn(element, summary);
  return summary;
}

export interface ContactTyped {
  name?: string;
  email?: string;
  phone?: string;
  consent?: boolean;
}

/** Types into the contact step's boxes and ticks consent, as a person would. */
export async function typeContact(element: ParticipateFruitTree, contact: ContactTyped): Promise<void> {
  for (const field of ['name', 'email', 'phone'] as const) {
    const value = contact[field];
    if (value) await userEvent.type(await findInTree(element, `#contact-${field}`), value);
  }
  if (contact.consent) {
    const consent = await findInTree<HTMLInputElement>(element, '#contact-consent');
    await userEvent.click(consent);
    await waitFor(() => expect(consent).toBeChecked());
  }
}

/** A name and email address the collector accepts, with consent. */
export const SAM: Required<Omit<ContactTyped, 'phone'>> = {
  name: 'Sam Jones',
  email: 'sam.jones@example.org',
  consent: true,
};

/**
 * Chooses "Join our citizens' panel" (which needs a way to reach the person), gives the
 * details and goes on to the check step.
 */
export async function chooseWithContact(element: ParticipateFruitTree): Promise<string[]> {
  const labels = await chooseFruits(element, 'citizens-panel');
  await continueTo(element, 'contact');
  await typeContact(element, SAM);
  await continueTo(element, 'check');
  return labels;
}

/** Waits for the sent or saved panel that replaces the form, and for focus on its heading. */
export async function expectOutcomePanel(element: ParticipateFruitTree, timeout: number): Promise<HTMLElement> {
  const panel = await findInTree(element, '[part~="message"]', timeout);
  await expect(panel).not.toHaveClass('warning');
  await expectFocusOn(element, await findInTree(element, '.panel-heading'));
  await expect(element.shadowRoot?.querySelector('form')).toBeNull();
  return panel;
}
