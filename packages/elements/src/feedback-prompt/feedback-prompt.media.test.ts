import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/feedback-prompt.js';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { emulateMediaFeatures } from '../test-support/media.js';
import { $, $$, buttonByText, focused, prompt, until } from '../test-support/prompt-helpers.js';

describe('<participate-feedback-prompt> under user preferences', () => {
  afterEach(async () => {
    await emulateMediaFeatures([]);
  });

  it('works in forced-colours mode: visible borders and focus, no violations', async () => {
    await emulateMediaFeatures([{ name: 'forced-colors', value: 'active' }]);
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const el = await prompt(
      html`<participate-feedback-prompt variant="fft" endpoint="/x" topic="a"></participate-feedback-prompt>`,
    );
    const send = $(el, 'button[type="submit"]');
    expect(getComputedStyle(send).borderTopStyle).to.equal('solid');
    expect(getComputedStyle(send).borderTopWidth).not.to.equal('0px');

    $(el, 'input[type="radio"]').focus();
    await sendKeys({ press: 'ArrowDown' });
    const radio = focused(el) as HTMLElement;
    expect(getComputedStyle(radio).outlineStyle).to.equal('solid');
    expect(getComputedStyle(radio).outlineWidth).to.equal('3px');
    await expectNoAxeViolations(el);

    buttonByText(el, 'Send').click();
    await until(() => $$(el, '.panel.warning').length === 1);
    const panel = $(el, '.panel.warning');
    expect(
      getComputedStyle(panel).borderInlineStartStyle,
      'the panel is marked by a border, not colour alone',
    ).to.equal('solid');
    await expectNoAxeViolations(el);
  });

  it('has no transitions when the person prefers reduced motion', async () => {
    const el = await prompt(html`<participate-feedback-prompt endpoint="/x" topic="a"></participate-feedback-prompt>`);
    expect(getComputedStyle($(el, 'button')).transitionDuration).not.to.equal('0s');
    await emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    expect(getComputedStyle($(el, 'button')).transitionDuration).to.equal('0s');
  });
});
