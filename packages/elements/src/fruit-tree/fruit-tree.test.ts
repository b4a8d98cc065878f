import { expect } from '@esm-bundle/chai';
import { fixture, html } from '@open-wc/testing-helpers';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../define/fruit-tree.js';
import type { ParticipateFruitTree } from './fruit-tree.js';
import { expectNoAxeViolations } from '../test-support/axe.js';
import {
  UNREACHABLE_ENDPOINT,
  collectorEndpoint,
  faultBodies,
  faultEndpoint,
  schemaProblems,
  storedContacts,
  storedRows,
  uniqueTopic,
} from '../test-support/endpoints.js';
import { buttonByText, clearDrafts, emptyOutbox, said, text, until, $, $$ } from '../test-support/prompt-helpers.js';
import { openOutboxStore } from '../shared/submission/outbox-store.js';

const PRIVACY = 'https://www.example-trust.nhs.uk/privacy';

async function tree(template: TemplateResult): Promise<ParticipateFruitTree> {
  const element = await fixture<ParticipateFruitTree>(template);
  await until(() => element.shadowRoot?.querySelector('[part="base"], slot'), 'widget did not render');
  return element;
}

function treeAt(topic: string, view = 'tree', target = endpoint): Promise<ParticipateFruitTree> {
  return tree(
    html`<participate-fruit-tree
      view=${view}
      endpoint=${target}
      topic=${topic}
      privacy-url=${PRIVACY}
    ></participate-fruit-tree>`,
  );
}

/** The fruit toggle (tree view) or checkbox (list view) named `label`. */
function fruit(element: Element, label: string): HTMLElement {
  const byButton = $$(element, 'button.fruit').find(
    (button) => button.querySelector('.fruit-label')?.textContent === label,
  );
  if (byButton) return byButton;
  const checkbox = $$(element, 'input[type="checkbox"]').find(
    (input) => element.shadowRoot?.querySelector(`label[for="${input.id}"]`)?.textContent.trim() === label,
  );
  if (!checkbox) throw new Error(`no fruit "${label}"`);
  return checkbox;
}

function focused(element: Element): Element | null | undefined {
  return element.shadowRoot?.activeElement;
}

