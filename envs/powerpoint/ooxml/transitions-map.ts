/**
 * PowerPoint's transition gallery ↔ the OOXML elements inside p:transition. Directions follow OOXML's
 * convention: "From Right" content moves left, so dir="l".
 */
import type { Transition, TransitionType } from '../model/types.ts';

export interface TransitionElement {
  /** Qualified element name: p:fade, p14:vortex, p15:prstTrans, p159:morph. */
  element: string;
  attrs: Record<string, string>;
}

type Entry = { type: TransitionType; effect?: string } & TransitionElement;

const EIGHT: [string, string][] = [
  ['From Right', 'l'],
  ['From Top', 'd'],
  ['From Left', 'r'],
  ['From Bottom', 'u'],
  ['From Top-Right', 'ld'],
  ['From Bottom-Right', 'lu'],
  ['From Top-Left', 'rd'],
  ['From Bottom-Left', 'ru'],
];

const e = (
  type: TransitionType,
  effect: string | undefined,
  element: string,
  attrs: Record<string, string> = {},
): Entry => (effect === undefined ? { type, element, attrs } : { type, effect, element, attrs });

const P15_PRESETS: [TransitionType, string][] = [
  ['Fall Over', 'fallOver'],
  ['Drape', 'drape'],
  ['Curtains', 'curtains'],
  ['Wind', 'wind'],
  ['Prestige', 'prestige'],
  ['Fracture', 'fracture'],
  ['Crush', 'crush'],
  ['Peel Off', 'peelOff'],
  ['Page Curl', 'pageCurlDouble'],
  ['Airplane', 'airplane'],
  ['Origami', 'origami'],
];

/** Searched in order on import: the first entry whose element and (defaulted) attributes match wins. */
const ENTRIES: readonly Entry[] = [
  e('Fade', 'Smoothly', 'p:fade', { thruBlk: '0' }),
  e('Fade', 'Through Black', 'p:fade', { thruBlk: '1' }),
  e('Push', 'From Bottom', 'p:push', { dir: 'u' }),
  e('Push', 'From Left', 'p:push', { dir: 'r' }),
  e('Push', 'From Right', 'p:push', { dir: 'l' }),
  e('Push', 'From Top', 'p:push', { dir: 'd' }),
  ...EIGHT.slice(0, 4).map(([effect, dir]) => e('Wipe', effect, 'p:wipe', { dir })),
  ...EIGHT.slice(4).map(([effect, dir]) => e('Wipe', effect, 'p:strips', { dir })),
  e('Split', 'Vertical Out', 'p:split', { orient: 'vert', dir: 'out' }),
  e('Split', 'Vertical In', 'p:split', { orient: 'vert', dir: 'in' }),
  e('Split', 'Horizontal Out', 'p:split', { orient: 'horz', dir: 'out' }),
  e('Split', 'Horizontal In', 'p:split', { orient: 'horz', dir: 'in' }),
  e('Reveal', 'Smoothly From Right', 'p14:reveal', { thruBlk: '0', dir: 'l' }),
  e('Reveal', 'Smoothly From Left', 'p14:reveal', { thruBlk: '0', dir: 'r' }),
  e('Reveal', 'Through Black From Right', 'p14:reveal', { thruBlk: '1', dir: 'l' }),
  e('Reveal', 'Through Black From Left', 'p14:reveal', { thruBlk: '1', dir: 'r' }),
  e('Cut', 'Cut', 'p:cut', { thruBlk: '0' }),
  e('Cut', 'Through Black', 'p:cut', { thruBlk: '1' }),
  e('Random Bars', 'Vertical', 'p:randomBar', { dir: 'vert' }),
  e('Random Bars', 'Horizontal', 'p:randomBar', { dir: 'horz' }),
  e('Shape', 'Circle', 'p:circle'),
  e('Shape', 'Diamond', 'p:diamond'),
  e('Shape', 'Plus', 'p:plus'),
  e('Shape', 'In', 'p:zoom', { dir: 'in' }),
  e('Shape', 'Out', 'p:zoom', { dir: 'out' }),
  ...EIGHT.map(([effect, dir]) => e('Uncover', effect, 'p:pull', { dir })),
  ...EIGHT.map(([effect, dir]) => e('Cover', effect, 'p:cover', { dir })),
  e('Flash', undefined, 'p14:flash'),
  e('Morph', 'Objects', 'p159:morph', { option: 'byObject' }),
  e('Morph', 'Words', 'p159:morph', { option: 'byWord' }),
  e('Morph', 'Characters', 'p159:morph', { option: 'byChar' }),
  e('Dissolve', undefined, 'p:dissolve'),
  e('Checkerboard', 'From Left', 'p:checker', { dir: 'horz' }),
  e('Checkerboard', 'From Top', 'p:checker', { dir: 'vert' }),
  e('Blinds', 'Vertical', 'p:blinds', { dir: 'vert' }),
  e('Blinds', 'Horizontal', 'p:blinds', { dir: 'horz' }),
  e('Clock', 'Clockwise', 'p:wheel', { spokes: '1' }),
  e('Clock', 'Counterclockwise', 'p14:wheelReverse', { spokes: '1' }),
  e('Clock', 'Wedge', 'p:wedge'),
  e('Ripple', undefined, 'p14:ripple'),
  e('Honeycomb', undefined, 'p14:honeycomb'),
  e('Glitter', undefined, 'p14:glitter'),
  e('Vortex', undefined, 'p14:vortex'),
  e('Shred', undefined, 'p14:shred'),
  e('Switch', undefined, 'p14:switch'),
  e('Flip', undefined, 'p14:flip'),
  e('Gallery', undefined, 'p14:gallery'),
  e('Cube', undefined, 'p14:prism', { isInverted: '0', isContent: '0' }),
  e('Box', undefined, 'p14:prism', { isInverted: '1', isContent: '0' }),
  e('Doors', undefined, 'p14:doors'),
  e('Comb', 'Horizontal', 'p:comb', { dir: 'horz' }),
  e('Comb', 'Vertical', 'p:comb', { dir: 'vert' }),
  e('Zoom', undefined, 'p14:warp', { dir: 'in' }),
  e('Random', undefined, 'p:random'),
  e('Pan', undefined, 'p14:pan'),
  e('Ferris Wheel', undefined, 'p14:ferris'),
  e('Conveyor', undefined, 'p14:conveyor'),
  e('Window', undefined, 'p14:window'),
  e('Fly Through', undefined, 'p14:flythrough'),
  ...P15_PRESETS.map(([type, prst]) => e(type, undefined, 'p15:prstTrans', { prst })),
];

