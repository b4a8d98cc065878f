import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { errorMessage, type FieldError } from '../shared/error-summary.js';
import type { Translate } from '../shared/translate.js';
import type { ContactEntry, ContactField, ContactProblem } from './contact-model.js';
import type { Branch, Fruit } from './tree-model.js';

const KEY = 'fruitTree';

const FIELD_IDS: Record<ContactField, string> = {
  name: 'contact-name',
  email: 'contact-email',
  phone: 'contact-phone',
  consent: 'contact-consent',
};

export interface ContactView {
  t: Translate;
  errorPrefix: string;
  /** The chosen fruits that need a way to reach the person. */
  reasons: readonly Fruit[];
  entry: ContactEntry;
  problems: readonly ContactProblem[];
  privacyUrl: string;
  edit: (change: Partial<ContactEntry>) => void;
  skip: () => void;
}

export function contactMessage(t: Translate, problem: ContactProblem, nameLimit: number): string {
  return t(`${KEY}.contact.errors.${problem.kind}`, { count: nameLimit });
}

/** The error summary's links: each problem to its field. */
export function contactFieldErrors(t: Translate, problems: readonly ContactProblem[], nameLimit: number): FieldError[] {
  return problems.map((problem) => ({
    target: FIELD_IDS[problem.field],
    message: contactMessage(t, problem, nameLimit),
  }));
}

/** Name, email and phone, a link to the privacy notice and an explicit consent box. */
export function renderContact(view: ContactView, nameLimit: number): TemplateResult {
  const { t, entry } = view;
  const problemFor = (field: ContactField) => view.problems.find((problem) => problem.field === field);
  const message = (field: ContactField) => {
    const problem = problemFor(field);
    return problem ? contactMessage(t, problem, nameLimit) : undefined;
  };
  const describedBy = (field: ContactField, ...more: string[]) =>
    [...more, problemFor(field) ? `${FIELD_IDS[field]}-error` : ''].filter(Boolean).join(' ') || nothing;
  const groupClass = (field: ContactField) => `form-group field ${problemFor(field) ? 'has-error' : ''}`;
  return html`
    <fieldset class="form-group contact" aria-describedby="contact-intro contact-ask">
      <legend part="label" class="heading" id="contact-heading" tabindex="-1">${t(`${KEY}.contact.heading`)}</legend>
      <p id="contact-intro">${t(`${KEY}.contact.intro`)}</p>
      <ul class="contact-reasons">
        ${view.reasons.map((fruit) => html`<li>${fruit.label}</li>`)}
      </ul>
      <p class="hint" id="contact-ask">${t(`${KEY}.contact.ask`)}</p>

      <div class=${groupClass('name')}>
        <label class="label" for="contact-name">${t(`${KEY}.contact.name`)}</label>
        ${errorMessage('contact-name-error', view.errorPrefix, message('name'))}
        <input
          part="input"
          class="text-input"
          id="contact-name"
          name="name"
          autocomplete="name"
          spellcheck="false"
          aria-describedby=${describedBy('name')}
          .value=${live(entry.name)}
          @input=${(event: InputEvent) => {
            view.edit({ name: (event.target as HTMLInputElement).value });
          }}
        />
      </div>

      <div class=${groupClass('email')}>
        <label class="label" for="contact-email">${t(`${KEY}.contact.email`)}</label>
        <p class="hint" id="contact-email-hint">${t(`${KEY}.contact.emailHint`)}</p>
        ${errorMessage('contact-email-error', view.errorPrefix, message('email'))}
        <input
          part="input"
          class="text-input"
          id="contact-email"
          name="email"
          type="email"
          autocomplete="email"
          spellcheck="false"
          dir="ltr"
          aria-describedby=${describedBy('email', 'contact-email-hint')}
          .value=${live(entry.email)}
          @input=${(event: InputEvent) => {
            view.edit({ email: (event.target as HTMLInputElement).value });
          }}
        />
      </div>

      <div class=${groupClass('phone')}>
        <label class="label" for="contact-phone">${t(`${KEY}.contact.phone`)}</label>
        <p class="hint" id="contact-phone-hint">${t(`${KEY}.contact.phoneHint`)}</p>
        ${errorMessage('contact-phone-error', view.errorPrefix, message('phone'))}
        <input
          part="input"
          class="text-input"
          id="contact-phone"
          name="phone"
          type="tel"
          autocomplete="tel"
          dir="ltr"
          aria-describedby=${describedBy('phone', 'contact-phone-hint')}
          .value=${live(entry.phone)}
          @input=${(event: InputEvent) => {
            view.edit({ phone: (event.target as HTMLInputElement).value });
          }}
        />
      </div>

      <p class="privacy">
        <a part="link" href=${view.privacyUrl} target="_blank" rel="noopener">${t(`${KEY}.contact.privacy`)}</a>
      </p>

      <div class="${groupClass('consent')} consent">
        ${errorMessage('contact-consent-error', view.errorPrefix, message('consent'))}
        <div class="checkbox">
          <input
            part="input"
            type="checkbox"
            id="contact-consent"
            name="consent"
            aria-describedby=${describedBy('consent')}
            .checked=${live(entry.consent)}
            @change=${(event: Event) => {
              view.edit({ consent: (event.target as HTMLInputElement).checked });
            }}
          />
          <label for="contact-consent">${t(`${KEY}.contact.consent`)}</label>
        </div>
      </div>
      <p class="hint kept">${t(`${KEY}.contact.keptHint`)}</p>
    </fieldset>
    <div class="actions">
      <button part="button" type="submit">${t(`${KEY}.continue`)}</button>
      <button part="button" type="button" class="secondary" @click=${view.skip}>${t(`${KEY}.contact.skip`)}</button>
    </div>
  `;
}

