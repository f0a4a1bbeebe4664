/** Entrance effects ↔ PowerPoint's animation preset ids (p:cTn presetID with presetClass="entr"). */
import type { EntranceEffect } from '../model/types.ts';

export interface EntrancePreset {
  id: number;
  subtype: number;
  /** The p:animEffect filter written for the effect (motion effects are simplified to a fade). */
  filter: string | null;
}

export const ENTRANCE_PRESETS: Readonly<Record<EntranceEffect, EntrancePreset>> = {
  Appear: { id: 1, subtype: 0, filter: null },
  'Fly In': { id: 2, subtype: 4, filter: 'fade' },
  Shape: { id: 6, subtype: 16, filter: 'circle(in)' },
  Fade: { id: 10, subtype: 0, filter: 'fade' },
  'Random Bars': { id: 14, subtype: 10, filter: 'randombar(horizontal)' },
  Split: { id: 16, subtype: 21, filter: 'barn(inVertical)' },
  Swivel: { id: 19, subtype: 10, filter: 'fade' },
  Wheel: { id: 21, subtype: 1, filter: 'wheel(1)' },
  Wipe: { id: 22, subtype: 4, filter: 'wipe(down)' },
  Bounce: { id: 26, subtype: 0, filter: 'fade' },
  'Grow & Turn': { id: 31, subtype: 0, filter: 'fade' },
  'Float In': { id: 42, subtype: 0, filter: 'fade' },
  Zoom: { id: 53, subtype: 16, filter: 'fade' },
};

export function entranceFromPreset(id: number): EntranceEffect | null {
  const found = Object.entries(ENTRANCE_PRESETS).find(([, p]) => p.id === id);
  return found ? (found[0] as EntranceEffect) : null;
}
