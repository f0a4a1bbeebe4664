/**
 * The commands PowerPoint's controls, shortcuts and keys run. Each one is a model operation on the presentation
 * (operations return a new Presentation; a refused one throws a PresentationError, which becomes the step's
 * error and leaves the state as it was).
 */
import type { CommandContext, CommandDecl, Outcome } from '../../office/index.ts';
import { canvasState } from '../model/canvas.ts';
import { PresentationError } from '../model/errors.ts';
import { addAnimation, removeAnimations, setAnimation } from '../model/operations/animations.ts';
import {
  applyColorScheme,
  applyFontScheme,
  applyTheme,
  applyVariant,
  setBackground,
  setSlideSize,
} from '../model/operations/design.ts';
import { replaceText } from '../model/operations/find.ts';
import { setHeaderFooter, type HeaderFooterOptions } from '../model/operations/header-footer.ts';
import {
  deleteShapes,
  insertPicture,
  insertShape,
  insertTable,
  insertTextBox,
  nudgeShapes,
  selectShapes,
} from '../model/operations/shapes.ts';
import { addSection, removeSection, renameSection } from '../model/operations/sections.ts';
import {
  changeLayout,
  deleteSlides,
  duplicateSlide,
  moveSlide,
  newSlide,
  resetSlide,
  selectSlide,
  setNotes,
  toggleHideSlide,
} from '../model/operations/slides.ts';
import {
  changeFontSize,
  changeListLevel,
  deleteText,
  enterTextEdit,
  exitTextEdit,
  insertText,
  moveCaret,
  selectAll,
  setParagraphFormat,
  setTextFormat,
  toggleTextFormat,
} from '../model/operations/text-editing.ts';
import type { CaretMotion } from '../model/operations/text-editing.ts';
import { applyTransitionToAll, setTransition, setTransitionTiming } from '../model/operations/transitions.ts';
import { currentSlideIndex } from '../model/presentation.ts';
import { isTextShape } from '../model/shapes.ts';
import type { Align, AnimationTrigger, Fill, Presentation } from '../model/types.ts';
import { SAVE_FORMATS } from './dialogs.ts';
import { shapeAt } from './geometry.ts';
import { saveAs } from './save.ts';
import type { PowerPointState, ViewMode } from './state.ts';

type S = PowerPointState;
type Args = Readonly<Record<string, unknown>>;
type Command = CommandDecl<S>;

/** A control bound to a slide shape has this id. */
export const shapeControlId = (shapeId: number): string => `shape-${shapeId}`;

function modelError(error: unknown): Outcome {
  if (error instanceof PresentationError) return { error: error.message };
  throw error;
}

interface OpOptions {
  label?: string;
  undo?: 'push' | 'merge' | 'none';
}

/** A command that replaces the presentation with what `fn` makes of it. */
function op(
  fn: (pres: Presentation, args: Args, ctx: CommandContext<S>) => Presentation,
  options: OpOptions = {},
): Command {
  const decl: Command = {
    run(ctx, args) {
      try {
        ctx.state.pres = fn(ctx.state.pres, args, ctx);
        return undefined;
      } catch (error) {
        return modelError(error);
      }
    },
  };
  if (options.label !== undefined) decl.label = options.label;
  if (options.undo !== undefined) decl.undo = options.undo;
  return decl;
}

function str(args: Args, key: string, where: string): string {
  const v = args[key];
  if (typeof v !== 'string' || v.trim() === '') {
    throw new PresentationError(
      'INVALID_ARGUMENT',
      `${where}: ${key} must be a non-empty string; got ${JSON.stringify(v)}`,
    );
  }
  return v.trim();
}

function num(args: Args, key: string, where: string): number {
  const raw = args[key];
  const v = typeof raw === 'string' ? Number(raw.replace(/[^0-9.+-]/g, '')) : raw;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new PresentationError(
      'INVALID_ARGUMENT',
      `${where}: ${key} must be a number; got ${JSON.stringify(raw)}`,
    );
  }
  return v;
}

