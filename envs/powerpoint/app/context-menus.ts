/**
 * The right-click menu of a slide thumbnail (the slide pane in Normal view), with the items of PowerPoint for
 * Microsoft 365 that the simulator models, in PowerPoint's order: New Slide, Duplicate Slide, Delete Slide, Add
 * Section, Layout (the layouts as a submenu), Reset Slide, Format Background..., Hide Slide. A right-click
 * makes the slide current first, as a left click does, so the items act on it.
 */
import { menu, menuItem, type ContextMenuDecl } from '../../office/index.ts';
import { currentSlide } from './derived.ts';
import { THUMBNAIL_PANE_WIDTH } from './geometry.ts';
import { layoutItems } from './ribbon.ts';
import type { PowerPointState } from './state.ts';

type S = PowerPointState;

/** The name thumbnails give `contextMenu`. */
export const THUMBNAIL_MENU = 'thumbnail';

const thumbnailMenu: ContextMenuDecl<S> = {
  ...menu<S>({
    name: 'Context Menu',
    items: [
      menuItem({ name: 'New Slide', command: 'newSlide' }),
      menuItem({ name: 'Duplicate Slide', command: 'duplicateSlide' }),
      menuItem({ name: 'Delete Slide', command: 'deleteSlide' }),
      menuItem({ name: 'Add Section', command: 'addSection' }),
      menuItem({ name: 'Layout', submenu: menu({ name: 'Layout', items: layoutItems('layout') }) }),
      menuItem({ name: 'Reset Slide', command: 'resetSlide' }),
      menuItem({ name: 'Format Background...', dialog: 'formatBackground' }),
      // PowerPoint shows Hide Slide highlighted while the slide is hidden; choosing it again shows the slide.
      menuItem({
        name: 'Hide Slide',
        command: 'hideSlide',
        checked: (s: S) => currentSlide(s.pres)?.hidden ?? false,
      }),
    ],
  }),
  // Beside the thumbnails, where PowerPoint opens it for the slides near the top of the pane.
  at: [THUMBNAIL_PANE_WIDTH - 60, 320],
};

export const powerPointContextMenus: Readonly<Record<string, ContextMenuDecl<S>>> = {
  [THUMBNAIL_MENU]: thumbnailMenu,
};
