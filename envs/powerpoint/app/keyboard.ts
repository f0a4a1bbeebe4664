/**
 * PowerPoint's keyboard: application shortcuts (pywinauto syntax, as UFO's keyboard_input sends them) and what
 * the keys that reach the slide do — in a text box the arrows, Enter, Tab and Backspace edit text; with shapes
 * selected the arrows nudge them and Delete removes them; Esc leaves text editing, then the selection, then a
 * running slide show.
 */
import type { CommandRef, DocumentKeys, KeyStroke } from '../../office/index.ts';
import type { CaretMotion } from '../model/operations/text-editing.ts';
import type { PowerPointState } from './state.ts';

export const powerPointShortcuts: Readonly<Record<string, CommandRef>> = {
  '^b': 'bold',
  '^i': 'italic',
  '^u': 'underline',
  '^e': { command: 'align', args: { value: 'center' } },
  '^l': { command: 'align', args: { value: 'left' } },
  '^r': { command: 'align', args: { value: 'right' } },
  '^j': { command: 'align', args: { value: 'justify' } },
  '^+>': 'growFont',
  '^+<': 'shrinkFont',
  '^m': 'newSlide',
  '^d': 'duplicateSlide',
  '^a': 'selectAll',
  '^h': 'openReplace',
  '^s': 'save',
  '{F12}': 'openSaveAs',
  '{F5}': 'slideShowFromBeginning',
  '+{F5}': 'slideShowFromCurrent',
};

const MOTIONS: Readonly<Record<string, [CaretMotion, CaretMotion]>> = {
  // key → [plain, with Ctrl]
  LEFT: ['left', 'wordLeft'],
  RIGHT: ['right', 'wordRight'],
  UP: ['up', 'up'],
  DOWN: ['down', 'down'],
  HOME: ['home', 'textStart'],
  END: ['end', 'textEnd'],
};

/** One arrow press moves selected shapes by 0.1" (Ctrl: by a pixel's worth, 1/96"). */
const NUDGE = 91440;
const FINE_NUDGE = 9525;

export const powerPointKeys: DocumentKeys<PowerPointState> = {
  type: 'type',
  map(state: PowerPointState, stroke: KeyStroke): CommandRef | null {
    if (stroke.alt || stroke.win) return null;
    const sel = state.pres.selection;
    if (stroke.key === 'ESC') return state.slideShow !== null && !sel.text ? 'endSlideShow' : 'escape';
    if (state.slideShow !== null) return null;
    if (sel.text) {
      const motion = MOTIONS[stroke.key];
      if (motion)
        return {
          command: 'caret',
          args: { motion: stroke.ctrl ? motion[1] : motion[0], extend: stroke.shift },
        };
      switch (stroke.key) {
        case 'ENTER':
          return stroke.ctrl ? null : { command: 'type', args: { text: stroke.shift ? '\v' : '\n' } };
        case 'TAB':
          return stroke.shift ? 'decreaseListLevel' : 'increaseListLevel';
        case 'BACKSPACE':
          return { command: 'backspace', args: { word: stroke.ctrl } };
        case 'DELETE':
          return { command: 'deleteForward', args: { word: stroke.ctrl } };
        default:
          return null;
      }
    }
    const step = stroke.ctrl ? FINE_NUDGE : NUDGE;
    const nudges: Readonly<Record<string, [number, number]>> = {
      LEFT: [-step, 0],
      RIGHT: [step, 0],
      UP: [0, -step],
      DOWN: [0, step],
    };
    if (sel.shapeIds.length > 0) {
      const d = nudges[stroke.key];
      if (d) return { command: 'nudge', args: { dx: d[0], dy: d[1] } };
      if (stroke.key === 'DELETE' || stroke.key === 'BACKSPACE') return 'deleteKey';
      // F2 (or Enter) on a selected shape puts the caret at the end of its text, as in PowerPoint.
      if ((stroke.key === 'F2' || stroke.key === 'ENTER') && !stroke.ctrl && !stroke.shift) return 'editText';
      return null;
    }
    // With no shape selected the keys act on the slide: Delete removes it, Enter adds one after it.
    if (stroke.key === 'DELETE' || stroke.key === 'BACKSPACE') return 'deleteSlide';
    // PowerPoint's slide-pane shortcuts: Ctrl+Up/Down move the slide one place, with Shift to the start/end.
    if (stroke.ctrl && (stroke.key === 'UP' || stroke.key === 'DOWN')) {
      const up = stroke.key === 'UP';
      if (stroke.shift) return up ? 'moveSlideToStart' : 'moveSlideToEnd';
      return up ? 'moveSlideUp' : 'moveSlideDown';
    }
    if (stroke.key === 'ENTER' && !stroke.ctrl) return 'newSlide';
    return null;
  },
};