/** "1.5", "1.5 sec", "01.50" → seconds. */
function seconds(args: Args, key: string, where: string): number {
  return Math.round(num(args, key, where) * 100) / 100;
}

const ALIGNS: readonly Align[] = ['left', 'center', 'right', 'justify'];

/** Toggles a bullet kind on the selected paragraphs: on when the first of them lacks it. */
function toggleList(pres: Presentation, kind: 'char' | 'number'): Presentation {
  const state = canvasState(pres);
  const sel = pres.selection;
  const slide = state.slides.find((s) => s.id === sel.slideId);
  const shapeId = sel.text?.shapeId ?? sel.shapeIds[0];
  const shape = slide?.shapes.find((s) => s.id === shapeId);
  const para = shape?.text?.[sel.text?.anchor.paragraph ?? 0];
  const bullet = para?.bullet ?? '';
  const has =
    kind === 'number'
      ? /^(arabic|roman|alpha)/.test(bullet)
      : bullet !== '' && !/^(arabic|roman|alpha)/.test(bullet);
  if (has) return setParagraphFormat(pres, { bullet: { type: 'none' } });
  return setParagraphFormat(pres, {
    bullet: kind === 'number' ? { type: 'number', scheme: 'arabicPeriod' } : { type: 'char', char: '•' },
  });
}

/** What clicking the slide does: selects the topmost shape there (double-click: into its text), or nothing. */
function clickSlide(pres: Presentation, args: Args): Presentation {
  const slide = pres.slides[currentSlideIndex(pres)];
  if (!slide) return pres;
  const shape = shapeAt(pres, slide.shapes, num(args, 'x', 'click'), num(args, 'y', 'click'));
  if (!shape) return selectShapes(exitTextEdit(pres), []);
  if (args.double === true && isTextShape(shape))
    return enterTextEdit(pres, { shapeId: shape.id, at: 'end' });
  return selectShapes(pres, [shape.id]);
}

/**
 * set_edit_text on the slide: with the caret in a shape's text it types there (replacing the selected text);
 * with a shape selected, or with `clear`, it replaces the shape's whole text, as typing on a selected
 * placeholder does in PowerPoint.
 */
function setSlideText(ctx: CommandContext<S>, text: string, clear: boolean): Outcome {
  const pres = ctx.state.pres;
  try {
    if (pres.selection.text && !clear) {
      ctx.state.pres = insertText(pres, text);
      return undefined;
    }
    const slide = pres.slides[currentSlideIndex(pres)];
    const id =
      pres.selection.text?.shapeId ??
      (pres.selection.shapeIds.length === 1 ? pres.selection.shapeIds[0] : undefined);
    const shape = slide?.shapes.find((s) => s.id === id);
    if (!shape || !isTextShape(shape)) {
      return { error: 'set_edit_text: no placeholder or text box is selected; click one first' };
    }
    // A programmatic set leaves the shape selected, not in text editing (as UIA's SetValue does).
    ctx.state.pres = exitTextEdit(insertText(exitTextEdit(selectShapes(pres, [shape.id])), text));
    return undefined;
  } catch (error) {
    return modelError(error);
  }
}

const MOTIONS: readonly CaretMotion[] = [
  'left',
  'right',
  'up',
  'down',
  'home',
  'end',
  'wordLeft',
  'wordRight',
  'textStart',
  'textEnd',
];

