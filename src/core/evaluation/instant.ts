// Instants for the additive Before/After operators: either epoch milliseconds (an optionally
// negative integer) or an ISO-8601 calendar date / date-time. A date alone means 00:00 UTC; a
// date-time without an offset is read as UTC (the server has no local time zone to apply).
// Fractions beyond milliseconds are truncated. Anything else is invalid (NaN).

const EPOCH_MS = /^-?\d{1,16}$/;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;
const MAX_MS = 8.64e15; // the ECMAScript time range

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Epoch milliseconds of an ISO-8601 text or epoch-ms integer; NaN when invalid. */
export function parseInstant(text: string): number {
  if (EPOCH_MS.test(text)) {
    const ms = Number(text);
    return Math.abs(ms) <= MAX_MS ? ms : NaN;
  }
  const m = ISO.exec(text);
  if (m === null) return NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  const ms = m[7] === undefined ? 0 : Number((m[7] + '00').slice(0, 3));
  let offset = 0;
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 23 || om > 59) return NaN;
    offset = sign * (oh * 60 + om) * 60000;
  }
  // Date.UTC maps years 0–99 to 1900+; setUTCFullYear keeps the year as written.
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
  date.setUTCFullYear(year);
  const result = date.getTime() - offset;
  return Math.abs(result) <= MAX_MS ? result : NaN;
}
