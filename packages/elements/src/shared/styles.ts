import { css } from 'lit';

/**
 * Global design tokens, read from the host page with built-in fallbacks (the `default`
 * theme). Component tokens fall back to these; private `--_x` properties are internal.
 */
export const tokens = css`
  :host {
    --_font-family: var(--participate-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    --_font-size: var(--participate-font-size, 1.1875rem);
    --_line-height: var(--participate-line-height, 1.4);
    --_text: var(--participate-color-text, #0b0c0c);
    --_text-secondary: var(--participate-color-text-secondary, #484949);
    --_background: var(--participate-color-background, #ffffff);
    --_surface: var(--participate-color-surface, #f3f2f1);
    --_border: var(--participate-color-border, #0b0c0c);
    --_primary: var(--participate-color-primary, #005ea5);
    --_primary-hover: var(--participate-color-primary-hover, #003e6e);
    --_on-primary: var(--participate-color-on-primary, #ffffff);
    --_secondary: var(--participate-color-secondary, #e4e6e7);
    --_on-secondary: var(--participate-color-on-secondary, #0b0c0c);
    --_error: var(--participate-color-error, #b21f0b);
    --_success: var(--participate-color-success, #00703c);
    --_focus: var(--participate-color-focus, #ffdd00);
    --_focus-text: var(--participate-color-focus-text, #0b0c0c);
    --_radius: var(--participate-radius, 0);
    --_border-width: var(--participate-border-width, 2px);
    --_space-s: var(--participate-space-s, 0.5rem);
    --_space-m: var(--participate-space-m, 1rem);
    --_space-l: var(--participate-space-l, 1.5rem);
  }
`;

/** Form controls and messages in the GOV.UK / NHS.UK idiom, shared by every widget. */
export const formStyles = css`
  :host {
    display: block;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_text);
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  /* Inside the shadow root no page style can reach this class, so no !important is needed. */
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: 0;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  h2,
  p,
  fieldset {
    margin-block: 0 var(--_space-m);
  }

  h2,
  legend.heading {
    font-size: 1.2em;
    font-weight: 700;
    line-height: 1.3;
  }

  fieldset {
    min-inline-size: 0;
    margin-inline: 0;
    padding: 0;
    border: 0;
  }

  legend {
    padding: 0;
    margin-block-end: var(--_space-s);
    font-weight: 700;
  }

  label,
  .label {
    display: block;
    font-weight: 700;
    margin-block-end: var(--_space-s);
  }

  .hint {
    display: block;
    color: var(--_text-secondary);
    margin-block: 0 var(--_space-s);
    font-weight: 400;
  }

  .choices {
    display: grid;
    gap: var(--_space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .choice {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-s);
  }

  .choice input {
    flex: none;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    margin: 0;
    accent-color: var(--_text);
  }

  .choice label {
    margin: 0;
    padding-block: 0.125rem;
    font-weight: 400;
    /* The label is part of the target: clicking the text ticks the box. */
    cursor: pointer;
  }

  textarea {
    display: block;
    inline-size: 100%;
    min-block-size: 6rem;
    padding: var(--_space-s);
    font: inherit;
    color: var(--_text);
    background: var(--_background);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    resize: vertical;
  }

  textarea[aria-invalid='true'] {
    border-color: var(--_error);
    border-width: calc(var(--_border-width) * 2);
  }

  .form-group {
    margin-block-end: var(--_space-l);
  }

  .form-group.has-error {
    padding-inline-start: var(--_space-m);
    border-inline-start: 5px solid var(--_error);
  }

  .error-message {
    display: block;
    margin-block: 0 var(--_space-s);
    font-weight: 700;
    color: var(--_error);
  }

  .count {
    margin-block: var(--_space-s) 0;
    color: var(--_text-secondary);
  }

  .count.over {
    font-weight: 700;
    color: var(--_error);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-m);
    align-items: center;
  }

  button {
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    padding: var(--_space-s) var(--_space-m);
    font: inherit;
    font-weight: 700;
    color: var(--_on-primary);
    background: var(--_primary);
    border: var(--_border-width) solid transparent;
    border-radius: var(--_radius);
    box-shadow: 0 2px 0 var(--_border);
    cursor: pointer;
  }

  button:hover {
    background: var(--_primary-hover);
  }

  button.secondary {
    color: var(--_on-secondary);
    background: var(--_secondary);
  }

  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }

  .link-button {
    min-block-size: 1.5rem;
    padding: 0;
    font-weight: 400;
    color: var(--_primary);
    text-decoration: underline;
    background: none;
    box-shadow: none;
  }

  .link-button:hover {
    color: var(--_primary-hover);
    background: none;
  }

  /* Yellow with a dark outer ring: at least 3:1 against any background (WCAG 1.4.11). */
  :focus-visible,
  .error-summary:focus,
  .panel-heading:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 6px var(--_focus-text);
  }

  .panel-heading:focus:not(:focus-visible) {
    outline: none;
    box-shadow: none;
  }

  .error-summary {
    padding: var(--_space-m);
    margin-block-end: var(--_space-l);
    border: 5px solid var(--_error);
  }

  .error-summary ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .error-summary a {
    font-weight: 700;
    color: var(--_error);
  }

  .panel {
    margin-block-end: var(--_space-m);
    padding: var(--_space-m);
    border-inline-start: 5px solid var(--_success);
    background: var(--_background);
  }

  .panel.warning {
    border-inline-start-color: var(--_error);
  }

  .panel > :last-child {
    margin-block-end: 0;
  }

  @media (forced-colors: active) {
    :focus-visible,
    .error-summary:focus {
      outline-color: Highlight;
      box-shadow: none;
    }

    button {
      border-color: ButtonText;
    }
  }

  @media (prefers-reduced-motion: no-preference) {
    button {
      transition: background-color 120ms ease-out;
    }
  }
`;
