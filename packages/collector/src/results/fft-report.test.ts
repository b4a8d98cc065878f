import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TallyRow } from './answers.js';
import { fftReportCsv, parseMonth } from './fft-report.js';

const HEADER = 'topic,very_good,good,neither,poor,very_poor,dont_know,total,percent_positive,percent_negative\r\n';

const fft = (topic: string, hour: string, rating: string, count: number): TallyRow => ({
  topic,
  widget: 'feedback-prompt',
  variant: 'fft',
  hour,
  key: `rating:${rating}`,
  count,
});

const london = { timeZone: 'Europe/London' };

describe('fftReportCsv', () => {
  const rows: TallyRow[] = [
    fft('maternity', '2026-10-10T08', 'very-good', 6),
    fft('maternity', '2026-10-11T08', 'good', 1),
    fft('maternity', '2026-10-12T08', 'dont-know', 1),
    // Only one answer, still reported: the return is not suppressed.
    fft('a-and-e', '2026-10-03T14', 'very-poor', 1),
    // 00:00 BST on 1 October, so October; the hour before is September.
    fft('gp-appointments', '2026-09-30T23', 'neither', 2),
    fft('gp-appointments', '2026-09-30T22', 'poor', 9),
    // 23:00 GMT on 31 October: October.
    fft('gp-appointments', '2026-10-31T23', 'poor', 1),
    fft('gp-appointments', '2026-11-01T00', 'very-good', 9),
    {
      topic: 'bins',
      widget: 'feedback-prompt',
      variant: 'page-useful',
      hour: '2026-10-10T08',
      key: 'useful:yes',
      count: 4,
    },
  ];

  test('gives one CRLF line per topic with FFT answers in the month, by topic, none suppressed', () => {
    assert.equal(
      fftReportCsv(rows, { month: '2026-10', ...london }),
      HEADER +
        'a-and-e,0,0,0,0,1,0,1,0,100\r\n' +
        'gp-appointments,0,0,2,1,0,0,3,0,33\r\n' +
        'maternity,6,1,0,0,0,1,8,88,0\r\n',
    );
  });

  test('cuts months in the time zone it is given', () => {
    assert.equal(
      fftReportCsv(rows, { month: '2026-09', ...london }),
      `${HEADER}gp-appointments,0,0,0,9,0,0,9,0,100\r\n`,
    );
    assert.equal(
      fftReportCsv(rows, { month: '2026-09', timeZone: 'UTC' }),
      `${HEADER}gp-appointments,0,0,2,9,0,0,11,0,82\r\n`,
    );
  });

  test('counts only FFT rating keys with a positive count', () => {
    const odd: TallyRow[] = [
      fft('maternity', '2026-10-10T08', 'good', 2),
      fft('maternity', '2026-10-10T08', 'poor', 0),
      fft('maternity', '2026-10-10T08', 'great', 5),
      { ...fft('maternity', '2026-10-10T08', 'very-good', 7), variant: 'page-useful' },
      fft('a-and-e', '2026-10-10T08', 'poor', 0),
      fft('a-and-e', '2026-10-10T08', 'very-poor', -1),
      fft('bins', '2026-10-10T08', 'great', 3),
    ];
    assert.equal(fftReportCsv(odd, { month: '2026-10', ...london }), `${HEADER}maternity,0,2,0,0,0,0,2,100,0\r\n`);
  });

  test('puts topics in code-point order, capitals before small letters', () => {
    const topics = ['b', 'a', 'B', 'a-b'].map((topic) => fft(topic, '2026-10-10T08', 'good', 1));
    const lines = fftReportCsv(topics, { month: '2026-10', ...london }).split('\r\n');
    assert.deepEqual(
      lines.map((line) => line.split(',')[0]),
      ['topic', 'B', 'a', 'a-b', 'b', ''],
    );
  });

  test('is only the header for a month without FFT answers', () => {
    assert.equal(fftReportCsv(rows, { month: '2027-01', ...london }), HEADER);
    assert.equal(fftReportCsv([], { month: '2026-10', ...london }), HEADER);
  });

  test('refuses a month that is not YYYY-MM', () => {
    assert.throws(() => fftReportCsv(rows, { month: '2026-13', ...london }), RangeError);
    assert.throws(() => fftReportCsv(rows, { month: '2026-13', ...london }), {
      name: 'RangeError',
      message: 'Not a month (YYYY-MM): 2026-13',
    });
  });
});

describe('parseMonth', () => {
  test('accepts YYYY-MM', () => {
    for (const month of ['2026-01', '2026-10', '2026-12', '1999-09']) assert.equal(parseMonth(month), month);
  });

  test('refuses anything else', () => {
    for (const value of [
      '2026-00',
      '2026-13',
      '2026-1',
      '26-10',
      '2026-10-01',
      ' 2026-10',
      '2026/10',
      '',
      undefined,
      202610,
      ['2026-10'],
    ]) {
      assert.equal(parseMonth(value), undefined, String(value));
    }
  });
});
