/**
 * Passive checks of an env (gymnasium/utils/passive_env_checker.py, plus `check_space_limit` from
 * env_checker.py): they look at spaces and at what `reset`, `step` and `render` return, without calling the
 * env in any way the caller did not ask for. Most problems are warnings (Gymnasium's `logger.warn`); what
 * Gymnasium asserts or raises throws an `EnvCheckError`.
 *
 * Gymnasium also inspects `reset`'s signature here (is there a `seed` / `options` parameter, is the seed's
 * default None). JS has no such introspection; `checkEnv` checks the behaviour instead.
 */
import type { Env, EnvMetadata, ResetArgs, ResetResult, StepResult } from '../core.ts';
import { Space } from '../spaces/space.ts';
import { Box } from '../spaces/box.ts';
import { Discrete } from '../spaces/discrete.ts';
import { MultiDiscrete } from '../spaces/multidiscrete.ts';
import { MultiBinary } from '../spaces/multibinary.ts';
import { Tuple } from '../spaces/tuple.ts';
import { Dict } from '../spaces/dict.ts';
import { deprecation, warn } from '../utils/warnings.ts';
import { EnvCheckError } from './errors.ts';
import { errorMessage, isPlainObject, typeName } from './describe.ts';

export type SpaceType = 'action' | 'observation';

/** Where Gymnasium's messages send env authors; its API is the one this port follows. */
export const CREATE_ENV_DOCS =
  'See https://gymnasium.farama.org/introduction/create_custom_env/ for more info.';

const TYPED_ARRAY_FOR_DTYPE: Record<string, string> = {
  float32: 'Float32Array',
  float64: 'Float64Array',
  int8: 'Int8Array',
  int16: 'Int16Array',
  int32: 'Int32Array',
  int64: 'BigInt64Array',
  uint8: 'Uint8Array',
  uint16: 'Uint16Array',
  uint32: 'Uint32Array',
  uint64: 'BigUint64Array',
};

function fail(check: string, message: string): never {
  throw new EnvCheckError(check, message);
}

function numbers(values: ArrayLike<number | bigint> | number): number[] {
  if (typeof values === 'number') return [values];
  return Array.from(values, (v) => Number(v));
}

function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function shapeText(shape: readonly number[] | null): string {
  return shape === null ? 'null' : `[${shape.join(', ')}]`;
}

function subSpaces(space: Tuple | Dict): Space[] {
  return space instanceof Tuple ? [...space.spaces] : Object.values(space.spaces);
}

function checkBoxBoundsShape(space: Box, spaceType: SpaceType): { low: number[]; high: number[] } {
  const low = numbers(space.low as ArrayLike<number>);
  const high = numbers(space.high as ArrayLike<number>);
  const size = product(space.shape);
  if (low.length !== size) {
    fail(
      'check_space',
      `The Box ${spaceType} space shape and low shape have different shapes, low size: ${low.length}, box shape: ${shapeText(space.shape)}`,
    );
  }
  if (high.length !== size) {
    fail(
      'check_space',
      `The Box ${spaceType} space shape and high shape have different shapes, high size: ${high.length}, box shape: ${shapeText(space.shape)}`,
    );
  }
  return { low, high };
}

function checkBoxObservationSpace(space: Box): void {
  const { low, high } = checkBoxBoundsShape(space, 'observation');
  if (low.some((l, i) => l === high[i])) {
    warn('A Box observation space maximum and minimum values are equal.');
  } else if (low.some((l, i) => high[i]! < l)) {
    warn('A Box observation space low value is greater than a high value.');
  }
}

function checkBoxActionSpace(space: Box): void {
  const { low, high } = checkBoxBoundsShape(space, 'action');
  if (low.some((l, i) => l === high[i])) warn('A Box action space maximum and minimum values are equal.');
}

