import { describe, expect, it } from 'vitest';
import { createPresentation } from '../../envs/powerpoint/model/builder.ts';
import { canvasState } from '../../envs/powerpoint/model/canvas.ts';
import {
  arrangeShape,
  deleteShapes,
  deleteTableColumn,
  deleteTableRow,
  insertPicture,
  insertShape,
  insertTable,
  insertTableColumn,
  insertTableRow,
  insertTextBox,
  nudgeShapes,
  selectShapes,
  setShapeFill,
  setShapeGeometry,
  setShapeLine,
  setShapeText,
  setTableCellFill,
  setTableStyle,
} from '../../envs/powerpoint/model/operations/shapes.ts';
import { insertText } from '../../envs/powerpoint/model/operations/text-editing.ts';
import { inches } from '../../envs/powerpoint/model/units.ts';
import type { Presentation } from '../../envs/powerpoint/model/types.ts';
import { expectRefused } from './helpers.ts';

function deck(): Presentation {
  return createPresentation({
    slides: [
      { layout: 'Title and Content', title: 'Data' },
      { layout: 'Picture with Caption', title: 'Photo' },
      { layout: 'Title Only', title: 'Shapes' },
    ],
  });
}

describe('inserting shapes', () => {
  it('a text box is drawn in edit mode, so typing fills it', () => {
    let pres = insertTextBox(deck(), { slideIndex: 2, x: inches(1), y: inches(2) });
    pres = insertText(pres, 'Note');
    const box = canvasState(pres).slides[2]!.shapes[1]!;
    expect(box).toMatchObject({ name: 'TextBox 2', type: 'text box', rect: [1, 2, 3, 0.4] });
    expect(box.text![0]!.runs[0]).toEqual({ text: 'Note', font: 'Calibri', size: 18, color: '#000000' });
  });

  it('shapes by PowerPoint name or alias get the default style and white centred text', () => {
    let pres = insertShape(deck(), { type: 'Arrow: Right', slideIndex: 2, text: 'Go' });
    pres = insertShape(pres, { type: 'circle', slideIndex: 2 });
    const [, arrow, oval] = canvasState(pres).slides[2]!.shapes;
    expect(arrow).toMatchObject({ name: 'Arrow: Right 2', type: 'Arrow: Right', rect: [6.17, 3.25, 1, 1] });
    expect(arrow!.fill).toEqual({ type: 'solid', color: '#4472C4', theme_color: 'accent1' });
    expect(arrow!.line).toEqual({ color: '#203864', width: 1 });
    expect(arrow!.text![0]).toMatchObject({ text: 'Go', align: 'center' });
    expect(arrow!.text![0]!.runs[0]!.color).toBe('#FFFFFF');
    expect(oval!.name).toBe('Oval 3');
    expect(pres.selection.shapeIds).toEqual([oval!.id]);
    expectRefused(
      pres,
      (p) => insertShape(p, { type: 'Blob' }),
      'UNKNOWN_SHAPE_TYPE',
      /unknown shape "Blob".*Rectangle, /,
    );
    expectRefused(
      pres,
      (p) => insertShape(p, { type: 'Oval', width: -5 }),
      'INVALID_ARGUMENT',
      /width must be positive/,
    );
  });

  it('fill, outline, geometry, nudging and z-order', () => {
    let pres = insertShape(deck(), { type: 'Rectangle', slideIndex: 2 });
    const id = pres.selection.shapeIds[0]!;
    pres = setShapeFill(pres, { type: 'solid', color: 'green', transparency: 25 });
    pres = setShapeLine(pres, { type: 'solid', color: '000000', width: 3, dash: 'dash' });
    pres = setShapeGeometry(pres, { x: 0, y: 0, width: inches(2), rotation: 370 });
    pres = nudgeShapes(pres, inches(0.5), 0);
    pres = arrangeShape(pres, 'sendToBack');
    const shape = canvasState(pres).slides[2]!.shapes[0]!;
    expect(shape).toMatchObject({ id, rect: [0.5, 0, 2, 1], rotation: 10 });
    expect(shape.fill).toEqual({ type: 'solid', color: '#00B050', transparency: 25 });
    expect(shape.line).toEqual({ color: '#000000', width: 3, dash: 'dash' });
    expectRefused(
      pres,
      (p) => setShapeFill(p, { type: 'solid', color: 'red', transparency: 101 }),
      'INVALID_ARGUMENT',
      /transparency must be 0-100/,
    );
    expectRefused(
      pres,
      (p) => setShapeLine(p, { type: 'dotted' } as never),
      'INVALID_ARGUMENT',
      /"none" or "solid"/,
    );
    expectRefused(pres, (p) => arrangeShape(p, 'up' as never), 'INVALID_ARGUMENT', /bringToFront/);
    expectRefused(
      selectShapes(pres, [], { slideIndex: 2 }),
      (p) => setShapeFill(p, { type: 'none' }),
      'NO_SELECTION',
      /no shape is selected/,
    );
  });

  it('deleting a filled placeholder empties it; deleting it again removes it', () => {
    let pres = selectShapes(deck(), [2], { slideIndex: 0 });
    pres = deleteShapes(pres);
    expect(canvasState(pres).slides[0]!.shapes[0]!.placeholder_prompt).toBe('Click to add title');
    pres = deleteShapes(pres, { shapeIds: [2] });
    expect(pres.slides[0]!.shapes.map((s) => s.name)).toEqual(['Content Placeholder 2']);
    expectRefused(pres, (p) => deleteShapes(p, { shapeIds: [2] }), 'SHAPE_NOT_FOUND', /no shape with id 2/);
  });

  it('setShapeText replaces text; shapes without text are refused', () => {
    let pres = insertPicture(deck(), { name: 'logo.png', slideIndex: 2, x: 0, y: 0 });
    const pic = pres.selection.shapeIds[0]!;
    expectRefused(
      pres,
      (p) => setShapeText(p, { slideIndex: 2, shapeId: pic, text: 'x' }),
      'NOT_A_TEXT_SHAPE',
      /is a picture and holds no text/,
    );
    pres = setShapeText(pres, { slideIndex: 2, shapeId: 2, text: 'Renamed' });
    expect(canvasState(pres).slides[2]!.title).toBe('Renamed');
  });
});

