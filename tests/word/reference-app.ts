/**
 * The straightforward Word app the sharing tests play against: full deep copies for undo, and the canvas
 * recomputed from the live document every time. Whatever Word caches or shares must show what this shows.
 */
import { cloneJson, type OfficeApp } from '../../envs/office/index.ts';
import { wordApp, type WordState } from '../../envs/word/index.ts';
import { canvasState, selectionState } from '../../envs/word/model/index.ts';

export const referenceWordApp: OfficeApp<WordState> = {
  ...wordApp,
  snapshot: (s) => {
    const { doc, ...others } = s;
    const { styles, ...rest } = doc;
    const copy = cloneJson(rest) as WordState['doc'];
    copy.styles = { ...styles };
    return { doc: copy, ...cloneJson(others) };
  },
  canvas: (s) => ({
    ...canvasState(s.doc, { selection: false }),
    selection: selectionState(s.doc),
    file: {
      name: s.file.name,
      format: s.file.format,
      saved: s.file.saved === null ? null : { ...s.file.saved },
    },
  }),
};
