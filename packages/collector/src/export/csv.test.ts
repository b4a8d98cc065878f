import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { csvCell } from './csv.js';

/** What a spreadsheet skips before it looks for a formula: white space and characters that take no room. */
const INVISIBLE = [' ', '\u00a0', '\u3000', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
/** What starts a formula, in ASCII and full width, and the control characters that can hide one. */
const TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\n', '\uff1d', '\uff0b', '\uff0d', '\uff20'];
const FORMULA_CHARACTERS = new Set(['=', '+', '-', '@', '\uff1d', '\uff0b', '\uff0d', '\uff20']);

/** The text of one RFC 4180 field, its quotes removed. */
function unquote(cell: string): string {
  return cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
}

/** Any text, biased towards the characters that matter here. */
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...INVISIBLE, ...TRIGGERS, '"', ',', "'", 'a', '1'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 12,
});

describe('csvCell neutralises formulas however they are dressed', () => {
  test('examples from the audit each get a leading quote', () => {
    for (const value of [
      '\n=1+1',
      ' =HYPERLINK("http://x.example")',
      '   +1',
      '\uff1dSUM(A1)',
      '\uff0b44',
      '\uff0d2',
      '\uff20A1',
      '\u200b=1+1',
      '\u200c\u200d@A1',
      '\u2060-1',
      '\ufeff=1',
      '\u200b \u3000\uff1d1',
    ]) {
      assert.ok(unquote(csvCell(value)).startsWith("'"), JSON.stringify(value));
    }
  });

  test('a cell starting with invisible characters then a formula character, or with a control character, is prefixed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...INVISIBLE), { maxLength: 4 }),
        fc.constantFrom(...TRIGGERS),
        text,
        (before, trigger, after) => {
          const value = `${before.join('')}${trigger}${after}`;
          assert.equal(unquote(csvCell(value)), `'${value}`);
        },
      ),
    );
  });

  test('every cell reads back as the value, or the value after one quote, and never opens with a formula', () => {
    fc.assert(
      fc.property(text, (value) => {
        const read = unquote(csvCell(value));
        assert.ok(read === value || read === `'${value}`, JSON.stringify({ value, read }));
        const first = Array.from(read).find((character) => !INVISIBLE.includes(character) && !/\s/u.test(character));
        if (read === value) {
          assert.ok(first === undefined || !FORMULA_CHARACTERS.has(first), JSON.stringify(value));
          assert.ok(!/^[\t\r\n]/.test(value), JSON.stringify(value));
        }
      }),
    );
  });

  test('ordinary text, and formula characters later in a cell, are left alone', () => {
    for (const value of ['fine = good', 'a+b', 'café', "'quoted", '1-2', 'x\u200b=']) {
      assert.equal(unquote(csvCell(value)), value);
    }
  });
});
