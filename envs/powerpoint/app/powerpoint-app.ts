/**
 * The PowerPoint app on the Office kernel: its state, window (title bar, ribbon, slide thumbnails, the slide
 * canvas with its shapes, the notes pane, status bar), dialogs, commands, UFO's PowerPoint APIs and keyboard.
 * `powerPointApp` is what `OfficeEnv` runs as `PowerPoint-v0`.
 */
import {
  button,
  editBox,
  listItem,
  menu,
  menuItem,
  type ControlDecl,
  type DocumentDecl,
  type OfficeApp,
  type UiDecl,
} from '../../office/index.ts';
import { canvasState } from '../model/canvas.ts';
import { copyData } from '../model/draft.ts';
import type { Shape, Slide } from '../model/types.ts';
import { isTextShape } from '../model/shapes.ts';
import { plainText } from '../model/text.ts';
import { powerPointApis } from './apis.ts';
import { powerPointCommands, shapeControlId } from './commands.ts';
import { powerPointContextMenus, THUMBNAIL_MENU } from './context-menus.ts';
import { currentSlide } from './derived.ts';
import { powerPointDialogs } from './dialogs.ts';
import { NOTES_PANE_WIDTH, shapeRect, slideRect, THUMBNAIL_PANE_WIDTH } from './geometry.ts';
import { powerPointKeys, powerPointShortcuts } from './keyboard.ts';
import { powerPointRibbon, statusItems } from './ribbon.ts';
import { createPowerPointState, type PowerPointState } from './state.ts';

type S = PowerPointState;

const contextMenu = menu<S>({
  name: 'Context Menu',
  items: [
    menuItem({ name: 'New Slide', command: 'newSlide' }),
    menuItem({ name: 'Duplicate Slide', command: 'duplicateSlide' }),
    menuItem({ name: 'Delete Slide', command: 'deleteSlide' }),
    menuItem({ name: 'Hide Slide', command: 'hideSlide' }),
    menuItem({ name: 'Format Background...', dialog: 'formatBackground' }),
  ],
});

/*
 * Child lists are memoised by what they show: the kernel compiles a list once per array object, so handing it
 * back the same array for the same shapes (or slides) saves compiling them for every observation. Unchanged
 * slides keep their shapes array (presentations share what operations do not change), so most lookups hit by
 * identity; an edit that leaves every control as it was (typing into a shape) or a new slide like a recent one
 * (same layout) is caught by comparing with the few lists made last.
 */
const NO_CHILDREN: readonly ControlDecl<S>[] = [];
const RECENT = 8;

/** Puts `entry` first among the recent lists, dropping the oldest beyond RECENT. */
function remember<T>(recent: T[], entry: T): void {
  const at = recent.indexOf(entry);
  if (at === 0) return;
  if (at > 0) recent.splice(at, 1);
  recent.unshift(entry);
  if (recent.length > RECENT) recent.pop();
}

interface ShapeControls {
  shapes: readonly Shape[];
  width: number;
  height: number;
  list: readonly ControlDecl<S>[];
}

const shapeControls = new WeakMap<readonly Shape[], ShapeControls>();
const recentShapeControls: ShapeControls[] = [];

/** Whether two shape lists make the same controls (name, id and rectangle). */
function sameShapeControls(a: readonly Shape[], b: readonly Shape[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (
      x !== y &&
      (x.id !== y.id ||
        x.name !== y.name ||
        x.x !== y.x ||
        x.y !== y.y ||
        x.width !== y.width ||
        x.height !== y.height)
    )
      return false;
  }
  return true;
}

/**
 * The shapes of the current slide, each a control where it shows on the slide. A click selects the shape (as
 * clicking a placeholder's border does); typing or set_edit_text on the slide then replaces its text, a
 * double-click puts the caret in it.
 */
function canvasChildren(s: S): readonly ControlDecl<S>[] {
  const slide = currentSlide(s.pres);
  if (!slide || s.view.mode !== 'normal') return NO_CHILDREN;
  const pres = s.pres;
  const shapes = slide.shapes;
  const { width, height } = pres.slideSize;
  let hit = shapeControls.get(shapes);
  if (hit === undefined || hit.width !== width || hit.height !== height) {
    const same = recentShapeControls.find(
      (r) => r.width === width && r.height === height && sameShapeControls(r.shapes, shapes),
    );
    if (same !== undefined) {
      hit = { shapes, width, height, list: same.list };
    } else {
      const area = slideRect(pres);
      const list = shapes.map((shape) =>
        button<S>({
          name: shape.name,
          id: shapeControlId(shape.id),
          command: { command: 'selectShape', args: { shapeId: shape.id } },
          rect: shapeRect(pres, area, shape),
        }),
      );
      hit = { shapes, width, height, list };
    }
    shapeControls.set(shapes, hit);
  }
  remember(recentShapeControls, hit);
  return hit.list;
}

