/**
 * Reading help-page steps ("2. On the **Home** tab, in the **Font** group, select **Bold**.") into the intents a
 * plan-follower acts on, the way UFO's dataflow execution reads an instantiated plan: control names come from the
 * Markdown bold spans, values from the quoted spans, and the verb decides between clicking, typing, selecting,
 * pressing keys and reading. Nothing here looks at a document or an evaluator: a step that a help page words
 * loosely stays loose, and the teacher fails where following it literally fails.
 */

export type Intent =
  /** Click the control whose name matches `name` (skipped when it is a tab already selected). */
  | { kind: 'click'; name: string }
  /** Pick the visible item named `value` (a gallery entry, a list item, a menu item). */
  | { kind: 'choose'; value: string }
  /** Type `value` into the field matching `field`, or into the focused control when `field` is null. */
  | { kind: 'type'; field: string | null; value: string }
  /** Select document text (Word's select_text) or a cell range (Excel's select_table_range). */
  | { kind: 'select'; target: string }
  /** Press keys, already in pywinauto syntax. */
  | { kind: 'keys'; keys: string }
  /** Read what is on screen and report it with `summary`. */
  | { kind: 'read' };

const BOLD = /\*\*(.+?)\*\*/g;
// A quote opens after a space, a bracket or the start and closes before a space or punctuation, so the
// apostrophes of "Word's" or "don't" are not read as quotes.
const QUOTED = /(?:^|[\s(:])(?:'([^']+?)'|"([^"]+?)"|‘([^’]+?)’|“([^”]+?)”)(?=[\s.,;:)!?]|$)/g;
const CELL_RANGE = /\b(\$?[A-Z]{1,3}\$?[1-9]\d{0,6}(?::\$?[A-Z]{1,3}\$?[1-9]\d{0,6})?)\b/;

export interface ParsedStep {
  text: string;
  bold: string[];
  quoted: string[];
}

export function parseStep(step: string): ParsedStep {
  const text = step.replace(/^\s*\d+[.)]\s*/, '').trim();
  // "in the **Font** group" names where to look, not what to click: ribbon groups are labels.
  const bold = [...text.matchAll(BOLD)]
    .filter((m) => !/^\s+group\b/i.test(text.slice(m.index + m[0].length)))
    .map((m) => m[1]!.trim())
    .filter((b) => b !== '');
  const plain = text.replace(BOLD, (_, inner: string) => inner);
  const quoted = [...plain.matchAll(QUOTED)].map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim());
  return { text, bold, quoted: quoted.filter((q) => q !== '') };
}

const KEY_NAMES: Record<string, string> = {
  enter: '{ENTER}',
  return: '{ENTER}',
  tab: '{TAB}',
  esc: '{ESC}',
  escape: '{ESC}',
  delete: '{DELETE}',
  del: '{DELETE}',
  backspace: '{BACKSPACE}',
  space: ' ',
  spacebar: ' ',
  home: '{HOME}',
  end: '{END}',
  up: '{UP}',
  down: '{DOWN}',
  left: '{LEFT}',
  right: '{RIGHT}',
  pageup: '{PGUP}',
  pagedown: '{PGDN}',
};
const MODIFIERS: Record<string, string> = { ctrl: '^', control: '^', shift: '+', alt: '%' };

/** "Ctrl+Shift+L" → "^+l", "Enter" → "{ENTER}", "F2" → "{F2}"; null when it is not a key chord. */
export function chordToKeys(chord: string): string | null {
  const parts = chord
    .trim()
    .split(/\s*\+\s*/)
    .filter((p) => p !== '');
  if (parts.length === 0) return null;
  let prefix = '';
  for (const mod of parts.slice(0, -1)) {
    const m = MODIFIERS[mod.toLowerCase()];
    if (m === undefined) return null;
    prefix += m;
  }
  const key = parts[parts.length - 1]!;
  const lower = key.toLowerCase().replace(/\s+/g, '');
  if (KEY_NAMES[lower] !== undefined) return prefix + KEY_NAMES[lower];
  if (/^f([1-9]|1[0-2])$/.test(lower)) return `${prefix}{${key.toUpperCase()}}`;
  if (key.length === 1) return prefix + (/[{}+^%~()[\]]/.test(key) ? `{${key}}` : key.toLowerCase());
  return null;
}

/** Text typed literally: pywinauto's special characters are escaped with braces. */
export function literalKeys(text: string): string {
  return text.replace(/[{}+^%~()[\]]/g, (c) => `{${c}}`);
}

const TYPE_VERB = /\b(type|enter|write|input|fill in|rename (?:it )?to|change (?:it )?to|set (?:it )?to)\b/i;
const READ_VERB = /^(read|note|look at|count|find out|check|see|report|answer|tell)\b/i;
const PRESS = /\bpress(?:es)?\s+((?:\*\*)?[A-Za-z0-9]+(?:\s*\+\s*[A-Za-z0-9<>.,=\-[\]]+)*(?:\*\*)?)/i;
const SELECT_VERB =
  /^(?:then\s+)?(select|highlight|click in|click on|go to|place the cursor in|put the cursor in)\b/i;

/** The intents of one help-page step, in the order a user would carry them out. */
export function intentsOf(step: string, app: string): Intent[] {
  const parsed = parseStep(step);
  const { text, bold, quoted } = parsed;
  const intents: Intent[] = [];

  const press = PRESS.exec(text.replace(/\*\*/g, ''));
  if (press !== null) {
    const keys = chordToKeys(press[1]!);
    if (keys !== null) {
      // "In the **Find what** box, type 'x', then press Enter": type first, then the key.
      if (TYPE_VERB.test(text) && quoted.length > 0) intents.push(...typeIntents(bold, quoted));
      else bold.forEach((name) => intents.push({ kind: 'click', name }));
      intents.push({ kind: 'keys', keys });
      return intents;
    }
  }

  if (READ_VERB.test(text)) {
    bold.forEach((name) => intents.push({ kind: 'click', name }));
    intents.push({ kind: 'read' });
    return intents;
  }

  if (TYPE_VERB.test(text) && quoted.length > 0) return typeIntents(bold, quoted);

  if (SELECT_VERB.test(text) && bold.length === 0) {
    const target = quoted[0] ?? (app === 'excel' ? CELL_RANGE.exec(text)?.[1] : undefined);
    if (target !== undefined) return [{ kind: 'select', target }];
  }

  bold.forEach((name) => intents.push({ kind: 'click', name }));
  // "select **Line Spacing Options**, then choose '1.5'": the quoted value is an item to pick after opening.
  quoted.forEach((value) => intents.push({ kind: 'choose', value }));
  return intents;
}

function typeIntents(bold: readonly string[], quoted: readonly string[]): Intent[] {
  // The last bold name is the field typed into; the ones before it open the way (tab, dialog).
  const intents: Intent[] = bold.slice(0, -1).map((name) => ({ kind: 'click', name }));
  const field = bold.length > 0 ? bold[bold.length - 1]! : null;
  quoted.forEach((value, i) => intents.push({ kind: 'type', field: i === 0 ? field : null, value }));
  return intents;
}
