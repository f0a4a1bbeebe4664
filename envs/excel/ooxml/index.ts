/** .xlsx import and export for the Excel model. */
export { exportXlsx, type ExportOptions } from './export.ts';
export { widthFromFile, widthToFile } from '../model/layout.ts';
export { importXlsx, type ImportOptions } from './import.ts';
