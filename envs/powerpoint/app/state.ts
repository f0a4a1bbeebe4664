/**
 * The PowerPoint app's state: the presentation (the model's Presentation, which also records the file name and
 * every Save As) plus what PowerPoint keeps beside it — the file format, the view (Normal, Slide Sorter…, the
 * notes pane, ruler, gridlines) and the last Font Color. Plain JSON data. Commands assign the fields here (and
 * the view's) in place, but never modify a presentation: operations return new ones that share what they did not
 * change, so an undo snapshot copies only this outer object and the view (`powerPointApp.snapshot`).
 */
import { createPresentation } from '../model/builder.ts';
import type { PresentationSpec } from '../model/builder.ts';
import { PresentationError } from '../model/errors.ts';
import { createEmptyPresentation } from '../model/presentation.ts';
import type { Presentation } from '../model/types.ts';

/** What Save As offers (File > Save As > file type), by extension. */
export const FILE_FORMATS = ['pptx', 'pptm', 'ppt', 'potx', 'ppsx', 'pdf', 'odp', 'png', 'jpg'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export type ViewMode = 'normal' | 'outline' | 'sorter' | 'notesPage' | 'reading';

export interface PowerPointView {
  mode: ViewMode;
  notesPane: boolean;
  ruler: boolean;
  gridlines: boolean;
}

export interface PowerPointState {
  pres: Presentation;
  /** The format the file was opened in or last saved as. */
  format: FileFormat;
  view: PowerPointView;
  /** The colour the Font Color button applies (its last choice). */
  lastFontColor: string;
  /** Set by Slide Show > From Beginning / From Current Slide until Esc ends the show: the 0-based slide shown. */
  slideShow: number | null;
}

/** Named starting presentations; tasks may also give a PresentationSpec or a whole Presentation. */
export const POWERPOINT_TEMPLATES: Readonly<Record<string, () => Presentation>> = {
  /** File > New > Blank Presentation: one empty Title Slide. */
  blank: () => createEmptyPresentation(),
  /** UFO dataflow's template6.pptx: "A completely empty PowerPoint presentation with only one empty slide." */
  empty: () => createEmptyPresentation(),
  /** A short pitch deck: title, agenda, a table, a closing slide, with notes. */
  pitch: () =>
    createPresentation({
      slides: [
        { title: 'Project Falcon', subtitle: 'Quarterly update', notes: 'Welcome everyone.' },
        { title: 'Agenda', body: 'Results\nRoadmap\nQuestions' },
        {
          layout: 'Title Only',
          title: 'Results',
          tables: [
            {
              rows: [
                ['Region', 'Sales'],
                ['North', '120'],
                ['South', '95'],
              ],
            },
          ],
        },
        { layout: 'Section Header', title: 'Thank you', body: 'Questions?' },
      ],
    }),
};

/**
 * Named templates are built once: presentations are never modified in place (operations make new ones), so
 * every episode can start from the same one, and what the UI memoises for its slides carries over.
 */
const builtTemplates = new Map<string, Presentation>();

function namedTemplate(name: string): Presentation {
  let pres = builtTemplates.get(name);
  if (pres === undefined) {
    const make = POWERPOINT_TEMPLATES[name];
    if (make === undefined) {
      throw new Error(
        `unknown PowerPoint template '${name}'; known templates: ${Object.keys(POWERPOINT_TEMPLATES).join(', ')}`,
      );
    }
    pres = make();
    builtTemplates.set(name, pres);
  }
  return pres;
}

function isPresentation(value: unknown): value is Presentation {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return Array.isArray(v.slides) && typeof v.master === 'object' && typeof v.theme === 'object';
}

export interface PowerPointTemplateObject {
  /** A file name for the title bar ("deck.pptx"). */
  name?: string;
  presentation?: PresentationSpec | Presentation;
}

function splitFileName(name: string): { base: string; format: FileFormat } {
  const m = /^(.*)\.([A-Za-z]+)$/.exec(name);
  const ext = m?.[2]?.toLowerCase();
  if (m && ext !== undefined && (FILE_FORMATS as readonly string[]).includes(ext)) {
    return { base: m[1]!, format: ext as FileFormat };
  }
  return { base: name, format: 'pptx' };
}

function presentationFrom(source: PresentationSpec | Presentation): Presentation {
  return isPresentation(source) ? structuredClone(source) : createPresentation(source);
}

/**
 * The state a task starts from. `template`: undefined (a blank Presentation1), a name of POWERPOINT_TEMPLATES, a
 * PresentationSpec, a Presentation, or `{name, presentation}`. Throws an Error naming what was wrong.
 */
export function createPowerPointState(template: unknown): PowerPointState {
  let pres: Presentation;
  let fileName: string | null = null;
  try {
    if (template === undefined || template === null) pres = namedTemplate('blank');
    else if (typeof template === 'string') {
      pres = namedTemplate(template);
      if (template !== 'blank') fileName = `${template}.pptx`;
    } else if (typeof template === 'object' && ('presentation' in template || 'name' in template)) {
      const t = template as PowerPointTemplateObject;
      if (t.name !== undefined && typeof t.name !== 'string')
        throw new Error('template.name must be a string');
      pres = t.presentation === undefined ? createEmptyPresentation() : presentationFrom(t.presentation);
      if (t.name !== undefined) fileName = t.name;
    } else if (typeof template === 'object') pres = presentationFrom(template as PresentationSpec);
    else
      throw new Error(
        `a PowerPoint template must be a template name, a spec or a presentation, got ${typeof template}`,
      );
  } catch (error) {
    if (error instanceof PresentationError) throw new Error(`bad PowerPoint template: ${error.message}`);
    throw error;
  }
  const { base, format } = splitFileName(fileName ?? `${pres.document.name}.pptx`);
  return {
    pres: pres.document.name === base ? pres : { ...pres, document: { ...pres.document, name: base } },
    format,
    view: { mode: 'normal', notesPane: true, ruler: false, gridlines: false },
    lastFontColor: '#FF0000',
    slideShow: null,
  };
}
