/**
 * pywinauto's `send_keys` / `type_keys` syntax (pywinauto/keyboard.py), which UFO's `keyboard_input(keys=...)`
 * passes through unchanged, parsed into key events and then into keystrokes with their modifiers.
 *
 * Syntax: plain characters are typed; `+` `^` `%` hold Shift, Ctrl, Alt for the next key or `(group)`; `{NAME}`
 * is a named key (`{ENTER}`, `{VK_CONTROL}`, `{F4}` — pywinauto's CODES table), `{NAME n}` repeats it, `{x}`
 * types a reserved character literally (`{+}`, `{{}`, `{}}`), `{NAME down}` / `{NAME up}` press or release
 * only, `{PAUSE 0.5}` waits, `~` is Enter. Spaces, tabs and newlines are dropped unless the matching
 * `with_*` flag is set, as `type_keys` does by default.
 *
 * Two faithful details that surprise users: `{VK_CONTROL}c` presses and releases Ctrl and then types "c" (it is
 * not Ctrl+C; `^c` or `{VK_CONTROL down}c{VK_CONTROL up}` is), and after any `down`/`up` event the following
 * characters are sent as virtual keys, so held modifiers apply to them. Parenthesised groups hold their
 * modifiers over the whole group, as pywinauto documents ("+(abc)" types "ABC"); pywinauto's own loop releases
 * them after the first key of the group.
 */

/** pywinauto's CODES: named keys inside braces, with their virtual-key codes. */
export const KEY_CODES: Readonly<Record<string, number>> = Object.freeze({
  BACK: 8,
  BACKSPACE: 8,
  BKSP: 8,
  BREAK: 3,
  BS: 8,
  CAP: 20,
  CAPSLOCK: 20,
  DEL: 46,
  DELETE: 46,
  DOWN: 40,
  END: 35,
  ENTER: 13,
  ESC: 27,
  ...Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`F${i + 1}`, 112 + i])),
  HELP: 47,
  HOME: 36,
  INS: 45,
  INSERT: 45,
  LEFT: 37,
  LWIN: 91,
  NUMLOCK: 144,
  PGDN: 34,
  PGUP: 33,
  PRTSC: 44,
  RIGHT: 39,
  RMENU: 165,
  RWIN: 92,
  SCROLLLOCK: 145,
  SPACE: 32,
  TAB: 9,
  UP: 38,
  VK_ACCEPT: 30,
  VK_ADD: 107,
  VK_APPS: 93,
  VK_ATTN: 246,
  VK_BACK: 8,
  VK_CANCEL: 3,
  VK_CAPITAL: 20,
  VK_CLEAR: 12,
  VK_CONTROL: 17,
  VK_CONVERT: 28,
  VK_CRSEL: 247,
  VK_DECIMAL: 110,
  VK_DELETE: 46,
  VK_DIVIDE: 111,
  VK_DOWN: 40,
  VK_END: 35,
  VK_EREOF: 249,
  VK_ESCAPE: 27,
  VK_EXECUTE: 43,
  VK_EXSEL: 248,
  ...Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`VK_F${i + 1}`, 112 + i])),
  VK_FINAL: 24,
  VK_HANGEUL: 21,
  VK_HANGUL: 21,
  VK_HANJA: 25,
  VK_HELP: 47,
  VK_HOME: 36,
  VK_INSERT: 45,
  VK_JUNJA: 23,
  VK_KANA: 21,
  VK_KANJI: 25,
  VK_LBUTTON: 1,
  VK_LCONTROL: 162,
  VK_LEFT: 37,
  VK_LMENU: 164,
  VK_LSHIFT: 160,
  VK_LWIN: 91,
  VK_MBUTTON: 4,
  VK_MENU: 18,
  VK_MODECHANGE: 31,
  VK_MULTIPLY: 106,
  VK_NEXT: 34,
  VK_NONAME: 252,
  VK_NONCONVERT: 29,
  VK_NUMLOCK: 144,
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`VK_NUMPAD${i}`, 96 + i])),
  VK_OEM_CLEAR: 254,
  VK_PA1: 253,
  VK_PAUSE: 19,
  VK_PLAY: 250,
  VK_PRINT: 42,
  VK_PRIOR: 33,
  VK_PROCESSKEY: 229,
  VK_RBUTTON: 2,
  VK_RCONTROL: 163,
  VK_RETURN: 13,
  VK_RIGHT: 39,
  VK_RMENU: 165,
  VK_RSHIFT: 161,
  VK_RWIN: 92,
  VK_SCROLL: 145,
  VK_SELECT: 41,
  VK_SEPARATOR: 108,
  VK_SHIFT: 16,
  VK_SNAPSHOT: 44,
  VK_SPACE: 32,
  VK_SUBTRACT: 109,
  VK_TAB: 9,
  VK_UP: 38,
  ZOOM: 251,
});