/** Attribute defaults of the schema, so that a missing attribute matches its default value. */
const DEFAULTS: Readonly<Record<string, Record<string, string>>> = {
  'p:fade': { thruBlk: '0' },
  'p:cut': { thruBlk: '0' },
  'p:push': { dir: 'l' },
  'p:wipe': { dir: 'l' },
  'p:strips': { dir: 'lu' },
  'p:pull': { dir: 'l' },
  'p:cover': { dir: 'l' },
  'p:split': { orient: 'horz', dir: 'out' },
  'p:randomBar': { dir: 'horz' },
  'p:blinds': { dir: 'horz' },
  'p:checker': { dir: 'horz' },
  'p:comb': { dir: 'horz' },
  'p:zoom': { dir: 'out' },
  'p:wheel': { spokes: '4' },
  'p14:wheelReverse': { spokes: '4' },
  'p14:reveal': { thruBlk: '0', dir: 'l' },
  'p14:prism': { isInverted: '0', isContent: '0' },
  'p14:warp': { dir: 'in' },
  'p159:morph': { option: 'byObject' },
};

function normalise(element: string, attrs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { ...(DEFAULTS[element] ?? {}) };
  for (const [k, v] of Object.entries(attrs)) out[k] = v === 'true' ? '1' : v === 'false' ? '0' : v;
  return out;
}

export function transitionElement(t: Transition): TransitionElement | null {
  if (t.type === 'None') return null;
  const found =
    ENTRIES.find((x) => x.type === t.type && (x.effect === undefined || x.effect === t.effect)) ??
    ENTRIES.find((x) => x.type === t.type);
  return found ? { element: found.element, attrs: found.attrs } : null;
}

/** The gallery entry for an element read from a file, or null for elements this model does not know. */
export function transitionFromElement(
  element: string,
  attrs: Record<string, string>,
): { type: TransitionType; effect?: string } | null {
  const have = normalise(element, attrs);
  const found = ENTRIES.find(
    (x) =>
      x.element === element && Object.entries(normalise(element, x.attrs)).every(([k, v]) => have[k] === v),
  );
  if (!found) return null;
  return found.effect === undefined ? { type: found.type } : { type: found.type, effect: found.effect };
}

/** The namespace prefix an element needs declared and required in mc:Choice ('p' needs none). */
export function namespaceOf(element: string): string {
  return element.slice(0, element.indexOf(':'));
}
