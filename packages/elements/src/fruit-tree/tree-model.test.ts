import { expect } from '@esm-bundle/chai';
import {
  choices,
  chosenByBranch,
  isVisible,
  mergeTrees,
  needsContact,
  restoredChoices,
  type Branch,
} from './tree-model.js';
import { contactPayload, contactProblems, EMPTY_CONTACT } from './contact-model.js';
import { slugFrom } from './branch-children.js';

const TREE: Branch[] = [
  {
    value: 'stay-informed',
    label: 'Stay informed',
    fruits: [{ value: 'newsletter', label: 'Newsletter', effort: 'once', needsContact: true }],
  },
  {
    value: 'lead-and-govern',
    label: 'Lead and govern',
    fruits: [
      { value: 'member', label: 'Member', effort: 'once', needsContact: false },
      { value: 'governor', label: 'Governor', effort: 'ongoing', needsContact: true },
    ],
  },
];
const [informed, govern] = TREE as [Branch, Branch];
const [newsletter] = informed.fruits;
const [, governor] = govern.fruits;

describe('fruit tree model', () => {
  it('shows what fits the time given, and always what is already chosen', () => {
    const none = new Set<string>();
    expect(isVisible(governor!, 'any', none)).to.equal(true);
    expect(isVisible(governor!, 'once', none)).to.equal(false);
    expect(isVisible(governor!, 'regular', none)).to.equal(false);
    expect(isVisible(governor!, 'ongoing', none)).to.equal(true);
    expect(isVisible(newsletter!, 'once', none)).to.equal(true);
    expect(isVisible(governor!, 'once', new Set(['governor']))).to.equal(true);
  });

  it('answers with fruit, branch and effort in the tree order, and knows when contact is needed', () => {
    const chosen = new Set(['governor', 'newsletter']);
    expect(choices(TREE, chosen)).to.deep.equal([
      { fruit: 'newsletter', branch: 'stay-informed', effort: 'once' },
      { fruit: 'governor', branch: 'lead-and-govern', effort: 'ongoing' },
    ]);
    expect(chosenByBranch(TREE, new Set(['member'])).map((branch) => branch.value)).to.deep.equal(['lead-and-govern']);
    expect(needsContact(TREE, new Set(['member']))).to.equal(false);
    expect(needsContact(TREE, chosen)).to.equal(true);
  });

  it('adds a site branch to the tree, or its fruits to a branch of the same value, replacing a same-value fruit', () => {
    const merged = mergeTrees(TREE, [
      {
        value: 'lead-and-govern',
        label: 'ignored',
        fruits: [
          { value: 'governor', label: 'Stand as a governor', effort: 'ongoing', needsContact: true },
          { value: 'trustee', label: 'Trustee', effort: 'ongoing', needsContact: true },
        ],
      },
      { value: 'green-spaces', label: 'Green spaces', fruits: [] },
    ]);
    expect(merged.map((branch) => branch.value)).to.deep.equal(['stay-informed', 'lead-and-govern', 'green-spaces']);
    expect(merged[1]?.fruits.map((fruit) => fruit.label)).to.deep.equal(['Member', 'Stand as a governor', 'Trustee']);
    expect(govern.fruits, 'the default is left alone').to.have.length(2);
  });

  it('restores only the choices still offered, from whatever a draft holds', () => {
    expect([...restoredChoices(['governor', 'gone', 3, null], TREE)]).to.deep.equal(['governor']);
    expect(restoredChoices('governor', TREE).size).to.equal(0);
  });

  it('makes a slug of a branch label', () => {
    expect(slugFrom('Look after green spaces!')).to.equal('look-after-green-spaces');
    expect(slugFrom('  Café & Co ')).to.equal('cafe-co');
    expect(slugFrom('گورنر')).to.equal('');
  });
});

describe('contact details', () => {
  it('asks for a name, a way to reach the person, each well formed, and consent', () => {
    expect(contactProblems(EMPTY_CONTACT).map((problem) => problem.kind)).to.deep.equal([
      'nameMissing',
      'reachMissing',
      'consentMissing',
    ]);
    expect(
      contactProblems({ name: 'Ada', email: 'ada@localhost', phone: 'call me', consent: true }).map((p) => p.kind),
    ).to.deep.equal(['emailInvalid', 'phoneInvalid']);
    expect(contactProblems({ name: 'x'.repeat(201), email: '', phone: '01632 960 001', consent: true })).to.deep.equal([
      { field: 'name', kind: 'nameTooLong' },
    ]);
    expect(contactProblems({ name: ' Ada ', email: ' ada@example.org ', phone: '', consent: true })).to.deep.equal([]);
  });

  it('sends what was typed without the spaces around it, and only the ways given', () => {
    expect(contactPayload({ name: ' Ada ', email: ' ada@example.org ', phone: '  ', consent: true })).to.deep.equal({
      name: 'Ada',
      email: 'ada@example.org',
      consent: true,
    });
  });
});
