import { css } from 'lit';

export const feedbackPromptStyles = css`
  .base {
    padding: var(--participate-feedback-prompt-padding, var(--_space-m));
    color: var(--_text);
    background: var(--participate-feedback-prompt-background, var(--_surface));
    border: var(--participate-feedback-prompt-border-width, 0) solid
      var(--participate-feedback-prompt-border-color, var(--_border));
    border-radius: var(--_radius);
  }

  .question-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-m);
    align-items: center;
  }

  .question-row .label {
    margin: 0;
  }

  .answer-buttons {
    display: flex;
    gap: var(--_space-s);
  }

  .answer-buttons button {
    min-inline-size: 4.5rem;
  }

  .you-said {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-m);
    align-items: baseline;
    margin-block-end: var(--_space-m);
  }

  .answer-status {
    margin-block-end: var(--_space-l);
  }

  .optional {
    font-weight: 400;
  }

  .you-said p {
    margin: 0;
  }
`;
