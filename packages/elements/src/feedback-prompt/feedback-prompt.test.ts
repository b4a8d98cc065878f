import { expect } from '@esm-bundle/chai';
import { html } from '@open-wc/testing-helpers';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define/feedback-prompt.js';
import type { ParticipateSentEvent, ParticipateQueuedEvent, ParticipateErrorEvent } from '../shared/events.js';
import { expectNoAxeViolations } from '../test-support/axe.js';
import {
  UNREACHABLE_ENDPOINT,
  collectorEndpoint,
  faultBodies,
  faultEndpoint,
  storedRows,
  uniqueTopic,
} from '../test-support/endpoints.js';
import {
  $,
  recordAnnouncements,
  $$,
  announced,
  buttonByText,
  clearDrafts,
  emptyOutbox,
  eventually,
  focused,
  prompt,
  text,
  until,
} from '../test-support/prompt-helpers.js';

/** Tabs until the shadow root's focused element matches, as a keyboard user would. */
async function tabTo(element: Element, selector: string, limit = 15): Promise<void> {
  for (let i = 0; i < limit; i++) {
    const active = element.shadowRoot?.activeElement;
    if (active?.matches(selector)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${selector}`);
}

let endpoint: string;
before(async () => {
  endpoint = await collectorEndpoint();
});
afterEach(async () => {
  clearDrafts();
  await emptyOutbox();
});

describe('<participate-feedback-prompt> page-useful', () => {
  it('asks "Is this page useful?" with named Yes and No buttons, accessibly', async () => {
    const el = await prompt(
      html`<participate-feedback-prompt endpoint=${endpoint} topic="a"></participate-feedback-prompt>`,
    );
    expect(text(el)).to.contain('Is this page useful?');
    expect(buttonByText(el, 'Yes').getAttribute('aria-label')).to.equal('Yes, this page is useful');
    expect(buttonByText(el, 'No').getAttribute('aria-label')).to.equal('No, this page is not useful');
    expect($(el, '[part="base"]').getAttribute('lang')).to.equal('en');
    await expectNoAxeViolations(el);
  });

  it('is completed by keyboard alone: the No is sent at once, the follow-up amends it', async () => {
    const topic = uniqueTopic();
    const el = await prompt(
      html`<participate-feedback-prompt
        endpoint=${endpoint}
        topic=${topic}
        stage="improve-services"
      ></participate-feedback-prompt>`,
    );
    buttonByText(el, 'Yes').focus();
    await tabTo(el, 'button[value="no"]');
    await sendKeys({ press: 'Enter' });
    await until(() => text(el).includes('What went wrong?'));
    expect(focused(el)?.textContent).to.contain('You said this page is not useful.');
    expect(text(el)).to.contain('Thank you, your answer has been sent. You can tell us more below if you want to.');
    await expectNoAxeViolations(el);
    const [first] = await storedRows(topic);
    expect(first?.answer).to.deep.equal({ variant: 'page-useful', useful: 'no' });

    await tabTo(el, 'input[value="out-of-date"]');
    await sendKeys({ press: 'Space' });
    await tabTo(el, 'textarea');
    await sendKeys({ type: 'The bin dates are for last year' });
    const sent = eventually<ParticipateSentEvent>(el, 'participate-sent');
    await tabTo(el, 'button[type="submit"]');
    await sendKeys({ press: 'Enter' });
    const event = await sent;

    await until(() => text(el).includes('Thank you for your feedback'));
    expect(focused(el)?.classList.contains('panel-heading')).to.equal(true);
    await announced(el, 'Your feedback has been sent');
    await expectNoAxeViolations(el);

    const rows = await storedRows(topic);
    expect(rows).to.have.length(2);
    expect(rows[1]?.id).to.equal(event.detail.id);
    expect(rows[1]?.amends).to.equal(first?.id);
    expect(rows[1]?.stage).to.equal('improve-services');
    expect(rows[1]?.page).to.equal(`${location.origin}${location.pathname}`);
    expect(rows[1]?.answer).to.deep.equal({
      variant: 'page-useful',
      useful: 'no',
      reasons: ['out-of-date'],
      comment: 'The bin dates are for last year',
    });
  });

  it('renders hostile labels set as a property as text, creating no elements', async () => {
    const el = await prompt(
      html`<participate-feedback-prompt endpoint=${endpoint} topic="a"></participate-feedback-prompt>`,
    );
    el.reasons = [{ value: 'x', label: '<img src=x onerror="window.__pwned = true">' }];
    buttonByText(el, 'No').click();
    await until(() => $$(el, 'input[type="checkbox"]').length === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect($$(el, 'img')).to.have.length(0);
    expect((window as unknown as { __pwned?: boolean }).__pwned).to.equal(undefined);
  });

  it('lets a person change their answer, returning focus to it, and records the change', async () => {
    const topic = uniqueTopic();
    const el = await prompt(
      html`<participate-feedback-prompt endpoint=${endpoint} topic=${topic}></participate-feedback-prompt>`,
    );
    buttonByText(el, 'Yes').click();
    await until(() => text(el).includes('You said this page is useful.'));
    expect(text(el)).not.to.contain('What went wrong?');
    expect(text(el)).to.contain('Is there anything we could do better?');
    buttonByText(el, 'Change your answer').click();
    await until(() => focused(el)?.getAttribute('value') === 'yes');
    buttonByText(el, 'No').click();
    await until(() => text(el).includes('You said this page is not useful.'));

    const rows = await storedRows(topic);
    expect(rows.map((row) => [row.answer.useful, row.amends ?? null])).to.deep.equal([
      ['yes', null],
      ['no', rows[0]?.id],
    ]);
  });

  it('sends nothing more when the follow-up adds nothing', async () => {
    const topic = uniqueTopic();
    const el = await prompt(
      html`<participate-feedback-prompt endpoint=${endpoint} topic=${topic}></participate-feedback-prompt>`,
    );
    buttonByText(el, 'Yes').click();
    await until(() => text(el).includes('your answer has been sent'));
    buttonByText(el, 'Send').click();
    await until(() => text(el).includes('Thank you for your feedback'));
    expect(focused(el)?.classList.contains('panel-heading')).to.equal(true);
    expect((await storedRows(topic)).map((row) => row.answer)).to.deep.equal([
      { variant: 'page-useful', useful: 'yes' },
    ]);
  });

  it('shows a GOV.UK error summary for an over-long comment, keeping what was typed', async () => {
    const el = await prompt(
      html`<participate-feedback-prompt
        endpoint=${endpoint}
        topic="a"
        comment-maxlength="10"
      ></participate-feedback-prompt>`,
    );
    buttonByText(el, 'No').click();
    await until(() => $$(el, 'textarea').length === 1);
    const textarea = $(el, 'textarea') as HTMLTextAreaElement;
    textarea.focus();
    await sendKeys({ type: 'Eleven char' });
    expect(text(el)).to.contain('You have 1 character too many');
    buttonByText(el, 'Send').click();

    await until(() => focused(el)?.classList.contains('error-summary'));
    expect(text(el)).to.contain('There is a problem');
    expect(text(el)).to.contain('Your comments must be 10 characters or fewer');
    expect(textarea.value).to.equal('Eleven char');
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect(textarea.getAttribute('aria-describedby')).to.contain('comment-error');
    await expectNoAxeViolations(el);

    ($(el, '.error-summary a') as HTMLAnchorElement).click();
    expect(focused(el)).to.equal(textarea);
  });

  it('counts characters with correct plurals and announces the count after a pause', async () => {
    const el = await prompt(
      html`<participate-feedback-prompt
        endpoint=${endpoint}
        topic="a"
        comment-maxlength="3"
      ></participate-feedback-prompt>`,
    );
    buttonByText(el, 'No').click();
    await until(() => $$(el, 'textarea').length === 1);
    expect(text(el)).to.contain('You have 3 characters remaining');
    $(el, 'textarea').focus();
    await sendKeys({ type: 'ab' });
    expect(text(el)).to.contain('You have 1 character remaining');
    await announced(el, 'You have 1 character remaining');
    expect($(el, '#comment-limit').textContent).to.contain('You can enter up to 3 characters');
  });

  it('restores a half-written comment after a reload, amends the same answer, and clears it once sent', async () => {
    const topic = uniqueTopic();
    const first = await prompt(
      html`<participate-feedback-prompt endpoint=${endpoint} topic=${topic}></participate-feedback-prompt>`,
    );
    buttonByText(first, 'No').click();
    await until(() => $$(first, 'textarea').length === 1);
    $(first, 'textarea').focus();
    await sendKeys({ type: 'Half a thought' });
    first.remove();

    const again = await prompt(
      html`<participate-feedback-prompt endpoint=${endpoint} topic=${topic}></participate-feedback-prompt>`,
    );
    expect(($(again, 'textarea') as HTMLTextAreaElement).value).to.equal('Half a thought');
    buttonByText(again, 'Send').click();
    await until(() => text(again).includes('Thank you for your feedback'));
    again.remove();
    const rows = await storedRows(topic);
    expect(rows).to.have.length(2);
    expect(rows[1]?.amends).to.equal(rows[0]?.id);
    expect(rows[1]?.answer.comment).to.equal('Half a thought');

    const fresh = await prompt(
      html`<participate-feedback-prompt endpoint=${endpoint} topic=${topic}></participate-feedback-prompt>`,
    );
    expect(text(fresh)).to.contain('Is this page useful?');
  });

  it('says "saved on this device" when the endpoint cannot be reached', async () => {
    const el = await prompt(
      html`<participate-feedback-prompt endpoint=${UNREACHABLE_ENDPOINT} topic="a"></participate-feedback-prompt>`,
    );
    const queued = eventually<ParticipateQueuedEvent>(el, 'participate-queued');
    buttonByText(el, 'Yes').click();
    const event = await queued;
    expect(event.detail.payload.answer).to.deep.equal({ variant: 'page-useful', useful: 'yes' });
    await until(() => text(el).includes('You said this page is useful.'));
    expect(text(el)).to.contain('Saved on this device. We will send it when you are back online.');
    await announced(el, 'Saved on this device');
    await expectNoAxeViolations(el);

    buttonByText(el, 'Send').click();
    await until(() => text(el).includes('Your feedback is saved'));
    expect(focused(el)?.classList.contains('panel-heading')).to.equal(true);
    await expectNoAxeViolations(el);
  });

  it('shows the sending state while a flaky endpoint is retried, then sends with the same id', async () => {
    const key = uniqueTopic('flaky');
    const el = await prompt(
      html`<participate-feedback-prompt
        endpoint=${faultEndpoint(key, { status: 503, times: 1 })}
        topic="a"
      ></participate-feedback-prompt>`,
    );
    const announcements = recordAnnouncements(el);
    buttonByText(el, 'Yes').click();
    await el.updateComplete;
    expect(buttonByText(el, 'Yes').getAttribute('aria-disabled')).to.equal('true');
    await expectNoAxeViolations(el);
    await until(() => text(el).includes('your answer has been sent'));
    announcements.stop();
    // Recorded rather than polled: the retry's backoff may be a few milliseconds.
    expect(announcements.texts.some((words) => words.includes('Sending your feedback'))).to.equal(true);
    const bodies = await faultBodies(key);
    expect(bodies).to.have.length(2);
    expect(bodies[0]?.id).to.equal(bodies[1]?.id);
  });

  it('shows the form as sending while its answer is retried', async () => {
    const key = uniqueTopic('flaky-form');
    const el = await prompt(
      html`<participate-feedback-prompt
        variant="fft"
        endpoint=${faultEndpoint(key, { status: 503, times: 1 })}
        topic="a"
      ></participate-feedback-prompt>`,
    );
    $(el, 'input[value="good"]').click();
    buttonByText(el, 'Send').click();
    await el.updateComplete;
    expect($(el, 'button[type="submit"]').getAttribute('aria-disabled')).to.equal('true');
    await expectNoAxeViolations(el);
    await until(() => text(el).includes('Thank you for your feedback'));
    expect(await faultBodies(key)).to.have.length(2);
  });

  it('fails honestly on a refusal, keeps what was typed, and sends it on "Try again"', async () => {
    const key = uniqueTopic('refuse');
    const el = await prompt(
      html`<participate-feedback-prompt
        variant="fft"
        endpoint=${faultEndpoint(key, { status: 422, times: 1 })}
        topic="a"
      ></participate-feedback-prompt>`,
    );
    $(el, 'input[value="poor"]').click();
    $(el, 'textarea').focus();
    await sendKeys({ type: 'Keep me' });
    const failed = eventually<ParticipateErrorEvent>(el, 'participate-error');
    buttonByText(el, 'Send').click();
    const event = await failed;
    expect(event.detail).to.include({ status: 422, retryable: false, message: 'Injected 422' });

    await until(() => text(el).includes('Your feedback was not sent'));
    await until(() => focused(el)?.classList.contains('panel-heading'), 'focus moves to the failure');
    expect(($(el, 'textarea') as HTMLTextAreaElement).value).to.equal('Keep me');
    expect(($(el, 'input[value="poor"]') as HTMLInputElement).checked).to.equal(true);
    expect(await faultBodies(key)).to.have.length(1);
    await expectNoAxeViolations(el);

    buttonByText(el, 'Try again').click();
    await until(() => text(el).includes('Thank you for your feedback'));
    const bodies = await faultBodies(key);
    expect(bodies).to.have.length(2);
    expect(bodies[1]?.id, 'the same response, so it is stored once').to.equal(bodies[0]?.id);
  });

  it('offers "Try again" when the Yes/No itself is refused', async () => {
    const key = uniqueTopic('refuse-answer');
    const el = await prompt(
      html`<participate-feedback-prompt
        endpoint=${faultEndpoint(key, { status: 422, times: 1 })}
        topic="a"
      ></participate-feedback-prompt>`,
    );
    buttonByText(el, 'No').click();
    await until(() => text(el).includes('Your feedback was not sent'));
    await until(() => focused(el)?.classList.contains('panel-heading'), 'focus moves to the failure');
    await expectNoAxeViolations(el);
    buttonByText(el, 'Try again').click();
    await until(() => text(el).includes('your answer has been sent'));
    const bodies = await faultBodies(key);
    expect(bodies.map((b) => b.id)).to.deep.equal([bodies[0]?.id, bodies[0]?.id]);
  });

  it('honours Retry-After on 429 before trying again', async () => {
    const key = uniqueTopic('throttle');
    const el = await prompt(
      html`<participate-feedback-prompt
        endpoint=${faultEndpoint(key, { status: 429, times: 1, retryAfter: 1 })}
        topic="a"
      ></participate-feedback-prompt>`,
    );
    const started = performance.now();
    buttonByText(el, 'Yes').click();
    await until(() => text(el).includes('your answer has been sent'));
    expect(performance.now() - started).to.be.at.least(950);
    expect(await faultBodies(key)).to.have.length(2);
  });

  it('sends nothing when a participate-submit listener cancels', async () => {
    const key = uniqueTopic('cancel');
    const el = await prompt(
      html`<participate-feedback-prompt endpoint=${faultEndpoint(key)} topic="a"></participate-feedback-prompt>`,
    );
    let seen: unknown;
    el.addEventListener('participate-submit', (event) => {
      seen = event.detail.payload;
      event.preventDefault();
    });
    buttonByText(el, 'Yes').click();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen).to.have.property('widget', 'feedback-prompt');
    expect(await faultBodies(key)).to.have.length(0);
    expect(text(el)).to.contain('Is this page useful?');
    expect(text(el)).not.to.contain('You said');
  });

  it('fires events that bubble out of a shadow root to the page, as analytics code expects', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadowRoot = host.attachShadow({ mode: 'open' });
    const el = document.createElement('participate-feedback-prompt');
    el.endpoint = endpoint;
    el.topic = uniqueTopic();
    shadowRoot.append(el);
    const seen: string[] = [];
    const listener = (event: Event) => seen.push(event.type);
    for (const type of ['participate-submit', 'participate-sent'] as const) document.addEventListener(type, listener);
    try {
      await until(() => el.shadowRoot?.querySelector('button[value="yes"]'));
      $(el, 'button[value="yes"]').click();
      await until(() => seen.includes('participate-sent'));
      expect(seen).to.deep.equal(['participate-submit', 'participate-sent']);
    } finally {
      for (const type of ['participate-submit', 'participate-sent'] as const)
        document.removeEventListener(type, listener);
      host.remove();
    }
  });

  it('lets a per-instance override replace any string', async () => {
    const el = await prompt(html`
      <participate-feedback-prompt
        endpoint=${endpoint}
        topic="a"
        question="Did this page help you?"
        strings='{"pageUseful": "ignored", "common.send": "Send feedback", "feedbackPrompt.pageUseful.reasonsLegend": "What was the problem?"}'
      ></participate-feedback-prompt>
    `);
    expect(text(el)).to.contain('Did this page help you?');
    buttonByText(el, 'No').click();
    await until(() => text(el).includes('What was the problem?'));
    expect(buttonByText(el, 'Send feedback')).to.exist;
  });
});

describe('<participate-feedback-prompt> fft', () => {
  it('uses exactly the standard question and responses, in order', async () => {
    const el = await prompt(
      html`<participate-feedback-prompt variant="fft" endpoint=${endpoint} topic="a"></participate-feedback-prompt>`,
    );
    expect($(el, 'legend').textContent.trim()).to.equal('Overall, how was your experience of our service?');
    expect($$(el, 'input[type="radio"] + label').map((l) => l.textContent.trim())).to.deep.equal([
      'Very good',
      'Good',
      'Neither good nor poor',
      'Poor',
      'Very poor',
      "Don't know",
    ]);
    expect(text(el)).to.contain('Please can you tell us why you gave your answer?');
    await expectNoAxeViolations(el);
  });

  it('asks for a rating with an error summary, then is completed by keyboard', async () => {
    const topic = uniqueTopic();
    const el = await prompt(
      html`<participate-feedback-prompt
        variant="fft"
        endpoint=${endpoint}
        topic=${topic}
      ></participate-feedback-prompt>`,
    );
    $(el, 'textarea').focus();
    await sendKeys({ type: 'Kind reception staff' });
    await tabTo(el, 'button[type="submit"]');
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el)?.classList.contains('error-summary'));
    expect(text(el)).to.contain('Select how your experience of our service was');
    expect($(el, 'fieldset').getAttribute('aria-describedby')).to.equal('rating-error');
    expect(($(el, 'textarea') as HTMLTextAreaElement).value).to.equal('Kind reception staff');
    await expectNoAxeViolations(el);

    ($(el, '.error-summary a') as HTMLAnchorElement).click();
    expect(focused(el)?.getAttribute('value')).to.equal('very-good');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)?.getAttribute('value')).to.equal('good');
    const sent = eventually<ParticipateSentEvent>(el, 'participate-sent');
    await tabTo(el, 'button[type="submit"]');
    await sendKeys({ press: 'Enter' });
    await sent;
    const rows = await storedRows(topic);
    expect(rows.map((r) => r.answer)).to.deep.equal([
      { variant: 'fft', rating: 'good', comment: 'Kind reception staff', standardWording: true },
    ]);
  });

  it('ignores a replacement question unless nonstandard-fft is set, and warns either way', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const strict = await prompt(
        html`<participate-feedback-prompt
          variant="fft"
          endpoint=${endpoint}
          topic="b"
          question="How did we do?"
        ></participate-feedback-prompt>`,
      );
      expect($(strict, 'legend').textContent.trim()).to.equal('Overall, how was your experience of our service?');
      await until(() => warnings.join('\n').includes('must use the standard wording'), 'must use the standard wording');

      const topic = uniqueTopic();
      const custom = await prompt(
        html`<participate-feedback-prompt
          variant="fft"
          nonstandard-fft
          endpoint=${endpoint}
          topic=${topic}
          question="How did we do?"
        ></participate-feedback-prompt>`,
      );
      expect($(custom, 'legend').textContent.trim()).to.equal('How did we do?');
      await until(() => warnings.join('\n').includes('no longer a valid FFT'), 'no longer a valid FFT');
      $(custom, 'input[value="poor"]').click();
      buttonByText(custom, 'Send').click();
      await until(() => text(custom).includes('Thank you'));
      const rows = await storedRows(topic);
      expect(rows[0]?.answer).to.include({ rating: 'poor', standardWording: false });
    } finally {
      console.warn = original;
    }
  });
});

describe('<participate-feedback-prompt> languages', () => {
  it('renders in Welsh from its own lang, with the root marked cy', async () => {
    const el = await prompt(
      html`<participate-feedback-prompt lang="cy" endpoint=${endpoint} topic="a"></participate-feedback-prompt>`,
    );
    await until(() => $(el, '[part="base"]').getAttribute('lang') === 'cy');
    expect(text(el)).not.to.contain('Is this page useful?');
    expect(buttonByText(el, 'Ydy')).to.exist;
    await expectNoAxeViolations(el);
    buttonByText(el, 'Nac ydy').click();
    await until(() => $$(el, 'textarea').length === 1);
    await expectNoAxeViolations(el);
  });

  it('takes the nearest ancestor language and follows changes to it and to its own lang', async () => {
    const wrapper = document.createElement('div');
    wrapper.lang = 'cy-GB';
    document.body.append(wrapper);
    const el = document.createElement('participate-feedback-prompt');
    el.endpoint = endpoint;
    el.topic = 'a';
    wrapper.append(el);
    await until(() => el.shadowRoot?.querySelector('[part="base"]')?.getAttribute('lang') === 'cy-GB');
    wrapper.lang = 'ur';
    await until(() => el.shadowRoot?.querySelector('[part="base"]')?.getAttribute('dir') === 'rtl');
    el.setAttribute('lang', 'en');
    await until(() => text(el).includes('Is this page useful?'));
    wrapper.remove();
  });

  it('mirrors in Urdu, right to left', async () => {
    const el = await prompt(
      html`<participate-feedback-prompt
        lang="ur"
        variant="fft"
        endpoint=${endpoint}
        topic="a"
      ></participate-feedback-prompt>`,
    );
    await until(() => $(el, '[part="base"]').getAttribute('dir') === 'rtl');
    const base = $(el, '[part="base"]').getBoundingClientRect();
    const radio = $(el, 'input[type="radio"]').getBoundingClientRect();
    expect(base.right - radio.right, 'radios sit at the right-hand edge').to.be.lessThan(base.width / 4);
    await expectNoAxeViolations(el);
    $(el, 'button[type="submit"]').click();
    await until(() => $$(el, '.error-summary').length === 1);
    await expectNoAxeViolations(el);
  });
});

describe('<participate-feedback-prompt> configuration', () => {
  function captureErrors(): { messages: string[]; restore(): void } {
    const messages: string[] = [];
    const original = console.error;
    console.error = (message: string) => messages.push(message);
    return { messages, restore: () => (console.error = original) };
  }

  it('shows its light-DOM fallback and names the missing attribute', async () => {
    const errors = captureErrors();
    try {
      const el = await prompt(html`
        <participate-feedback-prompt topic="a"
          ><a href="/feedback">Give feedback about this page</a></participate-feedback-prompt
        >
      `);
      expect($$(el, 'slot')).to.have.length(1);
      expect((el.querySelector('a') as HTMLElement).offsetHeight).to.be.greaterThan(0);
      await until(() => errors.messages.join('\n').includes('the "endpoint" attribute is missing'));
    } finally {
      errors.restore();
    }
  });

  it('rejects an unknown variant and a bad stage with clear messages', async () => {
    const errors = captureErrors();
    try {
      const el = await prompt(
        html`<participate-feedback-prompt
          endpoint="/x"
          topic="a"
          variant="stars"
          stage="later"
        ></participate-feedback-prompt>`,
      );
      expect($$(el, 'slot')).to.have.length(1);
      const all = () => errors.messages.join('\n');
      await until(() => all().includes('the "variant" attribute "stars" is not known'));
      await until(() => all().includes('the "stage" attribute "later" is not an engagement-cycle stage'));
    } finally {
      errors.restore();
    }
  });
});

describe('<participate-feedback-prompt> layout', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('keeps primary targets at least 44 by 44 and choices at least 24 by 24', async () => {
    const el = await prompt(
      html`<participate-feedback-prompt variant="fft" endpoint="/x" topic="a"></participate-feedback-prompt>`,
    );
    const send = $(el, 'button[type="submit"]').getBoundingClientRect();
    expect(send.height).to.be.at.least(44);
    expect(send.width).to.be.at.least(44);
    for (const radio of $$(el, 'input[type="radio"]')) {
      const box = radio.getBoundingClientRect();
      expect(box.width).to.be.at.least(24);
      expect(box.height).to.be.at.least(24);
    }
  });

  it('reflows at 320 CSS pixels without horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await prompt(
      html`<participate-feedback-prompt variant="fft" endpoint="/x" topic="a"></participate-feedback-prompt>`,
    );
    expect(el.scrollWidth).to.be.at.most(320);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });
});