const VK_SHIFT = 16;
const VK_CONTROL = 17;
const VK_MENU = 18;
const MODIFIER_CHARS: Readonly<Record<string, number>> = { '+': VK_SHIFT, '^': VK_CONTROL, '%': VK_MENU };

/** The name a keystroke carries for each virtual key: what apps and shortcut tables match on. */
const VK_NAMES: ReadonlyMap<number, string> = new Map<number, string>([
  [3, 'BREAK'],
  [8, 'BACKSPACE'],
  [9, 'TAB'],
  [12, 'CLEAR'],
  [13, 'ENTER'],
  [19, 'PAUSE'],
  [20, 'CAPSLOCK'],
  [27, 'ESC'],
  [32, 'SPACE'],
  [33, 'PGUP'],
  [34, 'PGDN'],
  [35, 'END'],
  [36, 'HOME'],
  [37, 'LEFT'],
  [38, 'UP'],
  [39, 'RIGHT'],
  [40, 'DOWN'],
  [44, 'PRTSC'],
  [45, 'INSERT'],
  [46, 'DELETE'],
  [47, 'HELP'],
  [91, 'LWIN'],
  [92, 'RWIN'],
  [93, 'APPS'],
  [106, 'MULTIPLY'],
  [107, 'ADD'],
  [108, 'SEPARATOR'],
  [109, 'SUBTRACT'],
  [110, 'DECIMAL'],
  [111, 'DIVIDE'],
  [144, 'NUMLOCK'],
  [145, 'SCROLLLOCK'],
  ...Array.from({ length: 24 }, (_, i) => [112 + i, `F${i + 1}`] as [number, string]),
  ...Array.from({ length: 10 }, (_, i) => [96 + i, `NUMPAD${i}`] as [number, string]),
]);

const NUMPAD_CHARS: ReadonlyMap<number, string> = new Map<number, string>([
  ...Array.from({ length: 10 }, (_, i) => [96 + i, String(i)] as [number, string]),
  [106, '*'],
  [107, '+'],
  [109, '-'],
  [110, '.'],
  [111, '/'],
]);

/** US keyboard layout: the unshifted character of each printable key and its shifted twin. */
const US_SHIFTED: Readonly<Record<string, string>> = {
  '1': '!',
  '2': '@',
  '3': '#',
  '4': '$',
  '5': '%',
  '6': '^',
  '7': '&',
  '8': '*',
  '9': '(',
  '0': ')',
  '-': '_',
  '=': '+',
  '[': '{',
  ']': '}',
  '\\': '|',
  ';': ':',
  "'": '"',
  ',': '<',
  '.': '>',
  '/': '?',
  '`': '~',
};
const US_UNSHIFTED: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(US_SHIFTED).map(([base, shifted]) => [shifted, base]),
);

/** The key a character sits on (US layout) and the character that key types without Shift. */
function baseKeyOf(char: string): string {
  if (char.length === 1 && char >= 'A' && char <= 'Z') return char.toLowerCase();
  return US_UNSHIFTED[char] ?? char;
}

function shiftedChar(base: string): string {
  if (base.length === 1 && base >= 'a' && base <= 'z') return base.toUpperCase();
  return US_SHIFTED[base] ?? base;
}

/** One low-level event of the parsed sequence (pywinauto's KeyAction family). */
export interface KeyEvent {
  /** Virtual-key code; 0 for a character sent as Unicode (VK_PACKET). */
  readonly vk: number;
  /** The character for character events (Unicode or escaped); null for named keys. */
  readonly char: string | null;
  /** An escaped character is sent as its virtual key, so held modifiers apply to it. */
  readonly escaped: boolean;
  readonly down: boolean;
  readonly up: boolean;
  /** `{PAUSE n}`: seconds to wait (the simulator does not wait). */
  readonly pause?: number;
}