/** Tabs until the shadow root's focused element matches, as a keyboard user would. */
async function tabTo(element: Element, matches: (focus: Element) => boolean, what: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    const focus = focused(element);
    if (focus && matches(focus)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}

function tabToFruit(element: Element, label: string): Promise<void> {
  return tabTo(element, (focus) => focus === fruit(element, label), `"${label}"`);
}

function tabToButton(element: Element, words: string): Promise<void> {
  return tabTo(element, (focus) => focus.matches('button') && focus.textContent.trim() === words, `"${words}"`);
}

async function type(words: string): Promise<void> {
  await sendKeys({ type: words });
}

let endpoint: string;
before(async () => {
  endpoint = await collectorEndpoint();
});
afterEach(async () => {
  clearDrafts();
  await emptyOutbox();
});

describe('<participate-fruit-tree> choosing and sending', () => {
  it('is completed by keyboard alone in the tree: a mix, contact details with consent, a check, then sent', async () => {
    const topic = uniqueTopic('tree');
    const el = await treeAt(topic);
    await tabToFruit(el, 'Hear about changes to a service you use');
    await sendKeys({ press: 'Space' });
    await said(el, 'Hear about changes to a service you use, chosen. 1 chosen.');
    expect(fruit(el, 'Hear about changes to a service you use').getAttribute('aria-pressed')).to.equal('true');
    await tabToFruit(el, 'Help design a service');
    await sendKeys({ press: 'Enter' });
    await tabToFruit(el, 'Stand as a governor');
    await sendKeys({ press: 'Space' });
    await said(el, 'Stand as a governor, chosen. 3 chosen.');
    expect(focused(el), 'focus stays on the fruit').to.equal(fruit(el, 'Stand as a governor'));

    await tabToButton(el, 'Continue');
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el)?.id === 'contact-heading', 'focus on the contact step');
    expect($$(el, '.contact-reasons li').map((li) => li.textContent)).to.deep.equal([
      'Hear about changes to a service you use',
      'Help design a service',
      'Stand as a governor',
    ]);
    await expectNoAxeViolations(el);
    await tabTo(el, (focus) => focus.id === 'contact-name', 'the name box');
    await type('Ada Lovelace');
    await tabTo(el, (focus) => focus.id === 'contact-email', 'the email box');
    await type('ada@example.org');
    await tabTo(el, (focus) => focus.id === 'contact-consent', 'the consent box');
    await sendKeys({ press: 'Space' });
    await tabToButton(el, 'Continue');
    await sendKeys({ press: 'Enter' });

    await until(() => focused(el)?.id === 'check-heading', 'focus on the check step');
    expect($(el, '.mix-sentence').textContent.trim()).to.equal(
      'You have chosen 3 ways to be involved, on 3 branches: Hear about changes to a service you use, Help design a service and Stand as a governor.',
    );
    expect(text(el)).to.contain('Ada Lovelace').and.contain('ada@example.org');
    await expectNoAxeViolations(el);
    await tabToButton(el, 'Send');
    await sendKeys({ press: 'Enter' });
    await until(() => text(el).includes('Thank you for choosing how to be involved'), 'sent');
    expect(focused(el)?.classList.contains('panel-heading')).to.equal(true);
    await expectNoAxeViolations(el);

    const [row] = await storedRows(topic);
    expect(row?.answer).to.deep.equal({
      chosen: [
        { fruit: 'service-updates', branch: 'stay-informed', effort: 'once' },
        { fruit: 'co-design', branch: 'work-together', effort: 'regular' },
        { fruit: 'governor', branch: 'lead-and-govern', effort: 'ongoing' },
      ],
      offered: 15,
      effortFilter: 'any',
      view: 'tree',
      contactGiven: true,
    });
    expect(JSON.stringify(row), 'the answer row holds no contact details').not.to.contain('Ada');
    const contacts = await storedContacts(topic);
    expect(contacts).to.have.length(1);
    expect(contacts[0]).to.deep.include({ name: 'Ada Lovelace', email: 'ada@example.org' });
  });

  it('is completed with checkboxes in the list, going straight to the check when no contact is needed', async () => {
    const topic = uniqueTopic('list');
    const el = await treeAt(topic, 'list');
    const box = fruit(el, 'See what happened to what people said') as HTMLInputElement;
    box.click();
    await until(() => box.checked);
    buttonByText(el, 'Continue').click();
    await until(() => focused(el)?.id === 'check-heading', 'check step');
    expect($(el, '.mix-sentence').textContent.trim()).to.equal(
      'You have chosen 1 way to be involved: See what happened to what people said.',
    );
    expect($$(el, '#contact-name')).to.have.length(0);
    buttonByText(el, 'Send').click();
    await until(() => text(el).includes('Thank you for choosing how to be involved'));
    const [row] = await storedRows(topic);
    expect(row?.answer).to.deep.include({ view: 'list', contactGiven: false, offered: 15 });
    expect(await storedContacts(topic)).to.have.length(0);
  });

  it('asks for at least one choice with an error summary linked to the first fruit', async () => {
    const el = await treeAt(uniqueTopic());
    buttonByText(el, 'Continue').click();
    const summary = await until(() => $$(el, '.error-summary').length === 1).then(() => $(el, '.error-summary'));
    await until(() => focused(el) === summary, 'the summary takes focus');
    expect(summary.textContent).to.contain('Choose at least one way to be involved');
    expect($(el, '#fruit-error').textContent).to.contain('Choose at least one way to be involved');
    expect($(el, 'fieldset.choose').getAttribute('aria-describedby')).to.contain('fruit-error');
    await expectNoAxeViolations(el);
    summary.querySelector('a')?.click();
    expect(focused(el)).to.equal(fruit(el, 'Get our newsletter'));
    (focused(el) as HTMLElement).click();
    await until(() => $$(el, '.error-summary').length === 0, 'the error goes once a fruit is chosen');
  });

  it('reads the mix back in a sentence, and lets the person change it', async () => {
    const el = await treeAt(uniqueTopic(), 'list');
    fruit(el, 'Get our newsletter').click();
    fruit(el, 'See what happened to what people said').click();
    buttonByText(el, 'Continue').click();
    await until(() => $$(el, '#contact-name').length === 1);
    buttonByText(el, 'Continue without giving contact details').click();
    await until(() => $$(el, '.mix-sentence').length === 1);
    expect($(el, '.mix-sentence').textContent.trim()).to.equal(
      'You have chosen 2 ways to be involved: Get our newsletter and See what happened to what people said.',
    );
    expect(text(el)).to.contain('Not given. We will count your interest, but we cannot get in touch.');
    buttonByText(el, 'Change your choices').click();
    await until(() => focused(el)?.id === 'choose-heading', 'back to the choices, focus on the question');
    expect((fruit(el, 'Get our newsletter') as HTMLInputElement).checked, 'choices kept').to.equal(true);
    fruit(el, 'Get our newsletter').click();
    fruit(el, 'Become a member').click();
    buttonByText(el, 'Continue').click();
    await until(() => $$(el, '.mix-sentence').length === 1);
    expect($(el, '.mix-sentence').textContent.trim()).to.equal(
      'You have chosen 2 ways to be involved, on 2 branches: See what happened to what people said and Become a member.',
    );
  });
});

