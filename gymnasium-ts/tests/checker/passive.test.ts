import { describe, expect, it } from 'vitest';
import {
  checkActionSpace,
  checkObs,
  checkObservationSpace,
  checkRenderReturn,
  checkRenderSetup,
  checkResetResult,
  checkStepResult,
} from '../../src/checker/passive.ts';
import { EnvCheckError } from '../../src/checker/errors.ts';
import { Box } from '../../src/spaces/box.ts';
import { Dict } from '../../src/spaces/dict.ts';
import { Discrete } from '../../src/spaces/discrete.ts';
import { MultiBinary } from '../../src/spaces/multibinary.ts';
import { MultiDiscrete } from '../../src/spaces/multidiscrete.ts';
import { Tuple } from '../../src/spaces/tuple.ts';
import { captureWarnings } from '../../src/utils/warnings.ts';

const messages = (fn: () => unknown): string[] => captureWarnings(fn).warnings.map((w) => w.message);

/** A space whose fields bypass the constructor's validation, as a hand-edited or deserialised one could. */
function forged<T extends object>(proto: T, fields: Record<string, unknown>): T {
  return Object.assign(Object.create(Object.getPrototypeOf(proto) as object) as T, fields);
}

describe('checkActionSpace / checkObservationSpace', () => {
  it('accepts well-formed spaces of every kind, nested too, without warnings', () => {
    const space = new Dict({
      pos: new Box(-1, 1, { shape: [2] }),
      mode: new Discrete(3),
      keys: new MultiBinary(4),
      grid: new MultiDiscrete([2, 3]),
      pair: new Tuple([new Discrete(2), new Box(0, 1, { shape: [1] })]),
    });
    expect(messages(() => checkObservationSpace(space))).toEqual([]);
    expect(messages(() => checkActionSpace(space))).toEqual([]);
  });

  it('throws for something that is not a Space', () => {
    expect(() => checkActionSpace({ n: 2 })).toThrow(EnvCheckError);
    expect(() => checkActionSpace({ n: 2 })).toThrow(
      /^action space does not inherit from gymnasium-ts `Space`, actual type: Object\./,
    );
    expect(() => checkObservationSpace(null)).toThrow(
      /^observation space does not inherit .* actual type: null/,
    );
  });

  it('Discrete: n must be positive and the shape empty', () => {
    const base = new Discrete(2);
    expect(() => checkActionSpace(forged(base, { n: 0, shape: [] }))).toThrow(
      "Discrete action space's number of elements must be positive, actual number of elements: 0",
    );
    expect(() => checkObservationSpace(forged(base, { n: 2, shape: [1] }))).toThrow(
      "Discrete observation space's shape should be empty, actual shape: [1]",
    );
  });

  it('MultiDiscrete: nvec matches the shape and is positive', () => {
    const base = new MultiDiscrete([2, 3]);
    expect(() => checkActionSpace(forged(base, { nvec: Int32Array.of(2, 3, 4), shape: [2] }))).toThrow(
      "Multi-discrete action space's shape must be equal to the nvec shape, space shape: [2], nvec size: 3",
    );
    expect(() => checkActionSpace(forged(base, { nvec: Int32Array.of(2, 0), shape: [2] }))).toThrow(
      "Multi-discrete action space's all nvec elements must be greater than 0, actual nvec: [2, 0]",
    );
  });

  it('MultiBinary: every shape element positive', () => {
    expect(() => checkObservationSpace(forged(new MultiBinary(2), { shape: [2, 0] }))).toThrow(
      "Multi-binary observation space's all shape elements must be greater than 0, actual shape: [2, 0]",
    );
  });

  it('Tuple and Dict must not be empty, and their sub-spaces are checked', () => {
    expect(() => checkActionSpace(new Tuple([]))).toThrow('An empty Tuple action space is not allowed.');
    expect(() => checkObservationSpace(new Dict({}))).toThrow(
      'An empty Dict observation space is not allowed.',
    );
    const badChild = forged(new Discrete(2), { n: -1, shape: [] });
    expect(() => checkActionSpace(new Tuple([new Discrete(2), badChild]))).toThrow(
      "Discrete action space's number of elements must be positive, actual number of elements: -1",
    );
  });

  it('Box: bounds must match the shape; equal bounds warn; low > high warns for observations', () => {
    const box = new Box(0, 1, { shape: [2] });
    expect(() =>
      checkObservationSpace(forged(box, { low: Float32Array.of(0), high: box.high, shape: [2] })),
    ).toThrow(
      'The Box observation space shape and low shape have different shapes, low size: 1, box shape: [2]',
    );
    expect(messages(() => checkActionSpace(new Box(0, 0, { shape: [2] })))).toEqual([
      'A Box action space maximum and minimum values are equal.',
    ]);
    expect(messages(() => checkObservationSpace(new Box(1, 1, { shape: [1] })))).toEqual([
      'A Box observation space maximum and minimum values are equal.',
    ]);
    const inverted = forged(box, { low: Float32Array.of(0, 2), high: Float32Array.of(1, 1), shape: [2] });
    expect(messages(() => checkObservationSpace(inverted))).toEqual([
      'A Box observation space low value is greater than a high value.',
    ]);
    // Gymnasium checks low > high only for observation spaces.
    expect(messages(() => checkActionSpace(inverted))).toEqual([]);
  });
});

