/** The Excel simulator's public API: the workbook model, its operations, and the formula engine. */
export * from './model/types.ts';
export { ExcelError, type ExcelErrorCode } from './model/errors.ts';
export {
  createEmptyWorkbook,
  getSheet,
  findSheet,
  usedRange,
  normAddr,
  validateSheetName,
  type NewWorkbookOptions,
} from './model/workbook.ts';
export {
  setCellInput,
  setFormula,
  setCellValue,
  writeCells,
  clearContents,
  clearFormats,
  clearAll,
  formulaBarText,
} from './model/cells.ts';
export { displayText } from './model/display.ts';
export { recalculate, evaluateAt, directDependents } from './model/calc.ts';
export {
  setStyle,
  setNumberFormat,
  changeDecimals,
  setFont,
  toggleFontFlag,
  setFill,
  setAlignment,
  setWrapText,
  setBorders,
  styleAt,
  type BorderPreset,
} from './model/format.ts';
export { mergeCells, unmergeCells, mergeContaining } from './model/merges.ts';
export {
  addDataValidation,
  removeDataValidation,
  listOptions,
  invalidCells,
  type DataValidationInput,
} from './model/validation.ts';
export {
  addSheet,
  renameSheet,
  deleteSheet,
  moveSheet,
  activateSheet,
  setSheetHidden,
  copySheet,
} from './model/sheets.ts';
export { insertRows, deleteRows, insertColumns, deleteColumns } from './model/structure.ts';
export {
  setColumnWidth,
  setRowHeight,
  columnWidth,
  rowHeight,
  autoFitColumns,
  setColumnsHidden,
  setRowsHidden,
  freezePanes,
  freezeTopRow,
  freezeFirstColumn,
  unfreezePanes,
  setGridlines,
} from './model/layout.ts';
export { defineName, deleteName, findName, nameRange, validateName } from './model/names.ts';
export {
  addChart,
  updateChart,
  deleteChart,
  findChart,
  chartData,
  CHART_TYPES,
  type ChartInput,
} from './model/charts.ts';
export { sortRange, currentRegion, type SortKey, type SortOptions } from './model/sort.ts';
export {
  setAutoFilter,
  removeAutoFilter,
  setFilterCriterion,
  clearFilterCriteria,
  applyAutoFilter,
  sortByFilterColumn,
  filterValues,
} from './model/filter.ts';
export {
  addConditionalFormat,
  clearConditionalFormats,
  conditionalStyleAt,
  highlightedCells,
  CF_PRESETS,
  type ConditionalFormatInput,
} from './model/conditional.ts';
export { formatValue, NUMBER_FORMAT_PRESETS } from './formula/number-format.ts';
export { functionNames } from './formula/functions/registry.ts';
export { exportXlsx, importXlsx, type ExportOptions, type ImportOptions } from './ooxml/index.ts';
export {
  table2markdown,
  insertExcelTable,
  selectTableRange,
  reorderColumns,
  saveAs,
  sheetToCsv,
  type TableValue,
  type SavedFile,
} from './ufo-api.ts';
export {
  copyRange,
  cutRange,
  paste,
  fillDown,
  fillRight,
  type Clip,
  type PasteMode,
} from './model/clipboard.ts';
export { workbookCanvas, type CanvasCell, type CanvasOptions } from './model/canvas.ts';

// The Excel app on the Office kernel, and its env `Excel-v0`.
export { excelApp } from './app/excel-app.ts';
export { createExcelState, type ExcelState, type CellEntry, type ExcelFile } from './app/state.ts';
export { EXCEL_ENV_ID, makeExcelEnv, registerExcel } from './app/register.ts';
