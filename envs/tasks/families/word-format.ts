/**
 * Word families about text and paragraph formatting (the Home tab's Font, Paragraph, Styles and Clipboard
 * groups and the Font / Paragraph dialogs): font, size, colour, highlight, strikethrough, sub/superscript,
 * change case, clear formatting, alignment, line and paragraph spacing, indents, lists, styles, Format Painter,
 * two question tasks and one infeasible request. Every evaluator judges the canvas: the asked change on the
 * asked text, and nothing else changed (text, character formatting, paragraph formatting of everything else).
 */
import type { Generator } from 'gymnasium-ts';
import type { EpisodeEvidence, TaskFamily } from '../family.ts';
import type { OracleStep } from '../schema.ts';
import { click, failStep, keys, pick, same, selectText, setText, shuffled, summary, verdict } from './kit.ts';

type Props = Record<string, unknown>;
interface Run extends Props {
  text: string;
}
interface Para extends Props {
  type: string;
  text: string;
  style?: string;
  runs?: Run[];
}

/** What the Normal style gives a paragraph (Word 2013-2021's Normal template): the canvas omits these. */
const NORMAL_SPACE_AFTER = 8;
const NORMAL_LINE_SPACING = 1.08;

const selectPara = (n: number): OracleStep => ({
  function: 'select_paragraph',
  args: { start_index: n, end_index: n, non_empty: true },
});

/** Body sentences with distinct openings, each with a phrase that occurs nowhere else. No digits (see sub/sup). */
const SENTENCES: readonly [string, string][] = [
  ['Our team finished the migration ahead of schedule.', 'ahead of schedule'],
  ['Budget requests are due by the end of the month.', 'the end of the month'],
  ['Customer feedback has improved since the spring release.', 'the spring release'],
  ['Training sessions will run every Tuesday morning.', 'every Tuesday morning'],
  ['Security updates must be installed before Friday.', 'before Friday'],
  ['Marketing plans to launch a new campaign in May.', 'a new campaign'],
  ['Shipping costs rose slightly in the last quarter.', 'rose slightly'],
  ['Volunteers are welcome to join the planning committee.', 'the planning committee'],
  ['Hiring for the support desk is now complete.', 'the support desk'],
  ['Please send your travel receipts to the finance office.', 'travel receipts'],
];

/** The first three words: how a request names a paragraph. */
function opening(text: string): string {
  return text.split(' ').slice(0, 3).join(' ');
}

interface DocParams extends Record<string, unknown> {
  paragraphs: string[];
  /** 0-based index of the paragraph the task is about. */
  target: number;
}

function sampleDoc(rng: Generator, min = 3, extra = 2): DocParams {
  const n = min + rng.integers(extra + 1);
  const paragraphs = shuffled(rng, SENTENCES)
    .slice(0, n)
    .map(([s]) => s);
  return { paragraphs, target: rng.integers(n) };
}

function phraseOf(sentence: string): string {
  return SENTENCES.find(([s]) => s === sentence)?.[1] ?? sentence;
}

/**
 * The body's blocks as paragraphs. Templates hold paragraphs only, so a table or break the agent adds shows up
 * as an extra block (its text empty) and fails the text check instead of being skipped.
 */
function paras(canvas: unknown): Para[] {
  return ((canvas as { body?: Para[] } | null)?.body ?? []).map((b) =>
    b.type === 'paragraph' ? b : { type: b.type, text: '' },
  );
}

/** Canvas parts outside the body that no formatting task here should touch. */
const OUTSIDE_BODY = ['default_font', 'sections', 'page_color', 'watermark', 'comments'] as const;

/** Per character, the run properties the canvas lists (those that differ from Normal). */
function charProps(p: Para): Props[] {
  const out: Props[] = [];
  for (const run of p.runs ?? [{ text: p.text }]) {
    const { text, ...props } = run;
    for (let i = 0; i < text.length; i++) out.push(props);
  }
  return out;
}

/** Paragraph-level properties (style, alignment, spacing, indents, list…), without the text and runs. */
function paraProps(p: Para): Props {
  const { type: _t, n: _n, text: _x, runs: _r, ...rest } = p;
  return rest;
}

interface Allowed {
  /** Paragraph i's text may change (change case). */
  text?: (i: number) => boolean;
  /** Character c of paragraph i may change property `key`. */
  char?: (i: number, c: number, key: string) => boolean;
  /** Paragraph i may change its paragraph property `key`. */
  para?: (i: number, key: string) => boolean;
}

/** Collateral damage, in three parts: text, character formatting, paragraph formatting. */
function untouched(before: Para[], after: Para[], allow: Allowed = {}): [boolean, boolean, boolean] {
  let text = before.length === after.length;
  let chars = text;
  let paragraphs = text;
  before.forEach((b, i) => {
    const a = after[i];
    if (a === undefined) return;
    if (a.text !== b.text && allow.text?.(i) !== true) text = false;
    const bc = charProps(b);
    const ac = charProps(a);
    if (bc.length !== ac.length) chars = false;
    else
      bc.forEach((props, c) => {
        for (const key of new Set([...Object.keys(props), ...Object.keys(ac[c]!)]))
          if (!same(props[key], ac[c]![key]) && allow.char?.(i, c, key) !== true) chars = false;
      });
    const bp = paraProps(b);
    const ap = paraProps(a);
    for (const key of new Set([...Object.keys(bp), ...Object.keys(ap)]))
      if (!same(bp[key], ap[key]) && allow.para?.(i, key) !== true) paragraphs = false;
  });
  return [text, chars, paragraphs];
}