describe('checkObs', () => {
  it('hints at the expected JS type per space', () => {
    expect(messages(() => checkObs(1.5, new Discrete(3), 'reset'))).toEqual([
      'The obs returned by the `reset()` method should be an integer number, actual type: number',
      'The obs returned by the `reset()` method is not within the observation space.',
    ]);
    expect(messages(() => checkObs(Float64Array.of(0.5), new Box(0, 1, { shape: [1] }), 'step'))).toEqual([
      'The obs returned by the `step()` method was expecting a Float32Array (dtype float32), actual type: Float64Array',
      'The obs returned by the `step()` method is not within the observation space.',
    ]);
    expect(messages(() => checkObs([0, 1], new MultiBinary(2), 'step'))[0]).toBe(
      'The obs returned by the `step()` method was expecting a typed array, actual type: Array',
    );
  });

  it('throws when a Tuple or Dict observation has the wrong length or keys', () => {
    const tuple = new Tuple([new Discrete(2), new Discrete(2)]);
    expect(() => captureWarnings(() => checkObs([0], tuple, 'step'))).toThrow(
      'The obs returned by the `step()` method length is not same as the observation space length, obs length: 1, space length: 2',
    );
    const dict = new Dict({ a: new Discrete(2), b: new Discrete(2) });
    expect(() => checkObs({ a: 0, c: 1 }, dict, 'reset')).toThrow(
      'The obs returned by the `reset()` method observation keys is not same as the observation space keys, obs keys: ["a","c"], space keys: ["a","b"]',
    );
    expect(() => checkObs([0, 1], dict, 'reset')).toThrow(
      'The obs returned by the `reset()` method must be a plain object (a dict), actual type: Array',
    );
  });

  it('checks nested values and reports a contains() that throws', () => {
    const dict = new Dict({ a: new Discrete(2), b: new Tuple([new Discrete(2)]) });
    // As in Gymnasium, every enclosing level reports it too: the Discrete, the Tuple, the Dict.
    expect(messages(() => checkObs({ a: 0, b: [5] }, dict, 'step'))).toEqual(
      Array(3).fill('The obs returned by the `step()` method is not within the observation space.'),
    );
    const throwing = forged(new Discrete(2), {
      n: 2,
      shape: [],
      contains: () => {
        throw new Error('kaboom');
      },
    });
    expect(messages(() => checkObs(0, throwing, 'step'))).toEqual([
      'The obs returned by the `step()` method is not within the observation space with exception: Error: kaboom',
    ]);
  });
});

