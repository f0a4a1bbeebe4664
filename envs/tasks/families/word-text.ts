/** Word families about text: character formatting of a phrase, and a word-count question. */
import type { Generator } from 'gymnasium-ts';
import type { EpisodeEvidence, Evaluation, TaskFamily } from '../family.ts';
import { click, pick, selectText, summary } from './kit.ts';

interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: unknown;
}
interface Paragraph {
  type: string;
  text: string;
  runs?: Run[];
}
interface WordCanvas {
  body: Paragraph[];
}

const SUBJECTS = [
  'quarterly report',
  'budget review',
  'project timeline',
  'team meeting',
  'launch plan',
  'customer survey',
];
const VERBS = [
  'is ready for review',
  'was approved on Monday',
  'needs one more pass',
  'is attached below',
  'starts next week',
];
const FILLER = [
  'Please read it before Friday.',
  'Questions go to the project office.',
  'The numbers are final.',
  'Thanks to everyone involved.',
];

export interface PhraseParams extends Record<string, unknown> {
  paragraphs: string[];
  phrase: string;
}

function samplePhrase(rng: Generator): PhraseParams {
  const phrase = pick(rng, SUBJECTS);
  const target = `The ${phrase} ${pick(rng, VERBS)}.`;
  const others = Array.from({ length: 1 + rng.integers(3) }, () => pick(rng, FILLER));
  const at = rng.integers(others.length + 1);
  const paragraphs = [...others.slice(0, at), target, ...others.slice(at)];
  return { paragraphs, phrase };
}

function body(canvas: unknown): Paragraph[] {
  return ((canvas as WordCanvas | null)?.body ?? []).filter((b) => b.type === 'paragraph');
}

type CharFormat = 'bold' | 'italic' | 'underline';
const BUTTON: Record<CharFormat, string> = { bold: 'Bold', italic: 'Italic', underline: 'Underline' };

/** Which characters of a paragraph carry the format. */
function formattedMask(p: Paragraph, format: CharFormat): boolean[] {
  const mask: boolean[] = [];
  for (const run of p.runs ?? [{ text: p.text }]) {
    const on = Boolean(run[format]);
    for (let i = 0; i < run.text.length; i++) mask.push(on);
  }
  return mask;
}

export function charFormatFamily(format: CharFormat): TaskFamily<PhraseParams> {
  const button = BUTTON[format];
  return {
    id: `word.${format}-phrase`,
    app: 'word',
    difficulty: 'easy',
    sample: samplePhrase,
    phrasings: [
      (p) => `Make the text '${p.phrase}' ${format}.`,
      (p) => `Apply ${format} formatting to '${p.phrase}' in the document.`,
      (p) => `Format the words '${p.phrase}' so they stand out in ${format}.`,
    ],
    template: (p) => ({ body: p.paragraphs }),
    refinedSteps: (p) => [
      `1. Select the text '${p.phrase}'.`,
      `2. On the **Home** tab, in the **Font** group, select **${button}**.`,
    ],
    oracle: (p) => [selectText(p.phrase), click(button)],
    evaluate(p, evidence: EpisodeEvidence): Evaluation {
      const before = body(evidence.initial);
      const after = body(evidence.final);
      const textKept = before.length === after.length && before.every((b, i) => b.text === after[i]?.text);
      let target = 'no';
      let collateral = 'no';
      after.forEach((para, i) => {
        const mask = formattedMask(para, format);
        const was = before[i] === undefined ? mask.map(() => false) : formattedMask(before[i], format);
        const start = para.text.indexOf(p.phrase);
        for (let c = 0; c < mask.length; c++) {
          const inPhrase = start >= 0 && c >= start && c < start + p.phrase.length;
          if (!inPhrase && mask[c] !== was[c]) collateral = 'yes';
        }
        if (start >= 0 && mask.slice(start, start + p.phrase.length).every(Boolean)) target = 'yes';
      });
      const sub_scores: Record<string, 'yes' | 'no'> = {
        [`'${p.phrase}' is ${format}`]: target === 'yes' ? 'yes' : 'no',
        'the text is unchanged': textKept ? 'yes' : 'no',
        [`nothing else became ${format}`]: collateral === 'no' ? 'yes' : 'no',
      };
      const success = Object.values(sub_scores).every((v) => v === 'yes');
      const failed = Object.entries(sub_scores)
        .filter(([, v]) => v === 'no')
        .map(([k]) => k);
      return {
        success,
        sub_scores,
        reason: success
          ? `'${p.phrase}' is ${format} and nothing else changed`
          : `not met: ${failed.join('; ')}`,
      };
    },
  };
}

export interface CountParams extends Record<string, unknown> {
  paragraphs: string[];
  words: number;
}

/** A question task answered with `summary`: how many words the document has (Word's own count rule: spaces). */
export const wordCountFamily: TaskFamily<CountParams> = {
  id: 'word.count-words',
  app: 'word',
  difficulty: 'easy',
  sample(rng) {
    const paragraphs = Array.from(
      { length: 2 + rng.integers(3) },
      () => `The ${pick(rng, SUBJECTS)} ${pick(rng, VERBS)}. ${pick(rng, FILLER)}`,
    );
    const words = paragraphs.reduce((n, p) => n + p.split(/\s+/).filter((w) => w !== '').length, 0);
    return { paragraphs, words };
  },
  phrasings: [
    () => 'How many words does this document contain?',
    () => 'Find the word count of the document.',
    () => 'Check how long the document is, in words.',
  ],
  template: (p) => ({ body: p.paragraphs }),
  refinedSteps: () => ['1. On the **Review** tab, select **Word Count**.', '2. Read the number of words.'],
  oracle: (p) => [summary(`The document contains ${p.words} words.`)],
  evaluate(p, evidence) {
    const answered = evidence.answers.some((a) => new RegExp(`(^|\\D)${p.words}(\\D|$)`).test(a));
    const before = body(evidence.initial).map((b) => b.text);
    const after = body(evidence.final).map((b) => b.text);
    const kept = before.length === after.length && before.every((t, i) => t === after[i]);
    const sub_scores: Record<string, 'yes' | 'no'> = {
      [`the answer says ${p.words} words`]: answered ? 'yes' : 'no',
      'the document is unchanged': kept ? 'yes' : 'no',
    };
    const success = answered && kept;
    return {
      success,
      sub_scores,
      reason: success ? `answered ${p.words} words` : `expected an answer with ${p.words} words and no edits`,
    };
  },
};