export const powerPointCommands: Readonly<Record<string, Command>> = {
  // ---------------------------------------------------------------- slides (thumbnails, Home > Slides)
  selectSlide: {
    label: 'Select Slide',
    undo: 'none',
    run(ctx, args) {
      try {
        ctx.ui.focusDocument();
        ctx.state.pres = selectSlide(ctx.state.pres, num(args, 'index', 'selectSlide'), {
          extend: args.extend === true,
        });
        return undefined;
      } catch (error) {
        return modelError(error);
      }
    },
  },
  newSlide: op((p, a) => newSlide(p, typeof a.value === 'string' ? { layout: a.value } : {}), {
    label: 'New Slide',
  }),
  duplicateSlide: op((p) => duplicateSlide(p), { label: 'Duplicate Slide' }),
  deleteSlide: op((p) => deleteSlides(p), { label: 'Delete Slide' }),
  moveSlideUp: op((p) => moveSlide(p, currentSlideIndex(p), Math.max(0, currentSlideIndex(p) - 1)), {
    label: 'Move Slide',
  }),
  moveSlideDown: op(
    (p) => moveSlide(p, currentSlideIndex(p), Math.min(p.slides.length - 1, currentSlideIndex(p) + 1)),
    {
      label: 'Move Slide',
    },
  ),
  moveSlideToStart: op((p) => moveSlide(p, currentSlideIndex(p), 0), { label: 'Move Slide' }),
  moveSlideToEnd: op((p) => moveSlide(p, currentSlideIndex(p), p.slides.length - 1), { label: 'Move Slide' }),
  layout: op((p, a) => changeLayout(p, str(a, 'value', 'Layout')), { label: 'Layout' }),
  resetSlide: op((p) => resetSlide(p), { label: 'Reset' }),
  addSection: op((p, a) => addSection(p, typeof a.name === 'string' ? { name: a.name } : {}), {
    label: 'Add Section',
  }),
  renameSection: op(
    (p, a) => renameSection(p, num(a, 'index', 'Rename Section'), str(a, 'name', 'Rename Section')),
    {
      label: 'Rename Section',
    },
  ),
  removeSection: op((p, a) => removeSection(p, num(a, 'index', 'Remove Section')), {
    label: 'Remove Section',
  }),
  hideSlide: op((p) => toggleHideSlide(p), { label: 'Hide Slide' }),

  // ---------------------------------------------------------------- the slide canvas and notes
  documentClick: {
    label: 'Select',
    undo: 'none',
    run(ctx, args) {
      try {
        ctx.state.pres = clickSlide(ctx.state.pres, args);
        return undefined;
      } catch (error) {
        return modelError(error);
      }
    },
  },
  selectShape: op((p, a) => selectShapes(p, [num(a, 'shapeId', 'select')]), {
    label: 'Select',
    undo: 'none',
  }),
  setText: {
    label: 'Typing',
    run: (ctx, args) => setSlideText(ctx, String(args.text ?? ''), args.clear === true),
  },
  type: op(
    (p, a) => {
      const sel = p.selection;
      // Typing with nothing selected on a slide goes nowhere in PowerPoint either.
      if (!sel.text && sel.shapeIds.length !== 1) {
        throw new PresentationError(
          'NO_TEXT_SELECTION',
          'typing: no placeholder or text box is selected; click one first',
        );
      }
      return insertText(p, String(a.text ?? ''));
    },
    { label: 'Typing', undo: 'merge' },
  ),
  caret: op(
    (p, a) => {
      const motion = a.motion as CaretMotion;
      if (!MOTIONS.includes(motion))
        throw new PresentationError('INVALID_ARGUMENT', `caret: unknown motion ${JSON.stringify(a.motion)}`);
      return moveCaret(p, motion, { extend: a.extend === true });
    },
    { undo: 'none' },
  ),
  backspace: op((p, a) => deleteText(p, 'backward', { word: a.word === true }), {
    label: 'Typing',
    undo: 'merge',
  }),
  deleteForward: op((p, a) => deleteText(p, 'forward', { word: a.word === true }), {
    label: 'Typing',
    undo: 'merge',
  }),
  deleteKey: op(
    (p, a) => (p.selection.text ? deleteText(p, 'forward', { word: a.word === true }) : deleteShapes(p)),
    { label: 'Delete' },
  ),
  editText: op(
    (p) => {
      const id = p.selection.shapeIds[0];
      if (p.selection.shapeIds.length !== 1 || id === undefined) {
        throw new PresentationError('NO_SELECTION', 'edit text: select one placeholder or text box first');
      }
      return enterTextEdit(p, { shapeId: id, at: 'end' });
    },
    { undo: 'none' },
  ),
  escape: op((p) => (p.selection.text ? exitTextEdit(p) : selectShapes(p, [])), { undo: 'none' }),
  selectAll: op((p) => selectAll(p), { undo: 'none' }),
  nudge: op((p, a) => nudgeShapes(p, num(a, 'dx', 'nudge'), num(a, 'dy', 'nudge')), {
    label: 'Nudge',
  }),
  // The Notes pane applies each edit as it is typed; a run of typing undoes as one step, as in PowerPoint.
  notes: op((p, a) => setNotes(p, String(a.value ?? '')), { label: 'Typing', undo: 'merge' }),

  // ---------------------------------------------------------------- Home > Font, Paragraph
  font: op((p, a) => setTextFormat(p, { font: str(a, 'value', 'Font') }), { label: 'Font' }),
  fontSize: op((p, a) => setTextFormat(p, { size: num(a, 'value', 'Font Size') }), {
    label: 'Font Size',
  }),
  bold: op((p) => toggleTextFormat(p, 'bold'), { label: 'Bold' }),
  italic: op((p) => toggleTextFormat(p, 'italic'), { label: 'Italic' }),
  underline: op((p) => toggleTextFormat(p, 'underline'), { label: 'Underline' }),
  strike: op((p) => toggleTextFormat(p, 'strike'), { label: 'Strikethrough' }),
  growFont: op((p) => changeFontSize(p, 'grow'), { label: 'Increase Font Size' }),
  shrinkFont: op((p) => changeFontSize(p, 'shrink'), { label: 'Decrease Font Size' }),
  fontColor: op(
    (p, a, ctx) => {
      const color = typeof a.value === 'string' ? a.value : ctx.state.lastFontColor;
      const next = setTextFormat(p, { color });
      ctx.state.lastFontColor = color;
      return next;
    },
    { label: 'Font Color' },
  ),
  align: op(
    (p, a) => {
      const value = a.value as Align;
      if (!ALIGNS.includes(value))
        throw new PresentationError(
          'INVALID_ARGUMENT',
          `align: ${JSON.stringify(a.value)} is not left, center, right or justify`,
        );
      return setParagraphFormat(p, { align: value });
    },
    { label: 'Align' },
  ),
  bullets: op((p) => toggleList(p, 'char'), { label: 'Bullets' }),
  numbering: op((p) => toggleList(p, 'number'), { label: 'Numbering' }),
  increaseListLevel: op((p) => changeListLevel(p, 1), { label: 'Increase List Level' }),
  decreaseListLevel: op((p) => changeListLevel(p, -1), { label: 'Decrease List Level' }),
  lineSpacing: op((p, a) => setParagraphFormat(p, { lineSpacing: num(a, 'value', 'Line Spacing') }), {
    label: 'Line Spacing',
  }),
  replace: {
    label: 'Replace',
    run(ctx, args) {
      try {
        const { presentation, count } = replaceText(
          ctx.state.pres,
          str(args, 'find', 'Replace'),
          String(args.replace ?? ''),
          {
            matchCase: args.matchCase === true,
            wholeWords: args.wholeWords === true,
          },
        );
        ctx.state.pres = presentation;
        ctx.ui.messageBox(
          count === 0
            ? "We couldn't find what you were looking for."
            : `We made ${count} replacement${count === 1 ? '' : 's'}.`,
        );
        return { result: { replacements: count } };
      } catch (error) {
        return modelError(error);
      }
    },
  },

  // ---------------------------------------------------------------- Insert
  textBox: op((p) => insertTextBox(p), { label: 'Text Box' }),
  insertShape: op((p, a) => insertShape(p, { type: str(a, 'value', 'Shapes') }), { label: 'Insert Shape' }),
  insertTable: op(
    (p, a) =>
      insertTable(p, { rows: num(a, 'rows', 'Insert Table'), cols: num(a, 'columns', 'Insert Table') }),
    {
      label: 'Insert Table',
    },
  ),
  insertPicture: op(
    (p, a) =>
      insertPicture(p, { name: str(a, 'name', 'Insert Picture'), description: String(a.description ?? '') }),
    { label: 'Insert Picture' },
  ),

  headerFooter: op((p, a) => setHeaderFooter(p, headerFooterOptions(a, 'selected')), {
    label: 'Header and Footer',
  }),
  headerFooterAll: op((p, a) => setHeaderFooter(p, headerFooterOptions(a, 'all')), {
    label: 'Header and Footer',
  }),

  // ---------------------------------------------------------------- Design
  theme: op((p, a) => applyTheme(p, str(a, 'value', 'Themes')), { label: 'Apply Theme' }),
  variant: op((p, a) => applyVariant(p, num(a, 'value', 'Variants')), { label: 'Variant' }),
  colors: op((p, a) => applyColorScheme(p, str(a, 'value', 'Colors')), { label: 'Colors' }),
  fonts: op((p, a) => applyFontScheme(p, str(a, 'value', 'Fonts')), { label: 'Fonts' }),
  slideSize: op(
    (p, a) => {
      const v = str(a, 'value', 'Slide Size');
      if (/^standard/i.test(v)) return setSlideSize(p, 'standard');
      if (/^widescreen/i.test(v)) return setSlideSize(p, 'widescreen');
      throw new PresentationError(
        'INVALID_ARGUMENT',
        `Slide Size: choose "Standard (4:3)" or "Widescreen (16:9)"; got ${JSON.stringify(v)}`,
      );
    },
    { label: 'Slide Size' },
  ),
  formatBackground: op((p, a) => setBackground(p, { fill: backgroundFill(a) }), {
    label: 'Format Background',
  }),
  formatBackgroundAll: op((p, a) => setBackground(p, { fill: backgroundFill(a), slides: 'all' }), {
    label: 'Apply to All',
  }),
  resetBackground: op((p) => setBackground(p, { fill: null }), { label: 'Reset Background' }),

  // ---------------------------------------------------------------- Transitions
  transition: op((p, a) => setTransition(p, { type: str(a, 'value', 'Transition') }), {
    label: 'Transition',
  }),
  effectOption: op(
    (p, a) => {
      const cur = p.slides[currentSlideIndex(p)]?.transition;
      if (!cur || cur.type === 'None')
        throw new PresentationError('INVALID_ARGUMENT', 'Effect Options: pick a transition first');
      return setTransition(p, {
        type: cur.type,
        effect: str(a, 'value', 'Effect Options'),
        duration: cur.duration,
      });
    },
    { label: 'Effect Options' },
  ),
  transitionDuration: op((p, a) => setTransitionTiming(p, { duration: seconds(a, 'value', 'Duration') }), {
    label: 'Duration',
  }),
  advanceOnClick: op(
    (p) =>
      setTransitionTiming(p, {
        advanceOnClick: !(p.slides[currentSlideIndex(p)]?.transition?.advanceOnClick ?? true),
      }),
    { label: 'On Mouse Click' },
  ),
  advanceAfter: op(
    (p, a) => {
      const raw = a.value;
      return setTransitionTiming(p, {
        advanceAfter: raw === null || raw === '' ? null : seconds(a, 'value', 'After'),
      });
    },
    { label: 'After' },
  ),
  toggleAdvanceAfter: op(
    (p) => {
      const cur = p.slides[currentSlideIndex(p)]?.transition?.advanceAfter ?? null;
      return setTransitionTiming(p, { advanceAfter: cur === null ? 0 : null });
    },
    { label: 'After' },
  ),
  applyTransitionToAll: op((p) => applyTransitionToAll(p), { label: 'Apply To All' }),

  // ---------------------------------------------------------------- Animations
  animation: op(
    (p, a) => {
      const v = str(a, 'value', 'Animation');
      return v === 'None' ? removeAnimations(p) : setAnimation(p, { effect: v });
    },
    { label: 'Animation' },
  ),
  addAnimation: op((p, a) => addAnimation(p, { effect: str(a, 'value', 'Add Animation') }), {
    label: 'Add Animation',
  }),
  animationStart: op((p, a) => retime(p, { start: a.value }), { label: 'Start' }),
  animationDuration: op((p, a) => retime(p, { duration: a.value }), { label: 'Duration' }),
  animationDelay: op((p, a) => retime(p, { delay: a.value }), { label: 'Delay' }),
  animationTiming: op((p, a) => retime(p, a), { label: 'Animation Timing' }),

  // ---------------------------------------------------------------- Slide Show
  slideShowFromBeginning: {
    label: 'From Beginning',
    undo: 'none',
    run(ctx) {
      const first = ctx.state.pres.slides.findIndex((s) => !s.hidden);
      if (first < 0) return { error: 'From Beginning: every slide is hidden, so there is nothing to show' };
      ctx.state.slideShow = first;
      return { result: `slide show started at slide ${first + 1}` };
    },
  },
  slideShowFromCurrent: {
    label: 'From Current Slide',
    undo: 'none',
    run(ctx) {
      const cur = currentSlideIndex(ctx.state.pres);
      if (cur < 0) return { error: 'From Current Slide: the presentation has no slides' };
      ctx.state.slideShow = cur;
      return { result: `slide show started at slide ${cur + 1}` };
    },
  },
  endSlideShow: {
    label: 'End Show',
    undo: 'none',
    run(ctx) {
      if (ctx.state.slideShow === null) return { changed: false };
      ctx.state.slideShow = null;
      return undefined;
    },
  },

  // ---------------------------------------------------------------- Review
  checkAccessibility: {
    mutates: false,
    run(ctx) {
      // PowerPoint's Accessibility Checker: pictures without alt text and slides without a title.
      const issues: string[] = [];
      ctx.state.pres.slides.forEach((slide, i) => {
        const title = slide.shapes.some(
          (s) =>
            s.kind === 'placeholder' &&
            (s.placeholder.type === 'title' || s.placeholder.type === 'ctrTitle') &&
            s.text.paragraphs.some((p) => p.runs.some((r) => r.text.trim() !== '')),
        );
        if (!title) issues.push(`Missing slide title: Slide ${i + 1}`);
        for (const s of slide.shapes) {
          if (s.kind === 'picture' && s.image.description.trim() === '')
            issues.push(`Missing alternative text: ${s.name} (Slide ${i + 1})`);
        }
      });
      ctx.ui.messageBox(
        issues.length === 0
          ? 'No accessibility issues found.'
          : `Accessibility issues:\n${issues.join('\n')}`,
      );
      return { result: { issues } };
    },
  },

  // ---------------------------------------------------------------- View
  viewMode: {
    label: 'View',
    undo: 'none',
    run(ctx, args) {
      const modes: ViewMode[] = ['normal', 'outline', 'sorter', 'notesPage', 'reading'];
      if (!modes.includes(args.value as ViewMode))
        return { error: `view: unknown view ${JSON.stringify(args.value)}` };
      ctx.state.view.mode = args.value as ViewMode;
      return undefined;
    },
  },
  toggleNotesPane: {
    label: 'Notes',
    undo: 'none',
    run(ctx) {
      ctx.state.view.notesPane = !ctx.state.view.notesPane;
      return undefined;
    },
  },
  toggleRuler: {
    undo: 'none',
    run(ctx) {
      ctx.state.view.ruler = !ctx.state.view.ruler;
      return undefined;
    },
  },
  toggleGridlines: {
    undo: 'none',
    run(ctx) {
      ctx.state.view.gridlines = !ctx.state.view.gridlines;
      return undefined;
    },
  },

  // ---------------------------------------------------------------- File
  save: { label: 'Save', undo: 'none', run: (ctx) => saveAs(ctx, {}) },
  openSaveAs: {
    mutates: false,
    run(ctx) {
      ctx.ui.openDialog('saveAs');
      return undefined;
    },
  },
  openReplace: {
    mutates: false,
    run(ctx) {
      ctx.ui.openDialog('replace');
      return undefined;
    },
  },
  saveAs: { label: 'Save As', undo: 'none', run: (ctx, args) => saveAs(ctx, args) },
  saveAsDialog: {
    label: 'Save As',
    undo: 'none',
    run: (ctx, args) =>
      saveAs(ctx, { ...args, file_ext: SAVE_FORMATS[String(args.file_ext)] ?? String(args.file_ext ?? '') }),
  },
};

