import { expect } from '@esm-bundle/chai';
import { html } from '@open-wc/testing-helpers';
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

describe('<participate-feedback-prompt> text spacing and focus contrast', () => {
  /** WCAG 1.4.12's test values, applied the way a reader's stylesheet or bookmarklet would. */
  function applyTextSpacing(): () => void {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }',
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }

  it('clips no text when a reader increases text spacing', async () => {
    const reset = applyTextSpacing();
    try {
      const el = await prompt(
        html`<participate-feedback-prompt variant="fft" endpoint="/x" topic="a"></participate-feedback-prompt>`,
      );
      // The honeypot's label is not for reading: nobody sees it, and it is clipped on purpose.
      const clipped = $$(el, 'button, label:not(.bot-trap *), legend, p:not(.visually-hidden), textarea').filter(
        (node) => node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1,
      );
      expect(clipped.map((node) => node.outerHTML.slice(0, 60))).to.deep.equal([]);
    } finally {
      reset();
    }
  });

  it('draws a focus ring with at least 3:1 contrast against the widget', async () => {
    const el = await prompt(html`<participate-feedback-prompt endpoint="/x" topic="a"></participate-feedback-prompt>`);
    buttonByText(el, 'Yes').focus();
    await sendKeys({ press: 'Tab' });
    const button = focused(el) as HTMLElement;
    const style = getComputedStyle(button);
    const ring = [style.outlineColor, /rgb[^)]*\)/.exec(style.boxShadow)?.[0] ?? ''];
    const surface = getComputedStyle($(el, '[part="base"]')).backgroundColor;
    const best = Math.max(...ring.map((colour) => contrast(colour, surface)));
    expect(best).to.be.at.least(3);
  });
});

function luminance(colour: string): number {
  const [r = 0, g = 0, b = 0] = (colour.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
