/**
 * UFO's PowerPoint app APIs (ufo/prompts/apps/powepoint/api.yaml, UFO v2.0.0): set_background_color and
 * save_as. They are called with no control; arguments are checked by the zod schemas before `run`.
 */
import { z } from 'zod';
import type { ApiDecl } from '../../office/index.ts';
import { PresentationError } from '../model/errors.ts';
import { setBackgroundColor } from '../model/operations/ufo.ts';
import { saveAs } from './save.ts';
import type { PowerPointState } from './state.ts';

const slideNumbers = z.union([z.number().int(), z.array(z.number().int()), z.null()]);

export const powerPointApis: Readonly<Record<string, ApiDecl<PowerPointState>>> = {
  set_background_color: {
    summary: '"set_background_color" sets the background colour of the given slides, or of all slides.',
    usage: [
      '[1] API call: set_background_color(color: str, slide_index: list[int] | None = None)',
      '[2] Args:',
      '  - color: The colour as a hex RGB code, e.g. "FFFFFF" (a colour name such as "red" also works).',
      '  - slide_index: The 1-based numbers of the slides to change (Default: None, every slide).',
      '[3] Example: set_background_color(color="FFFF00", slide_index=[1, 3])',
      '[4] Available control item: No control item is needed.',
      '[5] Return: A message saying which slides changed.',
    ].join('\n'),
    args: z.strictObject({
      color: z.string().min(1, 'the colour is empty'),
      slide_index: slideNumbers.optional(),
    }),
    label: 'Format Background',
    run(ctx, args) {
      try {
        const { presentation, message } = setBackgroundColor(
          ctx.state.pres,
          args.color as string,
          args.slide_index as number[] | number | null | undefined,
        );
        ctx.state.pres = presentation;
        return { result: message };
      } catch (error) {
        if (error instanceof PresentationError) return { error: error.message };
        throw error;
      }
    },
    sample: (rng, s) => {
      if (s.pres.slides.length === 0) return null;
      const colors = ['FFFFFF', 'FFFF00', '1F4E79', 'C00000', '92D050'];
      return {
        color: colors[Number(rng.integers(0, colors.length))]!,
        slide_index: [Number(rng.integers(1, s.pres.slides.length + 1))],
      };
    },
  },
  save_as: {
    summary: '"save_as" saves the presentation under a folder, a file name and a format.',
    usage: [
      '[1] API call: save_as(file_dir: str = "", file_name: str = "", file_ext: str = "", current_slide_only: bool = False)',
      '[2] Args:',
      '  - file_dir: The folder (Default: "", the folder it was last saved in).',
      '  - file_name: The file name without extension (Default: "", the current name).',
      '  - file_ext: The format: ".pptx", ".pdf", ".png", ".jpg", ... (Default: "", the current format).',
      '  - current_slide_only: For .png, .jpg and .pdf: save only the current slide (Default: False).',
      '[3] Example: save_as(file_dir="C:\\\\Users\\\\me\\\\Documents", file_name="deck", file_ext=".pdf")',
      '[4] Available control item: No control item is needed.',
      '[5] Return: Where the presentation was saved.',
    ].join('\n'),
    args: z.strictObject({
      file_dir: z.string().default(''),
      file_name: z.string().default(''),
      file_ext: z.string().default(''),
      current_slide_only: z.boolean().default(false),
    }),
    label: 'Save As',
    undo: 'none',
    run: (ctx, args) => saveAs(ctx, args),
    sample: (rng) => ({
      file_dir: '',
      file_name: `deck${Number(rng.integers(0, 10))}`,
      file_ext: '.pptx',
      current_slide_only: false,
    }),
  },
};