/** Gymnasium's `check_space`: the space is a `Space`, and Box/Discrete/MultiDiscrete/MultiBinary/Tuple/Dict are sane. */
export function checkSpace(space: unknown, spaceType: SpaceType): void {
  if (!(space instanceof Space)) {
    fail(
      'check_space',
      `${spaceType} space does not inherit from gymnasium-ts \`Space\`, actual type: ${typeName(space)}. ` +
        `Build it from the classes in gymnasium-ts/src/spaces (Box, Discrete, Dict, ...).`,
    );
  }
  if (space instanceof Box) {
    if (spaceType === 'action') checkBoxActionSpace(space);
    else checkBoxObservationSpace(space);
  } else if (space instanceof Discrete) {
    if (!(space.n > 0)) {
      fail(
        'check_space',
        `Discrete ${spaceType} space's number of elements must be positive, actual number of elements: ${space.n}`,
      );
    }
    if (space.shape === null || space.shape.length !== 0) {
      fail(
        'check_space',
        `Discrete ${spaceType} space's shape should be empty, actual shape: ${shapeText(space.shape)}`,
      );
    }
  } else if (space instanceof MultiDiscrete) {
    const nvec = numbers(space.nvec as ArrayLike<number>);
    if (space.shape === null || nvec.length !== product(space.shape)) {
      fail(
        'check_space',
        `Multi-discrete ${spaceType} space's shape must be equal to the nvec shape, space shape: ${shapeText(space.shape)}, nvec size: ${nvec.length}`,
      );
    }
    if (!nvec.every((n) => n > 0)) {
      fail(
        'check_space',
        `Multi-discrete ${spaceType} space's all nvec elements must be greater than 0, actual nvec: [${nvec.join(', ')}]`,
      );
    }
  } else if (space instanceof MultiBinary) {
    if (space.shape === null || !space.shape.every((n) => n > 0)) {
      fail(
        'check_space',
        `Multi-binary ${spaceType} space's all shape elements must be greater than 0, actual shape: ${shapeText(space.shape)}`,
      );
    }
  } else if (space instanceof Tuple) {
    const children = subSpaces(space);
    if (children.length === 0) fail('check_space', `An empty Tuple ${spaceType} space is not allowed.`);
    for (const child of children) checkSpace(child, spaceType);
  } else if (space instanceof Dict) {
    const children = subSpaces(space);
    if (children.length === 0) fail('check_space', `An empty Dict ${spaceType} space is not allowed.`);
    for (const child of children) checkSpace(child, spaceType);
  }
}

export function checkActionSpace(space: unknown): void {
  checkSpace(space, 'action');
}

export function checkObservationSpace(space: unknown): void {
  checkSpace(space, 'observation');
}

/**
 * Gymnasium's `check_space_limit` (run by `checkEnv` only): warns about infinite Box bounds, and about a 1-D
 * action Box that is not symmetric and normalised to [-1, 1] or [0, 1].
 */
export function checkSpaceLimit(space: Space, spaceType: SpaceType): void {
  if (space instanceof Box) {
    const low = numbers(space.low as ArrayLike<number>);
    const high = numbers(space.high as ArrayLike<number>);
    if (low.some((l) => l === -Infinity)) {
      warn(`A Box ${spaceType} space minimum value is -infinity. This is probably too low.`);
    }
    if (high.some((h) => h === Infinity)) {
      warn(`A Box ${spaceType} space maximum value is infinity. This is probably too high.`);
    }
    if (spaceType === 'action' && space.shape.length === 1) {
      const unnormalised =
        low.some((l, i) => l !== 0 && Math.abs(l) !== Math.abs(high[i]!)) ||
        low.some((l) => l < -1) ||
        high.some((h) => h > 1);
      if (unnormalised) {
        warn(
          'For Box action spaces, we recommend using a symmetric and normalized space (range=[-1, 1] or [0, 1]). ' +
            'See https://stable-baselines3.readthedocs.io/en/master/guide/rl_tips.html for more information.',
        );
      }
    }
  } else if (space instanceof Tuple || space instanceof Dict) {
    for (const child of subSpaces(space)) checkSpaceLimit(child, spaceType);
  }
}

// ------------------------------------------------------------------------------------------ observations

/**
 * Gymnasium's `check_obs`: warns when an observation has the wrong JS type for its space (with a hint of the
 * expected type) or is not in the space; throws when a Tuple/Dict observation has the wrong length or keys.
 */