/** A key press as the application receives it, with the modifiers held at that moment. */
export interface KeyStroke {
  /** `A`…`Z`, `0`…`9`, a named key (`ENTER`, `TAB`, `ESC`, `F4`, `LEFT`, `DELETE`…), or the character itself. */
  readonly key: string;
  /** The text the key types (after Shift), or null for named keys and Ctrl/Alt/Win chords. */
  readonly char: string | null;
  readonly ctrl: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
  readonly win: boolean;
}

export interface KeyParseOptions {
  withSpaces?: boolean;
  withTabs?: boolean;
  withNewlines?: boolean;
}

export class KeySyntaxError extends Error {
  /** Offset in the key string where the problem was found. */
  readonly position: number;
  constructor(message: string, position: number) {
    super(message);
    this.name = 'KeySyntaxError';
    this.position = position;
  }
}

export type KeyParseResult =
  { ok: true; events: KeyEvent[] } | { ok: false; error: string; position: number };

/** Parses a pywinauto key string; syntax errors come back as a value (with the offset), never thrown. */
export function parseKeys(keys: string, options: KeyParseOptions = {}): KeyParseResult {
  try {
    const events: KeyEvent[] = [];
    parseInto(keys, 0, keys.length, [], events, options, { escapeNext: false });
    return { ok: true, events };
  } catch (error) {
    if (error instanceof KeySyntaxError) {
      return {
        ok: false,
        error: `invalid keys ${JSON.stringify(keys)}: ${error.message}`,
        position: error.position,
      };
    }
    throw error;
  }
}

const vkEvent = (vk: number, down = true, up = true): KeyEvent => ({
  vk,
  char: null,
  escaped: false,
  down,
  up,
});
const charEvent = (char: string, escaped: boolean, down = true, up = true): KeyEvent => ({
  vk: 0,
  char,
  escaped,
  down,
  up,
});

interface ParseFlags {
  escapeNext: boolean;
}

function parseInto(
  text: string,
  start: number,
  end: number,
  heldModifiers: number[],
  out: KeyEvent[],
  options: KeyParseOptions,
  flags: ParseFlags,
): void {
  const modifiers: number[] = heldModifiers;
  let index = start;
  while (index < end) {
    const c = text[index]!;
    const at = index;
    index++;
    const modifier = MODIFIER_CHARS[c];
    if (modifier !== undefined) {
      modifiers.push(modifier);
      out.push(vkEvent(modifier, true, false));
      continue;
    }
    if (c === '(') {
      const close = text.indexOf(')', index);
      if (close === -1 || close >= end) throw new KeySyntaxError('`)` not found for the `(` here', at);
      // The group's keys all see the modifiers; they are released once after the group.
      parseInto(text, index, close, [], out, options, flags);
      index = close + 1;
    } else if (c === '{') {
      // Search from index + 1 so that `{}}` reads as the literal `}`.
      const close = text.indexOf('}', index + 1);
      if (close === -1 || close >= end) throw new KeySyntaxError('`}` not found for the `{` here', at);
      const code = text.slice(index, close);
      index = close + 1;
      handleBraced(code, at, out, modifiers.length > 0, options, flags);
    } else if (c === ')') {
      throw new KeySyntaxError('`)` should be preceded by `(`', at);
    } else if (c === '}') {
      throw new KeySyntaxError('`}` should be preceded by `{`', at);
    } else {
      if ((c === ' ' && !options.withSpaces) || (c === '\t' && !options.withTabs)) continue;
      if (c === '\n' && !options.withNewlines) continue;
      if (c === '~' || c === '\n') out.push(vkEvent(KEY_CODES.ENTER!));
      else out.push(charEvent(c, modifiers.length > 0 || flags.escapeNext));
    }
    while (modifiers.length > 0) out.push(vkEvent(modifiers.pop()!, false, true));
  }
  while (modifiers.length > 0) out.push(vkEvent(modifiers.pop()!, false, true));
}

