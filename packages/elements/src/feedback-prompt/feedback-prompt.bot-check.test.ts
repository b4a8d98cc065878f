import { expect } from '@esm-bundle/chai';
import { fixture, html } from '@open-wc/testing-helpers';
import { sendKeys } from '@web/test-runner-commands';
import { LIMITS } from '@participate/schema/vocabulary';
import '../define/feedback-prompt.js';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { faultBodies, faultEndpoint, uniqueTopic } from '../test-support/endpoints.js';
import { $, buttonByText, clearDrafts, emptyOutbox, prompt, text, until } from '../test-support/prompt-helpers.js';

interface Posted {
  id: string;
  amends?: string;
  botCheck?: { honeypot: string; elapsedMs: number };
}

/** A fault endpoint that accepts everything, so the test can read exactly what was posted. */
function recordingEndpoint(): { url: string; bodies: () => Promise<Posted[]> } {
  const key = uniqueTopic('bot-check');
  return { url: faultEndpoint(key, { times: 0 }), bodies: () => faultBodies(key) };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Not a timing benchmark: only a sanity bound for a busy machine. */
const GENEROUS_MS = 10_000;

afterEach(async () => {
  clearDrafts();
  await emptyOutbox();
});

describe('<participate-feedback-prompt> spam checks', () => {
  it('sends an empty honeypot and the time since it appeared, with the answer and the follow-up', async () => {
    const { url, bodies } = recordingEndpoint();
    const el = await prompt(
      html`<participate-feedback-prompt endpoint=${url} topic="a"></participate-feedback-prompt>`,
    );
    await pause(300);
    buttonByText(el, 'No').click();
    await until(() => text(el).includes('your answer has been sent'));
    $(el, 'input[value="out-of-date"]').click();
    await pause(100);
    buttonByText(el, 'Send').click();
    await until(() => text(el).includes('Thank you for your feedback'));

    const [answer, followUp] = await bodies();
    expect(answer?.botCheck?.honeypot).to.equal('');
    expect(answer?.botCheck?.elapsedMs).to.be.at.least(300).and.below(GENEROUS_MS);
    expect(followUp?.amends).to.equal(answer?.id);
    expect(followUp?.botCheck?.honeypot).to.equal('');
    expect(followUp?.botCheck?.elapsedMs).to.be.at.least((answer?.botCheck?.elapsedMs ?? 0) + 100);
  });

  it('sends the Friends and Family Test answer with it too', async () => {
    const { url, bodies } = recordingEndpoint();
    const el = await prompt(
      html`<participate-feedback-prompt variant="fft" endpoint=${url} topic="a"></participate-feedback-prompt>`,
    );
    $(el, 'input[value="good"]').click();
    buttonByText(el, 'Send').click();
    await until(() => text(el).includes('Thank you for your feedback'));
    const [answer] = await bodies();
    expect(answer?.botCheck?.honeypot).to.equal('');
    expect(answer?.botCheck?.elapsedMs).to.be.at.least(0).and.below(GENEROUS_MS);
  });

  it('retries with the very same body, spam checks included', async () => {
    const key = uniqueTopic('bot-check-retry');
    const el = await prompt(
      html`<participate-feedback-prompt
        endpoint=${faultEndpoint(key, { status: 503, times: 1 })}
        topic="a"
      ></participate-feedback-prompt>`,
    );
    buttonByText(el, 'Yes').click();
    await until(() => text(el).includes('your answer has been sent'));
    const [first, retry] = await faultBodies(key);
    expect(retry).to.deep.equal(first);
  });

  it('sends what a bot typed into the honeypot, cut to the schema bound, so the collector can drop it', async () => {
    const { url, bodies } = recordingEndpoint();
    const el = await prompt(
      html`<participate-feedback-prompt endpoint=${url} topic="a"></participate-feedback-prompt>`,
    );
    ($(el, 'input[name="website"]') as HTMLInputElement).value = 'x'.repeat(LIMITS.honeypotLength + 10);
    buttonByText(el, 'Yes').click();
    await until(() => text(el).includes('your answer has been sent'));
    const [answer] = await bodies();
    expect(answer?.botCheck?.honeypot).to.equal('x'.repeat(LIMITS.honeypotLength));
  });

  it('keeps the honeypot rendered but off screen, hidden from assistive technology', async () => {
    const el = await prompt(html`<participate-feedback-prompt endpoint="/x" topic="a"></participate-feedback-prompt>`);
    const input = $(el, 'input[name="website"]') as HTMLInputElement;
    const wrapper = input.closest('.bot-trap');
    expect(wrapper?.getAttribute('aria-hidden')).to.equal('true');
    expect(input.tabIndex).to.equal(-1);
    expect(input.getAttribute('autocomplete')).to.equal('off');
    expect(input.closest('label')?.textContent.trim()).to.equal('Leave this field empty');
    // Rendered, so that a bot that skips display: none still fills it...
    expect(getComputedStyle(input).display).not.to.equal('none');
    expect(input.getClientRects()).to.have.length(1);
    // ...but above the page, where nobody sees it.
    expect(input.getBoundingClientRect().bottom).to.be.at.most(0);
    await expectNoAxeViolations(el);
  });

  for (const variant of ['page-useful', 'fft']) {
    it(`is never reached by Tab (${variant})`, async () => {
      const page = await fixture<HTMLElement>(html`
        <div>
          <button id="before">Before</button>
          <participate-feedback-prompt variant=${variant} endpoint="/x" topic="a"></participate-feedback-prompt>
          <button id="after">After</button>
        </div>
      `);
      const el = page.querySelector('participate-feedback-prompt')!;
      await until(() => el.shadowRoot?.querySelector('[part="base"]'), 'widget did not render');
      page.querySelector<HTMLButtonElement>('#before')!.focus();
      const visited: Element[] = [];
      for (let i = 0; i < 20 && document.activeElement?.id !== 'after'; i++) {
        await sendKeys({ press: 'Tab' });
        if (el.shadowRoot?.activeElement) visited.push(el.shadowRoot.activeElement);
      }
      expect(document.activeElement?.id, 'Tab went through the widget').to.equal('after');
      expect(visited.length).to.be.greaterThan(0);
      expect(visited.map((node) => node.getAttribute('name'))).not.to.include('website');
    });
  }
});
