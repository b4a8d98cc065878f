import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeWindows1252 } from './windows-1252.js';

describe('decodeWindows1252', () => {
  test('0x80–0x9F are the typographic characters of the WHATWG index, not C1 controls', () => {
    const bytes = Uint8Array.of(0x80, 0x85, 0x8c, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x9f);
    assert.equal(decodeWindows1252(bytes), '€…Œ‘’“”–—™Ÿ');
    // The five bytes the index leaves as they are.
    assert.equal(decodeWindows1252(Uint8Array.of(0x81, 0x8d, 0x8f, 0x90, 0x9d)), '\u0081\u008d\u008f\u0090\u009d');
  });

  test('every other byte is the ISO-8859-1 character of the same number', () => {
    const others = Array.from({ length: 256 }, (_, byte) => byte).filter((byte) => byte < 0x80 || byte > 0x9f);
    assert.equal(decodeWindows1252(Uint8Array.from(others)), Buffer.from(others).toString('latin1'));
  });
});
