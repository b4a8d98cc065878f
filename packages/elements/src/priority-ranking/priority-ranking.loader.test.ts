import { expect } from '@esm-bundle/chai';
import { until } from '../test-support/prompt-helpers.js';
import '../participate.js';

describe('the one-script loader', () => {
  it('loads <participate-priority-ranking> only once the tag appears on the page', async () => {
    expect(customElements.get('participate-priority-ranking')).to.equal(undefined);
    const element = document.createElement('participate-priority-ranking');
    element.setAttribute('endpoint', '/x');
    element.setAttribute('topic', 'a');
    element.innerHTML =
      '<participate-option value="one">One</participate-option><participate-option value="two">Two</participate-option>';
    document.body.append(element);
    try {
      await customElements.whenDefined('participate-priority-ranking');
      await until(() => element.shadowRoot?.querySelectorAll('.ranking > li').length === 2);
      expect(customElements.get('participate-feedback-prompt'), 'nothing else is loaded').to.equal(undefined);
    } finally {
      element.remove();
    }
  });
});
