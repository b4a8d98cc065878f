import { expect } from '@esm-bundle/chai';
import { html, render } from 'lit';
import { repeatAroundFocus, rowsThatStay } from './repeat-around-focus.js';

const row = (value: string) => html`<li data-value=${value}><button>${value}</button></li>`;

/** A list in a shadow root, as in the widgets, and a way to put it in a new order. */
function list(values: readonly string[]) {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const show = (order: readonly string[]) => {
    render(
      html`<ol>
        ${repeatAroundFocus(order, (value) => value, row)}
      </ol>`,
      root,
    );
  };
  show(values);
  const items = () => [...root.querySelectorAll('li')];
  const order = () => items().map((li) => li.dataset.value);
  const button = (value: string) => root.querySelector<HTMLButtonElement>(`li[data-value="${value}"] button`);
  return { host, root, show, items, order, button };
}

/** Counts focus leaving anything in `root` until the returned function is called. */
function countFocusLost(root: ShadowRoot): () => number {
  let lost = 0;
  const count = () => (lost += 1);
  root.addEventListener('focusout', count);
  return () => {
    root.removeEventListener('focusout', count);
    return lost;
  };
}

describe('rowsThatStay', () => {
  it('keeps every row of an unchanged order', () => {
    expect([...rowsThatStay([0, 1, 2, 3])]).to.have.members([0, 1, 2, 3]);
  });

  it('keeps the longest run already in order and never a new row', () => {
    // Old positions, in the new order: 0, 1 and 2 are still in order; 4 and 3 are not both.
    expect([...rowsThatStay([3, 0, 1, -1, 4, 2])].sort()).to.deep.equal([1, 2, 5]);
  });

  it('keeps the pinned row even when a longer run leaves it out', () => {
    const stay = rowsThatStay([3, 0, 1, 4, 2], 0);
    expect(stay.has(0)).to.equal(true);
    expect([...stay].sort()).to.deep.equal([0, 3]);
  });

  it('keeps either row of a swapped pair, whichever is pinned', () => {
    expect([...rowsThatStay([0, 2, 1, 3], 1)].sort()).to.deep.equal([0, 1, 3]);
    expect([...rowsThatStay([0, 2, 1, 3], 2)].sort()).to.deep.equal([0, 2, 3]);
  });
});

describe('repeatAroundFocus', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('renders rows in order and keeps each row the same element as it moves', () => {
    const { show, order, items } = list(['a', 'b', 'c', 'd']);
    const before = new Map(items().map((li) => [li.dataset.value, li]));
    show(['d', 'b', 'a', 'c']);
    expect(order()).to.deep.equal(['d', 'b', 'a', 'c']);
    for (const li of items()) expect(li).to.equal(before.get(li.dataset.value));
  });

  for (const [name, next] of [
    ['down one place', ['a', 'b', 'd', 'c', 'e']],
    ['up one place', ['a', 'c', 'b', 'd', 'e']],
    ['to the start', ['c', 'a', 'b', 'd', 'e']],
    ['to the end', ['a', 'b', 'd', 'e', 'c']],
  ] as const) {
    it(`moves a focused row ${name} without taking focus from it`, () => {
      const { root, show, order, button } = list(['a', 'b', 'c', 'd', 'e']);
      button('c')?.focus();
      const lost = countFocusLost(root);
      show(next);
      expect(order()).to.deep.equal(next);
      expect(lost()).to.equal(0);
      expect(root.activeElement).to.equal(button('c'));
    });
  }

  it('adds and removes rows around a focused one', () => {
    const { root, show, order, button } = list(['a', 'b', 'c']);
    button('b')?.focus();
    const lost = countFocusLost(root);
    show(['x', 'c', 'b', 'y']);
    expect(order()).to.deep.equal(['x', 'c', 'b', 'y']);
    expect(lost()).to.equal(0);
    show([]);
    expect(order()).to.deep.equal([]);
  });

  it('puts any new order right, wherever focus is', () => {
    const values = Array.from({ length: 12 }, (_, i) => `v${String(i)}`);
    const { show, order, button } = list(values);
    let current = values;
    for (let trial = 0; trial < 40; trial++) {
      const next = [...current].sort(() => Math.random() - 0.5).slice(0, 12 - (trial % 3));
      button(next[trial % next.length] ?? 'v0')?.focus();
      show(next);
      expect(order()).to.deep.equal(next);
      current = next;
    }
  });
});
