import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { errorMessage } from './error-summary.js';
import type { LocalizeController } from './localize-controller.js';

/** GOV.UK waits for a pause in typing before announcing the count, so it does not chatter. */
const ANNOUNCE_AFTER_MS = 1000;

/**
 * The GOV.UK character count: says how many characters are left (or too many) as the person
 * types, and announces it politely once they pause. Typing past the limit is allowed, as in
 * GOV.UK, so nothing is lost; the form reports it as an error on submit.
 */
export class CharacterCountController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly localize: LocalizeController,
    private readonly announce: (text: string) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** "You have 3 characters remaining" or "You have 1 character too many". */
  text(value: string, maxLength: number): string {
    const left = maxLength - value.length;
    return left >= 0
      ? this.localize.t('common.charactersRemaining', { count: left })
      : this.localize.t('common.charactersTooMany', { count: -left });
  }

  /** Call on every input: the count is announced once typing pauses. */
  typed(value: string, maxLength: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.announce(this.text(value, maxLength));
    }, ANNOUNCE_AFTER_MS);
  }

  /** The labelled textarea with its hint, error, and visible and announced counts. */
  field(options: {
    id: string;
    label: TemplateResult | string;
    hint: string;
    value: string;
    maxLength: number;
    error: string | undefined;
    onInput: (event: Event) => void;
  }): TemplateResult {
    const { id, label, hint, value, maxLength, error, onInput } = options;
    const describedBy = [`${id}-hint`, `${id}-limit`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const over = value.length > maxLength;
    return html`
      <div class="form-group ${error ? 'has-error' : ''}">
        <label part="label" for=${id}>${label}</label>
        <p class="hint" id=${`${id}-hint`}>${hint}</p>
        ${errorMessage(`${id}-error`, this.localize.t('common.errorPrefix'), error)}
        <textarea
          part="control"
          id=${id}
          name=${id}
          rows="4"
          spellcheck="true"
          aria-describedby=${describedBy}
          aria-invalid=${error ? 'true' : 'false'}
          .value=${value}
          @input=${onInput}
        ></textarea>
        <p class="visually-hidden" id=${`${id}-limit`}>
          ${this.localize.t('common.characterLimit', { count: maxLength })}
        </p>
        <p class="count ${over ? 'over' : ''}" aria-hidden="true">${this.text(value, maxLength)}</p>
      </div>
    `;
  }
}
