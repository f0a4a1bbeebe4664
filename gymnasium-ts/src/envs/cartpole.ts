/**
 * CartPole (gymnasium/envs/classic_control/cartpole.py), the cart-pole balancing task of Barto, Sutton and
 * Anderson (1983): a pole on an un-actuated joint rides a cart on a frictionless track; each step pushes the cart
 * left (action 0) or right (action 1) with a fixed force.
 *
 * Numerically the same as Gymnasium's `CartPoleEnv`: the same constants, the same explicit-Euler update computed
 * in float64 in the same order of operations, float32 observations `[x, xDot, theta, thetaDot]`, and a start state
 * drawn uniformly from (-0.05, 0.05) by the env's numpy-compatible `npRandom`, so a seed gives the start state
 * Gymnasium gives. The episode terminates when |x| > 2.4 or |theta| > 12°; the time limit (500 steps for v1, 200
 * for v0) comes from `make`'s TimeLimit. Reward: +1 every step including the terminating one, or with
 * `suttonBartoReward` 0 per step and -1 on termination.
 *
 * Rendering: `renderMode: 'ansi'` returns a text picture (there is no pygame here).
 */
import { Env, type EnvMetadata, type ResetArgs, type ResetResult, type StepResult } from '../core.ts';
import { InvalidAction, ResetNeeded } from '../errors.ts';
import { Box } from '../spaces/box.ts';
import { Discrete } from '../spaces/discrete.ts';
import { warn } from '../utils/warnings.ts';

export interface CartPoleOptions {
  /** `'ansi'` for a text rendering, or null (default) for none. */
  renderMode?: string | null;
  /** Sutton & Barto's reward: 0 per step, -1 when the pole falls (default false: +1 per step). */
  suttonBartoReward?: boolean;
}

const OPTION_NAMES = new Set(['renderMode', 'suttonBartoReward']);
const FLOAT32_MAX = 3.4028234663852886e38;

export class CartPoleEnv extends Env<Float32Array, number> {
  static readonly metadata: EnvMetadata = { renderModes: ['ansi'], renderFps: 50 };

  readonly gravity = 9.8;
  readonly masscart = 1.0;
  readonly masspole = 0.1;
  readonly totalMass = this.masspole + this.masscart;
  /** Half the pole's length. */
  readonly length = 0.5;
  readonly polemassLength = this.masspole * this.length;
  readonly forceMag = 10.0;
  /** Seconds between state updates. */
  readonly tau = 0.02;
  readonly kinematicsIntegrator: 'euler' | 'semi-implicit euler' = 'euler';
  /** 12 degrees: the episode fails beyond this angle. */
  readonly thetaThresholdRadians = (12 * 2 * Math.PI) / 360;
  readonly xThreshold = 2.4;

  readonly actionSpace: Discrete;
  readonly observationSpace: Box;
  readonly suttonBartoReward: boolean;

  /** `[x, xDot, theta, thetaDot]` in float64; null before the first reset. */
  state: Float64Array | null = null;
  /** Steps taken after the episode terminated (null while it runs): such steps are undefined behaviour. */
  stepsBeyondTerminated: number | null = null;

  constructor(options: CartPoleOptions = {}) {
    super();
    if (typeof options !== 'object' || options === null) {
      throw new TypeError(`CartPoleEnv options must be an object, got ${String(options)}`);
    }
    for (const key of Object.keys(options)) {
      if (!OPTION_NAMES.has(key)) {
        throw new TypeError(
          `CartPoleEnv got an unexpected keyword argument '${key}' (it takes ${[...OPTION_NAMES].join(', ')})`,
        );
      }
    }
    const { renderMode = null, suttonBartoReward = false } = options;
    if (renderMode !== null && typeof renderMode !== 'string') {
      throw new TypeError(`CartPoleEnv renderMode must be a string or null, got ${String(renderMode)}`);
    }
    if (typeof suttonBartoReward !== 'boolean') {
      throw new TypeError(
        `CartPoleEnv suttonBartoReward must be a boolean, got ${String(suttonBartoReward)}`,
      );
    }
    this.metadata = CartPoleEnv.metadata;
    this.renderMode = renderMode;
    this.suttonBartoReward = suttonBartoReward;
    // The angle bound is twice the failure threshold so that the failing observation is still in the space.
    const high = new Float32Array([
      this.xThreshold * 2,
      FLOAT32_MAX,
      this.thetaThresholdRadians * 2,
      FLOAT32_MAX,
    ]);
    this.actionSpace = new Discrete(2);
    this.observationSpace = new Box(
      high.map((v) => -v),
      high,
      { dtype: 'float32' },
    );
  }

