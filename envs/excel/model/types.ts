/**
 * The workbook as plain JSON-compatible data. The UI kernel snapshots it with structuredClone for undo,
 * evaluators diff two states, and trajectories store it, so it holds no class instances, Maps or
 * functions. Rows and columns are 1-based; cells are keyed by A1 address ("B3"), columns by letters
 * ("B"), rows by their number as a string ("3").
 */
import type { ErrorValue } from '../formula/values.ts';

/** A cell's value: number, text, logical, error, or null when blank (a formatted empty cell). */
export type CellValue = number | string | boolean | ErrorValue | null;

export interface Cell {
  /** The constant, or the last computed result of the formula. */
  value: CellValue;
  /** Formula text as the formula bar shows it, starting with '=' (e.g. "=SUM(B2:B9)"). */
  formula?: string;
  style?: CellStyle;
  /**
   * Set on cells filled by a dynamic-array formula's spill (Excel 365): the address of the formula
   * cell on the same sheet. Such cells hold a computed value but no formula of their own.
   */
  spilledFrom?: string;
}

export type UnderlineStyle = 'single' | 'double' | 'singleAccounting' | 'doubleAccounting';

export interface FontStyle {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: UnderlineStyle;
  strike?: boolean;
  /** '#RRGGBB' */
  color?: string;
}

export type BorderLineStyle =
  | 'thin'
  | 'medium'
  | 'thick'
  | 'double'
  | 'dotted'
  | 'dashed'
  | 'hair'
  | 'mediumDashed'
  | 'dashDot'
  | 'mediumDashDot'
  | 'dashDotDot'
  | 'mediumDashDotDot'
  | 'slantDashDot';

export interface BorderSide {
  style: BorderLineStyle;
  /** '#RRGGBB'; absent = automatic (black). */
  color?: string;
}

export interface BorderStyle {
  top?: BorderSide;
  bottom?: BorderSide;
  left?: BorderSide;
  right?: BorderSide;
}

export type HorizontalAlignment =
  'general' | 'left' | 'center' | 'right' | 'fill' | 'justify' | 'centerContinuous' | 'distributed';
export type VerticalAlignment = 'top' | 'center' | 'bottom' | 'justify' | 'distributed';

export interface AlignmentStyle {
  horizontal?: HorizontalAlignment;
  vertical?: VerticalAlignment;
  wrapText?: boolean;
  indent?: number;
  /** Degrees, -90..90 (Excel stores 91..180 for negative angles in files). */
  textRotation?: number;
  shrinkToFit?: boolean;
}

/**
 * Formatting of a cell; only what differs from the workbook default (Calibri 11, General, no fill,
 * no borders, bottom-aligned) is present.
 */
export interface CellStyle {
  /** Excel format code; absent means General. */
  numFmt?: string;
  font?: FontStyle;
  /** Solid fill colour '#RRGGBB'. */
  fill?: string;
  border?: BorderStyle;
  alignment?: AlignmentStyle;
  /** The entry was typed with a leading apostrophe (text that would otherwise read as a number). */
  quotePrefix?: boolean;
}

export interface ColumnProps {
  /** Width in Excel's character units (the default column is 8.43). */
  width?: number;
  hidden?: boolean;
  /** Formatting applied to the whole column (new entries in it take it). */
  style?: CellStyle;
}

export interface RowProps {
  /** Height in points (the default row is 15). */
  height?: number;
  hidden?: boolean;
  /** Hidden by the auto-filter rather than by the user. */
  filtered?: boolean;
  style?: CellStyle;
}

export interface Selection {
  /** The active cell, e.g. "B2". */
  active: string;
  /** Selected ranges, e.g. ["B2:D5"]; the active cell lies in the last one. */
  ranges: string[];
  /** Where a run of Tab-confirmed entries started, so Enter returns to that column (as Excel does). */
  tabStart?: string;
}

export interface Freeze {
  /** Number of frozen rows at the top (0 = none). */
  rows: number;
  /** Number of frozen columns at the left. */
  cols: number;
}

export type FilterCriterion =
  /** Keep rows whose displayed text is one of these (the check-box list); "" stands for (Blanks). */
  | { type: 'values'; values: string[] }
  /** Custom AutoFilter: one or two comparisons joined by and/or. */
  | { type: 'custom'; conditions: FilterCondition[]; join?: 'and' | 'or' }
  | { type: 'top10'; top: boolean; percent?: boolean; count: number };

export type FilterOperator =
  | 'equal'
  | 'notEqual'
  | 'greaterThan'
  | 'greaterThanOrEqual'
  | 'lessThan'
  | 'lessThanOrEqual'
  | 'beginsWith'
  | 'endsWith'
  | 'contains'
  | 'notContains';

export interface FilterCondition {
  operator: FilterOperator;
  value: string | number;
}

export interface AutoFilter {
  /** Header row plus data, e.g. "A1:D20". */
  range: string;
  /** Criteria by column letter of the sheet (e.g. "C"). */
  criteria: Record<string, FilterCriterion>;
  /** Sort state shown on the filter buttons, if the user sorted through them. */
  sort?: { column: string; descending: boolean };
}

/** `none` is Excel's "Any value": no restriction, kept only for its input message (OOXML's type="none"). */
export type ValidationType =
  'none' | 'list' | 'whole' | 'decimal' | 'date' | 'time' | 'textLength' | 'custom';
export type ValidationOperator =
  | 'between'
  | 'notBetween'
  | 'equal'
  | 'notEqual'
  | 'greaterThan'
  | 'lessThan'
  | 'greaterThanOrEqual'
  | 'lessThanOrEqual';

