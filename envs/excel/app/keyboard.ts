/**
 * Excel's keyboard: shortcuts (pywinauto syntax, as UFO's keyboard_input sends them) and what keys do on the
 * grid — arrows move (Shift extends), typing starts an entry, Enter/Tab confirm it and move, F2 edits the
 * cell, Delete clears the selection, Backspace clears and edits, Escape cancels the entry.
 */
import type { CommandRef, DocumentKeys, KeyStroke } from '../../office/index.ts';
import type { Direction } from './commands.ts';
import type { ExcelState } from './state.ts';

export const excelShortcuts: Readonly<Record<string, CommandRef>> = {
  '^b': 'bold',
  '^1': 'openFormatCells',
  '^i': 'italic',
  '^u': 'underline',
  '^c': 'copy',
  '^x': 'cut',
  '^v': 'paste',
  '^{HOME}': { command: 'selectCell', args: { addr: 'A1' } },
  '%=': 'autoSum',
  '^+l': 'filter',
  '^t': { command: 'openCreateTable', args: { style: 'TableStyleMedium2' } },
};

const ARROWS: Readonly<Record<string, Direction>> = { UP: 'up', DOWN: 'down', LEFT: 'left', RIGHT: 'right' };

export const excelKeys: DocumentKeys<ExcelState> = {
  type: 'type',
  map(state: ExcelState, stroke: KeyStroke): CommandRef | null {
    if (stroke.alt || stroke.win || stroke.ctrl) return null;
    const dir = ARROWS[stroke.key];
    if (dir !== undefined) return { command: 'arrow', args: { dir, extend: stroke.shift } };
    if (state.renaming) {
      // A sheet tab being renamed takes Enter, Escape and Backspace.
      if (stroke.key === 'ENTER' || stroke.key === 'TAB') return 'commitRename';
      if (stroke.key === 'ESC') return 'cancelRename';
      if (stroke.key === 'BACKSPACE') return 'renameBackspace';
    }
    switch (stroke.key) {
      case 'ENTER':
        return { command: 'confirm', args: { dir: stroke.shift ? 'up' : 'down' } };
      case 'TAB':
        return { command: 'confirm', args: { dir: stroke.shift ? 'left' : 'right' } };
      case 'F2':
        return 'editCell';
      case 'DELETE':
        // Inside an entry the caret is at its end, where Delete removes nothing.
        return state.entry === null ? 'clearContents' : null;
      case 'BACKSPACE':
        return 'backspace';
      case 'ESC':
        return state.entry === null ? null : 'cancelEntry';
      default:
        return null;
    }
  },
};
