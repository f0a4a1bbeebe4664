/**
 * Home > Clipboard > Format Painter, Copy/Paste Formatting (Ctrl+Shift+C/V), the All caps / Small caps keys and
 * the style shortcuts (Ctrl+Alt+1/2/3, Ctrl+Shift+N).
 */
import { describe, expect, it } from 'vitest';
import { driver, para } from './helpers.ts';

const DOC = {
  document: {
    body: [
      { runs: [{ text: 'Alpha', bold: true, color: 'FF0000', size: 14 }, ' plain text'] },
      'Beta gamma delta',
    ],
  },
};

describe('Word: Format Painter and formatting shortcuts', () => {
  it('Format Painter picks up the selection and paints the next selection once', () => {
    const d = driver(DOC);
    d.call('select_text', { text: 'Alpha' });
    d.act('Format Painter');
    expect(d.obs.controls.find((c) => c.control_text === 'Format Painter')?.selected).toBe(true);
    // Keyboard selection does not paint, as in Word.
    d.keys('+{RIGHT}');
    expect(para(d, 1).runs).toBeUndefined();
    const info = d.call('select_text', { text: 'gamma' });
    expect(info.error).toBeUndefined();
    expect(para(d, 1).runs).toEqual([
      { text: 'Beta ' },
      { text: 'gamma', size: 14, bold: true, color: 'FF0000' },
      { text: ' delta' },
    ]);
    // The painter is off again: the next selection keeps its formatting.
    expect(d.obs.controls.find((c) => c.control_text === 'Format Painter')?.selected).toBe(false);
    d.call('select_text', { text: 'delta' });
    expect(JSON.stringify(para(d, 1).runs)).toContain('{"text":" delta"}');
  });

  it('clicking Format Painter again turns it off without painting', () => {
    const d = driver(DOC);
    d.call('select_text', { text: 'Alpha' });
    d.act('Format Painter');
    d.act('Format Painter');
    d.call('select_text', { text: 'Beta' });
    expect(para(d, 1).runs).toBeUndefined();
  });

  it('painting replaces the target formatting (plain source onto bold text)', () => {
    const d = driver(DOC);
    d.call('select_text', { text: 'plain' });
    d.act('Format Painter');
    d.call('select_text', { text: 'Alpha' });
    expect(para(d, 0).runs).toBeUndefined();
  });

  it('Ctrl+Shift+C copies formatting and Ctrl+Shift+V pastes it, without arming the painter', () => {
    const d = driver(DOC);
    expect(d.call('keyboard_input', { keys: '^+v' }).error).toMatch(/copy formatting first/);
    d.call('select_text', { text: 'Alpha' });
    d.keys('^+c');
    d.call('select_text', { text: 'Beta' });
    expect(para(d, 1).runs).toBeUndefined();
    d.keys('^+v');
    expect(para(d, 1).runs).toEqual([
      { text: 'Beta', size: 14, bold: true, color: 'FF0000' },
      { text: ' gamma delta' },
    ]);
    d.call('select_text', { text: 'delta' });
    d.keys('^+v');
    expect(JSON.stringify(para(d, 1).runs)).toContain(
      '{"text":"delta","size":14,"bold":true,"color":"FF0000"}',
    );
  });

  it('Ctrl+Shift+A toggles All caps and Ctrl+Shift+K Small caps', () => {
    const d = driver(DOC);
    d.call('select_text', { text: 'gamma' });
    d.keys('^+a');
    expect(para(d, 1).runs).toContainEqual({ text: 'gamma', all_caps: true });
    d.keys('^+k');
    expect(para(d, 1).runs).toContainEqual({ text: 'gamma', small_caps: true });
    d.keys('^+k');
    expect(para(d, 1).runs).toBeUndefined();
  });

  it('Ctrl+Alt+1/2/3 apply Heading 1/2/3 and Ctrl+Shift+N goes back to Normal', () => {
    const d = driver(DOC);
    d.call('select_paragraph', { start_index: 2, end_index: 2 });
    d.keys('^%1');
    expect(para(d, 1).style).toBe('Heading 1');
    d.keys('^%3');
    expect(para(d, 1).style).toBe('Heading 3');
    d.keys('^+n');
    expect(para(d, 1)).toEqual({ type: 'paragraph', n: 2, text: 'Beta gamma delta', style: 'Normal' });
  });
});
