import { describe, expect, it } from 'vitest';
import { driver } from './helpers.ts';

interface ShapeJson {
  type: string;
  text?: string;
}
const shapes = (d: ReturnType<typeof driver>): ShapeJson[] =>
  (d.canvas().body as { shapes?: ShapeJson[] }[]).flatMap((b) => b.shapes ?? []);

describe('Insert > Text Box leaves the caret in the new box', () => {
  it('Draw Text Box: typing fills the box, Esc goes back to the body, Undo removes the typing', () => {
    const d = driver({ document: { body: ['Alpha one', 'Beta two'], selection: 'end' } });
    d.act('Insert');
    d.act('Text Box');
    d.act('Draw Text Box');
    expect((d.canvas().selection as { story: string }).story).toMatch(/^shape:/);
    d.keys('Call{SPACE}us');
    expect(shapes(d)).toEqual([expect.objectContaining({ type: 'text_box', text: 'Call us' })]);
    d.keys('^z');
    expect(shapes(d)[0]!.text).toBeUndefined();
    d.keys('Hi');
    d.keys('{ESC}');
    expect((d.canvas().selection as { story: string }).story).toBe('body');
    expect((d.canvas().body as { text: string }[]).map((b) => b.text).slice(0, 2)).toEqual([
      'Alpha one',
      'Beta two',
    ]);
    expect(shapes(d)[0]!.text).toBe('Hi');
  });

  it('Simple Text Box: its sample text is selected, so typing replaces it', () => {
    const d = driver({ document: { body: ['Alpha one'] } });
    d.act('Insert');
    d.act('Text Box');
    d.act('Simple Text Box');
    expect((d.canvas().selection as { text: string }).text).toBe('');
    d.keys('Quote');
    expect(shapes(d)).toEqual([expect.objectContaining({ type: 'text_box', text: 'Quote' })]);
  });
});
