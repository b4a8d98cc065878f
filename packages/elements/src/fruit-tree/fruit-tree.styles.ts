import { css } from 'lit';

export const fruitTreeStyles = css`
  :host {
    --_canopy: var(--participate-fruit-tree-canopy, #e3f1df);
    --_wood: var(--participate-fruit-tree-wood, #6b4a2b);
    --_fruit: var(--participate-fruit-tree-fruit, var(--_success));
  }

  .base {
    padding: var(--participate-fruit-tree-padding, var(--_space-m));
    color: var(--_text);
    background: var(--participate-fruit-tree-background, var(--_surface));
  }

  .choose-controls {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-m) var(--_space-l);
    margin-block-end: var(--_space-m);
  }

  .small-legend {
    margin-block-end: var(--_space-s);
    font-weight: 700;
  }

  .inline-radios {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-m);
  }

  .inline-radio {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-s);
    min-block-size: 2.75rem;
    margin: 0;
    font-weight: 400;
    cursor: pointer;
  }

  .inline-radio input,
  .checkbox input {
    flex: none;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    margin: 0;
    accent-color: var(--_text);
  }

  .chosen-count {
    font-weight: 700;
  }

  /* The tree: a crown of boughs side by side, none above another, over a trunk. */
  .tree-view {
    display: grid;
    justify-items: center;
  }

  /* Boughs wrap like a crown: a short last row sits in the middle, not below the others' start. */
  .crown {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: var(--_space-m);
    inline-size: 100%;
    padding: var(--_space-l) var(--_space-m);
    background: var(--_canopy);
    border: var(--_border-width) solid var(--_wood);
    border-radius: 3rem;
  }

  .bough {
    flex: 1 1 12rem;
    min-inline-size: 0;
    max-inline-size: 20rem;
    padding-block-start: var(--_space-s);
    border-block-start: 0.5rem solid var(--_wood);
    border-start-start-radius: 0.5rem;
  }

  .bough-label {
    margin: 0 0 var(--_space-s);
    font-size: 1em;
  }

  .fruits {
    display: grid;
    gap: var(--_space-m);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /* The fruit takes the bough's whole width; its "More about" button follows its words. */
  .fruit-item {
    display: grid;
    justify-items: start;
  }

  button.fruit {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0 var(--_space-s);
    align-items: center;
    inline-size: 100%;
    padding: var(--_space-s);
    font-weight: 400;
    text-align: start;
    color: var(--_text);
    background: var(--_background);
    border: var(--_border-width) solid var(--_border);
    border-radius: 1.5rem;
  }

  button.fruit:hover {
    background: var(--_surface);
  }

  button.fruit[aria-pressed='true'] {
    border-width: calc(var(--_border-width) * 2);
    font-weight: 700;
  }

  .fruit-icon {
    grid-row: span 2;
    inline-size: 2.5rem;
    block-size: 2.5rem;
  }

  .fruit-icon .leaf {
    fill: var(--_success);
  }

  .fruit-icon .bud-outline {
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
  }

  .fruit-icon .flesh {
    fill: var(--_fruit);
    stroke: currentColor;
    stroke-width: 1.5;
  }

  .fruit-icon .tick {
    fill: none;
    stroke: var(--_on-primary);
    stroke-width: 3;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .fruit-state {
    font-size: 0.875em;
    font-weight: 400;
  }

  .fruit-effort,
  .fruit-description {
    margin: var(--_space-s) 0 0;
    font-size: 0.875em;
    color: var(--_text-secondary);
  }

  .fruit-effort {
    font-weight: 700;
  }

  .trunk {
    inline-size: min(20rem, 70%);
    block-size: auto;
    margin-block-start: calc(-1 * var(--_border-width));
  }

  .trunk .wood {
    fill: var(--_wood);
  }

  .trunk .ground {
    stroke: var(--_wood);
    stroke-width: 4;
    stroke-linecap: round;
  }

  /* The illustration leans; a right-to-left page sees it mirrored. */
  [dir='rtl'] .trunk,
  [dir='rtl'] .fruit-icon {
    transform: scaleX(-1);
  }

  /* The list: a fieldset per branch and a native checkbox per fruit. */
  .list-view {
    display: grid;
    gap: var(--_space-m);
  }

  .branch {
    padding: var(--_space-s) var(--_space-m) var(--_space-m);
    background: var(--_background);
    border: 1px solid var(--_border);
  }

  .branch-legend {
    padding-inline: var(--_space-s);
    font-weight: 700;
  }

  .checkboxes {
    display: grid;
    gap: var(--_space-m);
  }

  .checkbox {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    gap: 0 var(--_space-s);
    align-items: start;
  }

  .checkbox label {
    grid-column: 2;
    margin: 0;
    padding-block: 0.125rem;
    font-weight: 400;
    cursor: pointer;
  }

  .checkbox-hint {
    grid-column: 2;
    margin: 0;
  }

  /* A word longer than its column breaks rather than push the page sideways at 320 px;
     shorter words never break. */
  .checkbox label,
  .checkbox-hint,
  .fruit-label,
  .fruit-description,
  .info-text {
    overflow-wrap: break-word;
  }

  .checkbox .info-button {
    grid-column: 3;
    grid-row: 1 / span 2;
  }

  .effort-tag {
    font-weight: 700;
  }

  .checkbox-hint .effort-tag {
    display: block;
  }

  /* Info buttons and popovers */
  /* The visible words are the start of the button's name ("More about: …"), as WCAG 2.5.3 asks. */
  .info-button {
    display: inline-flex;
    gap: 0.25rem;
    align-items: center;
    min-inline-size: 2.75rem;
    min-block-size: 2.75rem;
    padding: 0 var(--_space-s) 0 0;
    font-weight: 400;
    text-decoration: underline;
    /* The text colour, not the link colour: it sits on the crown, whose colour a theme may not set. */
    color: var(--_text);
    background: transparent;
    border: 0;
    box-shadow: none;
  }

  .info-button:hover {
    color: var(--_on-secondary);
    background: var(--_secondary);
  }

  .info-icon {
    inline-size: 1.5rem;
    block-size: 1.5rem;
  }

  /* Where Floating UI starts from before it places the popover beside its button. */
  .info-popover {
    position: fixed;
    inset: 0 auto auto 0;
    inline-size: max-content;
    overflow-y: auto;
    margin: 0;
    max-inline-size: min(22rem, calc(100vw - 1rem));
    padding: var(--_space-m);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_text);
    background: var(--_background);
    border: var(--_border-width) solid var(--_border);
    box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 25%);
  }

  .info-title {
    margin-block: 0 var(--_space-s);
    font-weight: 700;
  }

  .info-text {
    margin-block: 0 var(--_space-m);
  }

  /* Contact and check steps */
  .contact-reasons {
    margin-block: 0 var(--_space-m);
  }

  .field {
    margin-block-end: var(--_space-m);
  }

  .text-input {
    display: block;
    inline-size: 100%;
    max-inline-size: 30em;
    min-block-size: 2.75rem;
    padding: var(--_space-s);
    font: inherit;
    color: var(--_text);
    background: var(--_background);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
  }

  .has-error .text-input {
    border-color: var(--_error);
    border-width: calc(var(--_border-width) * 2);
  }

  .privacy {
    margin-block: 0 var(--_space-m);
  }

  .privacy a {
    color: var(--_primary);
  }

  .consent .checkbox {
    grid-template-columns: auto 1fr;
  }

  .kept {
    margin-block-start: var(--_space-m);
  }

  .heading:focus,
  #check-heading:focus {
    outline: none;
  }

  .mix-sentence {
    font-weight: 700;
  }

  .summary-list {
    margin: 0 0 var(--_space-m);
  }

  .summary-row {
    padding-block: var(--_space-s);
    border-block-end: 1px solid var(--_border);
  }

  .summary-row dt {
    font-weight: 700;
  }

  .summary-row dd {
    margin: 0;
  }

  .summary-row ul {
    margin: 0;
    padding-inline-start: var(--_space-l);
  }

  .subheading {
    margin-block: var(--_space-m) var(--_space-s);
    font-size: 1em;
  }

  @media (forced-colors: active) {
    .crown,
    .bough,
    button.fruit {
      border-color: CanvasText;
    }

    .fruit-icon .leaf,
    .fruit-icon .flesh {
      fill: CanvasText;
    }

    .fruit-icon .tick {
      stroke: Canvas;
    }

    .trunk .wood {
      fill: CanvasText;
    }

    .trunk .ground {
      stroke: CanvasText;
    }

    .info-popover {
      border-color: CanvasText;
    }
  }

  @media (prefers-reduced-motion: no-preference) {
    button.fruit {
      transition: background-color 120ms ease-out;
    }
  }
`;
