/** Decks shared by the PowerPoint tests. */
import { createPresentation } from '../../envs/powerpoint/model/builder.ts';
import type { Presentation } from '../../envs/powerpoint/model/types.ts';

/** A deck that uses every feature the model has. */
export function featureDeck(): Presentation {
  return createPresentation({
    name: 'Features',
    theme: 'Ion',
    variant: 3,
    slides: [
      {
        title: [
          {
            runs: [
              { text: 'Big', size: 40, bold: true, color: 'accent2/lighter40' },
              { text: ' world', italic: true, underline: true, strike: true, font: 'Georgia' },
            ],
          },
        ],
        subtitle: 'First line\vsecond line',
        notes: 'Open with the numbers\nthen pause',
        transition: {
          type: 'Push',
          effect: 'From Top',
          duration: 1.25,
          advanceAfter: 3,
          advanceOnClick: false,
        },
      },
      {
        title: 'Agenda',
        body: [
          { text: 'One', bullet: 'number', align: 'right' },
          { text: 'Two', level: 1, bullet: '–' },
          { text: '', bold: true },
        ],
        background: {
          type: 'gradient',
          gradientType: 'linear',
          angle: 45,
          stops: [
            { position: 0, color: 'red' },
            { position: 100, color: 'accent1/darker25' },
          ],
        },
        hidden: true,
        section: 'Main',
        textBoxes: [
          {
            text: 'boxed',
            x: 5,
            y: 5,
            fill: { type: 'pattern', pattern: 'pct20', foreground: 'blue', background: 'white' },
          },
        ],
        shapes: [
          {
            type: 'Oval',
            text: 'Hi',
            x: 1,
            y: 1,
            rotation: 30,
            fill: { type: 'solid', color: 'green', transparency: 40 },
            line: { type: 'solid', color: 'black', width: 2.5, dash: 'dash' },
          },
          { type: 'Line', x: 2, y: 2, width: 3 },
        ],
        tables: [
          {
            rows: [
              ['Region', 'Sales'],
              ['North', '12'],
            ],
            style: 'Light Style 2 - Accent 1',
            bandedRows: false,
          },
        ],
        animations: [
          { shape: 'Title 1', effect: 'Fly In' },
          { shape: 'Oval 4', effect: 'Zoom', trigger: 'After Previous', delay: 0.5, duration: 1 },
          { shape: 'TextBox 3', effect: 'Appear', trigger: 'With Previous' },
        ],
      },
      {
        layout: 'Picture with Caption',
        title: 'Photo',
        pictures: [{ name: 'cat.png', description: 'A cat on a desk' }],
        transition: 'Vortex',
        section: 'End',
      },
      {
        layout: 'Two Content',
        title: 'Two',
        placeholders: { 2: 'right side' },
        transition: { type: 'Morph', effect: 'Words' },
      },
      { layout: 'Blank', background: { type: 'solid', color: 'tx2' }, transition: 'Curtains' },
    ],
  });
}