function handleBraced(
  rawCode: string,
  at: number,
  out: KeyEvent[],
  modified: boolean,
  options: KeyParseOptions,
  flags: ParseFlags,
): void {
  let code = rawCode;
  let only: 'down' | 'up' | null = null;
  const lower = code.toLowerCase();
  if (lower.includes(' up') || lower.includes(' down')) {
    const parts = code.split(' ');
    if (parts.length !== 2 || (parts[1]!.toLowerCase() !== 'up' && parts[1]!.toLowerCase() !== 'down')) {
      throw new KeySyntaxError(`cannot read {${rawCode}}: expected {KEY down} or {KEY up}`, at);
    }
    code = parts[0]!;
    only = parts[1]!.toLowerCase() as 'down' | 'up';
    flags.escapeNext = true;
  }
  const events = codeEvents(code, at, rawCode, modified || flags.escapeNext, options, flags);
  if (only !== null) {
    const first = events[0]!;
    const escapedFirst = first.char !== null ? charEvent(first.char, true) : first;
    events[0] = { ...escapedFirst, down: only === 'down', up: only === 'up' };
  }
  out.push(...events);
}

function codeEvents(
  code: string,
  at: number,
  rawCode: string,
  escaped: boolean,
  options: KeyParseOptions,
  flags: ParseFlags,
): KeyEvent[] {
  const vk = KEY_CODES[code];
  if (vk !== undefined) return [vkEvent(vk)];
  if (code.length === 1) return [charEvent(code, escaped)];
  const space = code.search(/\s+\S+$/);
  if (space > 0) {
    const what = code.slice(0, space).trimEnd();
    const countText = code.slice(space).trim();
    if (what === 'PAUSE') {
      const seconds = Number(countText);
      if (!Number.isFinite(seconds) || countText === '') {
        throw new KeySyntaxError(`invalid pause time ${JSON.stringify(countText)} in {${rawCode}}`, at);
      }
      return [{ vk: 0, char: null, escaped: false, down: false, up: false, pause: seconds }];
    }
    if (!/^[+-]?\d+$/.test(countText)) {
      throw new KeySyntaxError(`invalid repetition count ${JSON.stringify(countText)} in {${rawCode}}`, at);
    }
    const count = Math.max(0, Number(countText));
    if (count > 1000) throw new KeySyntaxError(`repetition count ${count} in {${rawCode}} is over 1000`, at);
    const repeatedVk = KEY_CODES[what];
    const unit: KeyEvent[] = [];
    if (repeatedVk !== undefined) unit.push(vkEvent(repeatedVk));
    else parseInto(what, 0, what.length, [], unit, options, { escapeNext: flags.escapeNext });
    const events: KeyEvent[] = [];
    for (let i = 0; i < count; i++) events.push(...unit);
    return events;
  }
  throw new KeySyntaxError(`unknown key code {${rawCode}}`, at);
}

export interface StrokeOptions {
  /**
   * Read a bare `{VK_CONTROL}` / `{VK_SHIFT}` / `{VK_MENU}` press as holding that modifier for the next key, as
   * UFO's prompt documentation assumes ("{VK_CONTROL}c" for Ctrl+C). Off by default: Windows types "c".
   */
  stickyVkModifiers?: boolean;
}

const MODIFIER_OF: ReadonlyMap<number, 'shift' | 'ctrl' | 'alt' | 'win'> = new Map([
  [16, 'shift'],
  [160, 'shift'],
  [161, 'shift'],
  [17, 'ctrl'],
  [162, 'ctrl'],
  [163, 'ctrl'],
  [18, 'alt'],
  [164, 'alt'],
  [165, 'alt'],
  [91, 'win'],
  [92, 'win'],
]);

/**
 * Turns key events into keystrokes: modifier presses update the held set, every other key press becomes one
 * stroke. A lone Alt tap (press and release with nothing between) becomes an `ALT` stroke, which shows
 * KeyTips in Office.
 */
