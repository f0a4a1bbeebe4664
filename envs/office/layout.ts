/**
 * Where things sit on the simulated 1920×1080 screen: a maximised Office window above a 40 px taskbar, with the
 * title bar, the ribbon band, the document, side panes and the status bar at Office 365's usual sizes.
 * Everything is deterministic so that the same UI always gets the same rectangles.
 */
import { rect, SCREEN_HEIGHT, SCREEN_WIDTH, type Rect } from './controls.ts';

export const WINDOW_RECT: Rect = rect(0, 0, SCREEN_WIDTH, SCREEN_HEIGHT - 40);
export const TITLE_BAR_BOTTOM = 40;
export const TAB_STRIP_BOTTOM = 72;
export const RIBBON_BOTTOM = 200;
export const STATUS_BAR_HEIGHT = 32;
export const SCROLL_BAR_WIDTH = 17;
export const DEFAULT_PANE_WIDTH = 300;

/** Pixel width of a label in Segoe UI 9pt, roughly: what sizes buttons and tabs. */
export function textWidth(label: string): number {
  return Math.ceil(label.length * 7);
}

/** Ribbon control rows: three small rows of 28 px inside the group body. */
export const RIBBON_ROW_TOP = TAB_STRIP_BOTTOM + 6;
export const RIBBON_ROW_HEIGHT = 32;
export const RIBBON_GROUP_LABEL_TOP = RIBBON_BOTTOM - 22;

export const MENU_ITEM_HEIGHT = 28;
export const LIST_ITEM_HEIGHT = 22;
export const DIALOG_ROW_HEIGHT = 30;
export const DIALOG_BUTTON_WIDTH = 80;
export const DIALOG_BUTTON_HEIGHT = 26;

/** A rectangle clipped to the screen, so that popups near an edge stay on it. */
export function onScreen(left: number, top: number, width: number, height: number): Rect {
  const l = Math.max(0, Math.min(left, SCREEN_WIDTH - width));
  const t = Math.max(0, Math.min(top, SCREEN_HEIGHT - height));
  return rect(l, t, l + width, t + height);
}

/** A dialog of this size centred on the screen. */
export function centred(width: number, height: number): Rect {
  const left = Math.floor((SCREEN_WIDTH - width) / 2);
  const top = Math.floor((SCREEN_HEIGHT - height) / 2);
  return rect(left, top, left + width, top + height);
}