describe('<participate-fruit-tree> contact details', () => {
  it('checks them GOV.UK style, keeps what was typed, and links each problem to its field', async () => {
    const el = await treeAt(uniqueTopic(), 'list');
    fruit(el, 'Stand as a governor').click();
    buttonByText(el, 'Continue').click();
    await until(() => $$(el, '#contact-name').length === 1);
    buttonByText(el, 'Continue').click();
    await until(() => $$(el, '.error-summary').length === 1);
    expect($$(el, '.error-summary a').map((a) => [a.getAttribute('href'), a.textContent.trim()])).to.deep.equal([
      ['#contact-name', 'Enter your full name'],
      ['#contact-email', 'Enter an email address or a phone number'],
      ['#contact-consent', 'Select the box to agree that we can keep your details to contact you'],
    ]);
    expect($(el, '#contact-name').getAttribute('aria-describedby')).to.contain('contact-name-error');
    await expectNoAxeViolations(el);

    $(el, '#contact-name').focus();
    await type('Ada');
    $(el, '#contact-email').focus();
    await type('ada@localhost');
    $(el, '#contact-phone').focus();
    await type('call me');
    buttonByText(el, 'Continue').click();
    await until(() => $$(el, '.error-summary a').length === 3 && text(el).includes('correct format'));
    expect($$(el, '.error-summary a').map((a) => a.textContent.trim())).to.deep.equal([
      'Enter an email address in the correct format, like name@example.com',
      'Enter a phone number, like 01632 960 001 or +44 808 157 0192',
      'Select the box to agree that we can keep your details to contact you',
    ]);
    expect(($(el, '#contact-email') as HTMLInputElement).value, 'what was typed is kept').to.equal('ada@localhost');
    expect(($(el, '#contact-phone') as HTMLInputElement).value).to.equal('call me');
    await expectNoAxeViolations(el);

    const email = $(el, '#contact-email') as HTMLInputElement;
    email.select();
    await type('ada@example.org');
    const phone = $(el, '#contact-phone') as HTMLInputElement;
    phone.select();
    await sendKeys({ press: 'Backspace' });
    $(el, '#contact-consent').click();
    buttonByText(el, 'Continue').click();
    await until(() => $$(el, '.mix-sentence').length === 1, 'on to the check');
  });

  it('never keeps contact details in the browser: not in the draft, not in the outbox when a send fails', async () => {
    const topic = uniqueTopic('offline');
    const el = await treeAt(topic, 'list', UNREACHABLE_ENDPOINT);
    fruit(el, 'Join our citizens’ panel').click();
    buttonByText(el, 'Continue').click();
    await until(() => $$(el, '#contact-name').length === 1);
    $(el, '#contact-name').focus();
    await type('Grace Hopper');
    $(el, '#contact-phone').focus();
    await type('01632 960 001');
    $(el, '#contact-consent').click();
    buttonByText(el, 'Continue').click();
    await until(() => $$(el, '.mix-sentence').length === 1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const everythingKept = () => JSON.stringify(Object.entries(localStorage));
    expect(everythingKept()).to.contain('citizens-panel');
    expect(everythingKept(), 'no contact details in any draft').not.to.contain('Grace');

    buttonByText(el, 'Send').click();
    await until(() => text(el).includes('Your choices were not sent'), 'failed, not saved', 20_000);
    expect(text(el)).to.contain('We do not keep contact details on this device');
    const outbox = await openOutboxStore();
    expect(JSON.stringify(await outbox.list()), 'nothing with contact details in the outbox').not.to.contain('Grace');
    expect(everythingKept()).not.to.contain('Grace');
    await expectNoAxeViolations(el);

    buttonByText(el, 'Send without my contact details').click();
    await until(
      () => text(el).includes('Your choices are saved'),
      'kept on the device without contact details',
      20_000,
    );
    const [kept] = await outbox.list();
    expect(kept?.payload).to.deep.include({ widget: 'fruit-tree', topic });
    expect((kept?.payload as { answer: { contactGiven: boolean } }).answer.contactGiven).to.equal(false);
    expect(JSON.stringify(kept)).not.to.contain('Grace');
  });

  it('sends the very same response on "Try again" when the server was down, never keeping it', async () => {
    const key = uniqueTopic('down');
    const el = await treeAt(uniqueTopic(), 'list', faultEndpoint(key, { status: 503, times: 3 }));
    fruit(el, 'Become a member').click();
    buttonByText(el, 'Continue').click();
    await until(() => $$(el, '#contact-name').length === 1);
    $(el, '#contact-name').focus();
    await type('Ada');
    $(el, '#contact-email').focus();
    await type('ada@example.org');
    $(el, '#contact-consent').click();
    buttonByText(el, 'Continue').click();
    await until(() => $$(el, '.mix-sentence').length === 1);
    buttonByText(el, 'Send').click();
    await until(() => text(el).includes('Your choices were not sent'), 'failed after the quick retries', 20_000);
    expect(await (await openOutboxStore()).list()).to.have.length(0);
    buttonByText(el, 'Try again').click();
    await until(() => text(el).includes('Thank you for choosing how to be involved'), 'sent on the retry', 20_000);
    const ids = (await faultBodies(key)).map((body) => body.id);
    expect(ids).to.have.length(4);
    expect(new Set(ids).size, 'one response, one id').to.equal(1);
  });

  it('sends a payload the schema accepts, with contact details apart from the answer', async () => {
    const el = await treeAt(uniqueTopic(), 'list', UNREACHABLE_ENDPOINT);
    const sent = new Promise<unknown>((resolve) => {
      el.addEventListener('participate-submit', (event) => {
        resolve((event as CustomEvent<{ payload: unknown }>).detail.payload);
      });
    });
    fruit(el, 'Take part in user research').click();
    buttonByText(el, 'Continue').click();
    await until(() => $$(el, '#contact-name').length === 1);
    $(el, '#contact-name').focus();
    await type('  Mary Seacole ');
    $(el, '#contact-email').focus();
    await type('mary@example.org ');
    $(el, '#contact-consent').click();
    buttonByText(el, 'Continue').click();
    await until(() => $$(el, '.mix-sentence').length === 1);
    buttonByText(el, 'Send').click();
    const payload = (await sent) as { contact: unknown; answer: unknown };
    expect(await schemaProblems(payload)).to.deep.equal([]);
    expect(payload.contact).to.deep.equal({ name: 'Mary Seacole', email: 'mary@example.org', consent: true });
    expect(JSON.stringify(payload.answer)).not.to.contain('Mary');
  });
});

describe('<participate-fruit-tree> sending states', () => {
  async function readyToSend(target: string): Promise<ParticipateFruitTree> {
    const el = await treeAt(uniqueTopic(), 'list', target);
    fruit(el, 'See what happened to what people said').click();
    buttonByText(el, 'Continue').click();
    await until(() => $$(el, '.mix-sentence').length === 1);
    return el;
  }

  it('is accessible while sending (Send marked busy) and once sent', async () => {
    const el = await readyToSend(faultEndpoint(uniqueTopic('slow'), { status: 503, times: 1, retryAfter: 1 }));
    buttonByText(el, 'Send').click();
    await said(el, 'Sending your choices…');
    expect(buttonByText(el, 'Send').getAttribute('aria-disabled')).to.equal('true');
    await expectNoAxeViolations(el);
    await until(() => text(el).includes('Thank you for choosing how to be involved'), 'sent after the retry', 10_000);
    await said(el, 'Thank you. Your choices have been sent.');
  });

  it('is accessible once saved on the device, and says so', async () => {
    const el = await readyToSend(UNREACHABLE_ENDPOINT);
    buttonByText(el, 'Send').click();
    await until(() => text(el).includes('Your choices are saved'), 'queued', 20_000);
    expect(text(el)).to.contain('Saved on this device. We will send them when you are back online.');
    await expectNoAxeViolations(el);
  });
});

describe('<participate-fruit-tree> in Welsh and Urdu', () => {
  for (const { lang, fruits, sentence, nameMissing, dir } of [
    {
      lang: 'cy',
      fruits: ['Cael ein cylchlythyr', 'Sefyll fel llywodraethwr'],
      sentence: (list: string) => `Rydych wedi dewis 2 ffordd o gymryd rhan, ar 2 cangen: ${list}.`,
      nameMissing: 'Rhowch eich enw llawn',
      dir: 'ltr',
    },
    {
      lang: 'ur',
      fruits: ['ہمارا نیوز لیٹر حاصل کرنا', 'گورنر کا امیدوار بننا'],
      sentence: (list: string) => `آپ نے 2 شاخوں سے شامل ہونے کے 2 طریقے چنے ہیں: ${list}۔`,
      nameMissing: 'اپنا پورا نام لکھیں',
      dir: 'rtl',
    },
  ]) {
    it(`asks, checks contact details and reads the mix back in ${lang}`, async () => {
      const el = await tree(
        html`<participate-fruit-tree
          lang=${lang}
          view="list"
          endpoint=${endpoint}
          topic=${uniqueTopic(lang)}
          privacy-url=${PRIVACY}
        ></participate-fruit-tree>`,
      );
      await until(() => $(el, '[part="base"]').getAttribute('lang') === lang, lang);
      expect($(el, '[part="base"]').getAttribute('dir')).to.equal(dir);
      for (const label of fruits) fruit(el, label).click();
      ($(el, 'button[type="submit"]') as HTMLButtonElement).click();
      await until(() => $$(el, '#contact-name').length === 1, 'contact step');
      ($(el, 'button[type="submit"]') as HTMLButtonElement).click();
      await until(() => $$(el, '.error-summary a').length > 0, 'contact errors');
      expect($$(el, '.error-summary a')[0]?.textContent.trim()).to.equal(nameMissing);
      expect(text(el)).not.to.match(/fruitTree\./);
      await expectNoAxeViolations(el);
      ($(el, '.actions button.secondary') as HTMLButtonElement).click();
      await until(() => $$(el, '.mix-sentence').length === 1, 'check step');
      const list = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(fruits);
      expect($(el, '.mix-sentence').textContent.trim()).to.equal(sentence(list));
      await expectNoAxeViolations(el);
    });
  }
});

describe('<participate-fruit-tree> wording', () => {
  it("takes a site's own words for the default tree, also when they are set after it rendered", async () => {
    const el = await treeAt(uniqueTopic(), 'list');
    expect(() => fruit(el, 'Stand as a governor')).not.to.throw();
    el.strings = { 'fruitTree.defaultTree.lead-and-govern.fruits.governor.label': 'Become a governor' };
    await until(() => $$(el, 'label').some((label) => label.textContent.trim() === 'Become a governor'), 'new words');
    expect(() => fruit(el, 'Stand as a governor')).to.throw();
  });
});

describe('<participate-fruit-tree> drafts', () => {
  it('keeps the choices, the time filter and the view through a reload, but never the contact details', async () => {
    const topic = uniqueTopic('draft');
    const first = await treeAt(topic, 'list');
    fruit(first, 'Become a member').click();
    $(first, 'input[name="effort"][value="once"]').click();
    $(first, 'input[name="view"][value="tree"]').click();
    await until(() => $$(first, 'button.fruit').length > 0);
    buttonByText(first, 'Continue').click();
    await until(() => $$(first, '#contact-name').length === 1);
    $(first, '#contact-name').focus();
    await type('Florence Nightingale');
    first.remove();

    const again = await tree(
      html`<participate-fruit-tree
        endpoint=${endpoint}
        topic=${topic}
        privacy-url=${PRIVACY}
      ></participate-fruit-tree>`,
    );
    expect($$(again, 'button.fruit').length, 'the tree view, as chosen').to.be.greaterThan(0);
    expect(fruit(again, 'Become a member').getAttribute('aria-pressed')).to.equal('true');
    expect(($$(again, 'input[name="effort"]:checked')[0] as HTMLInputElement).value).to.equal('once');
    expect($$(again, 'button.fruit').some((button) => button.textContent.includes('Stand as a governor'))).to.equal(
      false,
    );
    buttonByText(again, 'Continue').click();
    await until(() => $$(again, '#contact-name').length === 1);
    expect(($(again, '#contact-name') as HTMLInputElement).value).to.equal('');
  });
});
