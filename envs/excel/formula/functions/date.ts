/** Date and time functions over Excel serial numbers (1900 system). */
import { parseNumberText } from '../coerce.ts';
import {
  dateToSerial,
  daysInMonth,
  MAX_SERIAL,
  serialToDate,
  serialToTime,
  weekdaySunday1,
} from '../dates.ts';
import { toGrid } from '../grid.ts';
import { ERR, fail, isError, isArray, isRef, type Operand, type Scalar } from '../values.ts';
import { int, num, optNum, scalarFn, str } from './helpers.ts';
import type { FnDef } from './registry.ts';

function serialArg(v: Scalar | undefined): number {
  const n = num(v);
  if (n < 0 || n > MAX_SERIAL + 0.99999999) throw fail('#NUM!');
  return n;
}

function dateOrFail(y: number, m: number, d: number): number {
  const s = dateToSerial(y, m, d);
  if (s === null) throw fail('#NUM!');
  return s;
}

function addMonths(serial: number, months: number, endOfMonth: boolean): number {
  const { year, month, day } = serialToDate(serial);
  const total = year * 12 + (month - 1) + Math.trunc(months);
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  if (y < 1900 || y > 9999) throw fail('#NUM!');
  const dim = daysInMonth(y, m);
  return dateOrFail(y, m, endOfMonth ? dim : Math.min(day, dim));
}

function holidaySet(arg: Operand | undefined, ctx: Parameters<FnDef['fn']>[1]): Set<number> {
  const out = new Set<number>();
  if (arg === undefined || arg === null) return out;
  if (isRef(arg) || isArray(arg)) {
    const g = toGrid(arg, ctx.env);
    for (let r = 0; r < g.usedRows; r++) {
      for (let c = 0; c < g.usedCols; c++) {
        const v = g.get(r, c);
        if (isError(v)) throw fail(v.error);
        if (typeof v === 'number') out.add(Math.floor(v));
      }
    }
  } else if (isError(arg)) throw fail(arg.error);
  else out.add(Math.floor(num(arg)));
  return out;
}

const isWeekend = (serial: number) => {
  const w = weekdaySunday1(serial);
  return w === 1 || w === 7;
};

function dateText(v: Scalar | undefined, nowSerial: number): number {
  if (typeof v !== 'string') throw fail('#VALUE!');
  const p = parseNumberText(v, nowSerial);
  if (!p) throw fail('#VALUE!');
  return p.value;
}

