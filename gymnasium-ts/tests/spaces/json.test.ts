/** spaceFromJSON for every space kind, custom space types, and copySpace (Python's deepcopy of a space). */
import { describe, expect, it } from 'vitest';
import { Box } from '../../src/spaces/box.ts';
import { Dict } from '../../src/spaces/dict.ts';
import { Discrete } from '../../src/spaces/discrete.ts';
import { Graph } from '../../src/spaces/graph.ts';
import { MultiBinary } from '../../src/spaces/multibinary.ts';
import { MultiDiscrete } from '../../src/spaces/multidiscrete.ts';
import { OneOf } from '../../src/spaces/oneof.ts';
import { Sequence } from '../../src/spaces/sequence.ts';
import { Text } from '../../src/spaces/text.ts';
import { Tuple } from '../../src/spaces/tuple.ts';
import { copySpace, registerSpaceType, spaceFromJSON } from '../../src/spaces/json.ts';
import { Space, type SpaceJSON } from '../../src/spaces/space.ts';

class Coin extends Space<'heads' | 'tails'> {
  sample(): 'heads' | 'tails' {
    return this.npRandom.random() < 0.5 ? 'heads' : 'tails';
  }
  contains(x: unknown): x is 'heads' | 'tails' {
    return x === 'heads' || x === 'tails';
  }
  equals(other: unknown): boolean {
    return other instanceof Coin;
  }
  toJSON(): SpaceJSON {
    return { type: 'Coin' };
  }
  toString(): string {
    return 'Coin()';
  }
}

describe('spaceFromJSON', () => {
  const everyKind: Space[] = [
    new Box([-Infinity, 0], [Infinity, 1], { dtype: 'float64' }),
    new Box(-3, 3, { shape: [2, 2], dtype: 'int8' }),
    new Discrete(5, { start: -2, dtype: 'int16' }),
    new MultiDiscrete([[2, 3]], { start: [[1, 4]], dtype: 'uint8' }),
    new MultiBinary([2, 3]),
    new Text(7, { minLength: 0, charset: 'é😀ab' }),
    new Tuple([new Discrete(2), new Tuple([])]),
    new Dict([
      ['z', new Discrete(2)],
      ['a', new Dict({ y: new Box(0, 1) })],
    ]),
    new Sequence(new Text(2), { stack: false }),
    new Sequence(new Box(0, 1, { shape: [2] }), { stack: true }),
    new Graph(new Box(0, 1, { shape: [2] }), new Discrete(3)),
    new Graph(new Discrete(4), null),
    new OneOf([new Discrete(2), new MultiBinary(1)]),
  ];

  it('rebuilds an equal space of every kind from its JSON text', () => {
    for (const space of everyKind) {
      const text = JSON.stringify(space.toJSON());
      const copy = spaceFromJSON(text);
      expect(copy.constructor).toBe(space.constructor);
      expect(copy.equals(space), String(space)).toBe(true);
      expect(String(copy)).toBe(String(space));
    }
  });

  it('gives clear errors for unknown or malformed descriptions', () => {
    expect(() => spaceFromJSON({ type: 'Nope' })).toThrow(/unknown space type 'Nope' \(known: Box, Discrete/);
    expect(() => spaceFromJSON(5)).toThrow(/expected an object with a string "type"/);
    expect(() => spaceFromJSON({ type: 'Tuple', spaces: 3 })).toThrow(/Tuple spaces must be an array/);
    expect(() => spaceFromJSON({ type: 'Dict', spaces: [['a']] })).toThrow(
      /Dict entry 0 must be \[key, space\]/,
    );
    expect(() => spaceFromJSON({ type: 'Discrete', n: -1 })).toThrow(
      /n \(the number of values\) must be positive/,
    );
  });

  it('rebuilds custom spaces once their type is registered', () => {
    expect(() => spaceFromJSON({ type: 'Coin' })).toThrow(/add custom spaces with registerSpaceType/);
    registerSpaceType('Coin', () => new Coin());
    const nested = spaceFromJSON(JSON.stringify(new Tuple([new Coin(), new Discrete(2)]).toJSON())) as Tuple;
    expect(nested.get(0)).toBeInstanceOf(Coin);
  });
});

describe('copySpace', () => {
  it('copies composites with their generators: the copy continues where the original is, independently', () => {
    const space = new Dict(
      { a: new Tuple([new Discrete(100), new Text(5)]), b: new OneOf([new Box(0, 1), new Discrete(9)]) },
      {
        seed: 12,
      },
    );
    space.sample();
    const copy = copySpace(space);
    expect(copy).not.toBe(space);
    expect(copy.get('a').get(0)).not.toBe(space.get('a').get(0));
    const fromCopy = [copy.sample(), copy.sample()];
    expect([space.sample(), space.sample()]).toEqual(fromCopy);
  });

  it('copies custom spaces field by field with a cloned generator', () => {
    const coin = new Coin(null, null, 3);
    const copy = copySpace(coin);
    expect(copy).toBeInstanceOf(Coin);
    expect(Array.from({ length: 8 }, () => copy.sample())).toEqual(
      Array.from({ length: 8 }, () => coin.sample()),
    );
  });
});