export interface DataValidation {
  /** Space-separated ranges it applies to, e.g. "C2:C50" or "C2:C50 E2:E50". */
  ranges: string;
  type: ValidationType;
  operator?: ValidationOperator;
  /**
   * For lists: either the items ("Yes,No" is stored as ["Yes","No"]) via `listItems`, or a source
   * formula such as "=$H$2:$H$5". For other types: the bounds as formulas/constants ("=10", "5").
   */
  formula1?: string;
  formula2?: string;
  /** Literal items of a list validation (what Excel stores as formula1 "\"Yes,No\""). */
  listItems?: string[];
  allowBlank?: boolean;
  /** Show the in-cell drop-down arrow (lists). */
  showDropDown?: boolean;
  errorStyle?: 'stop' | 'warning' | 'information';
  errorTitle?: string;
  error?: string;
  promptTitle?: string;
  prompt?: string;
}

export type CfOperator =
  | 'greaterThan'
  | 'lessThan'
  | 'between'
  | 'notBetween'
  | 'equal'
  | 'notEqual'
  | 'greaterThanOrEqual'
  | 'lessThanOrEqual';

export type CfRule =
  /** Highlight Cells Rules > Greater Than/Less Than/Between/Equal To: values are formulas or constants. */
  | { type: 'cellIs'; operator: CfOperator; values: string[] }
  | { type: 'containsText'; text: string }
  | { type: 'notContainsText'; text: string }
  | { type: 'beginsWith'; text: string }
  | { type: 'endsWith'; text: string }
  | { type: 'duplicateValues' }
  | { type: 'uniqueValues' }
  /** Top/Bottom Rules: top or bottom N items or N percent. */
  | { type: 'top10'; rank: number; bottom?: boolean; percent?: boolean }
  | { type: 'aboveAverage'; below?: boolean }
  | { type: 'blanks' }
  | { type: 'noBlanks' }
  /** Use a formula to determine which cells to format (relative to the first cell of `ranges`). */
  | { type: 'expression'; formula: string };

/** The look a rule applies (Excel's differential format). */
export interface CfStyle {
  fill?: string;
  font?: { color?: string; bold?: boolean; italic?: boolean; underline?: UnderlineStyle; strike?: boolean };
  border?: { color?: string; style?: BorderLineStyle };
  numFmt?: string;
}

export interface ConditionalFormat {
  /** Space-separated ranges, e.g. "D2:D20". */
  ranges: string;
  rule: CfRule;
  style: CfStyle;
  /** Evaluation order across the sheet; 1 is evaluated first. */
  priority: number;
  stopIfTrue?: boolean;
}

export type ChartType = 'column' | 'bar' | 'line' | 'pie' | 'doughnut' | 'area' | 'scatter';

export interface Chart {
  id: string;
  type: ChartType;
  title: string | null;
  /** Source data, e.g. "A1:C6" (this sheet) or "'Q1 Data'!A1:C6"; headers give series names and categories. */
  dataRange: string;
  /** How series run: one per column (Excel's default when there are more rows than columns) or per row. */
  seriesBy: 'columns' | 'rows';
  /** Top-left and bottom-right cells the chart covers. */
  anchor: { from: string; to: string };
  legend: 'right' | 'bottom' | 'top' | 'left' | 'none';
  stacked?: 'stacked' | 'percent';
  xAxisTitle?: string;
  yAxisTitle?: string;
}

/**
 * An Excel table (a ListObject): a named range with a header row, banded style and its own filter buttons.
 * Known gap: inserting or deleting rows and columns does not resize it.
 */
export interface ExcelTable {
  /** "Table1", "Table2"... unique in the workbook. */
  name: string;
  /** Header row plus data, e.g. "A1:D9". */
  range: string;
  /** Built-in style name as OOXML stores it, e.g. "TableStyleMedium2". */
  style: string;
  headerRow: boolean;
  bandedRows: boolean;
}

export interface Sheet {
  name: string;
  cells: Record<string, Cell>;
  cols: Record<string, ColumnProps>;
  rows: Record<string, RowProps>;
  /** Merged ranges, e.g. ["A1:D1"]. */
  merges: string[];
  freeze: Freeze | null;
  autoFilter: AutoFilter | null;
  validations: DataValidation[];
  conditionalFormats: ConditionalFormat[];
  charts: Chart[];
  /** Excel tables (Format as Table, Insert > Table); absent on sheets that never had one. */
  tables?: ExcelTable[];
  selection: Selection;
  hidden?: boolean;
  /** Sheet tab colour '#RRGGBB'. */
  tabColor?: string;
  showGridLines?: boolean;
}

export interface DefinedName {
  name: string;
  /** What it refers to, as a formula: "=Sheet1!$B$2:$B$20" or "=0.07". */
  refersTo: string;
  /** Sheet name for a sheet-level name; absent for workbook scope. */
  scope?: string;
  comment?: string;
}

export interface CalcSettings {
  /** The simulator clock: TODAY() and NOW() read this local date-time ("2024-05-01T09:30:00"). */
  now: string;
  /** Seed of RAND/RANDBETWEEN (each cell draws from a stream of this seed and its address). */
  seed: number;
  /** Cells on a circular reference, as "Sheet1!B2"; Excel shows these in its status bar. */
  circularRefs: string[];
}

export interface Workbook {
  sheets: Sheet[];
  /** Name of the sheet whose tab is selected. */
  activeSheet: string;
  names: DefinedName[];
  calc: CalcSettings;
  /** The workbook's default font (Normal style). */
  defaultFont: { name: string; size: number };
}

/** Defaults the model uses when a property is absent. */
export const DEFAULT_COL_WIDTH = 8.43;
export const DEFAULT_ROW_HEIGHT = 15;
export const DEFAULT_FONT = { name: 'Calibri', size: 11 } as const;
export const DEFAULT_CLOCK = '2024-01-15T09:00:00';