describe('pictures', () => {
  it('fill the picture placeholder, and give it back when deleted', () => {
    let pres = insertPicture(deck(), { name: 'team.jpg', description: 'The team', slideIndex: 1 });
    const slide = canvasState(pres).slides[1]!;
    const pic = slide.shapes.find((s) => s.type === 'picture')!;
    expect(pic.picture).toEqual({ name: 'team.jpg', description: 'The team' });
    expect(pic.rect).toEqual([5.67, 1.08, 6.75, 5.33]);
    expect(slide.shapes.some((s) => s.type === 'placeholder:pic')).toBe(false);
    expectRefused(
      pres,
      (p) => setShapeFill(p, { type: 'solid', color: 'red' }),
      'INVALID_ARGUMENT',
      /"Picture 4" is a picture/,
    );
    pres = deleteShapes(pres);
    expect(
      canvasState(pres).slides[1]!.shapes.find((s) => s.type === 'placeholder:pic')!.placeholder_prompt,
    ).toBe('Click icon to add picture');
    expectRefused(pres, (p) => insertPicture(p, { name: ' ' }), 'INVALID_ARGUMENT', /name the picture/);
  });
});

describe('tables', () => {
  it('a table goes into the empty content placeholder and can grow and shrink', () => {
    let pres = insertTable(deck(), { rows: 2, cols: 3, slideIndex: 0 });
    const id = pres.selection.shapeIds[0]!;
    pres = setShapeText(pres, { slideIndex: 0, shapeId: id, cell: { row: 0, col: 1 }, text: 'Q1' });
    pres = insertTableRow(pres, { row: 0, position: 'below' });
    pres = insertTableColumn(pres, { col: 2, position: 'right' });
    pres = deleteTableColumn(pres, { col: 0 });
    pres = deleteTableRow(pres, { row: 2 });
    pres = setTableStyle(pres, {
      style: 'Light Style 1 - Accent 1',
      styleOptions: { bandRows: false, firstColumn: true },
    });
    pres = setTableCellFill(pres, { row: 1, col: 0, fill: { type: 'solid', color: 'yellow' } });
    const table = canvasState(pres).slides[0]!.shapes.find((s) => s.type === 'table')!;
    expect(table.table).toEqual({
      rows: 2,
      columns: 3,
      style: 'Light Style 1 - Accent 1',
      header_row: true,
      banded_rows: false,
      cells: [
        ['Q1', '', ''],
        ['', '', ''],
      ],
    });
    expect(table.rect.slice(0, 2)).toEqual([0.92, 2]);
    const shape = pres.slides[0]!.shapes.find((s) => s.kind === 'table')!;
    expect(shape.kind === 'table' && shape.table.cells[1]![0]!.fill).toEqual({
      type: 'solid',
      color: '#FFFF00',
    });
    expect(shape.width).toBe(shape.kind === 'table' ? shape.table.columnWidths.reduce((a, b) => a + b) : 0);
  });

  it('refuses impossible table edits', () => {
    const pres = insertTable(deck(), { rows: 1, cols: 1, slideIndex: 0 });
    expectRefused(
      pres,
      (p) => insertTable(p, { rows: 0, cols: 2 }),
      'INVALID_ARGUMENT',
      /rows must be a whole number from 1 to 75; got 0/,
    );
    expectRefused(
      pres,
      (p) => deleteTableRow(p, { row: 0 }),
      'INVALID_ARGUMENT',
      /one row; delete the table instead/,
    );
    expectRefused(
      pres,
      (p) => insertTableRow(p, { row: 4, position: 'above' }),
      'INVALID_ARGUMENT',
      /no cell at row 4/,
    );
    expectRefused(
      pres,
      (p) => setTableStyle(p, { style: 'Fancy' }),
      'INVALID_ARGUMENT',
      /unknown table style "Fancy"/,
    );
    expectRefused(
      selectShapes(pres, [2], { slideIndex: 0 }),
      (p) => insertTableRow(p, { row: 0, position: 'below' }),
      'INVALID_ARGUMENT',
      /"Title 1" is not a table/,
    );
  });
});
