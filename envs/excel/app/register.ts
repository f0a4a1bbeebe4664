/** `Excel-v0` in the gymnasium-ts registry: an `OfficeEnv` running `excelApp`. */
import { register, registry } from 'gymnasium-ts';
import { OfficeEnv, type OfficeEnvOptions } from '../../office/index.ts';
import { excelApp } from './excel-app.ts';
import type { ExcelState } from './state.ts';

export const EXCEL_ENV_ID = 'Excel-v0';

export function makeExcelEnv(options: OfficeEnvOptions<ExcelState> = {}): OfficeEnv<ExcelState> {
  return new OfficeEnv(excelApp, options);
}

/** Registers `Excel-v0` (kwargs are OfficeEnvOptions: template, request, maxSteps...). Idempotent. */
export function registerExcel(): void {
  if (registry.has(EXCEL_ENV_ID)) return;
  register(EXCEL_ENV_ID, {
    entryPoint: (kwargs: Record<string, unknown>) => makeExcelEnv(kwargs as OfficeEnvOptions<ExcelState>),
  });
}
