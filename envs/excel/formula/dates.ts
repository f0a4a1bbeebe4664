/**
 * Excel's 1900 date system: serial 1 is 1900-01-01, serial 60 is the fictitious 1900-02-29 (the Lotus
 * 1-2-3 leap-year bug Excel keeps for compatibility), serial 61 is 1900-03-01. Times are day fractions.
 */

const MS_PER_DAY = 86_400_000;
const BASE_UTC = Date.UTC(1899, 11, 31);
export const MAX_SERIAL = 2_958_465; // 9999-12-31

/** Serial of the first day of a (year, month) after normalising month overflow; null when out of range. */
function serialOfMonthStart(year: number, month: number): number | null {
  const totalMonths = year * 12 + (month - 1);
  const y = Math.floor(totalMonths / 12);
  const m = totalMonths - y * 12;
  if (y < 1900 || y > 9999) return null;
  const days = (Date.UTC(y, m, 1) - BASE_UTC) / MS_PER_DAY;
  // Every real date from 1900-03-01 on is one serial later because of the fictitious 29 February.
  return days >= 60 ? days + 1 : days;
}

/**
 * DATE(year, month, day) as Excel computes it: years 0-1899 add 1900, months and days overflow into
 * the next/previous month or year. Returns null for results outside 1900-01-00 .. 9999-12-31.
 */
export function dateToSerial(year: number, month: number, day: number): number | null {
  let y = Math.trunc(year);
  if (y < 0 || y >= 10000) return null;
  if (y < 1900) y += 1900;
  const start = serialOfMonthStart(y, Math.trunc(month));
  if (start === null) return null;
  const serial = start + Math.trunc(day) - 1;
  if (serial < 0 || serial > MAX_SERIAL) return null;
  return serial;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Calendar date of a serial (integer part); serial 0 is Excel's "1900-01-00", serial 60 is 1900-02-29. */
export function serialToDate(serial: number): DateParts {
  const n = Math.floor(serial);
  if (n === 0) return { year: 1900, month: 1, day: 0 };
  if (n === 60) return { year: 1900, month: 2, day: 29 };
  const days = n < 60 ? n : n - 1;
  const d = new Date(BASE_UTC + days * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export interface TimeParts {
  hour: number;
  minute: number;
  second: number;
}

/** Time of day of a serial, rounded to the nearest second as Excel's HOUR/MINUTE/SECOND do. */
export function serialToTime(serial: number): TimeParts {
  const frac = serial - Math.floor(serial);
  let secs = Math.round(frac * 86_400);
  if (secs >= 86_400) secs = 0;
  return { hour: Math.floor(secs / 3600), minute: Math.floor((secs % 3600) / 60), second: secs % 60 };
}

/** Day of week: 1 = Sunday .. 7 = Saturday (WEEKDAY type 1); serial 0 and the 1900 bug match Excel. */
export function weekdaySunday1(serial: number): number {
  const n = Math.floor(serial);
  // Excel treats serial 1 (1900-01-01) as a Sunday because of the fictitious leap day.
  return ((((n - 1) % 7) + 7) % 7) + 1;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (y === 1900 && m === 2) return 29;
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Serial of a local date-time written as ISO text ("2024-05-01T09:30:00" or "2024-05-01"); the
 * simulator's clock is a value in the workbook, so TODAY/NOW are reproducible.
 */
export function isoToSerial(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(iso);
  if (!m) throw new RangeError(`clock value '${iso}' is not an ISO date-time like 2024-05-01T09:30:00`);
  const serial = dateToSerial(Number(m[1]), Number(m[2]), Number(m[3]));
  if (serial === null) throw new RangeError(`clock value '${iso}' is outside Excel's dates (1900-9999)`);
  const secs = Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0);
  return serial + secs / 86_400;
}

export function serialToIso(serial: number): string {
  const d = serialToDate(serial);
  const t = serialToTime(serial);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.year, 4)}-${p(d.month)}-${p(d.day)}T${p(t.hour)}:${p(t.minute)}:${p(t.second)}`;
}
