import { fail } from './errors.ts';
import { THEME_COLOR_NAMES } from './types.ts';
import type { Color, ColorScheme, Theme, ThemeColorName } from './types.ts';

/** The "Standard Colors" row of PowerPoint's colour picker, by the names its tooltips show. */
export const STANDARD_COLORS: Readonly<Record<string, string>> = {
  'dark red': '#C00000',
  red: '#FF0000',
  orange: '#FFC000',
  yellow: '#FFFF00',
  'light green': '#92D050',
  green: '#00B050',
  'light blue': '#00B0F0',
  blue: '#0070C0',
  'dark blue': '#002060',
  purple: '#7030A0',
};

/** Further common names an agent may type; PowerPoint's own standard colours win where names overlap. */
const NAMED_COLORS: Readonly<Record<string, string>> = {
  ...STANDARD_COLORS,
  black: '#000000',
  white: '#FFFFFF',
  gray: '#808080',
  grey: '#808080',
  'light gray': '#D9D9D9',
  'light grey': '#D9D9D9',
  'dark gray': '#404040',
  'dark grey': '#404040',
  silver: '#C0C0C0',
  maroon: '#800000',
  navy: '#000080',
  teal: '#008080',
  olive: '#808000',
  lime: '#00FF00',
  aqua: '#00FFFF',
  cyan: '#00FFFF',
  fuchsia: '#FF00FF',
  magenta: '#FF00FF',
  pink: '#FFC0CB',
  brown: '#A52A2A',
  gold: '#FFD700',
  violet: '#EE82EE',
  indigo: '#4B0082',
};

/** How PowerPoint's colour picker names the theme colours ("Blue, Accent 1" shows the slot name too). */
export const THEME_COLOR_LABELS: Readonly<Record<ThemeColorName, string>> = {
  tx1: 'Text 1',
  bg1: 'Background 1',
  tx2: 'Text 2',
  bg2: 'Background 2',
  accent1: 'Accent 1',
  accent2: 'Accent 2',
  accent3: 'Accent 3',
  accent4: 'Accent 4',
  accent5: 'Accent 5',
  accent6: 'Accent 6',
  hlink: 'Hyperlink',
  folHlink: 'Followed Hyperlink',
};

const HEX_RE = /^#?([0-9a-f]{6})$/i;
const SHORT_HEX_RE = /^#([0-9a-f]{3})$/i;
const THEME_RE = /^([a-zA-Z0-9]+)(?:\/(lighter|darker)(\d{1,2}))?$/;

function isThemeColorName(name: string): name is ThemeColorName {
  return (THEME_COLOR_NAMES as readonly string[]).includes(name);
}

/**
 * Turns what a user or agent gives as a colour into a model Color: "FF0000", "#ff0000", "#f00", "red",
 * "Dark Blue", "rgb(255, 0, 0)", a theme colour ("accent1", "Accent 1", "accent1/lighter40").
 * `where` names the argument in the error message.
 */
export function parseColor(input: unknown, where = 'color'): Color {
  if (typeof input !== 'string' || input.trim() === '') {
    fail(
      'INVALID_COLOR',
      `${where} must be a colour string such as "FF0000", "#1F4E79" or "red"; got ${JSON.stringify(input)}`,
    );
  }
  const text = input.trim();
  const hex = HEX_RE.exec(text);
  if (hex) return `#${hex[1]!.toUpperCase()}`;
  const short = SHORT_HEX_RE.exec(text);
  if (short) {
    return `#${[...short[1]!]
      .map((c) => c + c)
      .join('')
      .toUpperCase()}`;
  }
  const rgb = /^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$/i.exec(text);
  if (rgb) {
    const parts = [rgb[1], rgb[2], rgb[3]].map(Number);
    if (parts.every((v) => v <= 255)) return rgbToHex(parts[0]!, parts[1]!, parts[2]!);
  }
  const key = text.toLowerCase().replace(/\s+/g, ' ');
  const named = NAMED_COLORS[key];
  if (named) return named;
  const labelled = Object.entries(THEME_COLOR_LABELS).find(([, label]) => label.toLowerCase() === key);
  if (labelled) return labelled[0];
  if (isModelThemeColor(text)) return text;
  return fail(
    'INVALID_COLOR',
    `${where} ${JSON.stringify(input)} is not a colour: use a hex RGB code such as "FF0000" or "#1F4E79", a colour name such as "red" or "Dark Blue", or a theme colour such as "accent1"`,
  );
}

