/**
 * OOXML length units. The model keeps points; WordprocessingML stores twips (1/20 pt) for page and
 * paragraph lengths, half-points for font sizes, eighths of a point for border widths and EMUs
 * (12,700 per point) in DrawingML. Reading rounds to 1/100 pt so that a value written and read back
 * is the value the model had (to the twip).
 */

const round2 = (n: number): number => Math.round(n * 100) / 100;

export const toTwips = (pt: number): number => Math.round(pt * 20);
export const fromTwips = (tw: string | number | undefined): number | undefined => {
  const n = parseMeasure(tw, 'twips');
  return n === undefined ? undefined : round2(n / 20);
};

export const toHalfPoints = (pt: number): number => Math.round(pt * 2);
export const fromHalfPoints = (v: string | undefined): number | undefined => {
  const n = parseMeasure(v, 'hp');
  return n === undefined ? undefined : n / 2;
};

export const toEighths = (pt: number): number => Math.round(pt * 8);
export const fromEighths = (v: string | undefined): number | undefined => {
  const n = parseMeasure(v, 'eighths');
  return n === undefined ? undefined : round2(n / 8);
};

export const EMU_PER_POINT = 12700;
export const toEmu = (pt: number): number => Math.round(pt * EMU_PER_POINT);
export const fromEmu = (v: string | undefined): number | undefined => {
  const n = parseMeasure(v, 'emu');
  return n === undefined ? undefined : round2(n / EMU_PER_POINT);
};

/** Line spacing 'auto' is in 240ths of a line. */
export const toLines = (multiple: number): number => Math.round(multiple * 240);
export const fromLines = (v: string | undefined): number | undefined => {
  const n = parseMeasure(v, 'lines');
  return n === undefined ? undefined : round2(n / 240);
};

const UNIT_FACTORS: Record<string, Record<string, number>> = {
  // Universal measures (ST_UniversalMeasure: '2.5cm', '12pt') some writers use instead of integers.
  twips: { pt: 20, in: 1440, cm: 1440 / 2.54, mm: 144 / 2.54, pc: 240, pi: 240 },
  hp: { pt: 2, in: 144, cm: 144 / 2.54, mm: 14.4 / 2.54, pc: 24, pi: 24 },
  eighths: { pt: 8 },
  emu: { pt: 12700, in: 914400, cm: 360000, mm: 36000 },
  lines: {},
};

function parseMeasure(v: string | number | undefined, unit: string): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number') return v;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(v);
  if (!m) return undefined;
  const value = Number(m[1]);
  const suffix = (m[2] ?? '').toLowerCase();
  if (suffix === '') return value;
  const factor = UNIT_FACTORS[unit]?.[suffix];
  return factor === undefined ? undefined : value * factor;
}