export function eventsToStrokes(events: readonly KeyEvent[], options: StrokeOptions = {}): KeyStroke[] {
  const held = { shift: 0, ctrl: 0, alt: 0, win: 0 };
  const sticky = { shift: false, ctrl: false, alt: false, win: false };
  const strokes: KeyStroke[] = [];
  let altTapPending = false;
  for (const event of events) {
    if (event.pause !== undefined) continue;
    const modifier = event.vk !== 0 ? MODIFIER_OF.get(event.vk) : undefined;
    if (modifier !== undefined) {
      if (event.down && event.up) {
        if (options.stickyVkModifiers) sticky[modifier] = true;
        else if (modifier === 'alt' && held.alt === 0 && held.ctrl === 0 && held.shift === 0) {
          strokes.push({ key: 'ALT', char: null, ctrl: false, shift: false, alt: false, win: false });
        }
        continue;
      }
      if (event.down) {
        held[modifier]++;
        altTapPending = modifier === 'alt';
      } else if (event.up) {
        held[modifier] = Math.max(0, held[modifier] - 1);
        if (modifier === 'alt' && altTapPending && held.ctrl === 0 && held.shift === 0) {
          strokes.push({ key: 'ALT', char: null, ctrl: false, shift: false, alt: false, win: false });
        }
        altTapPending = false;
      }
      continue;
    }
    if (!event.down) continue;
    altTapPending = false;
    const shift = held.shift > 0 || sticky.shift;
    const ctrl = held.ctrl > 0 || sticky.ctrl;
    const alt = held.alt > 0 || sticky.alt;
    const win = held.win > 0 || sticky.win;
    sticky.shift = sticky.ctrl = sticky.alt = sticky.win = false;
    strokes.push(strokeOf(event, shift, ctrl, alt, win));
  }
  return strokes;
}

function strokeOf(event: KeyEvent, shift: boolean, ctrl: boolean, alt: boolean, win: boolean): KeyStroke {
  const chord = ctrl || alt || win;
  if (event.char !== null) {
    const c = event.char;
    if (!event.escaped && !shift && !chord) {
      // A Unicode packet types the character exactly as given.
      return { key: keyNameOfChar(c), char: c, ctrl, shift, alt, win };
    }
    // Escaped characters go out as their virtual key: the layout's Shift state decides the character.
    const base = baseKeyOf(c);
    const typed = chord ? null : shift ? shiftedChar(base) : base;
    return { key: keyNameOfChar(base), char: typed, ctrl, shift, alt, win };
  }
  const name = VK_NAMES.get(event.vk) ?? `VK_${event.vk}`;
  let char: string | null = null;
  if (!chord) {
    if (event.vk === 32) char = ' ';
    else {
      const pad = NUMPAD_CHARS.get(event.vk);
      if (pad !== undefined) char = pad;
    }
  }
  return { key: name, char, ctrl, shift, alt, win };
}

function keyNameOfChar(c: string): string {
  if (c.length === 1 && c >= 'a' && c <= 'z') return c.toUpperCase();
  if (c === ' ') return 'SPACE';
  return c;
}

/** Parses and converts in one go. */
export function parseKeyStrokes(
  keys: string,
  options: KeyParseOptions & StrokeOptions = {},
): { ok: true; strokes: KeyStroke[] } | { ok: false; error: string; position: number } {
  const parsed = parseKeys(keys, options);
  if (!parsed.ok) return parsed;
  return { ok: true, strokes: eventsToStrokes(parsed.events, options) };
}

/** A canonical chord name for shortcut tables: `ctrl+shift+B`, `alt+F4`, `ENTER`, `F12`. */
export function chordOf(stroke: KeyStroke): string {
  let prefix = '';
  if (stroke.ctrl) prefix += 'ctrl+';
  if (stroke.alt) prefix += 'alt+';
  if (stroke.shift) prefix += 'shift+';
  if (stroke.win) prefix += 'win+';
  return prefix + stroke.key;
}

/**
 * The chord of a shortcut written in pywinauto syntax (`^b`, `^+{F9}`, `{F12}`, `%{F4}`): how apps declare their
 * shortcuts. Throws on syntax errors or on strings that are not exactly one chord (a programming error in a
 * declaration, not agent input).
 */
export function shortcutChord(keys: string): string {
  const parsed = parseKeyStrokes(keys, { withSpaces: true });
  if (!parsed.ok) throw new KeySyntaxError(parsed.error, parsed.position);
  if (parsed.strokes.length !== 1) {
    throw new KeySyntaxError(`shortcut ${JSON.stringify(keys)} must be exactly one key chord`, 0);
  }
  return chordOf(parsed.strokes[0]!);
}
