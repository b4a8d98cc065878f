import { css } from 'lit';

export const priorityRankingStyles = css`
  .base {
    padding: var(--participate-priority-ranking-padding, var(--_space-m));
    color: var(--_text);
    background: var(--participate-priority-ranking-background, var(--_surface));
    border: var(--participate-priority-ranking-border-width, 0) solid
      var(--participate-priority-ranking-border-color, var(--_border));
    border-radius: var(--_radius);
  }

  .ranking,
  .options {
    display: grid;
    gap: var(--_space-s);
    margin: 0 0 var(--_space-m);
    padding: 0;
    list-style: none;
  }

  .item,
  .option {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: center;
    padding: var(--_space-s);
    background: var(--participate-priority-ranking-item-background, var(--_background));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .item {
    position: relative;
  }

  .item.grabbed,
  .item.dragged {
    background: var(--participate-priority-ranking-grabbed-background, var(--_surface));
    border-style: dashed;
    border-width: var(--_border-width);
  }

  /* While an option is dragged: a thick line in the gap where it will land. */
  .item.drop-before::before,
  .item.drop-after::after {
    position: absolute;
    inset-inline: calc(-1 * var(--_border-width));
    block-size: 0;
    content: '';
    border-block-start: 4px solid var(--_text);
    border-radius: 2px;
    pointer-events: none;
  }

  .item.drop-before::before {
    inset-block-start: calc(-1 * var(--_space-s) / 2 - 3px);
  }

  .item.drop-after::after {
    inset-block-end: calc(-1 * var(--_space-s) / 2 - 3px);
  }

  .ranking.is-dragging {
    cursor: grabbing;
    user-select: none;
  }

  .position {
    flex: none;
    min-inline-size: 1.75rem;
    font-weight: 700;
    text-align: center;
  }

  .text {
    display: flex;
    flex: 1 1 10rem;
    flex-direction: column;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .item-description {
    color: var(--_text-secondary);
    font-size: 0.9em;
  }

  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    margin-inline-start: auto;
  }

  .controls button,
  .toggle {
    padding-inline: var(--_space-s);
    font-weight: 400;
  }

  .toggle {
    margin-inline-start: auto;
  }

  .handle {
    display: inline-grid;
    place-items: center;
    cursor: grab;
    /* A finger on the handle drags the option rather than scrolling the page. */
    touch-action: none;
  }

  .handle[aria-pressed='true'] {
    color: var(--_on-primary);
    background: var(--_primary);
    cursor: grabbing;
  }

  .grip {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }

  /* The same width for Up, Down and the gap left where one is not offered, so the buttons
     line up from row to row. */
  .move,
  .move-spacer {
    min-inline-size: 4.5rem;
  }

  .move-spacer {
    display: inline-block;
  }

  .option.is-chosen {
    border-inline-start: 5px solid var(--_success);
  }

  .toggle[aria-disabled='true'] {
    cursor: not-allowed;
  }

  .subheading {
    margin-block: var(--_space-m) var(--_space-s);
    font-size: 1em;
  }

  .count,
  .empty {
    margin-block-end: var(--_space-s);
  }

  .full-message {
    font-weight: 700;
  }

  /* Points mode */
  .points-left {
    font-weight: 700;
  }

  .points-left.is-over {
    color: var(--_error);
  }

  .points-row.has-error {
    border-inline-start: 5px solid var(--_error);
  }

  .stepper {
    align-items: center;
    flex-wrap: nowrap;
  }

  .step {
    min-inline-size: 2.75rem;
    font-size: 1.25em;
    line-height: 1;
  }

  .step[aria-disabled='true'] {
    cursor: not-allowed;
  }

  .points-input {
    inline-size: 4.5em;
    min-block-size: 2.75rem;
    padding: var(--_space-s);
    font: inherit;
    text-align: center;
    color: var(--_text);
    background: var(--_background);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
  }

  .points-input[aria-invalid='true'] {
    border-color: var(--_error);
    border-width: calc(var(--_border-width) * 2);
  }

  /* Pairwise mode */
  .pair {
    display: grid;
    /* Two equal halves whatever the labels' lengths. */
    grid-template-columns: minmax(0, 1fr) auto minmax(0, 1fr);
    gap: var(--_space-s);
    align-items: stretch;
    margin-block-end: var(--_space-m);
  }

  .pair-or {
    align-self: center;
    justify-self: center;
    padding-inline: var(--_space-xs, 0.25rem);
    font-weight: 700;
  }

  .pair-choice {
    display: flex;
    flex-direction: column;
    justify-content: center;
    gap: var(--_space-xs, 0.25rem);
    min-block-size: 6rem;
    overflow-wrap: anywhere;
    text-align: center;
  }

  .pair-choice .item-description {
    color: inherit;
    font-weight: 400;
  }

  .cant-decide {
    font-weight: 400;
  }

  .stop-early {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-m);
    margin-block: 0 var(--_space-m);
  }

  .pairwise-summary {
    display: grid;
    gap: var(--_space-xs, 0.25rem);
    margin-block: 0 var(--_space-m);
    padding-inline-start: var(--_space-l);
  }

  .pairwise-summary .wins {
    color: var(--_text-secondary);
  }

  .pairwise-summary .wins::before {
    content: ' — ';
  }

  @media (max-width: 30rem) {
    .pair {
      grid-template-columns: 1fr;
    }
  }

  @media (forced-colors: active) {
    .item,
    .option {
      border-color: CanvasText;
    }

    .item.grabbed,
    .item.dragged {
      border-color: Highlight;
    }

    .item.drop-before::before,
    .item.drop-after::after {
      border-color: Highlight;
    }

    .points-input {
      border-color: CanvasText;
    }

    .step[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }

    .handle[aria-pressed='true'] {
      color: HighlightText;
      background: Highlight;
      forced-color-adjust: none;
    }
  }

  @media (prefers-reduced-motion: no-preference) {
    .item {
      transition: background-color 120ms ease-out;
    }
  }
`;