export function checkObs(obs: unknown, space: Space, methodName: string): void {
  const pre = `The obs returned by the \`${methodName}()\` method`;
  if (space instanceof Discrete) {
    if (!Number.isInteger(obs)) warn(`${pre} should be an integer number, actual type: ${typeName(obs)}`);
  } else if (space instanceof Box) {
    if (space.shape.length !== 0) {
      const expected = TYPED_ARRAY_FOR_DTYPE[space.dtype ?? ''];
      if (!ArrayBuffer.isView(obs)) {
        warn(`${pre} was expecting a typed array (${expected ?? 'numeric'}), actual type: ${typeName(obs)}`);
      } else if (expected !== undefined && typeName(obs) !== expected) {
        warn(`${pre} was expecting a ${expected} (dtype ${space.dtype}), actual type: ${typeName(obs)}`);
      }
    }
  } else if (space instanceof MultiBinary || space instanceof MultiDiscrete) {
    if (!ArrayBuffer.isView(obs)) warn(`${pre} was expecting a typed array, actual type: ${typeName(obs)}`);
  } else if (space instanceof Tuple) {
    const children = subSpaces(space);
    if (!Array.isArray(obs)) {
      warn(`${pre} was expecting an array (a tuple), actual type: ${typeName(obs)}`);
    }
    const items = obs as ArrayLike<unknown> | null | undefined;
    const length = items?.length;
    if (length !== children.length) {
      fail(
        'check_obs',
        `${pre} length is not same as the observation space length, obs length: ${length}, space length: ${children.length}`,
      );
    }
    children.forEach((child, i) => checkObs(items![i], child, methodName));
  } else if (space instanceof Dict) {
    if (!isPlainObject(obs))
      fail('check_obs', `${pre} must be a plain object (a dict), actual type: ${typeName(obs)}`);
    const obsKeys = Object.keys(obs);
    const spaceKeys = Object.keys(space.spaces);
    if (obsKeys.length !== spaceKeys.length || !spaceKeys.every((key) => Object.hasOwn(obs, key))) {
      fail(
        'check_obs',
        `${pre} observation keys is not same as the observation space keys, obs keys: ${JSON.stringify(obsKeys)}, space keys: ${JSON.stringify(spaceKeys)}`,
      );
    }
    for (const key of spaceKeys) checkObs(obs[key], space.spaces[key]!, methodName);
  }

  try {
    if (!space.contains(obs)) warn(`${pre} is not within the observation space.`);
  } catch (error) {
    warn(`${pre} is not within the observation space with exception: ${errorMessage(error)}`);
  }
}

// ----------------------------------------------------------------------------------------------- reset

/** The checks `envResetPassiveChecker` makes on what `reset` returned. */
export function checkResetResult(result: unknown, observationSpace: Space): void {
  if (!Array.isArray(result)) {
    warn(
      'The result returned by `env.reset()` was not a tuple of the form `[obs, info]`, where `obs` is a observation ' +
        `and \`info\` is an object containing additional information. Actual type: \`${typeName(result)}\``,
    );
  } else if (result.length !== 2) {
    warn(
      'The result returned by `env.reset()` should be `[obs, info]` by default, where `obs` is a observation and ' +
        `\`info\` is an object containing additional information. Actual length: ${result.length}`,
    );
  } else {
    const [obs, info] = result as [unknown, unknown];
    checkObs(obs, observationSpace, 'reset');
    if (!isPlainObject(info)) {
      fail(
        'env_reset_passive_checker',
        `The second element returned by \`env.reset()\` was not a plain object (a dict), actual type: ${typeName(info)}`,
      );
    }
  }
}

/** Calls `env.reset(args)` and checks what it returns; returns it unchanged. */
export function envResetPassiveChecker<Obs, Act>(env: Env<Obs, Act>, args?: ResetArgs): ResetResult<Obs> {
  const result = env.reset(args);
  checkResetResult(result, env.observationSpace);
  return result;
}

// ------------------------------------------------------------------------------------------------ step

