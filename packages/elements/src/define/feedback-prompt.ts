import { ParticipateFeedbackPrompt } from '../feedback-prompt/feedback-prompt.js';

export { ParticipateFeedbackPrompt };

// Defining twice (two copies of the script on one page) must not throw and break the page.
if (!customElements.get('participate-feedback-prompt')) {
  customElements.define('participate-feedback-prompt', ParticipateFeedbackPrompt);
}

declare global {
  interface HTMLElementTagNameMap {
    'participate-feedback-prompt': ParticipateFeedbackPrompt;
  }
}
