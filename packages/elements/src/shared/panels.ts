import { html, type TemplateResult } from 'lit';
import type { SubmitStatus } from './submission/submit-controller.js';

/**
 * The result of a send: a heading that takes focus (tabindex -1, so the widget can move focus
 * there when the form it replaces disappears) and what happened, in words.
 */
export function resultPanel(heading: string, message: string): TemplateResult {
  return html`
    <div part="message" class="panel">
      <p class="label panel-heading" tabindex="-1">${heading}</p>
      <p>${message}</p>
    </div>
  `;
}

/** A send that did not go through, with the one thing the person can do about it. */
export function failurePanel(
  heading: string,
  message: string,
  retryLabel: string,
  onRetry: () => void,
): TemplateResult {
  return html`
    <div part="message" class="panel warning">
      <p class="label panel-heading" tabindex="-1">${heading}</p>
      <p>${message}</p>
      <button part="button" type="button" class="secondary" @click=${onRetry}>${retryLabel}</button>
    </div>
  `;
}

/**
 * The panel after a send went through or was kept on the device. `component` names the
 * string namespace holding that widget's `thanksHeading` and `queuedHeading`; `statusWords`
 * the namespace of its status sentences ("Your answer has been sent").
 */
export function outcomePanel(
  t: (key: string) => string,
  component: string,
  { status, sentFromOutbox }: { status: SubmitStatus; sentFromOutbox: boolean },
  statusWords = `${component}.status`,
): TemplateResult {
  const queued = status === 'queued';
  const said = sentFromOutbox ? 'queuedThenSent' : queued ? 'queued' : 'sent';
  return resultPanel(t(`${component}.${queued ? 'queuedHeading' : 'thanksHeading'}`), t(`${statusWords}.${said}`));
}
