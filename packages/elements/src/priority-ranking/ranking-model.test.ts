import { expect } from '@esm-bundle/chai';
import {
  addToTop,
  canMove,
  clampIndex,
  insertionIndex,
  moveBy,
  moveTo,
  removeFromTop,
  restoredSubset,
  sameValues,
  shuffled,
} from './ranking-model.js';

const abcd = ['a', 'b', 'c', 'd'] as const;

describe('ranking model', () => {
  it('lands a dragged row before the first other row whose middle is below the pointer', () => {
    const middles = [20, 60, 100];
    expect(insertionIndex(middles, 0)).to.equal(0);
    expect(insertionIndex(middles, 21)).to.equal(1);
    expect(insertionIndex(middles, 99)).to.equal(2);
    expect(insertionIndex(middles, 500)).to.equal(3);
  });

  it('moves a value to a position, clamped to the list, leaving the input alone', () => {
    expect(moveTo(abcd, 'c', 0)).to.deep.equal(['c', 'a', 'b', 'd']);
    expect(moveTo(abcd, 'a', 3)).to.deep.equal(['b', 'c', 'd', 'a']);
    expect(moveTo(abcd, 'b', 99)).to.deep.equal(['a', 'c', 'd', 'b']);
    expect(moveTo(abcd, 'b', -5)).to.deep.equal(['b', 'a', 'c', 'd']);
    expect(moveTo(abcd, 'z', 0)).to.deep.equal([...abcd]);
    expect(abcd).to.deep.equal(['a', 'b', 'c', 'd']);
  });

  it('moves a value by a number of places and knows when it cannot', () => {
    expect(moveBy(abcd, 'b', -1)).to.deep.equal(['b', 'a', 'c', 'd']);
    expect(moveBy(abcd, 'b', 1)).to.deep.equal(['a', 'c', 'b', 'd']);
    expect(moveBy(abcd, 'a', -1)).to.deep.equal([...abcd]);
    expect(canMove(abcd, 'a', -1)).to.equal(false);
    expect(canMove(abcd, 'a', 1)).to.equal(true);
    expect(canMove(abcd, 'd', 1)).to.equal(false);
    expect(canMove(abcd, 'z', 1)).to.equal(false);
  });

  it('clamps an index, even into an empty list', () => {
    expect(clampIndex(-1, 4)).to.equal(0);
    expect(clampIndex(9, 4)).to.equal(3);
    expect(clampIndex(2, 0)).to.equal(0);
  });

  it('adds to a top list up to its maximum, once each, and removes', () => {
    expect(addToTop([], 'a', 2)).to.deep.equal(['a']);
    expect(addToTop(['a'], 'a', 2)).to.deep.equal(['a']);
    expect(addToTop(['a', 'b'], 'c', 2)).to.deep.equal(['a', 'b']);
    expect(removeFromTop(['a', 'b'], 'a')).to.deep.equal(['b']);
    expect(removeFromTop(['a', 'b'], 'z')).to.deep.equal(['a', 'b']);
  });

  it('shuffles into a permutation, driven by the random source', () => {
    const values = ['a', 'b', 'c', 'd', 'e'];
    // Always picking index 0 rotates each element down: a known permutation.
    expect(shuffled(values, () => 0)).to.deep.equal(['b', 'c', 'd', 'e', 'a']);
    expect(shuffled(values, () => 0.999999)).to.deep.equal(values);
    const mixed = shuffled(values);
    expect(sameValues(mixed, values)).to.equal(true);
  });

  it('compares value sets', () => {
    expect(sameValues(['a', 'b'], ['b', 'a'])).to.equal(true);
    expect(sameValues(['a', 'b'], ['a', 'c'])).to.equal(false);
    expect(sameValues(['a', 'a'], ['a', 'b'])).to.equal(false);
    expect(sameValues(['a'], ['a', 'b'])).to.equal(false);
  });

  it('restores a saved list only when it still fits the options', () => {
    expect(restoredSubset(['b', 'a'], abcd)).to.deep.equal(['b', 'a']);
    expect(restoredSubset([], abcd)).to.deep.equal([]);
    expect(restoredSubset(['b', 'z'], abcd)).to.equal(undefined);
    expect(restoredSubset(['b', 'b'], abcd)).to.equal(undefined);
    expect(restoredSubset([1], abcd)).to.equal(undefined);
    expect(restoredSubset('ab', abcd)).to.equal(undefined);
  });
});
