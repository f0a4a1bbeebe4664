/** Fuzzy control matching: normalisation, the score components, strategies, and ranking on a live view. */
import { describe, expect, it } from 'vitest';
import {
  bestControl,
  matchControls,
  normaliseControlText,
  partialRatio,
  ratio,
  scoreControlText,
  tokenCoverage,
  type ObservedControl,
} from '../../envs/office/index.ts';
import { driver } from './helpers.ts';

const rect = { left: 0, top: 0, right: 10, bottom: 10 };
const control = (
  label: string,
  control_text: string,
  control_type: ObservedControl['control_type'] = 'Button',
): ObservedControl => ({
  label,
  control_text,
  control_type,
  selected: null,
  rect,
});

const word: ObservedControl[] = [
  control('1', 'Home', 'TabItem'),
  control('2', 'Font Color'),
  control('3', 'Text Highlight Color'),
  control('4', 'Bullets'),
  control('5', 'Numbering'),
  control('6', 'Bold'),
  control('7', ''),
  control('8', 'Font', 'ComboBox'),
  control('9', 'Font Size', 'ComboBox'),
];

describe('fuzzy control matching', () => {
  it('normalises case, punctuation, Markdown bold and ellipses', () => {
    expect(normaliseControlText('  **Custom Watermark...** ')).toBe('custom watermark');
    expect(normaliseControlText('Time/Date')).toBe('time date');
    expect(normaliseControlText('Ｆｏｎｔ')).toBe('font');
  });

  it('ratio and partial ratio follow python-Levenshtein / fuzzywuzzy arithmetic', () => {
    expect(ratio('abcd', 'abcd')).toBe(100);
    expect(ratio('', '')).toBe(100);
    // LCS("kitten", "sitting") = 4: 2·4 / 13.
    expect(ratio('kitten', 'sitting')).toBeCloseTo(800 / 13, 10);
    expect(partialRatio('highlight', 'text highlight color')).toBe(100);
    expect(partialRatio('abc', '')).toBe(0);
    expect(tokenCoverage('page border', 'page borders')).toBe(100);
    expect(tokenCoverage('page colour', 'page color')).toBe(50);
  });

  it('matches the paper\'s example: "Highlight" is the Text Highlight Color button', () => {
    const best = bestControl('Highlight', word);
    expect(best).toMatchObject({ label: '3', control_text: 'Text Highlight Color' });
    expect(best!.partial).toBe(100);
    expect(best!.score).toBeLessThan(100);
    expect(bestControl('the **Bullets** button', word)!.label).toBe('4');
    expect(bestControl('bullets', word)).toMatchObject({ label: '4', score: 100 });
  });

  it('ranks every candidate with its components, best first; empty names never match', () => {
    const ranked = matchControls('Font', word);
    expect(ranked[0]).toMatchObject({ label: '8', score: 100 });
    expect(
      ranked
        .slice(1, 3)
        .map((m) => m.label)
        .sort(),
    ).toEqual(['2', '9']);
    expect(ranked.every((m, i) => i === 0 || m.score <= ranked[i - 1]!.score)).toBe(true);
    expect(ranked.some((m) => m.label === '7')).toBe(false);
    expect(matchControls('Font', word, { types: ['ComboBox'] }).map((m) => m.label)).toEqual(['8', '9']);
    expect(matchControls('Font', word, { limit: 2 })).toHaveLength(2);
    expect(matchControls('Font', word, { minScore: 90 }).map((m) => m.label)).toEqual(['8']);
    expect(bestControl('Insert SmartArt graphic', word, { minScore: 80 })).toBeNull();
  });

  it("UFO's strategies: partial ratio, contains and regex", () => {
    expect(scoreControlText('Highlight', 'Text Highlight Color', 'partial').score).toBe(100);
    expect(scoreControlText('highlight', 'Text Highlight Color', 'partial').score).toBeLessThan(100);
    expect(matchControls('color', word, { strategy: 'contains' }).map((m) => m.label)).toEqual(['2', '3']);
    expect(
      matchControls('^b', word, { strategy: 'regex' })
        .map((m) => m.label)
        .sort(),
    ).toEqual(['4', '6']);
    expect(() => matchControls('(', word, { strategy: 'regex' })).toThrow(
      /"\(" is not a valid regular expression/,
    );
  });

  it('finds controls of a live observation', () => {
    const d = driver();
    expect(bestControl('font size box', d.obs().controls, { types: ['ComboBox'] })).toMatchObject({
      control_text: 'Font Size',
    });
    expect(bestControl('Page setup...', d.obs().controls)).toMatchObject({
      label: d.label('Page Setup'),
      score: 100,
    });
  });
});
