import { ParticipatePriorityRanking } from '../priority-ranking/priority-ranking.js';

export { ParticipatePriorityRanking };

// Defining twice (two copies of the script on one page) must not throw and break the page.
if (!customElements.get('participate-priority-ranking')) {
  customElements.define('participate-priority-ranking', ParticipatePriorityRanking);
}

declare global {
  interface HTMLElementTagNameMap {
    'participate-priority-ranking': ParticipatePriorityRanking;
  }
}
