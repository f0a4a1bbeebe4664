import { describe, expect, it } from 'vitest';
import { driver } from './helpers.ts';

const TABLE = {
  document: {
    body: [
      'Before',
      {
        table: [
          ['Region', 'Sales'],
          ['North', '120'],
          ['South', '95'],
        ],
      },
      'After',
    ],
  },
};

const grid = (d: ReturnType<typeof driver>): string[][] =>
  (
    d.body().find((b) => (b as { type: string }).type === 'table') as { cells: { text: string }[][] }
  ).cells.map((r) => r.map((c) => c.text));

describe('Table Layout > Insert Above / Insert Left with a selection made by select_text', () => {
  it('Insert Above adds one empty row above and keeps the selection on the same cell', () => {
    const d = driver(TABLE);
    d.call('select_text', { text: 'South' });
    d.act('Table Layout');
    d.act('Insert Above');
    expect(grid(d)).toEqual([
      ['Region', 'Sales'],
      ['North', '120'],
      ['', ''],
      ['South', '95'],
    ]);
    expect((d.canvas().selection as { text: string }).text).toBe('South');
  });

  it('Insert Left adds one empty column on the left and keeps the selection on the same cell', () => {
    const d = driver(TABLE);
    d.call('select_text', { text: '120' });
    d.act('Table Layout');
    d.act('Insert Left');
    expect(grid(d)).toEqual([
      ['Region', '', 'Sales'],
      ['North', '', '120'],
      ['South', '', '95'],
    ]);
    expect((d.canvas().selection as { text: string }).text).toBe('120');
  });
});

describe('Table Design > Table Styles gallery', () => {
  it('applies an inline style and one from the More list, with their borders', () => {
    const d = driver(TABLE);
    d.call('select_text', { text: 'North' });
    d.act('Table Design');
    d.act('Grid Table Light');
    const table = () =>
      d.body().find((b) => (b as { type: string }).type === 'table') as { style: string; cells: unknown };
    expect(table().style).toBe('Grid Table Light');
    expect(d.has('Grid Table 1 Light')).toBe(false);
    d.act('More');
    d.act('Grid Table 1 Light');
    expect(table().style).toBe('Grid Table 1 Light');
    expect(d.state().doc.styles.GridTable1Light?.table?.borders?.insideH).toMatchObject({ color: '999999' });
    expect(grid(d)[1]).toEqual(['North', '120']);
  });
});