export interface CheckView {
  t: Translate;
  lang: string;
  byBranch: readonly Branch[];
  /** What will be sent as contact details; undefined when none are given. */
  contact: { name: string; email?: string; phone?: string } | undefined;
  /** Whether the contact step was part of this answer (some chosen fruit needs it). */
  askedForContact: boolean;
  sending: boolean;
  changeChoices: () => void;
  changeContact: () => void;
}

/** "You have chosen 3 ways to be involved, on 2 branches: A, B and C." */
export function mixSentence(t: Translate, lang: string, byBranch: readonly Branch[]): string {
  const labels = byBranch.flatMap((branch) => branch.fruits.map((fruit) => fruit.label));
  const list = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(labels);
  const count = labels.length;
  if (count > 1 && byBranch.length === 1) return t(`${KEY}.check.sentenceOneBranch`, { count, list });
  return t(`${KEY}.check.sentence`, { count, list, branches: byBranch.length });
}

/** Reads the mix back before it is sent, with a way to change each part. */
export function renderCheck(view: CheckView): TemplateResult {
  const { t, contact } = view;
  return html`
    <h3 class="heading" id="check-heading" tabindex="-1">${t(`${KEY}.check.heading`)}</h3>
    <p class="mix-sentence">${mixSentence(t, view.lang, view.byBranch)}</p>
    <dl class="summary-list">
      ${view.byBranch.map(
        (branch) => html`
          <div class="summary-row">
            <dt>${branch.label}</dt>
            <dd>
              <ul>
                ${branch.fruits.map(
                  (fruit) =>
                    html`<li>
                      ${fruit.label} <span class="effort-tag">(${t(`${KEY}.effort.label.${fruit.effort}`)})</span>
                    </li>`,
                )}
              </ul>
            </dd>
          </div>
        `,
      )}
    </dl>
    <p>
      <button part="button" type="button" class="link-button change-choices" @click=${view.changeChoices}>
        ${t(`${KEY}.changeChoices`)}
      </button>
    </p>
    ${view.askedForContact ? renderContactSummary(view, contact) : nothing}
    <div class="actions">
      <button part="button" type="submit" aria-disabled=${view.sending ? 'true' : 'false'}>${t('common.send')}</button>
    </div>
  `;
}

function renderContactSummary(view: CheckView, contact: CheckView['contact']): TemplateResult {
  const { t } = view;
  return html`
    <h4 class="subheading">${t(`${KEY}.check.contactHeading`)}</h4>
    ${
      contact
        ? html`<dl class="summary-list">
            <div class="summary-row">
              <dt>${t(`${KEY}.check.name`)}</dt>
              <dd><bdi>${contact.name}</bdi></dd>
            </div>
            ${
              contact.email
                ? html`<div class="summary-row">
                    <dt>${t(`${KEY}.check.email`)}</dt>
                    <dd><bdi>${contact.email}</bdi></dd>
                  </div>`
                : nothing
            }
            ${
              contact.phone
                ? html`<div class="summary-row">
                    <dt>${t(`${KEY}.check.phone`)}</dt>
                    <dd><bdi>${contact.phone}</bdi></dd>
                  </div>`
                : nothing
            }
          </dl>`
        : html`<p>${t(`${KEY}.check.noContact`)}</p>`
    }
    <p>
      <button part="button" type="button" class="link-button change-contact" @click=${view.changeContact}>
        ${t(`${KEY}.changeContact`)}
      </button>
    </p>
  `;
}