  step(action: number): StepResult<Float32Array> {
    if (!this.actionSpace.contains(action)) {
      throw new InvalidAction(
        `${formatAction(action)} (${typeof action}) invalid: CartPole's actions are 0 and 1`,
      );
    }
    if (this.state === null) throw new ResetNeeded('Call reset before using step method.');
    let x = this.state[0]!;
    let xDot = this.state[1]!;
    let theta = this.state[2]!;
    let thetaDot = this.state[3]!;
    const force = action === 1 ? this.forceMag : -this.forceMag;
    const costheta = Math.cos(theta);
    const sintheta = Math.sin(theta);

    // The order of operations follows Gymnasium's so the float64 results agree (see the module comment).
    const temp = (force + this.polemassLength * (thetaDot * thetaDot) * sintheta) / this.totalMass;
    const thetaacc =
      (this.gravity * sintheta - costheta * temp) /
      (this.length * (4.0 / 3.0 - (this.masspole * (costheta * costheta)) / this.totalMass));
    const xacc = temp - (this.polemassLength * thetaacc * costheta) / this.totalMass;

    if (this.kinematicsIntegrator === 'euler') {
      x = x + this.tau * xDot;
      xDot = xDot + this.tau * xacc;
      theta = theta + this.tau * thetaDot;
      thetaDot = thetaDot + this.tau * thetaacc;
    } else {
      xDot = xDot + this.tau * xacc;
      x = x + this.tau * xDot;
      thetaDot = thetaDot + this.tau * thetaacc;
      theta = theta + this.tau * thetaDot;
    }
    this.state = new Float64Array([x, xDot, theta, thetaDot]);

    const terminated =
      x < -this.xThreshold ||
      x > this.xThreshold ||
      theta < -this.thetaThresholdRadians ||
      theta > this.thetaThresholdRadians;

    let reward: number;
    if (!terminated) {
      reward = this.suttonBartoReward ? 0.0 : 1.0;
    } else if (this.stepsBeyondTerminated === null) {
      // The pole just fell.
      this.stepsBeyondTerminated = 0;
      reward = this.suttonBartoReward ? -1.0 : 1.0;
    } else {
      if (this.stepsBeyondTerminated === 0) {
        warn(
          "You are calling 'step()' even though this environment has already returned terminated = True. " +
            "You should always call 'reset()' once you receive 'terminated = True' -- any further steps are undefined behavior.",
        );
      }
      this.stepsBeyondTerminated += 1;
      reward = this.suttonBartoReward ? -1.0 : 0.0;
    }
    return [new Float32Array(this.state), reward, terminated, false, {}];
  }

  /**
   * Starts an episode. `options.low` / `options.high` change the bounds of the uniform start state (default
   * -0.05 and 0.05); bounds other than the default may start the episode outside the observation space.
   */
  override reset(args?: ResetArgs): ResetResult<Float32Array> {
    super.reset(args);
    const [low, high] = parseResetBounds(args?.options ?? null, -0.05, 0.05);
    const rng = this.npRandom;
    this.state = new Float64Array(4);
    for (let i = 0; i < 4; i++) this.state[i] = rng.uniform(low, high);
    this.stepsBeyondTerminated = null;
    return [new Float32Array(this.state), {}];
  }

  override render(): string | null {
    if (this.renderMode === null) {
      const id = this.spec?.id ?? 'CartPole-v1';
      warn(
        'You are calling render method without specifying any render mode. ' +
          'You can specify the renderMode at initialization, ' +
          `e.g. make("${id}", { renderMode: "ansi" })`,
      );
      return null;
    }
    if (this.renderMode !== 'ansi') {
      throw new TypeError(
        `CartPoleEnv cannot render in mode '${this.renderMode}': its render modes are ${JSON.stringify(CartPoleEnv.metadata.renderModes)}`,
      );
    }
    return this.state === null ? null : renderAnsi(this.state, this.xThreshold, this.thetaThresholdRadians);
  }
}

/** Gymnasium's `maybe_parse_reset_bounds`. */
function parseResetBounds(
  options: Record<string, unknown> | null,
  defaultLow: number,
  defaultHigh: number,
): [number, number] {
  if (options === null) return [defaultLow, defaultHigh];
  const low = toNumber('low' in options ? options.low : defaultLow);
  const high = toNumber('high' in options ? options.high : defaultHigh);
  if (low > high) throw new RangeError(`Lower bound (${low}) must be lower than higher bound (${high}).`);
  return [low, high];
}

function toNumber(value: unknown): number {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  if (Number.isNaN(number))
    throw new TypeError(`An option (${String(value)}) could not be converted to a float.`);
  return number;
}

function formatAction(action: unknown): string {
  try {
    return JSON.stringify(action) ?? String(action);
  } catch {
    return String(action);
  }
}

const TRACK_WIDTH = 61;
const POLE_ROWS = 4;

/** A text picture: the state in numbers, the pole leaning over the cart, the track with its ±2.4 limits. */
function renderAnsi(state: Float64Array, xThreshold: number, thetaThreshold: number): string {
  const [x, xDot, theta, thetaDot] = state as unknown as [number, number, number, number];
  const scale = (TRACK_WIDTH - 1) / (2 * xThreshold);
  const cartColumn = Math.round((x + xThreshold) * scale);
  const inside = (column: number): boolean => column >= 0 && column < TRACK_WIDTH;
  const lines: string[] = [];
  const header =
    `x=${signed(x)}  x_dot=${signed(xDot)}  theta=${signed((theta * 180) / Math.PI, 2)}°` +
    `  theta_dot=${signed(thetaDot)}`;
  lines.push(header);
  const stroke = Math.abs(theta) < thetaThreshold / 6 ? '|' : theta > 0 ? '/' : '\\';
  for (let row = POLE_ROWS; row >= 1; row--) {
    // Character cells are about twice as tall as wide.
    const column = cartColumn + Math.round(2 * row * Math.tan(Math.max(-1.4, Math.min(1.4, theta))));
    const line = Array.from({ length: TRACK_WIDTH }, () => ' ');
    if (inside(column)) line[column] = stroke;
    lines.push(`|${line.join('')}|`);
  }
  const cartLine = Array.from({ length: TRACK_WIDTH }, () => ' ');
  for (let offset = -2; offset <= 2; offset++) {
    const column = cartColumn + offset;
    if (inside(column))
      cartLine[column] = offset === 0 ? 'o' : offset === -2 ? '[' : offset === 2 ? ']' : '=';
  }
  lines.push(`|${cartLine.join('')}|`);
  lines.push(`+${'-'.repeat(TRACK_WIDTH)}+`);
  return lines.join('\n');
}

function signed(value: number, digits = 4): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;
}
