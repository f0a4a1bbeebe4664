import type { ListDef, ListLevel, NumberFormat } from './types.ts';

/** Word's default bullet list (Home > Bullets): Symbol '•', Courier 'o', Wingdings '▪' repeating. */
export function bulletListDef(id: number): ListDef {
  const glyphs: [string, string][] = [
    ['\uF0B7', 'Symbol'],
    ['o', 'Courier New'],
    ['\uF0A7', 'Wingdings'],
  ];
  const levels: ListLevel[] = [];
  for (let i = 0; i < 9; i++) {
    const [text, font] = glyphs[i % 3]!;
    levels.push({
      format: 'bullet',
      text,
      start: 1,
      indentLeft: 36 * (i + 1),
      hanging: 18,
      font,
      align: 'left',
    });
  }
  return { id, levels };
}

/** Word's default numbered list (Home > Numbering): 1. a. i. repeating. */
export function numberedListDef(id: number): ListDef {
  const formats: NumberFormat[] = ['decimal', 'lowerLetter', 'lowerRoman'];
  const levels: ListLevel[] = [];
  for (let i = 0; i < 9; i++) {
    const format = formats[i % 3]!;
    const roman = format === 'lowerRoman';
    levels.push({
      format,
      text: `%${i + 1}.`,
      start: 1,
      indentLeft: 36 * (i + 1),
      hanging: roman ? 9 : 18,
      align: roman ? 'right' : 'left',
    });
  }
  return { id, levels };
}

/** 'bullet' when a list's first level shows a bullet, otherwise 'number'. */
export function listKind(def: ListDef | undefined): 'bullet' | 'number' {
  const format = def?.levels[0]?.format;
  return format === 'bullet' || format === 'none' ? 'bullet' : 'number';
}

/** Symbol/Wingdings private-use bullet characters shown as the glyph people see. */
const PRIVATE_USE_BULLETS: Record<string, string> = {
  '\uF0B7': '•',
  '\uF0A7': '▪',
  '\uF0D8': '➢',
  '\uF0FC': '✓',
  '\uF076': '❖',
  '\uF06E': '■',
  '\uF0A8': '◆',
};

export function visibleBullet(text: string): string {
  return [...text].map((ch) => PRIVATE_USE_BULLETS[ch] ?? ch).join('');
}

function toRoman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  for (const [value, digits] of table) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  return out;
}

function toLetters(n: number): string {
  // Word repeats the letter past z: a..z, aa..zz, aaa...
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatCounter(n: number, format: NumberFormat): string {
  switch (format) {
    case 'lowerLetter':
      return toLetters(n);
    case 'upperLetter':
      return toLetters(n).toUpperCase();
    case 'lowerRoman':
      return toRoman(n);
    case 'upperRoman':
      return toRoman(n).toUpperCase();
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

/**
 * Tracks list counters in document order and produces the label Word shows before each list
 * paragraph ('1.', 'a.', '•').
 */
export class ListCounter {
  private readonly counters = new Map<number, number[]>();

  constructor(private readonly lists: Record<string, ListDef>) {}

  next(id: number, level: number): string {
    const def = this.lists[String(id)];
    const lvl = def?.levels[level];
    if (!def || !lvl) return '';
    let counts = this.counters.get(id);
    if (!counts) {
      counts = def.levels.map((l) => l.start - 1);
      this.counters.set(id, counts);
    }
    counts[level] = (counts[level] ?? 0) + 1;
    for (let deeper = level + 1; deeper < counts.length; deeper++)
      counts[deeper] = (def.levels[deeper]?.start ?? 1) - 1;
    if (lvl.format === 'bullet') return visibleBullet(lvl.text);
    return lvl.text.replace(/%([1-9])/g, (_m, digit: string) => {
      const k = Number(digit) - 1;
      const value = Math.max(counts[k] ?? 0, k === level ? 1 : (def.levels[k]?.start ?? 1));
      return formatCounter(value, def.levels[k]?.format ?? 'decimal');
    });
  }
}
