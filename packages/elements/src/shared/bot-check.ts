import { css, html, type TemplateResult } from 'lit';
import { LIMITS } from '@participate/schema/vocabulary';
import type { BotCheck } from '@participate/schema';

/**
 * Added to `.visually-hidden`: the honeypot stays rendered, so a naive bot that skips
 * `display: none` still fills it, but is also moved off screen. Up, never sideways: in a
 * right-to-left page a sideways offset could be scrolled to.
 */
export const botCheckStyles = css`
  .bot-trap {
    inset-block-start: -9999px;
  }
`;

/**
 * What the collector's spam checks need (QUALITY.md S5): a field people never see or reach,
 * and how long after the widget appeared its response was built.
 */
export class BotCheckField {
  private shownAt: number | undefined;

  constructor(private readonly host: { readonly renderRoot: ParentNode }) {}

  /** The honeypot, once per widget: hidden from assistive technology, out of the tab order. */
  field(label: string): TemplateResult {
    // Timed from the first render of the widget, not from connection: until the language's
    // strings load, or while the author's fallback shows, nobody can see it to answer it.
    this.shownAt ??= performance.now();
    return html`<div class="visually-hidden bot-trap" aria-hidden="true">
      <label>${label} <input name="website" tabindex="-1" autocomplete="off" /></label>
    </div>`;
  }

  /** Read once as each response is built, so a retry sends the very same body. */
  read(): BotCheck {
    const input = this.host.renderRoot.querySelector<HTMLInputElement>('input[name="website"]');
    const elapsed = Math.round(performance.now() - (this.shownAt ?? performance.now()));
    return {
      // Cut to the schema's bound: a long fill is still a bot's, and must not become a 422.
      honeypot: input?.value.slice(0, LIMITS.honeypotLength) ?? '',
      elapsedMs: Math.min(elapsed, LIMITS.elapsedMs),
    };
  }
}