const TRIGGERS: readonly AnimationTrigger[] = ['On Click', 'With Previous', 'After Previous'];

/** Animations > Timing (Start, Duration, Delay) for the selected shape's last effect. */
function retime(p: Presentation, a: Args): Presentation {
  const slide = p.slides[currentSlideIndex(p)];
  const id = p.selection.text?.shapeId ?? p.selection.shapeIds[0];
  const last = slide?.animations.filter((x) => x.shapeId === id).pop();
  if (!slide || id === undefined || !last) {
    throw new PresentationError('NO_SELECTION', 'Timing: select an animated shape first');
  }
  let trigger = last.trigger;
  if (a.start !== undefined) {
    const found = TRIGGERS.find((t) => t.toLowerCase() === String(a.start).trim().toLowerCase());
    if (!found)
      throw new PresentationError(
        'INVALID_ARGUMENT',
        `Start must be one of ${TRIGGERS.join(', ')}; got ${JSON.stringify(a.start)}`,
      );
    trigger = found;
  }
  const duration = a.duration === undefined ? last.duration : seconds(a, 'duration', 'Duration');
  const delay = a.delay === undefined ? last.delay : seconds(a, 'delay', 'Delay');
  return setAnimation(p, { effect: last.effect, shapeId: id, trigger, duration, delay });
}

