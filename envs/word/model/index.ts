/** The Word document model: plain-data document, operations, canvas state and the createDocument builder. */
export * from './types.ts';
export { WordModelError, checkColor } from './errors.ts';
export type { WordErrorCode } from './errors.ts';
export { PAGE_SIZES, defaultSection, emptyDocument, emptyParagraph, textWidth } from './document.ts';
export {
  builtinStyles,
  defaultFormats,
  effectiveCharFormat,
  effectiveParagraphFormat,
  findStyle,
  styleName,
} from './styles.ts';
export { ListCounter, bulletListDef, numberedListDef, listKind, visibleBullet } from './numbering.ts';
export {
  OBJECT_CHAR,
  paragraphLength,
  paragraphText,
  visibleText,
  normalizeRuns,
  charFormatOf,
} from './runs.ts';
export {
  allParagraphs,
  blockAt,
  caretBlocks,
  checkPosition,
  comparePositions,
  findShape,
  firstPosition,
  isCollapsed,
  lastPosition,
  paragraphAt,
  sections,
  selectionRange,
  storyBlocks,
  tableContext,
} from './positions.ts';
export type { CaretBlock, CaretBlockRef } from './positions.ts';
export {
  currentBlocks,
  deleteBackward,
  deleteForward,
  deleteRange,
  deleteSelection,
  insertLineBreak,
  insertPageBreak,
  insertSectionBreak,
  insertTab,
  insertText,
  insertionAttributes,
  setSelection,
  splitParagraph,
} from './editing.ts';
export {
  CARET_MOVES,
  clickAt,
  collapseSelection,
  dragTo,
  exitStory,
  moveCaret,
  select,
  selectAll,
  wordRangeAt,
} from './caret.ts';
export type { CaretMove } from './caret.ts';
export { layoutParagraph, layoutParagraphCached, availableWidth } from './layout.ts';
export { formatScope, isFrozen, markFrozen } from './memo.ts';
export type { LineBox } from './layout.ts';
export { paragraphSpans, selectedParagraphs, selectionSpans } from './ranges.ts';
export type { ParagraphSpan } from './ranges.ts';
export {
  CASE_MODES,
  FONT_SIZES,
  TOGGLES,
  applyStyle,
  changeCase,
  changeIndent,
  clearFormatting,
  growSize,
  selectionFormat,
  setCharFormat,
  setFont,
  setLineSpacing,
  setParagraphFormat,
  shrinkSize,
  stepFontSize,
  toggleCharFormat,
} from './formatting.ts';
export type {
  CaseMode,
  CharFormatPatch,
  ParagraphFormatPatch,
  SelectionFormat,
  ToggleKey,
} from './formatting.ts';
export { removeListFormatting, restartNumbering, setListLevel, toggleList } from './lists.ts';
export type { ListStyleOptions } from './lists.ts';
export {
  bodyTables,
  cellText,
  currentTable,
  deleteColumns,
  deleteRows,
  deleteTable,
  insertColumns,
  insertRows,
  insertTable,
  isWholeTableSelected,
  makeTable,
  mergeCells,
  selectTable,
  selectedCells,
  setCellShading,
  setTableAlignment,
  setTableBorders,
  setTableStyle,
  tableTab,
  tableTexts,
} from './tables.ts';
export {
  MARGIN_PRESETS,
  WATERMARK_PRESETS,
  closeHeaderFooter,
  editHeaderFooter,
  fieldResult,
  insertField,
  insertPageNumber,
  setFooter,
  setHeader,
  setPageBorders,
  setPageColor,
  setPageNumbering,
  setPageSetup,
  setWatermark,
} from './page.ts';
export type { PageSetupPatch, WatermarkInput } from './page.ts';
export {
  addComment,
  deleteComment,
  insertHyperlink,
  normalizeUrl,
  removeHyperlink,
  resolveComment,
} from './annotations.ts';
export { deleteShape, insertShape, insertTextBox, listShapes, selectShape, updateShape } from './shapes.ts';
export type { ShapeOptions } from './shapes.ts';
export { findAll, findNext, replace, selectText } from './find.ts';
export type { FindOptions, Match, ReplaceResult } from './find.ts';
export { countText, wordCount } from './count.ts';
export type { WordCount } from './count.ts';
export { canvasState, commentAnchor, selectedText, selectionState } from './canvas.ts';
export { createDocument } from './builder.ts';
export type { DocumentSpec, ParagraphSpec } from './builder.ts';
export { selectParagraph } from './select.ts';