/** The checks `envStepPassiveChecker` makes on what `step` returned. */
export function checkStepResult(result: unknown, observationSpace: Space): void {
  if (!Array.isArray(result)) {
    fail(
      'env_step_passive_checker',
      `Expects step result to be a tuple (an array), actual type: ${typeName(result)}`,
    );
  }
  let obs: unknown;
  let reward: unknown;
  let info: unknown;
  if (result.length === 4) {
    deprecation(
      'Core environment is written in old step API which returns one bool instead of two. ' +
        'It is recommended to rewrite the environment with new step API. ',
    );
    let done: unknown;
    [obs, reward, done, info] = result as unknown[];
    if (typeof done !== 'boolean')
      warn(`Expects \`done\` signal to be a boolean, actual type: ${typeName(done)}`);
  } else if (result.length === 5) {
    let terminated: unknown;
    let truncated: unknown;
    [obs, reward, terminated, truncated, info] = result as unknown[];
    if (typeof terminated !== 'boolean') {
      warn(`Expects \`terminated\` signal to be a boolean, actual type: ${typeName(terminated)}`);
    }
    if (typeof truncated !== 'boolean') {
      warn(`Expects \`truncated\` signal to be a boolean, actual type: ${typeName(truncated)}`);
    }
  } else {
    fail(
      'env_step_passive_checker',
      `Expected \`Env.step\` to return a four or five element tuple, actual number of elements returned: ${result.length}. ` +
        'Return [obs, reward, terminated, truncated, info].',
    );
  }

  checkObs(obs, observationSpace, 'step');

  if (typeof reward !== 'number') {
    warn(`The reward returned by \`step()\` must be a number, actual type: ${typeName(reward)}`);
  } else {
    if (Number.isNaN(reward)) warn('The reward is a NaN value.');
    if (reward === Infinity || reward === -Infinity) warn('The reward is an inf value.');
  }

  if (!isPlainObject(info)) {
    fail(
      'env_step_passive_checker',
      `The \`info\` returned by \`step()\` must be a plain object (a python dictionary), actual type: ${typeName(info)}`,
    );
  }
}

/** Calls `env.step(action)` and checks what it returns; returns it unchanged. The action is not checked. */
export function envStepPassiveChecker<Obs, Act>(env: Env<Obs, Act>, action: Act): StepResult<Obs> {
  const result = env.step(action);
  checkStepResult(result, env.observationSpace);
  return result;
}

// ---------------------------------------------------------------------------------------------- render

/** Image-like render frames: `{data, shape}` (an ndarray) or `{data, width, height}` (an ImageData). */
function frameShape(frame: unknown): { data: unknown; shape: number[] } | null {
  if (typeof frame !== 'object' || frame === null) return null;
  const candidate = frame as { data?: unknown; shape?: unknown; width?: unknown; height?: unknown };
  if (!ArrayBuffer.isView(candidate.data)) return null;
  if (Array.isArray(candidate.shape) && candidate.shape.every((n) => Number.isInteger(n))) {
    return { data: candidate.data, shape: candidate.shape as number[] };
  }
  if (typeof candidate.width === 'number' && typeof candidate.height === 'number') {
    const pixels = candidate.width * candidate.height;
    const channels = pixels > 0 ? (candidate.data as unknown as ArrayLike<number>).length / pixels : 0;
    return { data: candidate.data, shape: [candidate.height, candidate.width, channels] };
  }
  return null;
}

/**
 * Gymnasium's `_check_render_return`. Frames for `rgb_array` are `{data: Uint8Array, shape: [h, w, 3]}` or an
 * ImageData-like `{data, width, height}`; `depth_array` frames are `{data, shape: [h, w]}`.
 */