/** The Header and Footer dialog's values: the footer text counts only with the Footer box ticked. */
function headerFooterOptions(a: Args, scope: HeaderFooterOptions['scope']): HeaderFooterOptions {
  return {
    slideNumber: a.slideNumber === true,
    footer: a.footer === true ? String(a.footerText ?? '') : null,
    notOnTitleSlide: a.notOnTitleSlide === true,
    scope,
  };
}

/** The Format Background pane's values as a Fill: Solid fill with a colour, or Gradient fill between two. */
function backgroundFill(a: Args): Fill {
  const kind = a.fillType ?? 'solid';
  if (kind === 'gradient') {
    return {
      type: 'gradient',
      gradientType: 'linear',
      angle: a.angle === undefined ? 90 : num(a, 'angle', 'Format Background'),
      stops: [
        { position: 0, color: str(a, 'color', 'Format Background') },
        { position: 100, color: typeof a.color2 === 'string' && a.color2.trim() !== '' ? a.color2 : 'white' },
      ],
    };
  }
  if (kind !== 'solid')
    throw new PresentationError(
      'INVALID_ARGUMENT',
      `Format Background: fill must be "solid" or "gradient"; got ${JSON.stringify(kind)}`,
    );
  const fill: Fill = { type: 'solid', color: str(a, 'color', 'Format Background') };
  if (a.transparency !== undefined && a.transparency !== 0 && a.transparency !== '')
    fill.transparency = num(a, 'transparency', 'Format Background');
  return fill;
}
