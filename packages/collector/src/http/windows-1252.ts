/**
 * windows-1252, the encoding the WHATWG Encoding Standard reads for `windows-1252`,
 * `iso-8859-1`, `latin1` and `us-ascii`: ISO-8859-1 except for 0x80–0x9F, which hold € and
 * typographic characters. Node 20's TextDecoder reads those bytes as ISO-8859-1 (control
 * characters; nodejs/node#60888), so a form sent from a Western European page would lose
 * its €, curly quotes and dashes.
 */

/** Code points of bytes 0x80–0x9F, from the standard's index-windows-1252. */
const HIGH_CONTROLS = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d,
  0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x009d, 0x017e, 0x0178,
];

/** Every byte is a character in windows-1252, so decoding never fails. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? (HIGH_CONTROLS[byte - 0x80] ?? byte) : byte);
  }
  return text;
}
