import { expect } from '@esm-bundle/chai';
import { html } from '@open-wc/testing-helpers';
import '../define/feedback-prompt.js';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { $, $$, buttonByText, clearDrafts, prompt, text, until } from '../test-support/prompt-helpers.js';
import { applyTheme } from '../test-support/themes.js';

const THEMES = ['default', 'nhs', 'govuk'] as const;

describe('themes', () => {
  afterEach(clearDrafts);

  for (const theme of THEMES) {
    it(`${theme}: meets WCAG 2.2 AA in the question, error and failure states`, async () => {
      const removeTheme = await applyTheme(theme);
      try {
        const el = await prompt(
          html`<participate-feedback-prompt
            variant="fft"
            endpoint="/__no-such-endpoint"
            topic="a"
          ></participate-feedback-prompt>`,
        );
        const primary = getComputedStyle($(el, 'button[type="submit"]')).backgroundColor;
        expect(primary, 'the theme reaches inside the shadow root').not.to.equal('');
        await expectNoAxeViolations(el);

        buttonByText(el, 'Send').click();
        await until(() => $$(el, '.error-summary').length === 1);
        await expectNoAxeViolations(el);

        $(el, 'input[value="good"]').click();
        buttonByText(el, 'Send').click();
        await until(() => text(el).includes('Your feedback was not sent'));
        await expectNoAxeViolations(el);
      } finally {
        removeTheme();
      }
    });
  }

  it('changes what the widget looks like through tokens alone', async () => {
    const el = await prompt(html`<participate-feedback-prompt endpoint="/x" topic="a"></participate-feedback-prompt>`);
    const before = getComputedStyle($(el, 'button')).backgroundColor;
    const removeTheme = await applyTheme('nhs');
    try {
      // Buttons ease between colours; read the colour once they have settled.
      await Promise.all(el.shadowRoot!.getAnimations().map((animation) => animation.finished));
      expect(getComputedStyle($(el, 'button')).backgroundColor).to.equal('rgb(0, 127, 59)');
      expect(before).to.equal('rgb(0, 94, 165)');
    } finally {
      removeTheme();
    }
  });
});
