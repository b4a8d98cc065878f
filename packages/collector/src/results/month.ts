/** A tally hour as the store gives it: the UTC hour, YYYY-MM-DDTHH. */
const TALLY_HOUR = /^\d{4}-\d{2}-\d{2}T\d{2}$/;

/**
 * Returns a function giving the calendar month (YYYY-MM) in `timeZone` of a tally hour.
 * Throws a RangeError at once for a time zone Intl does not know, so a mistyped setting
 * stops the server starting instead of failing every request.
 *
 * The month of a bucket is the month of its first instant. Every hour bucket then lies
 * wholly in one month wherever the offset from UTC is whole hours (all of the UK and
 * Europe, summer time included). In the few zones offset by 30 or 45 minutes
 * (Asia/Kolkata, for one), the bucket that spans midnight at the end of a month is
 * counted in the earlier month.
 */
export function monthOfHourIn(timeZone: string): (hour: string) => string {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit' });
  // A topic's tally has a few thousand distinct hours at most; each is formatted once.
  const months = new Map<string, string>();
  return (hour) => {
    const known = months.get(hour);
    if (known !== undefined) return known;
    if (!TALLY_HOUR.test(hour)) throw new Error(`Not a tally hour (YYYY-MM-DDTHH): ${hour}`);
    const parts = format.formatToParts(new Date(`${hour}:00:00.000Z`));
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value;
    const month = `${part('year') ?? ''}-${part('month') ?? ''}`;
    months.set(hour, month);
    return month;
  };
}
