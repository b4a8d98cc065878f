import { fixture, fixtureCleanup, oneEvent, waitUntil } from '@open-wc/testing-helpers';
import type { TemplateResult } from 'lit';
import type { ParticipateFeedbackPrompt } from '../feedback-prompt/feedback-prompt.js';
import { openOutboxStore } from '../shared/submission/outbox-store.js';

/**
 * waitUntil with a timeout that allows for a busy CI machine; what is awaited is a state,
 * not a speed, so a generous bound loses nothing.
 */
export function until(predicate: () => unknown, message?: string, timeout = 5000): Promise<void> {
  return waitUntil(predicate, message, { timeout });
}

export async function prompt(template: TemplateResult): Promise<ParticipateFeedbackPrompt> {
  const element = await fixture<ParticipateFeedbackPrompt>(template);
  await until(() => element.shadowRoot?.querySelector('[part="base"], slot'), 'widget did not render');
  return element;
}

export function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error('no shadow root');
  return element.shadowRoot;
}

export function $(element: Element, selector: string): HTMLElement {
  const found = shadow(element).querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

export function $$(element: Element, selector: string): HTMLElement[] {
  return [...shadow(element).querySelectorAll<HTMLElement>(selector)];
}

export function text(element: Element): string {
  return shadow(element).textContent.replace(/\s+/g, ' ').trim();
}

export function focused(element: Element): Element | null {
  return shadow(element).activeElement;
}

export function buttonByText(element: Element, label: string): HTMLButtonElement {
  const button = $$(element, 'button').find((b) => b.textContent.trim() === label);
  if (!button) throw new Error(`no button "${label}"`);
  return button as HTMLButtonElement;
}

/** What a widget's polite live region says now. */
export function status(element: Element): string {
  return $(element, '[role="status"]').textContent.trim();
}

/** Waits for a widget's live region to say exactly `words`. */
export async function said(element: Element, words: string): Promise<void> {
  await until(() => status(element) === words, `expected "${words}", live region says "${status(element)}"`);
}

/** Waits for a widget's status region to say something containing `words`. */
export async function announced(element: Element, words: string): Promise<void> {
  await waitUntil(() => $(element, '[role="status"]').textContent.includes(words), `never announced "${words}"`, {
    timeout: 5000,
  });
}

/**
 * Records every text the widget's live region is given from now on, so a test can check an
 * announcement that a fast retry has already replaced by the time it looks.
 */
export function recordAnnouncements(element: Element): { texts: string[]; stop: () => void } {
  const region = $(element, '[role="status"]');
  const texts: string[] = [];
  const observer = new MutationObserver(() => {
    const current = region.textContent.trim();
    if (current !== '' && texts.at(-1) !== current) texts.push(current);
  });
  observer.observe(region, { childList: true, characterData: true, subtree: true });
  return {
    texts,
    stop: () => {
      observer.disconnect();
    },
  };
}

export function eventually<T extends Event>(element: Element, name: string): Promise<T> {
  return oneEvent<T>(element, name);
}

/** Empties the page's outbox so one test's unsent responses do not reach the next. */
export async function emptyOutbox(): Promise<void> {
  const store = await openOutboxStore();
  for (const entry of await store.list()) await store.delete(entry.id);
}

/**
 * Removes the test's widgets first: a widget taken off the page saves its draft (as when a
 * single-page app moves on), which would otherwise land after the clearing.
 */
export function clearDrafts(): void {
  fixtureCleanup();
  for (const key of Object.keys(localStorage)) if (key.startsWith('participate:')) localStorage.removeItem(key);
}
