import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byText, optionsOf } from './ballot.js';

test('byText: code-point order, the same on every machine: capitals, then small letters', () => {
  assert.equal(byText('a', 'b'), -1);
  assert.equal(byText('b', 'a'), 1);
  assert.equal(byText('a', 'a'), 0);
  assert.deepEqual(['é', 'b', 'a-b', 'B', 'a'].sort(byText), ['B', 'a', 'a-b', 'b', 'é']);
});

test('optionsOf: every option any ballot showed, once, in code-point order', () => {
  assert.deepEqual(optionsOf([{ shown: ['c', 'a'] }, { shown: ['b', 'a'] }]), ['a', 'b', 'c']);
  assert.deepEqual(optionsOf([]), []);
});
