/**
 * `spaceFromJSON`: rebuilds any space from its `toJSON()` description (nested composites included), so spaces
 * can cross threads, processes and files. Custom spaces join with `registerSpaceType`.
 * `copySpace`: a deep copy of a space with a copy of its generator state (Python's `deepcopy`).
 */
import { type Space, type SpaceJSON } from './space.ts';
import { Box } from './box.ts';
import { Discrete } from './discrete.ts';
import { MultiDiscrete } from './multidiscrete.ts';
import { MultiBinary } from './multibinary.ts';
import { Text } from './text.ts';
import { Tuple } from './tuple.ts';
import { Dict } from './dict.ts';
import { Sequence } from './sequence.ts';
import { Graph } from './graph.ts';
import { OneOf } from './oneof.ts';
import { describe } from './ndarray.ts';

type SpaceReader = (json: SpaceJSON) => Space;

const readers = new Map<string, SpaceReader>([
  ['Box', (json) => Box.fromJSON(json)],
  ['Discrete', (json) => Discrete.fromJSON(json)],
  ['MultiDiscrete', (json) => MultiDiscrete.fromJSON(json)],
  ['MultiBinary', (json) => MultiBinary.fromJSON(json)],
  ['Text', (json) => Text.fromJSON(json)],
  ['Tuple', (json) => new Tuple(asList(json.spaces, 'Tuple spaces').map(spaceFromJSON))],
  [
    'Dict',
    (json) => {
      const entries = asList(json.spaces, 'Dict spaces').map((pair, i): [string, Space] => {
        if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') {
          throw new TypeError(`spaceFromJSON: Dict entry ${i} must be [key, space], got ${describe(pair)}`);
        }
        return [pair[0], spaceFromJSON(pair[1])];
      });
      return new Dict(entries);
    },
  ],
  ['Sequence', (json) => new Sequence(spaceFromJSON(json.space), { stack: Boolean(json.stack) })],
  [
    'Graph',
    (json) =>
      new Graph(
        spaceFromJSON(json.nodeSpace) as Box | Discrete,
        json.edgeSpace === null || json.edgeSpace === undefined
          ? null
          : (spaceFromJSON(json.edgeSpace) as Box | Discrete),
      ),
  ],
  ['OneOf', (json) => new OneOf(asList(json.spaces, 'OneOf spaces').map(spaceFromJSON))],
]);

function asList(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value))
    throw new TypeError(`spaceFromJSON: ${what} must be an array, got ${describe(value)}`);
  return value;
}

/** Rebuilds a space from `space.toJSON()` (or the same object after a JSON round trip). */
export function spaceFromJSON(json: unknown): Space {
  if (typeof json === 'string') return spaceFromJSON(JSON.parse(json) as unknown);
  if (typeof json !== 'object' || json === null || typeof (json as SpaceJSON).type !== 'string') {
    throw new TypeError(`spaceFromJSON: expected an object with a string "type", got ${describe(json)}`);
  }
  const reader = readers.get((json as SpaceJSON).type);
  if (reader === undefined) {
    throw new TypeError(
      `spaceFromJSON: unknown space type '${(json as SpaceJSON).type}' (known: ${[...readers.keys()].join(', ')}; ` +
        'add custom spaces with registerSpaceType)',
    );
  }
  return reader(json as SpaceJSON);
}

/** Lets `spaceFromJSON` rebuild a custom space whose `toJSON()` gives `{type, ...}`. */
export function registerSpaceType(type: string, reader: SpaceReader): void {
  readers.set(type, reader);
}

/**
 * A deep copy whose generator continues from the same state (Python's `deepcopy(space)`). Known spaces are
 * rebuilt from JSON (sub-spaces get copies of their generators too); custom spaces are copied field by field.
 */
export function copySpace<S extends Space>(space: S): S {
  const json = space.toJSON();
  let copy: Space;
  if (readers.has(json.type)) {
    copy = spaceFromJSON(json);
    copyGenerators(space, copy);
  } else {
    copy = Object.assign(Object.create(Object.getPrototypeOf(space) as object) as Space, space);
    copy.npRandom = space.npRandom.clone();
  }
  return copy as S;
}

function copyGenerators(from: Space, to: Space): void {
  const own = (from as unknown as { _npRandom: unknown })._npRandom;
  if (own !== null && own !== undefined) to.npRandom = from.npRandom.clone();
  const children = (space: Space): Space[] => {
    if (space instanceof Tuple || space instanceof OneOf) return [...space.spaces];
    if (space instanceof Dict) return space.keys().map((key) => space.spaces[key]!);
    if (space instanceof Sequence) return [space.featureSpace];
    if (space instanceof Graph)
      return space.edgeSpace === null ? [space.nodeSpace] : [space.nodeSpace, space.edgeSpace];
    return [];
  };
  const a = children(from);
  const b = children(to);
  a.forEach((child, i) => copyGenerators(child, b[i]!));
}
