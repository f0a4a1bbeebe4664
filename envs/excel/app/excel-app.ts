/**
 * The Excel app on the Office kernel: the workbook with its selection and cell entry as state, the ribbon,
 * the worksheet area (Name Box, Formula Bar, cells, sheet tabs), the keyboard and UFO's Excel APIs.
 * `excelApp` is what `OfficeEnv` runs as `Excel-v0`.
 */
import { button, menu, type OfficeApp, type UiDecl } from '../../office/index.ts';
import { cachedWorkbookCanvas } from '../model/canvas.ts';
import { excelApis } from './apis.ts';
import { cellsDialogCommands, cellsDialogs } from './cells-dialogs.ts';
import { excelCommands } from './commands.ts';
import {
  cellMenuItems,
  contextMenuCommands,
  contextMenuDialogs,
  excelContextMenus,
} from './context-menus.ts';
import { excelDataCommands } from './data-commands.ts';
import { excelDialogs } from './dialogs.ts';
import { excelDocument } from './grid.ts';
import { excelKeys, excelShortcuts } from './keyboard.ts';
import { excelRibbon, statusItems } from './ribbon.ts';
import { liveExcelState, snapshotExcelState } from './snapshot.ts';
import { activeCell, createExcelState, selectedRanges, visibleWindow, type ExcelState } from './state.ts';

type S = ExcelState;

/** A right-click on the grid outside any cell opens the cell menu too (Excel has no other grid menu). */
const contextMenu = menu<S>({ name: 'Context Menu', items: cellMenuItems });

const ui: UiDecl<S> = {
  windowTitle: (s) => `${s.file.name} - Excel`,
  messageBoxTitle: 'Microsoft Excel',
  titleBar: {
    quickAccess: [button({ name: 'Undo', command: 'undo' }), button({ name: 'Redo', command: 'redo' })],
  },
  ribbon: excelRibbon,
  document: { ...excelDocument, contextMenu },
  statusBar: { name: 'Status Bar', items: statusItems },
  dialogs: { ...excelDialogs, ...cellsDialogs, ...contextMenuDialogs },
  contextMenus: excelContextMenus,
};

export const excelApp: OfficeApp<S> = {
  name: 'excel',
  ui,
  commands: { ...excelCommands, ...excelDataCommands, ...cellsDialogCommands, ...contextMenuCommands },
  apis: excelApis,
  shortcuts: excelShortcuts,
  keys: excelKeys,
  contextMenu,
  createState: (template) => liveExcelState(createExcelState(template)),
  snapshot: snapshotExcelState,
  canvas: (s) => {
    // Listed member by member rather than spread: the same keys in the same order, made faster.
    const book = cachedWorkbookCanvas(s.wb);
    return {
      activeSheet: book.activeSheet,
      names: book.names,
      circularRefs: book.circularRefs,
      sheets: book.sheets,
      selection: { sheet: s.wb.activeSheet, active: activeCell(s).addr, ranges: [...selectedRanges(s)] },
      entry: s.entry === null ? null : { ...s.entry },
      visible: visibleWindow(s),
      file: { name: s.file.name, saved: s.file.saved === null ? null : { ...s.file.saved } },
    };
  },
};
