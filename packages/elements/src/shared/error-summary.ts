import { html, nothing, type TemplateResult } from 'lit';

/** A problem with one field: its message, and the id of the control to take the person to. */
export interface FieldError {
  target: string;
  message: string;
}

/** Moves focus to the control a summary link names; the link's own href cannot cross into a shadow root. */
function followLink(event: Event, target: string): void {
  event.preventDefault();
  const root = (event.currentTarget as Element).getRootNode() as ShadowRoot | Document;
  root.getElementById(target)?.focus();
}

/**
 * The GOV.UK error summary: a titled list of links to each field with a problem. The widget
 * moves focus to it (it has tabindex -1) so the list is read out at once.
 */
export function errorSummary(title: string, errors: readonly FieldError[]): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  return html`
    <div part="error-summary" class="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">${title}</h2>
      <ul>
        ${errors.map(
          ({ target, message }) =>
            html`<li>
              <a
                href=${`#${target}`}
                @click=${(event: Event) => {
                  followLink(event, target);
                }}
                >${message}</a
              >
            </li>`,
        )}
      </ul>
    </div>
  `;
}

/** The inline message above a field; `id` is what the field's aria-describedby names. */
export function errorMessage(id: string, prefix: string, message: string | undefined): TemplateResult | typeof nothing {
  return message
    ? html`<p class="error-message" id=${id}><span class="visually-hidden">${prefix}</span> ${message}</p>`
    : nothing;
}
