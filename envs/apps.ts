/**
 * The Office apps lamgym simulates, by name, and the registration of their envs. Excel and PowerPoint add
 * themselves here with one line each.
 */
import { excelApp, registerExcel } from './excel/index.ts';
import type { OfficeApp } from './office/index.ts';
import { powerPointApp, registerPowerPoint } from './powerpoint/index.ts';
import { registerWord, wordApp } from './word/index.ts';

export const OFFICE_APPS: Readonly<Record<string, OfficeApp<unknown>>> = {
  word: wordApp as OfficeApp<unknown>,
  excel: excelApp as OfficeApp<unknown>,
  powerpoint: powerPointApp as OfficeApp<unknown>,
};

/** Registers every app's env (`Word-v0`, ...) with gymnasium-ts. Safe to call more than once. */
export function registerOfficeEnvs(): void {
  registerWord();
  registerExcel();
  registerPowerPoint();
}
