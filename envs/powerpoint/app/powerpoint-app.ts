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
import { isTextShape } from '../model/shapes.ts';
import { plainText } from '../model/text.ts';
import { powerPointApis } from './apis.ts';
import { powerPointCommands, shapeControlId } from './commands.ts';
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

/**
 * The shapes of the current slide, each a control where it shows on the slide. A click selects the shape (as
 * clicking a placeholder's border does); typing or set_edit_text on the slide then replaces its text, a
 * double-click puts the caret in it.
 */
function canvasChildren(s: S): ControlDecl<S>[] {
  const slide = currentSlide(s.pres);
  if (!slide || s.view.mode !== 'normal') return [];
  const area = slideRect(s.pres);
  return slide.shapes.map((shape) =>
    button<S>({
      name: shape.name,
      id: shapeControlId(shape.id),
      command: { command: 'selectShape', args: { shapeId: shape.id } },
      rect: shapeRect(s.pres, area, shape),
    }),
  );
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
          enabled: (s: S) => currentSlide(s.pres) !== undefined,
        }),
      ],
    },
    {
      name: 'Slides',
      side: 'left',
      width: THUMBNAIL_PANE_WIDTH,
      visible: (s) => s.view.mode === 'normal' || s.view.mode === 'outline',
      controls: (s) =>
        s.pres.slides.map((slide, i) =>
          listItem<S>({
            name: `Slide ${i + 1}${slide.hidden ? ' (Hidden)' : ''}`,
            id: `thumb-${slide.id}`,
            command: { command: 'selectSlide', args: { index: i } },
            selected: (st: S) => st.pres.selection.slideIds.includes(slide.id),
          }),
        ),
    },
  ],
  statusBar: { name: 'Status Bar', items: statusItems },
  dialogs: powerPointDialogs,
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
  canvas: (s) => ({
    ...canvasState(s.pres),
    view: { ...s.view },
    file: { name: s.pres.document.name, format: s.format, saves: structuredClone(s.pres.document.saves) },
    slide_show: s.slideShow === null ? null : { slide: s.slideShow + 1 },
  }),
};
