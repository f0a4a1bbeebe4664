/**
 * Typed errors of workbook operations. Operations check their input before changing anything, so a
 * thrown ExcelError always leaves the workbook as it was; the UI kernel reports `message` as info.error.
 */
export type ExcelErrorCode =
  | 'BAD_ADDRESS'
  | 'BAD_ARGUMENT'
  | 'NO_SUCH_SHEET'
  | 'SHEET_NAME_TAKEN'
  | 'BAD_SHEET_NAME'
  | 'LAST_SHEET'
  | 'FORMULA_SYNTAX'
  | 'MERGE_CONFLICT'
  | 'VALIDATION_REJECTED'
  | 'BAD_NAME'
  | 'NO_SUCH_NAME'
  | 'OUT_OF_SHEET'
  | 'BAD_FORMAT'
  | 'NOTHING_TO_DO'
  | 'NO_SUCH_CHART'
  | 'BAD_FILE';

export class ExcelError extends Error {
  constructor(
    readonly code: ExcelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExcelError';
  }
}

export function excelError(code: ExcelErrorCode, message: string): never {
  throw new ExcelError(code, message);
}
