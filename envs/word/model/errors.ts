/** Why an operation refused to run. The kernel turns these into `info.error`. */
export type WordErrorCode =
  'invalid_argument' | 'not_found' | 'out_of_range' | 'invalid_state' | 'unsupported' | 'invalid_document';

/** A typed, user-readable error thrown by the Word model and its OOXML import/export. */
export class WordModelError extends Error {
  readonly code: WordErrorCode;
  constructor(code: WordErrorCode, message: string) {
    super(message);
    this.name = 'WordModelError';
    this.code = code;
  }
}

export function invalidArgument(message: string): WordModelError {
  return new WordModelError('invalid_argument', message);
}

export function outOfRange(message: string): WordModelError {
  return new WordModelError('out_of_range', message);
}

export function invalidState(message: string): WordModelError {
  return new WordModelError('invalid_state', message);
}

/** Throws unless `value` is a finite number within [min, max]. */
export function checkNumber(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalidArgument(`${name} must be a finite number, got ${JSON.stringify(value)}`);
  }
  if (value < min || value > max) throw outOfRange(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

/** Throws unless `value` is an integer within [min, max]. */
export function checkInteger(name: string, value: unknown, min: number, max: number): number {
  checkNumber(name, value, min, max);
  if (!Number.isInteger(value)) throw invalidArgument(`${name} must be an integer, got ${String(value)}`);
  return value as number;
}

/** Normalises a colour ('#ff0000', 'FF0000', 'auto') to the model's 'FF0000' form, or throws. */
export function checkColor(name: string, value: unknown): string {
  if (typeof value !== 'string')
    throw invalidArgument(`${name} must be a colour string, got ${JSON.stringify(value)}`);
  if (value.toLowerCase() === 'auto') return 'auto';
  const hex = value.startsWith('#') ? value.slice(1) : value;
  if (/^[0-9a-fA-F]{6}$/.test(hex)) return hex.toUpperCase();
  const named = NAMED_COLORS[value.toLowerCase()];
  if (named) return named;
  throw invalidArgument(
    `${name} must be a 6-digit hex colour like 'FF0000' or '#FF0000', got ${JSON.stringify(value)}`,
  );
}

/** Colour names people and task generators use, mapped as Word's standard colours are. */
export const NAMED_COLORS: Record<string, string> = {
  black: '000000',
  white: 'FFFFFF',
  red: 'FF0000',
  darkred: 'C00000',
  orange: 'FFC000',
  yellow: 'FFFF00',
  lightgreen: '92D050',
  green: '00B050',
  lightblue: '00B0F0',
  blue: '0070C0',
  darkblue: '002060',
  purple: '7030A0',
  gray: '808080',
  grey: '808080',
  silver: 'C0C0C0',
};
