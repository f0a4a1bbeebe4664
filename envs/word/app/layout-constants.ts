/** Sizes of Word's window parts that the app and the kernel's layout must agree on. */
import { SCREEN_WIDTH } from '../../office/index.ts';

/** The kernel's vertical scroll bar width (envs/office/layout.ts SCROLL_BAR_WIDTH). */
const SCROLL_BAR_WIDTH = 17;

/** The Navigation pane (View > Navigation Pane, Ctrl+F) docks at the left, this wide. */
export const NAVIGATION_PANE_WIDTH = 300;

/** Width of the document area in pixels: the window less the navigation pane's column and the scroll bar. */
export const DOCUMENT_AREA_WIDTH = SCREEN_WIDTH - SCROLL_BAR_WIDTH - NAVIGATION_PANE_WIDTH;
