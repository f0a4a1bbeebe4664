import type { Emu } from './types.ts';

export const EMU_PER_INCH = 914400;
export const EMU_PER_POINT = 12700;
export const EMU_PER_CM = 360000;

export function inches(value: number): Emu {
  return Math.round(value * EMU_PER_INCH);
}

export function points(value: number): Emu {
  return Math.round(value * EMU_PER_POINT);
}

/** EMUs to inches, rounded to 2 decimals as PowerPoint's Size & Position pane shows them. */
export function toInches(value: Emu): number {
  return Math.round((value / EMU_PER_INCH) * 100) / 100;
}

/** Slide sizes PowerPoint offers under Design > Slide Size. */
export const SLIDE_SIZES = {
  widescreen: { width: 12192000, height: 6858000 },
  standard: { width: 9144000, height: 6858000 },
} as const;
export type SlideSizePreset = keyof typeof SLIDE_SIZES;