/** The standard collateral sub-scores. */
function collateral(evidence: EpisodeEvidence, allow: Allowed): Record<string, boolean> {
  const [text, chars, paragraphs] = untouched(paras(evidence.initial), paras(evidence.final), allow);
  const initial = (evidence.initial ?? {}) as Props;
  const final = (evidence.final ?? {}) as Props;
  return {
    'the text is unchanged': text,
    'no other character formatting changed': chars,
    'no other paragraph formatting changed': paragraphs,
    'the page setup, headers, footers and comments are unchanged': OUTSIDE_BODY.every((k) =>
      same(initial[k], final[k]),
    ),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Character formatting of a whole paragraph: font name, font size.

interface ParaValueParams<V> extends DocParams {
  value: V;
}

/** Font names as a user types them: 'times new roman' is Times New Roman. */
function sameValue(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function paragraphCharFamily<V extends string | number>(spec: {
  id: string;
  key: string;
  values: readonly V[];
  phrasings: ((p: ParaValueParams<V>, start: string) => string)[];
  box: string;
  what: string;
}): TaskFamily<ParaValueParams<V>> {
  const start = (p: ParaValueParams<V>): string => opening(p.paragraphs[p.target]!);
  return {
    id: spec.id,
    app: 'word',
    difficulty: 'easy',
    sample: (rng) => ({ ...sampleDoc(rng), value: pick(rng, spec.values) }),
    phrasings: spec.phrasings.map((f) => (p: ParaValueParams<V>) => f(p, start(p))),
    template: (p) => ({ body: p.paragraphs }),
    refinedSteps: (p) => [
      `1. Select the paragraph that starts with '${start(p)}'.`,
      `2. On the **Home** tab, in the **Font** group, type '${String(p.value)}' in the **${spec.box}** box and press Enter.`,
    ],
    oracle: (p) => [selectPara(p.target + 1), setText(spec.box, String(p.value))],
    evaluate(p, evidence) {
      const after = paras(evidence.final);
      const target = after[p.target];
      const applied =
        target !== undefined && charProps(target).every((props) => sameValue(props[spec.key], p.value));
      return verdict(
        {
          [`the paragraph starting '${start(p)}' is in ${spec.what} ${String(p.value)}`]: applied,
          ...collateral(evidence, { char: (i, _c, key) => i === p.target && key === spec.key }),
        },
        `the paragraph is in ${spec.what} ${String(p.value)} and nothing else changed`,
      );
    },
  };
}

const fontFamily = paragraphCharFamily({
  id: 'word.font-paragraph',
  key: 'font',
  values: ['Arial', 'Times New Roman', 'Georgia', 'Verdana', 'Courier New', 'Cambria'],
  box: 'Font',
  what: 'font',
  phrasings: [
    (p, s) => `Change the font of the paragraph that starts with '${s}' to ${p.value}.`,
    (p, s) => `Set the paragraph beginning '${s}' in ${p.value}.`,
    (p, s) => `can you make the '${s}' paragraph use the ${p.value} font`,
  ],
});

const fontSizeFamily = paragraphCharFamily({
  id: 'word.font-size-paragraph',
  key: 'size',
  values: [9, 10, 14, 16, 18, 20, 24],
  box: 'Font Size',
  what: 'font size',
  phrasings: [
    (p, s) => `Change the font size of the paragraph that starts with '${s}' to ${p.value} pt.`,
    (p, s) => `Make the paragraph beginning '${s}' ${p.value} points.`,
    (p, s) => `the '${s}' paragraph should be ${p.value > 11 ? 'bigger' : 'smaller'}, size ${p.value} please`,
  ],
});

// ---------------------------------------------------------------------------------------------------------
// Character formatting of a phrase: font colour, highlight, strikethrough.

interface PhraseParams extends DocParams {
  phrase: string;
}

function samplePhrase(rng: Generator): PhraseParams {
  const doc = sampleDoc(rng);
  return { ...doc, phrase: phraseOf(doc.paragraphs[doc.target]!) };
}

/** Which characters of paragraph i lie in the (first occurrence of the) phrase. */
function inPhrase(after: Para[], paragraph: number, phrase: string): (i: number, c: number) => boolean {
  const start = after[paragraph]?.text.indexOf(phrase) ?? -1;
  return (i, c) => i === paragraph && start >= 0 && c >= start && c < start + phrase.length;
}

function phraseHas(after: Para[], p: PhraseParams, test: (props: Props) => boolean): boolean {
  const para = after[p.target];
  if (para === undefined) return false;
  const start = para.text.indexOf(p.phrase);
  return (
    start >= 0 &&
    charProps(para)
      .slice(start, start + p.phrase.length)
      .every(test)
  );
}

function phraseCharFamily<X extends Record<string, unknown>>(spec: {
  id: string;
  key: string;
  extra: (rng: Generator) => X;
  value: (p: PhraseParams & X) => unknown;
  phrasings: ((p: PhraseParams & X) => string)[];
  refinedSteps: (p: PhraseParams & X) => string[];
  oracle: (p: PhraseParams & X) => OracleStep[];
  what: (p: PhraseParams & X) => string;
}): TaskFamily<PhraseParams & X> {
  return {
    id: spec.id,
    app: 'word',
    difficulty: 'easy',
    sample: (rng) => ({ ...samplePhrase(rng), ...spec.extra(rng) }),
    phrasings: spec.phrasings,
    template: (p) => ({ body: p.paragraphs }),
    refinedSteps: spec.refinedSteps,
    oracle: (p) => [selectText(p.phrase), ...spec.oracle(p)],
    evaluate(p, evidence) {
      const after = paras(evidence.final);
      const inside = inPhrase(after, p.target, p.phrase);
      return verdict(
        {
          [`'${p.phrase}' is ${spec.what(p)}`]: phraseHas(after, p, (props) =>
            same(props[spec.key], spec.value(p)),
          ),
          ...collateral(evidence, { char: (i, c, key) => key === spec.key && inside(i, c) }),
        },
        `'${p.phrase}' is ${spec.what(p)} and nothing else changed`,
      );
    },
  };
}

/** Word's standard colours (the Font Color menu), as the canvas writes them. */
const COLORS: Readonly<Record<string, string>> = {
  Red: 'FF0000',
  'Dark Red': 'C00000',
  Orange: 'FFC000',
  Green: '00B050',
  Blue: '0070C0',
  Purple: '7030A0',
};

const fontColorFamily = phraseCharFamily({
  id: 'word.font-color-phrase',
  key: 'color',
  extra: (rng) => ({ color: pick(rng, Object.keys(COLORS)) }),
  value: (p) => COLORS[p.color],
  what: (p) => `${p.color.toLowerCase()} (${COLORS[p.color]})`,
  phrasings: [
    (p) => `Change the font color of '${p.phrase}' to ${p.color}.`,
    (p) => `Color the text '${p.phrase}' ${p.color.toLowerCase()}.`,
    (p) => `make '${p.phrase}' show up in ${p.color.toLowerCase()} text`,
  ],
  refinedSteps: (p) => [
    `1. Select the text '${p.phrase}'.`,
    '2. On the **Home** tab, in the **Font** group, select the arrow next to **Font Color**.',
    `3. Select '${p.color}'.`,
  ],
  oracle: (p) => [keys('^d'), click('Font color:'), click(p.color), click('OK')],
});

const highlightFamily = phraseCharFamily({
  id: 'word.highlight-phrase',
  key: 'highlight',
  extra: () => ({}),
  value: () => 'yellow',
  what: () => 'highlighted in yellow',
  phrasings: [
    (p) => `Highlight the text '${p.phrase}' in yellow.`,
    (p) => `Apply yellow text highlighting to '${p.phrase}'.`,
    (p) => `mark '${p.phrase}' with the yellow highlighter so it stands out`,
  ],
  refinedSteps: (p) => [
    `1. Select the text '${p.phrase}'.`,
    '2. On the **Home** tab, in the **Font** group, select **Text Highlight Color** (yellow is the default).',
  ],
  oracle: () => [click('Text Highlight Color')],
});

const strikeFamily = phraseCharFamily({
  id: 'word.strikethrough-phrase',
  key: 'strike',
  extra: () => ({}),
  value: () => true,
  what: () => 'struck through',
  phrasings: [
    (p) => `Apply strikethrough to the text '${p.phrase}'.`,
    (p) => `Cross out '${p.phrase}' with a line through it.`,
    (p) => `strike out the words '${p.phrase}' but keep them in the document`,
  ],
  refinedSteps: (p) => [
    `1. Select the text '${p.phrase}'.`,
    '2. On the **Home** tab, in the **Font** group, select **Strikethrough**.',
  ],
  oracle: () => [click('Strikethrough')],
});

const doubleUnderlineFamily = phraseCharFamily({
  id: 'word.double-underline-phrase',
  key: 'underline',
  extra: () => ({}),
  value: () => 'double',
  what: () => 'double underlined',
  phrasings: [
    (p) => `Apply a double underline to the text '${p.phrase}'.`,
    (p) => `Underline '${p.phrase}' with two lines.`,
    (p) => `i need a double line under '${p.phrase}'`,
  ],
  refinedSteps: (p) => [
    `1. Select the text '${p.phrase}'.`,
    '2. On the **Home** tab, in the **Font** group, select the arrow next to **Underline**.',
    "3. Select 'Double underline'.",
  ],
  oracle: () => [keys('^d'), click('Underline style:'), click('Double'), click('OK')],
});

// ---------------------------------------------------------------------------------------------------------
// Subscript and superscript: one character of a formula.

interface ScriptParams extends DocParams {
  token: string;
  char: string;
}

/** Sentences with one formula; `char` is the formula's only digit (the document has no other digit). */
const SCRIPT_SENTENCES: Record<'subscript' | 'superscript', [string, string, string][]> = {
  subscript: [
    ['Water, or H2O, covers most of the planet.', 'H2O', '2'],
    ['Plants absorb CO2 from the air.', 'CO2', '2'],
    ['Ammonia, NH3, is used in most fertilizers.', 'NH3', '3'],
    ['Methane, CH4, is a strong greenhouse gas.', 'CH4', '4'],
  ],
  superscript: [
    ['Einstein wrote E=mc2 in his famous paper.', 'E=mc2', '2'],
    ['The office floor covers about nine hundred ft2 in total.', 'ft2', '2'],
    ['The volume of the tank is given in m3 on the label.', 'm3', '3'],
    ['The area of a circle is the product of pi and r2 exactly.', 'r2', '2'],
  ],
};

function scriptFamily(kind: 'subscript' | 'superscript'): TaskFamily<ScriptParams> {
  const button = kind === 'subscript' ? 'Subscript' : 'Superscript';
  const charOf = (after: Para[], p: ScriptParams): number =>
    (after[p.target]?.text.indexOf(p.token) ?? -1) + p.token.indexOf(p.char);
  return {
    id: `word.${kind}-character`,
    app: 'word',
    difficulty: 'medium',
    sample(rng) {
      const doc = sampleDoc(rng, 2, 2);
      const [sentence, token, char] = pick(rng, SCRIPT_SENTENCES[kind]);
      doc.paragraphs[doc.target] = sentence;
      return { ...doc, token, char };
    },
    phrasings: [
      (p) => `Format the ${p.char} in '${p.token}' as ${kind}.`,
      (p) => `Make the number ${p.char} in ${p.token} a ${kind}.`,
      (p) =>
        `the ${p.char} in ${p.token} should be ${kind === 'subscript' ? 'small and below the line' : 'raised, like an exponent'}`,
    ],
    template: (p) => ({ body: p.paragraphs }),
    refinedSteps: (p) => [
      `1. Select the '${p.char}' in '${p.token}'.`,
      `2. On the **Home** tab, in the **Font** group, select **${button}**.`,
    ],
    // The digit is the document's first (and only) one, so selecting it by text finds the right character.
    oracle: (p) => [selectText(p.char), click(button)],
    evaluate(p, evidence) {
      const after = paras(evidence.final);
      const at = charOf(after, p);
      const target = after[p.target];
      const done = target !== undefined && at >= 0 && charProps(target)[at]?.vert_align === kind;
      return verdict(
        {
          [`the ${p.char} in '${p.token}' is ${kind}`]: done,
          ...collateral(evidence, {
            char: (i, c, key) => i === p.target && c === at && key === 'vert_align',
          }),
        },
        `the ${p.char} in '${p.token}' is ${kind} and nothing else changed`,
      );
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Change case and Clear All Formatting.

const uppercaseFamily: TaskFamily<DocParams> = {
  id: 'word.uppercase-paragraph',
  app: 'word',
  difficulty: 'easy',
  sample: (rng) => sampleDoc(rng),
  phrasings: [
    (p) => `Change the paragraph that starts with '${opening(p.paragraphs[p.target]!)}' to UPPERCASE.`,
    (p) => `Put the paragraph beginning '${opening(p.paragraphs[p.target]!)}' in all capital letters.`,
    (p) => `make the '${opening(p.paragraphs[p.target]!)}' line all caps`,
  ],
  template: (p) => ({ body: p.paragraphs }),
  refinedSteps: (p) => [
    `1. Select the paragraph that starts with '${opening(p.paragraphs[p.target]!)}'.`,
    '2. On the **Home** tab, in the **Font** group, select **Change Case**.',
    "3. Select 'UPPERCASE'.",
  ],
  oracle: (p) => [selectPara(p.target + 1), click('Change Case'), click('UPPERCASE')],
  evaluate(p, evidence) {
    const before = paras(evidence.initial);
    const after = paras(evidence.final);
    const was = before[p.target]?.text ?? '';
    const now = after[p.target];
    // Change Case rewrites the letters; the Font dialog's All caps (Ctrl+Shift+A) only shows them in capitals.
    // Both look the same on the page, and a user asking for capitals accepts either.
    const upper =
      now !== undefined &&
      (now.text === was.toUpperCase() ||
        (now.text === was && charProps(now).every((props) => props.all_caps === true)));
    return verdict(
      {
        'the paragraph is in capitals': upper,
        ...collateral(evidence, {
          text: (i) => i === p.target,
          char: (i, _c, key) => i === p.target && key === 'all_caps',
        }),
      },
      'the paragraph is in capitals and nothing else changed',
    );
  },
};

const LOWER_HEADINGS = [
  'project update for the spring release',
  'notes from the planning meeting',
  'how to request time off',
  'welcome to the support team',
  'results of the customer survey',
];

const capitalize = (text: string): string =>
  text
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');

const capitalizeFamily: TaskFamily<DocParams> = {
  id: 'word.capitalize-each-word',
  app: 'word',
  difficulty: 'easy',
  sample(rng) {
    const doc = sampleDoc(rng, 2, 2);
    return { paragraphs: [pick(rng, LOWER_HEADINGS), ...doc.paragraphs], target: 0 };
  },
  phrasings: [
    (p) => `Capitalize each word of the first line, '${p.paragraphs[0]!}'.`,
    (p) => `Change '${p.paragraphs[0]!}' so every word starts with a capital letter.`,
    (p) => `the heading '${p.paragraphs[0]!}' is all lowercase, fix the capitals (Capitalize Each Word)`,
  ],
  template: (p) => ({ body: p.paragraphs }),
  refinedSteps: (p) => [
    `1. Select the line '${p.paragraphs[0]!}'.`,
    '2. On the **Home** tab, in the **Font** group, select **Change Case**.',
    "3. Select 'Capitalize Each Word'.",
  ],
  oracle: () => [selectPara(1), click('Change Case'), click('Capitalize Each Word')],
  evaluate(p, evidence) {
    const want = capitalize(p.paragraphs[0]!);
    return verdict(
      {
        [`the first line reads '${want}'`]: paras(evidence.final)[0]?.text === want,
        ...collateral(evidence, { text: (i) => i === 0 }),
      },
      `the first line reads '${want}' and nothing else changed`,
    );
  },
};

interface ClearParams extends DocParams {
  /** Which formatting the target carries (indices into MESSY). */
  messy: number;
}

/** Direct formatting someone pasted in: what Clear All Formatting removes. */
const MESSY: readonly { run: Props; para: Props }[] = [
  { run: { bold: true, color: 'C00000', size: 14 }, para: { align: 'center' } },
  { run: { italic: true, font: 'Georgia', underline: 'single' }, para: { indentLeft: 36 } },
  { run: { font: 'Courier New', size: 9, strike: true }, para: { align: 'right', spaceAfter: 18 } },
];

const clearFormattingFamily: TaskFamily<ClearParams> = {
  id: 'word.clear-formatting-paragraph',
  app: 'word',
  difficulty: 'medium',
  sample: (rng) => ({ ...sampleDoc(rng), messy: rng.integers(MESSY.length) }),
  phrasings: [
    (p) => `Clear all formatting from the paragraph that starts with '${opening(p.paragraphs[p.target]!)}'.`,
    (p) =>
      `Remove the formatting of the paragraph beginning '${opening(p.paragraphs[p.target]!)}' so it is plain Normal text.`,
    (p) => `the '${opening(p.paragraphs[p.target]!)}' paragraph looks weird, reset it to plain text`,
  ],
  // The other paragraphs carry formatting too (a bold opening word), so clearing everything is caught.
  template: (p) => {
    const messy = MESSY[p.messy]!;
    return {
      body: p.paragraphs.map((text, i) => {
        if (i === p.target) return { runs: [{ text, ...messy.run }], ...messy.para };
        const [first, ...rest] = text.split(' ');
        return { runs: [{ text: first!, bold: true }, ` ${rest.join(' ')}`] };
      }),
    };
  },
  refinedSteps: (p) => [
    `1. Select the paragraph that starts with '${opening(p.paragraphs[p.target]!)}'.`,
    '2. On the **Home** tab, in the **Font** group, select **Clear All Formatting**.',
  ],
  oracle: (p) => [selectPara(p.target + 1), click('Clear All Formatting')],
  evaluate(p, evidence) {
    const after = paras(evidence.final);
    const now = after[p.target];
    const plainText = now !== undefined && charProps(now).every((props) => Object.keys(props).length === 0);
    const plainPara = now !== undefined && same(paraProps(now), { style: 'Normal' });
    return verdict(
      {
        'the paragraph has no character formatting': plainText,
        'the paragraph is plain Normal (no alignment, indent or spacing of its own)': plainPara,
        ...collateral(evidence, { char: (i) => i === p.target, para: (i) => i === p.target }),
      },
      'the paragraph is plain Normal text and nothing else changed',
    );
  },
};

// ---------------------------------------------------------------------------------------------------------
// Paragraph formatting of one paragraph: alignment, spacing before/after, indents.

function paragraphFamily<V extends string | number>(spec: {
  id: string;
  difficulty: 'easy' | 'medium';
  values: readonly V[];
  /** The paragraph properties the task may change. */
  keys: readonly string[];
  /** Whether the paragraph has the asked value. */
  holds: (para: Para, value: V) => boolean;
  what: (value: V) => string;
  phrasings: ((p: ParaValueParams<V>, start: string) => string)[];
  refinedSteps: (p: ParaValueParams<V>, start: string) => string[];
  oracle: (p: ParaValueParams<V>) => OracleStep[];
}): TaskFamily<ParaValueParams<V>> {
  const start = (p: ParaValueParams<V>): string => opening(p.paragraphs[p.target]!);
  return {
    id: spec.id,
    app: 'word',
    difficulty: spec.difficulty,
    sample: (rng) => ({ ...sampleDoc(rng), value: pick(rng, spec.values) }),
    phrasings: spec.phrasings.map((f) => (p: ParaValueParams<V>) => f(p, start(p))),
    template: (p) => ({ body: p.paragraphs }),
    refinedSteps: (p) => spec.refinedSteps(p, start(p)),
    oracle: (p) => [selectPara(p.target + 1), ...spec.oracle(p)],
    evaluate(p, evidence) {
      const after = paras(evidence.final);
      const now = after[p.target];
      return verdict(
        {
          [`the paragraph starting '${start(p)}' ${spec.what(p.value)}`]:
            now !== undefined && spec.holds(now, p.value),
          ...collateral(evidence, { para: (i, key) => i === p.target && spec.keys.includes(key) }),
        },
        `the paragraph ${spec.what(p.value)} and nothing else changed`,
      );
    },
  };
}

const ALIGN_BUTTON: Record<string, string> = { center: 'Center', right: 'Align Right', justify: 'Justify' };
const ALIGN_WORDS: Record<string, string> = {
  center: 'centered',
  right: 'right-aligned',
  justify: 'justified',
};

const alignFamily = paragraphFamily({
  id: 'word.align-paragraph',
  difficulty: 'easy',
  values: ['center', 'right', 'justify'],
  keys: ['align'],
  holds: (para, v) => para.align === v,
  what: (v) => `is ${ALIGN_WORDS[v]!}`,
  phrasings: [
    (p, s) => `Make the paragraph that starts with '${s}' ${ALIGN_WORDS[p.value]!}.`,
    (p, s) =>
      p.value === 'center'
        ? `Center the paragraph beginning '${s}'.`
        : p.value === 'right'
          ? `Align the paragraph beginning '${s}' to the right margin.`
          : `Justify the paragraph beginning '${s}' so both edges line up.`,
    (p, s) =>
      p.value === 'center'
        ? `can you put the '${s}' line in the middle of the page`
        : p.value === 'right'
          ? `push the '${s}' paragraph over to the right side`
          : `i want the '${s}' paragraph to have straight edges on both sides`,
  ],
  refinedSteps: (p, s) => [
    `1. Select the paragraph that starts with '${s}'.`,
    `2. On the **Home** tab, in the **Paragraph** group, select **${ALIGN_BUTTON[p.value]!}**.`,
  ],
  oracle: (p) => [click(ALIGN_BUTTON[p.value]!)],
});

const spaceAfterFamily = paragraphFamily({
  id: 'word.space-after-paragraph',
  difficulty: 'medium',
  values: [0, 6, 12, 18, 24],
  keys: ['space_after'],
  holds: (para, v) => ((para.space_after as number | undefined) ?? NORMAL_SPACE_AFTER) === v,
  what: (v) => `has ${v} pt of space after it`,
  phrasings: [
    (p, s) => `Set the spacing after the paragraph that starts with '${s}' to ${p.value} pt.`,
    (p, s) => `Change the space after the paragraph beginning '${s}' to ${p.value} points.`,
    (p, s) =>
      p.value === 0
        ? `remove the gap below the '${s}' paragraph`
        : `put ${p.value} points of space below the '${s}' paragraph`,
  ],
  refinedSteps: (p, s) => [
    `1. Select the paragraph that starts with '${s}'.`,
    '2. On the **Home** tab, in the **Paragraph** group, select the **Paragraph Settings** dialog box launcher.',
    `3. On the **Indents and Spacing** tab, under **Spacing**, type '${p.value} pt' in the **After** box.`,
    '4. Select **OK**.',
  ],
  oracle: (p) => [click('Paragraph Settings'), setText('After:', `${p.value} pt`), click('OK')],
});

const spaceBeforeFamily = paragraphFamily({
  id: 'word.space-before-paragraph',
  difficulty: 'medium',
  values: [6, 12, 18, 24],
  keys: ['space_before'],
  holds: (para, v) => ((para.space_before as number | undefined) ?? 0) === v,
  what: (v) => `has ${v} pt of space before it`,
  phrasings: [
    (p, s) => `Set the spacing before the paragraph that starts with '${s}' to ${p.value} pt.`,
    (p, s) => `Add ${p.value} points of space before the paragraph beginning '${s}'.`,
    (p, s) => `leave ${p.value} pt of room above the '${s}' paragraph`,
  ],
  refinedSteps: (p, s) => [
    `1. Select the paragraph that starts with '${s}'.`,
    '2. On the **Home** tab, in the **Paragraph** group, select the **Paragraph Settings** dialog box launcher.',
    `3. On the **Indents and Spacing** tab, under **Spacing**, type '${p.value} pt' in the **Before** box.`,
    '4. Select **OK**.',
  ],
  oracle: (p) => [click('Paragraph Settings'), setText('Before:', `${p.value} pt`), click('OK')],
});

const near = (a: unknown, b: number): boolean => typeof a === 'number' && Math.abs(a - b) < 0.5;

const leftIndentFamily = paragraphFamily({
  id: 'word.left-indent-paragraph',
  difficulty: 'medium',
  values: [0.5, 1, 1.5],
  keys: ['indent_left'],
  holds: (para, v) => near(para.indent_left, v * 72),
  what: (v) => `is indented ${v}" from the left margin`,
  phrasings: [
    (p, s) => `Indent the paragraph that starts with '${s}' by ${p.value} inch from the left margin.`,
    (p, s) => `Set the left indent of the paragraph beginning '${s}' to ${p.value}".`,
    (p, s) => `move the whole '${s}' paragraph in by ${p.value} inch on the left`,
  ],
  refinedSteps: (p, s) => [
    `1. Select the paragraph that starts with '${s}'.`,
    '2. On the **Home** tab, in the **Paragraph** group, select the **Paragraph Settings** dialog box launcher.',
    `3. On the **Indents and Spacing** tab, under **Indentation**, type '${p.value}"' in the **Left** box.`,
    '4. Select **OK**.',
  ],
  oracle: (p) => [click('Paragraph Settings'), setText('Left:', `${p.value}"`), click('OK')],
});

const firstLineFamily = paragraphFamily({
  id: 'word.first-line-indent',
  difficulty: 'medium',
  values: [0.25, 0.5, 1],
  keys: ['indent_first_line'],
  holds: (para, v) => near(para.indent_first_line, v * 72) && (para.indent_left ?? 0) === 0,
  what: (v) => `has a ${v}" first-line indent`,
  phrasings: [
    (p, s) => `Indent the first line of the paragraph that starts with '${s}' by ${p.value}".`,
    (p, s) => `Give the paragraph beginning '${s}' a first-line indent of ${p.value} inch.`,
    (p, s) => `only the first line of the '${s}' paragraph should be pushed in, ${p.value} inch`,
  ],
  refinedSteps: (p, s) => [
    `1. Select the paragraph that starts with '${s}'.`,
    '2. On the **Home** tab, in the **Paragraph** group, select the **Paragraph Settings** dialog box launcher.',
    "3. On the **Indents and Spacing** tab, under **Special**, select 'First line'.",
    `4. In the **By** box, type '${p.value}"'.`,
    '5. Select **OK**.',
  ],
  oracle: (p) => [
    click('Paragraph Settings'),
    click('Special:'),
    click('First line'),
    setText('By:', `${p.value}"`),
    click('OK'),
  ],
});

// ---------------------------------------------------------------------------------------------------------
// Line spacing of the whole document.

interface SpacingParams extends Record<string, unknown> {
  paragraphs: string[];
  spacing: string;
}

const lineSpacingFamily: TaskFamily<SpacingParams> = {
  id: 'word.line-spacing-document',
  app: 'word',
  difficulty: 'medium',
  sample: (rng) => ({
    paragraphs: sampleDoc(rng).paragraphs,
    spacing: pick(rng, ['1.0', '1.5', '2.0', '3.0']),
  }),
  phrasings: [
    (p) => `Set the line spacing of the whole document to ${p.spacing}.`,
    (p) =>
      `Change the document to ${p.spacing === '1.0' ? 'single' : p.spacing === '2.0' ? 'double' : p.spacing} line spacing.`,
    (p) =>
      p.spacing === '1.0'
        ? 'the lines are too far apart, make the whole thing single spaced'
        : `space out all the lines in this document, ${p.spacing} spacing please`,
  ],
  template: (p) => ({ body: p.paragraphs }),
  refinedSteps: (p) => [
    '1. Select the whole document: press **Ctrl+A**.',
    '2. On the **Home** tab, in the **Paragraph** group, select **Line and Paragraph Spacing**.',
    `3. Select '${p.spacing}'.`,
  ],
  oracle: (p) => [keys('^a'), click('Line and Paragraph Spacing'), click(p.spacing)],
  evaluate(p, evidence) {
    const after = paras(evidence.final);
    const want = Number(p.spacing);
    const all =
      after.length > 0 &&
      after.every(
        (para) =>
          Math.abs(((para.line_spacing as number | undefined) ?? NORMAL_LINE_SPACING) - want) < 0.01 &&
          (para.line_rule ?? 'auto') === 'auto',
      );
    return verdict(
      {
        [`every paragraph has ${p.spacing} line spacing`]: all,
        ...collateral(evidence, { para: (_i, key) => key === 'line_spacing' || key === 'line_rule' }),
      },
      `the document has ${p.spacing} line spacing and nothing else changed`,
    );
  },
};

// ---------------------------------------------------------------------------------------------------------
// Bulleted and numbered lists.

interface ListParams extends Record<string, unknown> {
  intro: string;
  items: string[];
  outro: string;
}

/** `ordered` topics are steps: their items keep their order even in a bulleted list. */
const LIST_TOPICS: readonly { intro: string; items: readonly string[]; ordered?: boolean }[] = [
  {
    intro: 'Please bring the following to the workshop:',
    items: ['A charged laptop', 'Your employee badge', 'A notebook and pen', 'Headphones', 'A water bottle'],
  },
  {
    intro: 'The new release includes these changes:',
    items: ['Faster search', 'A dark theme', 'Offline mode', 'Shared folders', 'Better printing'],
  },
  {
    ordered: true,
    intro: 'Steps to reset your password:',
    items: [
      'Open the sign-in page',
      'Choose Forgot password',
      'Enter your email address',
      'Follow the link in the email',
      'Pick a new password',
    ],
  },
];
const OUTROS = [
  'Contact the help desk with any questions.',
  'Thank you for your patience.',
  'See you there.',
];

function listFamily(kind: 'bullet' | 'number'): TaskFamily<ListParams> {
  const button = kind === 'bullet' ? 'Bullets' : 'Numbering';
  const noun = kind === 'bullet' ? 'bulleted list' : 'numbered list';
  const span = (p: ListParams): string => `'${p.items[0]!}' to '${p.items[p.items.length - 1]!}'`;
  return {
    id: `word.${kind === 'bullet' ? 'bulleted' : 'numbered'}-list`,
    app: 'word',
    difficulty: 'easy',
    sample(rng) {
      const topic = pick(rng, LIST_TOPICS);
      const n = 3 + rng.integers(3);
      const items =
        kind === 'number' || topic.ordered === true
          ? topic.items.slice(0, n)
          : shuffled(rng, topic.items).slice(0, n);
      return { intro: topic.intro, items, outro: pick(rng, OUTROS) };
    },
    phrasings: [
      (p) => `Turn the lines from ${span(p)} into a ${noun}.`,
      (p) => `Format the ${p.items.length} lines after '${p.intro}' as a ${noun}.`,
      (p) =>
        kind === 'bullet'
          ? `put bullet points in front of the items under '${p.intro}'`
          : `number the steps under '${p.intro}' 1, 2, 3...`,
    ],
    template: (p) => ({ body: [p.intro, ...p.items, p.outro] }),
    refinedSteps: (p) => [
      `1. Select the lines from '${p.items[0]!}' to '${p.items[p.items.length - 1]!}'.`,
      `2. On the **Home** tab, in the **Paragraph** group, select **${button}**.`,
    ],
    oracle: (p) => [
      {
        function: 'select_paragraph',
        args: { start_index: 2, end_index: p.items.length + 1, non_empty: true },
      },
      click(button),
    ],
    evaluate(p, evidence) {
      const after = paras(evidence.final);
      const isItem = (i: number): boolean => i >= 1 && i <= p.items.length;
      const lists = p.items.map(
        (_, k) => after[k + 1]?.list as { kind?: string; label?: string } | undefined,
      );
      // Numbered items must count on (1. 2. 3.), not restart at 1 as separate lists would.
      const labels = new Set(lists.map((l) => l?.label));
      const listed =
        lists.every((l) => l?.kind === kind) && (kind === 'bullet' || labels.size === p.items.length);
      return verdict(
        {
          [`the ${p.items.length} lines are a ${noun}`]: listed,
          'the lines around them are not in the list': after.every(
            (para, i) => isItem(i) || para.list === undefined,
          ),
          ...collateral(evidence, {
            // A list item takes the List Paragraph style and the list's own indents.
            para: (i, key) =>
              isItem(i) && ['list', 'style', 'indent_left', 'indent_first_line', 'space_after'].includes(key),
          }),
        },
        `the lines are a ${noun} and nothing else changed`,
      );
    },
  };
}

function sampleList(rng: Generator): ListParams {
  const topic = pick(rng, LIST_TOPICS);
  const n = 3 + rng.integers(3);
  const items = topic.ordered === true ? topic.items.slice(0, n) : shuffled(rng, topic.items).slice(0, n);
  return { intro: topic.intro, items, outro: pick(rng, OUTROS) };
}

const bulletedTemplate = (p: ListParams): Record<string, unknown> => ({
  body: [p.intro, ...p.items.map((text) => ({ text, list: 'bullet' })), p.outro],
});

const removeBulletsFamily: TaskFamily<ListParams> = {
  id: 'word.remove-bullets',
  app: 'word',
  difficulty: 'easy',
  sample: sampleList,
  phrasings: [
    (p) => `Remove the bullets from the list under '${p.intro}' but keep the text.`,
    (p) =>
      `Turn the bulleted list from '${p.items[0]!}' to '${p.items[p.items.length - 1]!}' back into plain paragraphs.`,
    (p) => `get rid of the bullet points under '${p.intro}'`,
  ],
  template: bulletedTemplate,
  refinedSteps: (p) => [
    `1. Select the list, from '${p.items[0]!}' to '${p.items[p.items.length - 1]!}'.`,
    '2. On the **Home** tab, in the **Paragraph** group, select **Bullets** to turn the bullets off.',
  ],
  oracle: (p) => [
    {
      function: 'select_paragraph',
      args: { start_index: 2, end_index: p.items.length + 1, non_empty: true },
    },
    click('Bullets'),
  ],
  evaluate(p, evidence) {
    const isItem = (i: number): boolean => i >= 1 && i <= p.items.length;
    return verdict(
      {
        'no paragraph has a bullet': paras(evidence.final).every((para) => para.list === undefined),
        ...collateral(evidence, {
          // The former items may lose the List Paragraph style and its indent with the bullets.
          para: (i, key) =>
            isItem(i) && ['list', 'style', 'indent_left', 'indent_first_line', 'space_after'].includes(key),
        }),
      },
      'the bullets are gone and the text is kept',
    );
  },
};

interface SubItemParams extends ListParams {
  /** 1-based index of the item to demote (never the first: it needs an item above it). */
  item: number;
}

const subItemFamily: TaskFamily<SubItemParams> = {
  id: 'word.list-sub-item',
  app: 'word',
  difficulty: 'medium',
  sample(rng) {
    const list = sampleList(rng);
    return { ...list, item: 1 + rng.integers(list.items.length - 1) };
  },
  phrasings: [
    (p) =>
      `Demote the list item '${p.items[p.item]!}' one level, so it is a sub-item of '${p.items[p.item - 1]!}'.`,
    (p) => `Make '${p.items[p.item]!}' a second-level bullet.`,
    (p) => `indent the '${p.items[p.item]!}' bullet so it sits under '${p.items[p.item - 1]!}'`,
  ],
  template: bulletedTemplate,
  refinedSteps: (p) => [
    `1. Select the list item '${p.items[p.item]!}'.`,
    '2. On the **Home** tab, in the **Paragraph** group, select **Increase Indent**.',
  ],
  oracle: (p) => [selectPara(p.item + 2), click('Increase Indent')],
  evaluate(p, evidence) {
    const level = (para: Para | undefined): unknown => (para?.list as { level?: number } | undefined)?.level;
    const target = p.item + 1;
    return verdict(
      {
        [`'${p.items[p.item]!}' is a level-2 list item`]: level(paras(evidence.final)[target]) === 1,
        // The bullet symbol and label of a demoted item change with its level.
        ...collateral(evidence, { para: (i, key) => i === target && key === 'list' }),
      },
      'the item is one level down and nothing else changed',
    );
  },
};

// ---------------------------------------------------------------------------------------------------------
// Styles: Heading 1, Heading 2, Title.

interface StyleParams extends Record<string, unknown> {
  paragraphs: string[];
  target: number;
  style: string;
}

const HEADINGS = [
  'Project Update',
  'Next Steps',
  'Budget Overview',
  'Team News',
  'Open Questions',
  'Summary',
];

const styleFamily: TaskFamily<StyleParams> = {
  id: 'word.apply-style',
  app: 'word',
  difficulty: 'easy',
  sample(rng) {
    const doc = sampleDoc(rng, 2, 2);
    const heading = pick(rng, HEADINGS);
    const style = pick(rng, ['Heading 1', 'Heading 2', 'Title']);
    // Title goes on the first line; a heading somewhere in the body.
    const target = style === 'Title' ? 0 : rng.integers(doc.paragraphs.length + 1);
    const paragraphs = [...doc.paragraphs];
    paragraphs.splice(target, 0, heading);
    return { paragraphs, target, style };
  },
  phrasings: [
    (p) => `Apply the ${p.style} style to the line '${p.paragraphs[p.target]!}'.`,
    (p) => `Format '${p.paragraphs[p.target]!}' with the ${p.style} style.`,
    (p) =>
      p.style === 'Title'
        ? `make '${p.paragraphs[p.target]!}' look like the document title`
        : `'${p.paragraphs[p.target]!}' should be a ${p.style === 'Heading 1' ? 'main' : 'sub'} heading (${p.style})`,
  ],
  template: (p) => ({ body: p.paragraphs }),
  refinedSteps: (p) => [
    `1. Select the line '${p.paragraphs[p.target]!}'.`,
    p.style === 'Title'
      ? "2. On the **Home** tab, in the **Styles** group, select **More** and then select 'Title'."
      : `2. On the **Home** tab, in the **Styles** group, select '${p.style}'.`,
  ],
  oracle: (p) => [
    selectPara(p.target + 1),
    ...(p.style === 'Title' ? [click('More'), click('Title')] : [click(p.style)]),
  ],
  evaluate(p, evidence) {
    const after = paras(evidence.final);
    const now = after[p.target];
    return verdict(
      {
        [`'${p.paragraphs[p.target]!}' has the ${p.style} style`]: now?.style === p.style,
        // The style brings its own font, size, colour and spacing: only the styled paragraph may change them.
        ...collateral(evidence, { char: (i) => i === p.target, para: (i) => i === p.target }),
      },
      `the line has the ${p.style} style and nothing else changed`,
    );
  },
};

// ---------------------------------------------------------------------------------------------------------
// Format Painter: copy the formatting of one phrase to another.

interface PainterParams extends Record<string, unknown> {
  paragraphs: string[];
  source: string;
  target: string;
  /** The source's formatting (builder keys). */
  format: Props;
}

const LABELS = ['Important:', 'Reminder:', 'Note:', 'Deadline:', 'Update:', 'Action item:'];
const PAINTER_FORMATS: readonly Props[] = [
  { bold: true, color: 'C00000' },
  { italic: true, underline: 'single', color: '0070C0' },
  { bold: true, size: 14, font: 'Georgia' },
  { highlight: 'yellow', bold: true },
];

const formatPainterFamily: TaskFamily<PainterParams> = {
  id: 'word.format-painter',
  app: 'word',
  difficulty: 'medium',
  sample(rng) {
    const [source, target] = shuffled(rng, LABELS);
    const bodies = shuffled(rng, SENTENCES)
      .slice(0, 3)
      .map(([s]) => s);
    const paragraphs = [`${source!} ${bodies[0]!}`, bodies[1]!, `${target!} ${bodies[2]!}`];
    return { paragraphs, source: source!, target: target!, format: pick(rng, PAINTER_FORMATS) };
  },
  phrasings: [
    (p) => `Use Format Painter to copy the formatting of '${p.source}' to '${p.target}'.`,
    (p) => `Make '${p.target}' look exactly like '${p.source}'.`,
    (p) => `copy the style of the '${p.source}' label onto the '${p.target}' label`,
  ],
  template: (p) => ({
    body: [
      { runs: [{ text: p.source, ...p.format }, p.paragraphs[0]!.slice(p.source.length)] },
      p.paragraphs[1]!,
      p.paragraphs[2]!,
    ],
  }),
  refinedSteps: (p) => [
    `1. Select the text '${p.source}'.`,
    '2. On the **Home** tab, in the **Clipboard** group, select **Format Painter**.',
    `3. Select the text '${p.target}' to paint the formatting on it.`,
  ],
  oracle: (p) => [selectText(p.source), click('Format Painter'), selectText(p.target)],
  evaluate(p, evidence) {
    const before = paras(evidence.initial);
    const after = paras(evidence.final);
    const want = before[0] === undefined ? undefined : charProps(before[0])[0];
    const last = after.length - 1;
    const at = after[last]?.text.indexOf(p.target) ?? -1;
    const painted =
      want !== undefined &&
      at === 0 &&
      charProps(after[last]!)
        .slice(0, p.target.length)
        .every((props) => same(props, want));
    return verdict(
      {
        [`'${p.target}' has the formatting of '${p.source}'`]: painted,
        ...collateral(evidence, { char: (i, c) => i === last && c < p.target.length }),
      },
      `'${p.target}' looks like '${p.source}' and nothing else changed`,
    );
  },
};

// ---------------------------------------------------------------------------------------------------------
// Questions answered with `summary`.

function unchanged(evidence: EpisodeEvidence): boolean {
  return Object.values(collateral(evidence, {})).every(Boolean);
}

function mentions(answers: string[], word: string): boolean {
  const re = new RegExp(`(^|[^\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'iu');
  return answers.some((a) => re.test(a));
}

interface BoldParams extends Record<string, unknown> {
  paragraphs: string[];
  /** [paragraph, word] of the bold, italic and underlined words. */
  bold: [number, string];
  italic: [number, string];
  underline: [number, string];
}

/** A word of the sentence that occurs once in the document and is long enough to be a real answer. */
function wordsOf(sentence: string): string[] {
  return sentence
    .replace(/[.,]/g, '')
    .split(' ')
    .filter((w) => w.length >= 5);
}

const whichBoldFamily: TaskFamily<BoldParams> = {
  id: 'word.which-word-bold',
  app: 'word',
  difficulty: 'easy',
  sample(rng) {
    const paragraphs = shuffled(rng, SENTENCES)
      .slice(0, 3)
      .map(([s]) => s);
    const [b, i, u] = shuffled(rng, [0, 1, 2]) as [number, number, number];
    const all = paragraphs.join(' ');
    const unique = (k: number): string => {
      const ws = wordsOf(paragraphs[k]!).filter((w) => all.split(w).length === 2);
      return pick(rng, ws);
    };
    return { paragraphs, bold: [b, unique(b)], italic: [i, unique(i)], underline: [u, unique(u)] };
  },
  phrasings: [
    () => 'Which word in the document is bold?',
    () => 'Find the bold word in this document and tell me what it is.',
    () => 'one word here is in bold, which one is it?',
  ],
  template: (p) => ({
    body: p.paragraphs.map((text, k) => {
      const mark = (
        [
          [p.bold, { bold: true }],
          [p.italic, { italic: true }],
          [p.underline, { underline: 'single' }],
        ] as const
      ).find(([[at]]) => at === k)!;
      const [[, word], format] = mark;
      const at = text.indexOf(word);
      return {
        runs: [text.slice(0, at), { text: word, ...format }, text.slice(at + word.length)].filter(
          (r) => r !== '',
        ),
      };
    }),
  }),
  refinedSteps: () => [
    '1. Look through the document for text in bold.',
    '2. Select it and check that **Bold** on the **Home** tab is on.',
    '3. Answer with the bold word.',
  ],
  oracle: (p) => [summary(`The bold word is '${p.bold[1]}'.`)],
  evaluate(p, evidence) {
    return verdict(
      {
        [`the answer names '${p.bold[1]}'`]: mentions(evidence.answers, p.bold[1]),
        'the answer does not name the italic or underlined word': !(
          mentions(evidence.answers, p.italic[1]) || mentions(evidence.answers, p.underline[1])
        ),
        'the document is unchanged': unchanged(evidence),
      },
      `answered '${p.bold[1]}'`,
    );
  },
};

interface FontQuestionParams extends DocParams {
  font: string;
  /** Another paragraph in another font, which the answer must not name. */
  other: number;
  otherFont: string;
}

const QUESTION_FONTS = ['Georgia', 'Verdana', 'Courier New', 'Times New Roman', 'Arial', 'Cambria'];

const fontQuestionFamily: TaskFamily<FontQuestionParams> = {
  id: 'word.which-font-paragraph',
  app: 'word',
  difficulty: 'easy',
  sample(rng) {
    const doc = sampleDoc(rng);
    const [font, otherFont] = shuffled(rng, QUESTION_FONTS);
    const other = (doc.target + 1 + rng.integers(doc.paragraphs.length - 1)) % doc.paragraphs.length;
    return { ...doc, font: font!, other, otherFont: otherFont! };
  },
  phrasings: [
    (p) => `What font is the paragraph that starts with '${opening(p.paragraphs[p.target]!)}' in?`,
    (p) => `Which font does the paragraph beginning '${opening(p.paragraphs[p.target]!)}' use?`,
    (p) => `what's the font on the '${opening(p.paragraphs[p.target]!)}' paragraph?`,
  ],
  template: (p) => ({
    body: p.paragraphs.map((text, i) =>
      i === p.target
        ? { text, format: { font: p.font } }
        : i === p.other
          ? { text, format: { font: p.otherFont } }
          : text,
    ),
  }),
  refinedSteps: (p) => [
    `1. Select the paragraph that starts with '${opening(p.paragraphs[p.target]!)}'.`,
    '2. On the **Home** tab, in the **Font** group, read the name in the **Font** box.',
    '3. Answer with the font name.',
  ],
  oracle: (p) => [selectPara(p.target + 1), summary(`The paragraph is in ${p.font}.`)],
  evaluate(p, evidence) {
    return verdict(
      {
        [`the answer names ${p.font}`]: mentions(evidence.answers, p.font),
        [`the answer does not name ${p.otherFont} or Calibri`]: !(
          mentions(evidence.answers, p.otherFont) || mentions(evidence.answers, 'Calibri')
        ),
        'the document is unchanged': unchanged(evidence),
      },
      `answered ${p.font}`,
    );
  },
};

interface CountStartParams extends Record<string, unknown> {
  paragraphs: string[];
  word: string;
  count: number;
}

/** Sentences by their first word; the other openings share no prefix with these words. */
const STARTERS: Readonly<Record<string, readonly string[]>> = {
  Please: [
    'Please lock the door when you leave.',
    'Please file your timesheet by Friday.',
    'Please keep the kitchen tidy.',
    'Please report broken equipment to facilities.',
  ],
  Our: [
    'Our office moves to the fifth floor next month.',
    'Our customers asked for clearer invoices.',
    'Our new intern starts on Monday.',
    'Our suppliers raised their prices.',
  ],
  Remember: [
    'Remember to back up your files.',
    'Remember that parking is limited this week.',
    'Remember the fire drill on Thursday.',
    'Remember to badge in at the front desk.',
  ],
};
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

const countStartFamily: TaskFamily<CountStartParams> = {
  id: 'word.count-paragraphs-starting',
  app: 'word',
  difficulty: 'medium',
  sample(rng) {
    const words = shuffled(rng, Object.keys(STARTERS));
    const word = words[0]!;
    const count = 1 + rng.integers(4);
    const others = [...STARTERS[words[1]!]!, ...STARTERS[words[2]!]!];
    const paragraphs = shuffled(rng, [
      ...shuffled(rng, STARTERS[word]!).slice(0, count),
      ...shuffled(rng, others).slice(0, 2 + rng.integers(3)),
    ]);
    return { paragraphs, word, count };
  },
  phrasings: [
    (p) => `How many paragraphs in this document start with the word '${p.word}'?`,
    (p) => `Count the paragraphs that begin with '${p.word}'.`,
    (p) => `how many lines here open with "${p.word}"?`,
  ],
  template: (p) => ({ body: p.paragraphs }),
  refinedSteps: (p) => [
    `1. Read the first word of each paragraph and count those that are '${p.word}'.`,
    '2. Answer with the number of paragraphs.',
  ],
  oracle: (p) => [summary(`${p.count} paragraphs start with '${p.word}'.`)],
  evaluate(p, evidence) {
    // The number given as digits or in words; another number in the same answer makes it ambiguous.
    const numbers = evidence.answers.flatMap((a) =>
      [...a.toLowerCase().matchAll(/\d+|\b[a-z]+\b/g)]
        .map((m) => (/^\d+$/.test(m[0]) ? Number(m[0]) : NUMBER_WORDS.indexOf(m[0])))
        .filter((n) => n >= 0),
    );
    return verdict(
      {
        [`the answer says ${p.count}`]: numbers.length > 0 && numbers.every((n) => n === p.count),
        'the document is unchanged': unchanged(evidence),
      },
      `answered ${p.count}`,
    );
  },
};

// ---------------------------------------------------------------------------------------------------------
// Infeasible by design: Copilot needs a Microsoft 365 Copilot licence and an online service this Word lacks.

const copilotFamily: TaskFamily<DocParams> = {
  id: 'word.copilot-rewrite',
  app: 'word',
  difficulty: 'easy',
  infeasible: true,
  sample: (rng) => sampleDoc(rng),
  phrasings: [
    (p) =>
      `Use Copilot to rewrite the paragraph that starts with '${opening(p.paragraphs[p.target]!)}' in a more formal tone.`,
    (p) =>
      `Ask Copilot to make the paragraph beginning '${opening(p.paragraphs[p.target]!)}' sound more professional.`,
    (p) => `have copilot reword the '${opening(p.paragraphs[p.target]!)}' paragraph for me`,
  ],
  template: (p) => ({ body: p.paragraphs }),
  refinedSteps: () => [
    '1. Look for **Copilot** on the **Home** tab: it is not there (Copilot needs a Microsoft 365 Copilot licence and a connection to its online service).',
    '2. Report that the task cannot be done in this Word.',
  ],
  oracle: () => [failStep()],
  evaluate(_p, evidence: EpisodeEvidence) {
    return verdict(
      {
        'the agent reported the task as infeasible (FAIL)': evidence.status === 'FAIL',
        'the document is unchanged': unchanged(evidence),
      },
      'reported that Copilot is not available and left the document alone',
    );
  },
};

export const WORD_FORMAT_FAMILIES: TaskFamily<Record<string, unknown>>[] = [
  fontFamily,
  fontSizeFamily,
  fontColorFamily,
  highlightFamily,
  strikeFamily,
  doubleUnderlineFamily,
  scriptFamily('subscript'),
  scriptFamily('superscript'),
  uppercaseFamily,
  capitalizeFamily,
  clearFormattingFamily,
  alignFamily,
  lineSpacingFamily,
  spaceBeforeFamily,
  spaceAfterFamily,
  leftIndentFamily,
  firstLineFamily,
  listFamily('bullet'),
  listFamily('number'),
  removeBulletsFamily,
  subItemFamily,
  styleFamily,
  formatPainterFamily,
  whichBoldFamily,
  fontQuestionFamily,
  countStartFamily,
  copilotFamily,
] as unknown as TaskFamily<Record<string, unknown>>[];
