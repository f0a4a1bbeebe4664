/**
 * The Word app on the Office kernel: its state, window (title bar, ribbon, navigation pane, document, status
 * bar), dialogs, commands, UFO's Word APIs and keyboard. `wordApp` is what `OfficeEnv` runs as `Word-v0`.
 */
import {
  button,
  cloneJson,
  editBox,
  menu,
  menuItem,
  type DocumentDecl,
  type OfficeApp,
  type UiDecl,
} from '../../office/index.ts';
import { wordApis } from './apis.ts';
import { wordCommands } from './commands.ts';
import {
  contentCanvasOf,
  currentRevision,
  frozenCopy,
  frozenDocument,
  noteRestored,
  paragraphTextsOf,
  selectionCanvasOf,
} from './derived.ts';
import { wordDialogs } from './dialogs.ts';
import { scrollExtent } from './geometry.ts';
import { wordKeys, wordShortcuts } from './keyboard.ts';
import { NAVIGATION_PANE_WIDTH } from './layout-constants.ts';
import { statusItems, wordRibbon } from './ribbon.ts';
import { saveAs } from './save.ts';
import { assembleWordState, createWordState, type WordState } from './state.ts';

type S = WordState;

/** Height of the document area in pixels (between the ribbon and the status bar). */
const DOCUMENT_AREA_HEIGHT = 808;

const contextMenu = menu<S>({
  name: 'Context Menu',
  items: [
    menuItem({ name: 'Cut', command: 'cut' }),
    menuItem({ name: 'Copy', command: 'copy' }),
    menuItem({ name: 'Paste', command: 'paste' }),
    menuItem({ name: 'Font...', dialog: 'font' }),
    menuItem({ name: 'Paragraph...', dialog: 'paragraph' }),
    menuItem({ name: 'Link', dialog: 'hyperlink' }),
    menuItem({ name: 'New Comment', command: 'comment' }),
  ],
});

const document: DocumentDecl<S> = {
  name: 'Page 1 content',
  type: 'Document',
  texts: paragraphTextsOf,
  setTextCommand: 'setText',
  clickCommand: 'documentClick',
  contextMenu,
  scrollLines: (s) => scrollExtent(s.doc, currentRevision(), DOCUMENT_AREA_HEIGHT),
};

const ui: UiDecl<S> = {
  windowTitle: (s) => `${s.file.name}${s.file.format === 'doc' ? ' [Compatibility Mode]' : ''} - Word`,
  messageBoxTitle: 'Microsoft Word',
  titleBar: {
    quickAccess: [
      button({ name: 'Save', command: 'save' }),
      button({ name: 'Undo', command: 'undo' }),
      button({ name: 'Redo', command: 'redo' }),
    ],
  },
  ribbon: wordRibbon,
  document,
  panes: [
    {
      name: 'Navigation',
      side: 'left',
      width: NAVIGATION_PANE_WIDTH,
      visible: (s) => s.view.navigationPane,
      controls: [
        editBox({ name: 'Search document', command: 'navigationSearch', value: (s) => s.find.text }),
        button({ name: 'Close', id: 'CloseNavigation', command: 'closeNavigationPane' }),
      ],
    },
  ],
  statusBar: { name: 'Status Bar', items: statusItems },
  dialogs: wordDialogs,
};

/** The copies `snapshotWordState` made of live states: immutable, and parts of them are shared. */
const snapshots = new WeakSet<S>();
/** The latest copy of a live state: its members are shared with the next copy where they did not change. */
let lastCopy: Record<string, unknown> = {};

/**
 * Undo and rollback copies. The kernel snapshots the live state (the copy is stored and never changed) and
 * snapshots a stored copy to restore it (the copy becomes the live state and is edited in place). A live state's
 * copy takes the document's content from the frozen mirror (derived.ts), so unchanged paragraphs, sections and
 * the style table are shared with earlier copies rather than copied; a restored copy is a full fresh copy.
 * Style definitions are never changed in place by the model (a changed style is a new object), so every copy
 * shares them.
 */
export function snapshotWordState(s: S): S {
  if (snapshots.has(s)) {
    const { doc: source, ...others } = s;
    const { styles, ...rest } = source;
    const doc = cloneJson(rest) as S['doc'];
    doc.styles = { ...styles };
    noteRestored(doc, source);
    return assembleWordState(doc, others);
  }
  // `doc` first, as in the live states (assembleWordState).
  const copy: Record<string, unknown> = {};
  copy.doc = null;
  for (const k in s) {
    const v = (s as unknown as Record<string, unknown>)[k];
    if (v === undefined || k === 'doc') continue;
    copy[k] = frozenCopy(v, lastCopy[k]);
  }
  copy.doc = frozenDocument(s.doc);
  lastCopy = copy;
  snapshots.add(copy as unknown as S);
  return copy as unknown as S;
}

export const wordApp: OfficeApp<S> = {
  name: 'word',
  ui,
  commands: wordCommands(saveAs),
  apis: wordApis,
  shortcuts: wordShortcuts,
  keys: wordKeys,
  contextMenu,
  createState: (template) => createWordState(template),
  snapshot: snapshotWordState,
  canvas: (s) => {
    // The content's members, then these two: not a spread with more members, which V8 builds on a slow path.
    const canvas = Object.assign({}, contentCanvasOf(s));
    canvas.selection = selectionCanvasOf(s);
    canvas.file = {
      name: s.file.name,
      format: s.file.format,
      saved: s.file.saved === null ? null : { ...s.file.saved },
    };
    return canvas;
  },
};