describe('checkResetResult / checkStepResult', () => {
  const space = new Discrete(3);

  it('reset: warns about a non-tuple or a wrong length, throws for a non-object info', () => {
    expect(messages(() => checkResetResult(0, space))[0]).toMatch(
      /^The result returned by `env\.reset\(\)` was not a tuple of the form `\[obs, info\]`.*Actual type: `number`$/,
    );
    expect(messages(() => checkResetResult([0, {}, 1], space))[0]).toMatch(/Actual length: 3$/);
    expect(() => checkResetResult([0, 'info'], space)).toThrow(
      'The second element returned by `env.reset()` was not a plain object (a dict), actual type: string',
    );
    expect(messages(() => checkResetResult([1, {}], space))).toEqual([]);
  });

  it('step: a non-array throws; 4 elements is a deprecation; booleans, reward and info are checked', () => {
    expect(() => checkStepResult({ obs: 0 }, space)).toThrow(
      'Expects step result to be a tuple (an array), actual type: Object',
    );
    const { warnings } = captureWarnings(() => checkStepResult([0, 1, 0, {}], space));
    expect(warnings.map((w) => [w.name, w.message])).toEqual([
      [
        'DeprecationWarning',
        'Core environment is written in old step API which returns one bool instead of two. It is recommended to rewrite the environment with new step API. ',
      ],
      ['UserWarning', 'Expects `done` signal to be a boolean, actual type: number'],
    ]);
    expect(messages(() => checkStepResult([0, Infinity, false, 'no', {}], space))).toEqual([
      'Expects `truncated` signal to be a boolean, actual type: string',
      'The reward is an inf value.',
    ]);
    expect(() => captureWarnings(() => checkStepResult([0, 0, false, false, null], space))).toThrow(
      'The `info` returned by `step()` must be a plain object (a python dictionary), actual type: null',
    );
    expect(messages(() => checkStepResult([2, -1, true, false, { x: 1 }], space))).toEqual([]);
  });
});

describe('render checks', () => {
  it('checkRenderSetup: modes, fps, and the env render mode', () => {
    expect(messages(() => checkRenderSetup(undefined, null))).toEqual([
      "No render modes was declared in the environment (env.metadata['renderModes'] is null or not defined), you may have trouble when calling `.render()`.",
    ]);
    expect(messages(() => checkRenderSetup({ renderModes: ['ansi'] }, null))).toEqual([
      "No render fps was declared in the environment (env.metadata['renderFps'] is null or not defined), rendering may occur at inconsistent fps.",
    ]);
    expect(() => checkRenderSetup({ renderModes: ['ansi'], renderFps: 0 }, null)).toThrow(
      "Expects the `env.metadata['renderFps']` to be greater than zero, actual value: 0",
    );
    expect(() => checkRenderSetup({ renderModes: [] }, 'human')).toThrow(
      'With no renderModes, expects the Env.renderMode to be null, actual value: human',
    );
    expect(() => checkRenderSetup({ renderModes: ['ansi'], renderFps: 4 }, 'human')).toThrow(
      'The environment was initialized successfully however with an unsupported render mode. Render mode: human, modes: ["ansi"]',
    );
    expect(messages(() => checkRenderSetup({ renderModes: ['ansi'], renderFps: 4 }, 'ansi'))).toEqual([]);
  });

  it('checkRenderReturn: per-mode frame checks', () => {
    const rgb = { data: new Uint8Array(2 * 2 * 3), shape: [2, 2, 3] };
    expect(messages(() => checkRenderReturn('rgb_array', rgb))).toEqual([]);
    expect(
      messages(() => checkRenderReturn('rgb_array', { data: new Uint8ClampedArray(8), width: 1, height: 2 })),
    ).toEqual([
      'RGB-array rendering should return an image in which the last axis has three dimensions, got 4',
    ]);
    expect(
      messages(() => checkRenderReturn('rgb_array', { data: new Float32Array(4), shape: [2, 2] })),
    ).toEqual([
      'RGB-array rendering should return an image with uint8 data, got Float32Array',
      'RGB-array rendering should return an image with three axes, got 2',
    ]);
    expect(messages(() => checkRenderReturn('human', 'frame'))).toEqual([
      'Human rendering should return `null`, got string',
    ]);
    expect(messages(() => checkRenderReturn('ansi', 3))).toEqual([
      'ANSI/ASCII rendering should produce a string, got number',
    ]);
    expect(
      messages(() => checkRenderReturn('depth_array', { data: new Float32Array(4), shape: [2, 2] })),
    ).toEqual([]);
    expect(messages(() => checkRenderReturn('rgb_array_list', [rgb, 'x']))).toEqual([
      'RGB-array rendering should return an image ({data: Uint8Array, shape: [height, width, 3]}), got string',
    ]);
    expect(messages(() => checkRenderReturn('ansi_list', 'x'))).toEqual([
      'Render mode `ansi_list` should produce a list, got string',
    ]);
  });
});