export function checkRenderReturn(renderMode: string, renderReturn: unknown): void {
  if (renderMode === 'human') {
    if (renderReturn !== null && renderReturn !== undefined) {
      warn(`Human rendering should return \`null\`, got ${typeName(renderReturn)}`);
    }
  } else if (renderMode === 'rgb_array') {
    const frame = frameShape(renderReturn);
    if (frame === null) {
      warn(
        `RGB-array rendering should return an image ({data: Uint8Array, shape: [height, width, 3]}), got ${typeName(renderReturn)}`,
      );
    } else {
      if (!(frame.data instanceof Uint8Array || frame.data instanceof Uint8ClampedArray)) {
        warn(`RGB-array rendering should return an image with uint8 data, got ${typeName(frame.data)}`);
      }
      if (frame.shape.length !== 3) {
        warn(`RGB-array rendering should return an image with three axes, got ${frame.shape.length}`);
      } else if (frame.shape[2] !== 3) {
        warn(
          `RGB-array rendering should return an image in which the last axis has three dimensions, got ${frame.shape[2]}`,
        );
      }
    }
  } else if (renderMode === 'depth_array') {
    const frame = frameShape(renderReturn);
    if (frame === null) {
      warn(
        `Depth-array rendering should return an array ({data, shape: [height, width]}), got ${typeName(renderReturn)}`,
      );
    } else if (frame.shape.length !== 2) {
      warn(`Depth-array rendering should return an array with two axes, got ${frame.shape.length}`);
    }
  } else if (renderMode === 'ansi' || renderMode === 'ascii') {
    if (typeof renderReturn !== 'string') {
      warn(`ANSI/ASCII rendering should produce a string, got ${typeName(renderReturn)}`);
    }
  } else if (renderMode.endsWith('_list')) {
    if (!Array.isArray(renderReturn)) {
      warn(`Render mode \`${renderMode}\` should produce a list, got ${typeName(renderReturn)}`);
    } else {
      const baseMode = renderMode.slice(0, -'_list'.length);
      for (const item of renderReturn) checkRenderReturn(baseMode, item);
    }
  }
}

/** The metadata part of Gymnasium's `env_render_passive_checker`: declared modes, fps, and the env's mode. */
export function checkRenderSetup(metadata: EnvMetadata | undefined, renderMode: string | null): void {
  const renderModes = metadata?.renderModes as unknown;
  if (renderModes === null || renderModes === undefined) {
    warn(
      "No render modes was declared in the environment (env.metadata['renderModes'] is null or not defined), " +
        'you may have trouble when calling `.render()`.',
    );
    return;
  }
  if (!Array.isArray(renderModes)) {
    warn(`Expects the renderModes to be an array, actual type: ${typeName(renderModes)}`);
    return;
  }
  if (!renderModes.every((mode) => typeof mode === 'string')) {
    warn(
      `Expects all render modes to be strings, actual types: ${JSON.stringify(renderModes.map(typeName))}`,
    );
  }
  const renderFps = metadata?.renderFps as unknown;
  if (renderModes.length > 0) {
    if (renderFps === null || renderFps === undefined) {
      warn(
        "No render fps was declared in the environment (env.metadata['renderFps'] is null or not defined), " +
          'rendering may occur at inconsistent fps.',
      );
    } else if (typeof renderFps !== 'number') {
      warn(`Expects the \`env.metadata['renderFps']\` to be a number, actual type: ${typeName(renderFps)}`);
    } else if (!(renderFps > 0)) {
      fail(
        'env_render_passive_checker',
        `Expects the \`env.metadata['renderFps']\` to be greater than zero, actual value: ${renderFps}`,
      );
    }
  }
  if (renderModes.length === 0) {
    if (renderMode !== null && renderMode !== undefined) {
      fail(
        'env_render_passive_checker',
        `With no renderModes, expects the Env.renderMode to be null, actual value: ${renderMode}`,
      );
    }
  } else if (renderMode !== null && renderMode !== undefined && !renderModes.includes(renderMode)) {
    fail(
      'env_render_passive_checker',
      'The environment was initialized successfully however with an unsupported render mode. ' +
        `Render mode: ${renderMode}, modes: ${JSON.stringify(renderModes)}`,
    );
  }
}

/** Checks the render metadata, calls `env.render()`, checks what it returns for the mode; returns it. */
export function envRenderPassiveChecker(env: Env<unknown, unknown>): unknown {
  checkRenderSetup(env.metadata, env.renderMode);
  const result = env.render();
  if (env.renderMode !== null && env.renderMode !== undefined) checkRenderReturn(env.renderMode, result);
  return result;
}