interface Thumbnails {
  slides: readonly Slide[];
  list: readonly ControlDecl<S>[];
}

const thumbnailLists = new WeakMap<readonly Slide[], Thumbnails>();
const recentThumbnails: Thumbnails[] = [];

/** Whether two slide lists make the same thumbnails (slide ids and hidden flags, in order). */
function sameThumbnails(a: readonly Slide[], b: readonly Slide[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && (x.id !== y.id || x.hidden !== y.hidden)) return false;
  }
  return true;
}

/** The slide thumbnails: one list item per slide ("Slide 2 (Hidden)"); a click makes the slide current. */
function thumbnails(s: S): readonly ControlDecl<S>[] {
  const slides = s.pres.slides;
  let hit = thumbnailLists.get(slides);
  if (hit === undefined) {
    const same = recentThumbnails.find((r) => sameThumbnails(r.slides, slides));
    if (same !== undefined) {
      hit = { slides, list: same.list };
    } else {
      const list = slides.map((slide, i) =>
        listItem<S>({
          name: `Slide ${i + 1}${slide.hidden ? ' (Hidden)' : ''}`,
          id: `thumb-${slide.id}`,
          command: { command: 'selectSlide', args: { index: i } },
          selected: (st: S) => st.pres.selection.slideIds.includes(slide.id),
          contextMenu: THUMBNAIL_MENU,
          rightCommand: { command: 'selectSlide', args: { index: i } },
        }),
      );
      hit = { slides, list };
    }
    thumbnailLists.set(slides, hit);
  }
  remember(recentThumbnails, hit);
  return hit.list;
}

const document: DocumentDecl<S> = {
  name: (s) => {
    const i = s.pres.slides.findIndex((x) => x.id === s.pres.selection.slideId);
    return i < 0 ? 'Slide' : `Slide ${i + 1}`;
  },
  type: 'Document',
  texts: (s) => {
    const slide = currentSlide(s.pres);
    return slide ? slide.shapes.filter(isTextShape).map((sh) => plainText(sh.text)) : [];
  },
  setTextCommand: 'setText',
  clickCommand: 'documentClick',
  contextMenu,
  scrollBar: false,
  children: canvasChildren,
};

const ui: UiDecl<S> = {
  windowTitle: (s) => `${s.pres.document.name} - PowerPoint`,
  messageBoxTitle: 'Microsoft PowerPoint',
  titleBar: {
    quickAccess: [
      button({ name: 'Save', command: 'save' }),
      button({ name: 'Undo', command: 'undo' }),
      button({ name: 'Redo', command: 'redo' }),
      button({ name: 'Start From Beginning', command: 'slideShowFromBeginning' }),
    ],
  },
  ribbon: powerPointRibbon,
  document,
  panes: [
    {
      name: 'Notes',
      side: 'right',
      width: NOTES_PANE_WIDTH,
      visible: (s) => s.view.notesPane && s.view.mode === 'normal',
      controls: [
        editBox<S>({
          name: 'Notes',
          id: 'NotesEdit',
          value: (s: S) => currentSlide(s.pres)?.notes ?? '',
          command: 'notes',
          live: true,
          enabled: (s: S) => currentSlide(s.pres) !== undefined,
        }),
      ],
    },
    {
      name: 'Slides',
      side: 'left',
      width: THUMBNAIL_PANE_WIDTH,
      visible: (s) => s.view.mode === 'normal' || s.view.mode === 'outline',
      controls: thumbnails,
    },
  ],
  statusBar: { name: 'Status Bar', items: statusItems },
  dialogs: powerPointDialogs,
  contextMenus: powerPointContextMenus,
};

export const powerPointApp: OfficeApp<S> = {
  name: 'powerpoint',
  ui,
  commands: powerPointCommands,
  apis: powerPointApis,
  shortcuts: powerPointShortcuts,
  keys: powerPointKeys,
  contextMenu,
  createState: (template) => createPowerPointState(template),
  // Presentations are never modified in place (operations produce new ones that share what they did not
  // change), so undo only needs its own copy of the small outer state that commands do assign to.
  snapshot: (s) => ({ ...s, view: { ...s.view } }),
  // canvasState's object is new on every call, so the app's own parts go straight onto it (in this key order).
  canvas: (s) =>
    Object.assign(canvasState(s.pres), {
      view: { ...s.view },
      file: { name: s.pres.document.name, format: s.format, saves: copyData(s.pres.document.saves) },
      slide_show: s.slideShow === null ? null : { slide: s.slideShow + 1 },
    }),
};