function isModelThemeColor(text: string): boolean {
  const m = THEME_RE.exec(text);
  if (!m || !isThemeColorName(m[1]!)) return false;
  if (m[2] === undefined) return true;
  const pct = Number(m[3]);
  return pct > 0 && pct < 100;
}

/** True when `color` is a valid model Color (an upper-case #RRGGBB or a theme colour reference). */
export function isColor(color: unknown): color is Color {
  return typeof color === 'string' && (/^#[0-9A-F]{6}$/.test(color) || isModelThemeColor(color));
}

export function themeColorParts(
  color: Color,
): { name: ThemeColorName; lumMod: number; lumOff: number } | null {
  const m = THEME_RE.exec(color);
  if (!m || !isThemeColorName(m[1]!)) return null;
  const pct = m[3] === undefined ? 0 : Number(m[3]) / 100;
  if (m[2] === 'lighter') return { name: m[1], lumMod: 1 - pct, lumOff: pct };
  if (m[2] === 'darker') return { name: m[1], lumMod: 1 - pct, lumOff: 0 };
  return { name: m[1], lumMod: 1, lumOff: 0 };
}

/** The scheme slot a theme colour name reads from under the theme's colour map (light: tx1 → dk1…). */
export function schemeSlot(
  name: ThemeColorName,
  colorMap: Theme['colorMap'] = 'light',
): keyof Omit<ColorScheme, 'name'> {
  const dark = colorMap === 'dark';
  switch (name) {
    case 'tx1':
      return dark ? 'lt1' : 'dk1';
    case 'bg1':
      return dark ? 'dk1' : 'lt1';
    case 'tx2':
      return dark ? 'lt2' : 'dk2';
    case 'bg2':
      return dark ? 'dk2' : 'lt2';
    default:
      return name;
  }
}

/** The RGB a colour shows as under a theme: "#RRGGBB". */
export function resolveColor(color: Color, theme: Pick<Theme, 'colors' | 'colorMap'>): string {
  if (/^#[0-9A-F]{6}$/.test(color)) return color;
  const parts = themeColorParts(color);
  if (!parts) return fail('INVALID_COLOR', `not a colour: ${JSON.stringify(color)}`);
  const base = theme.colors[schemeSlot(parts.name, theme.colorMap)];
  if (parts.lumMod === 1 && parts.lumOff === 0) return base;
  return applyLuminance(base, parts.lumMod, parts.lumOff);
}

/** OOXML lumMod/lumOff: HSL luminance L' = L·mod + off. */
export function applyLuminance(hex: string, lumMod: number, lumOff: number): string {
  const [r, g, b] = hexToRgb(hex);
  const [h, s, l] = rgbToHsl(r, g, b);
  const l2 = Math.min(1, Math.max(0, l * lumMod + lumOff));
  const [r2, g2, b2] = hslToRgb(h, s, l2);
  return rgbToHex(r2, g2, b2);
}

export function hexToRgb(hex: string): [number, number, number] {
  const v = hex.replace('#', '');
  return [parseInt(v.slice(0, 2), 16), parseInt(v.slice(2, 4), 16), parseInt(v.slice(4, 6), 16)];
}

export function rgbToHex(r: number, g: number, b: number): string {
  return `#${[r, g, b]
    .map((v) => Math.round(v).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;
}

function rgbToHsl(r: number, g: number, b: number): [number, number, number] {
  const rn = r / 255;
  const gn = g / 255;
  const bn = b / 255;
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h: number;
  if (max === rn) h = (gn - bn) / d + (gn < bn ? 6 : 0);
  else if (max === gn) h = (bn - rn) / d + 2;
  else h = (rn - gn) / d + 4;
  return [h / 6, s, l];
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  if (s === 0) return [l * 255, l * 255, l * 255];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t0: number): number => {
    let t = t0;
    if (t < 0) t += 1;
    if (t > 1) t -= 1;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  return [channel(h + 1 / 3) * 255, channel(h) * 255, channel(h - 1 / 3) * 255];
}