export const DATE_FUNCTIONS: FnDef[] = [
  scalarFn('TODAY', 0, 0, (_a, ctx) => Math.floor(ctx.env.nowSerial), { volatile: true }),
  scalarFn('NOW', 0, 0, (_a, ctx) => ctx.env.nowSerial, { volatile: true }),
  scalarFn('DATE', 3, 3, ([y, m, d]) => dateOrFail(int(y), int(m), int(d))),
  scalarFn('TIME', 3, 3, ([h, m, s]) => {
    const secs = int(h) * 3600 + int(m) * 60 + int(s);
    if (secs < 0) return ERR.NUM;
    return (secs % 86400) / 86400;
  }),
  scalarFn('YEAR', 1, 1, ([v]) => serialToDate(serialArg(v)).year),
  scalarFn('MONTH', 1, 1, ([v]) => serialToDate(serialArg(v)).month),
  scalarFn('DAY', 1, 1, ([v]) => serialToDate(serialArg(v)).day),
  scalarFn('HOUR', 1, 1, ([v]) => serialToTime(serialArg(v)).hour),
  scalarFn('MINUTE', 1, 1, ([v]) => serialToTime(serialArg(v)).minute),
  scalarFn('SECOND', 1, 1, ([v]) => serialToTime(serialArg(v)).second),
  scalarFn('WEEKDAY', 1, 2, ([v, t]) => {
    const s = serialArg(v);
    const type = int(optNum(t, 1));
    const w = weekdaySunday1(s); // 1 = Sunday
    const mondayBased = ((w + 5) % 7) + 1; // 1 = Monday
    switch (type) {
      case 1:
      case 17:
        return w;
      case 2:
      case 11:
        return mondayBased;
      case 3:
        return mondayBased - 1;
      case 12:
      case 13:
      case 14:
      case 15:
      case 16: {
        const start = type - 10; // 2 = Tuesday .. 6 = Saturday (Monday-based numbering)
        return ((mondayBased - start + 7) % 7) + 1;
      }
      default:
        return ERR.NUM;
    }
  }),
  scalarFn('WEEKNUM', 1, 2, ([v, t]) => {
    const s = Math.floor(serialArg(v));
    const type = int(optNum(t, 1));
    const startDay =
      type === 1 || type === 17
        ? 1
        : type === 2 || type === 11
          ? 2
          : type >= 12 && type <= 16
            ? type - 9
            : type === 21
              ? -1
              : 0;
    if (startDay === 0) return ERR.NUM;
    if (startDay === -1) return isoWeek(s);
    const jan1 = dateOrFail(serialToDate(s).year, 1, 1);
    const w = weekdaySunday1(jan1);
    const offset = (w - startDay + 7) % 7;
    return Math.floor((s - jan1 + offset) / 7) + 1;
  }),
  scalarFn('ISOWEEKNUM', 1, 1, ([v]) => isoWeek(Math.floor(serialArg(v))), { xlfn: true }),
  scalarFn('EDATE', 2, 2, ([s, m]) => addMonths(Math.floor(serialArg(s)), num(m), false)),
  scalarFn('EOMONTH', 2, 2, ([s, m]) => addMonths(Math.floor(serialArg(s)), num(m), true)),
  scalarFn('DAYS', 2, 2, ([e, s]) => Math.floor(serialArg(e)) - Math.floor(serialArg(s)), { xlfn: true }),
  scalarFn('DAYS360', 2, 3, ([s, e, method]) => {
    const a = serialToDate(serialArg(s));
    const b = serialToDate(serialArg(e));
    const european = method !== undefined && method !== null && num(method) !== 0;
    let d1 = a.day;
    let d2 = b.day;
    if (european) {
      if (d1 === 31) d1 = 30;
      if (d2 === 31) d2 = 30;
    } else {
      const lastFeb = (p: typeof a) => p.month === 2 && p.day === daysInMonth(p.year, 2);
      if (lastFeb(a)) d1 = 30;
      if (d1 === 31) d1 = 30;
      if (d2 === 31 && d1 >= 30) d2 = 30;
    }
    return (b.year - a.year) * 360 + (b.month - a.month) * 30 + (d2 - d1);
  }),
  scalarFn('DATEDIF', 3, 3, ([s, e, u]) => {
    const start = Math.floor(serialArg(s));
    const end = Math.floor(serialArg(e));
    if (start > end) return ERR.NUM;
    const a = serialToDate(start);
    const b = serialToDate(end);
    const unit = str(u).toUpperCase();
    let months = (b.year - a.year) * 12 + (b.month - a.month);
    if (b.day < a.day) months--;
    switch (unit) {
      case 'D':
        return end - start;
      case 'M':
        return months;
      case 'Y':
        return Math.floor(months / 12);
      case 'YM':
        return months % 12;
      case 'MD': {
        if (b.day >= a.day) return b.day - a.day;
        const pm = b.month === 1 ? 12 : b.month - 1;
        const py = b.month === 1 ? b.year - 1 : b.year;
        return daysInMonth(py, pm) - a.day + b.day;
      }
      case 'YD': {
        let anniversary = dateToSerial(b.year, a.month, a.day)!;
        if (anniversary > end) anniversary = dateToSerial(b.year - 1, a.month, a.day)!;
        return end - anniversary;
      }
      default:
        return ERR.NUM;
    }
  }),
  scalarFn('DATEVALUE', 1, 1, ([v], ctx) => {
    const n = dateText(v, ctx.env.nowSerial);
    if (n < 1 && n >= 0 && typeof v === 'string' && !/[/-]|[a-z]{3}/i.test(v)) return ERR.VALUE;
    return Math.floor(n);
  }),
  scalarFn('TIMEVALUE', 1, 1, ([v], ctx) => {
    const n = dateText(v, ctx.env.nowSerial);
    return n - Math.floor(n);
  }),
  {
    name: 'NETWORKDAYS',
    minArgs: 2,
    maxArgs: 3,
    params: ['value', 'value', 'ref'],
    fn: (args: Operand[], ctx) => {
      const a = Math.floor(serialArg(args[0] as Scalar));
      const b = Math.floor(serialArg(args[1] as Scalar));
      const hol = holidaySet(args[2], ctx);
      const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
      let n = 0;
      for (let d = lo; d <= hi; d++) if (!isWeekend(d) && !hol.has(d)) n++;
      return sign * n;
    },
  },
  {
    name: 'WORKDAY',
    minArgs: 2,
    maxArgs: 3,
    params: ['value', 'value', 'ref'],
    fn: (args: Operand[], ctx) => {
      let d = Math.floor(serialArg(args[0] as Scalar));
      let k = Math.trunc(num(args[1] as Scalar));
      const hol = holidaySet(args[2], ctx);
      const step = k >= 0 ? 1 : -1;
      while (k !== 0) {
        d += step;
        if (d < 1 || d > MAX_SERIAL) return ERR.NUM;
        if (!isWeekend(d) && !hol.has(d)) k -= step;
      }
      return d;
    },
  },
];

function isoWeek(serial: number): number {
  const mondayBased = ((weekdaySunday1(serial) + 5) % 7) + 1;
  const thursday = serial - mondayBased + 4;
  const year = serialToDate(thursday).year;
  const jan1 = dateToSerial(year, 1, 1)!;
  return Math.floor((thursday - jan1) / 7) + 1;
}
