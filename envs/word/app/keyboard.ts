/**
 * Word's keyboard: application shortcuts (pywinauto syntax, as UFO's keyboard_input sends them) and what the
 * keys that reach the document do — arrows, Home/End, Page Up/Down with Ctrl and Shift, Enter, Shift+Enter,
 * Tab, Backspace, Delete, Escape. Typed characters arrive through the `type` command.
 */
import type { CommandRef, DocumentKeys, KeyStroke } from '../../office/index.ts';
import type { CaretMove } from '../model/index.ts';
import type { WordState } from './state.ts';

export const wordShortcuts: Readonly<Record<string, CommandRef>> = {
  '^b': 'bold',
  '^i': 'italic',
  '^u': 'underline',
  '^=': 'subscript',
  '^+=': 'superscript',
  '^+a': 'allCaps',
  '^%1': { command: 'style', args: { value: 'Heading 1' } },
  '^%2': { command: 'style', args: { value: 'Heading 2' } },
  '^%3': { command: 'style', args: { value: 'Heading 3' } },
  '^+n': { command: 'style', args: { value: 'Normal' } },
  '^+k': 'smallCaps',
  '^e': { command: 'align', args: { value: 'center' } },
  '^l': { command: 'align', args: { value: 'left' } },
  '^r': { command: 'align', args: { value: 'right' } },
  '^j': { command: 'align', args: { value: 'justify' } },
  '^a': 'selectAll',
  '^f': 'showNavigationPane',
  '^h': 'openReplace',
  '^d': 'openFont',
  '^k': 'openHyperlink',
  '^x': 'cut',
  '^c': 'copy',
  '^+c': 'copyFormat',
  '^+v': 'pasteFormat',
  '^v': 'paste',
  '^s': 'save',
  '{F12}': 'openSaveAs',
  '^{ENTER}': 'pageBreak',
  '^]': 'growFontPoint',
  '^[': 'shrinkFontPoint',
  '^+>': 'growFont',
  '^+<': 'shrinkFont',
  '^1': { command: 'lineSpacing', args: { value: 1 } },
  '^2': { command: 'lineSpacing', args: { value: 2 } },
  '^5': { command: 'lineSpacing', args: { value: 1.5 } },
  '^m': 'increaseIndent',
  '^+m': 'decreaseIndent',
};

const MOVES: Readonly<Record<string, [CaretMove, CaretMove]>> = {
  // key → [plain move, with Ctrl]
  LEFT: ['left', 'wordLeft'],
  RIGHT: ['right', 'wordRight'],
  UP: ['up', 'paragraphUp'],
  DOWN: ['down', 'paragraphDown'],
  HOME: ['home', 'docStart'],
  END: ['end', 'docEnd'],
  PGUP: ['pageUp', 'pageUp'],
  PGDN: ['pageDown', 'pageDown'],
};

export const wordKeys: DocumentKeys<WordState> = {
  type: 'type',
  map(_state: WordState, stroke: KeyStroke): CommandRef | null {
    if (stroke.alt || stroke.win) return null;
    const move = MOVES[stroke.key];
    if (move !== undefined)
      return { command: 'caret', args: { move: stroke.ctrl ? move[1] : move[0], extend: stroke.shift } };
    if (stroke.ctrl) return null;
    switch (stroke.key) {
      case 'ENTER':
        return stroke.shift ? 'lineBreak' : 'enter';
      case 'TAB':
        return { command: 'tab', args: { shift: stroke.shift } };
      case 'BACKSPACE':
        return 'backspace';
      case 'DELETE':
        return 'delete';
      case 'ESC':
        return 'escape';
      default:
        return null;
    }
  },
};
