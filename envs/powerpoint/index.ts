/**
 * The PowerPoint app's public API: the app on the Office kernel (`powerPointApp`), `registerPowerPoint()` for the
 * gymnasium-ts registry (`PowerPoint-v0`), `makePowerPointEnv`, the state type and its templates, the save hook,
 * the presentation model and .pptx export/import.
 */
import { register, registry } from 'gymnasium-ts';
import { OfficeEnv, type OfficeEnvOptions } from '../office/index.ts';
import { powerPointApp } from './app/powerpoint-app.ts';
import type { PowerPointState } from './app/state.ts';

export { powerPointApp } from './app/powerpoint-app.ts';
export { createPowerPointState, POWERPOINT_TEMPLATES, FILE_FORMATS } from './app/state.ts';
export type {
  PowerPointState,
  PowerPointView,
  PowerPointTemplateObject,
  FileFormat,
  ViewMode,
} from './app/state.ts';
export { pptxFileWriter, setPowerPointFileWriter, type PowerPointFileWriter } from './app/save.ts';
export { exportPptx, type PackageKind } from './ooxml/export.ts';
export { importPptx, type ImportOptions } from './ooxml/import.ts';
export { createPresentation, type PresentationSpec, type SlideSpec } from './model/builder.ts';
export { createEmptyPresentation } from './model/presentation.ts';
export { canvasState, type CanvasState } from './model/canvas.ts';
export { PresentationError, type PresentationErrorCode } from './model/errors.ts';
export type * from './model/types.ts';

export const POWERPOINT_ENV_ID = 'PowerPoint-v0';

/** A PowerPoint env: `new OfficeEnv(powerPointApp, options)`. */
export function makePowerPointEnv(
  options: OfficeEnvOptions<PowerPointState> = {},
): OfficeEnv<PowerPointState> {
  return new OfficeEnv(powerPointApp, options);
}

/** Registers `PowerPoint-v0` (kwargs are OfficeEnvOptions: template, request, maxSteps...). Idempotent. */
export function registerPowerPoint(): void {
  if (registry.has(POWERPOINT_ENV_ID)) return;
  register(POWERPOINT_ENV_ID, {
    entryPoint: (kwargs: Record<string, unknown>) =>
      makePowerPointEnv(kwargs as OfficeEnvOptions<PowerPointState>),
  });
}
