import { afterEach, describe, expect, it } from 'vitest';
import { captureWarnings, DeprecationWarning, UserWarning, type GymWarning } from '../src/utils/warnings.ts';
import {
  CartPoleEnv,
  closeMatches,
  createEnvSpec,
  DeprecatedEnv,
  Discrete,
  Env,
  envSpecFromJSON,
  envSpecToJSON,
  findHighestVersion,
  getCurrentNamespace,
  getEnvId,
  GymError,
  make,
  makeAsync,
  NameNotFound,
  NamespaceNotFound,
  namespace,
  OrderEnforcing,
  parseEnvId,
  pprintRegistry,
  prettyPrintSpec,
  provideEntryPoint,
  RecordEpisodeStatistics,
  register,
  registry,
  type ResetArgs,
  type ResetResult,
  similarityRatio,
  spec,
  type StepResult,
  TimeLimit,
  VersionNotFound,
  Wrapper,
} from '../src/index.ts';
import type { EnvSpec } from '../src/spec.ts';

/** Counts to 10; records the kwargs it was made with. */
class CounterEnv extends Env<number, number> {
  static readonly metadata = { renderModes: ['ansi'] };
  actionSpace = new Discrete(2);
  observationSpace = new Discrete(100);
  count = 0;
  readonly kwargs: Record<string, unknown>;

  constructor(kwargs: Record<string, unknown> = {}) {
    super();
    this.kwargs = kwargs;
    this.metadata = CounterEnv.metadata;
  }

  override reset(args?: ResetArgs): ResetResult<number> {
    super.reset(args);
    this.count = 0;
    return [0, {}];
  }

  step(): StepResult<number> {
    this.count += 1;
    return [this.count, 1, this.count >= 10, false, {}];
  }
}

const registeredHere: string[] = [];
function registerTemp(id: string, options: Parameters<typeof register>[1]): EnvSpec {
  const quiet = captureWarnings(() => register(id, options));
  registeredHere.push(quiet.result.id);
  return quiet.result;
}

afterEach(() => {
  for (const id of registeredHere.splice(0)) registry.delete(id);
});

function messages(warnings: GymWarning[]): string[] {
  return warnings.map((w) => w.message);
}

describe('env ids', () => {
  it('parses [namespace/]name[-vN] as Gymnasium does', () => {
    expect(parseEnvId('CartPole-v1')).toEqual({ namespace: null, name: 'CartPole', version: 1 });
    expect(parseEnvId('lamgym/Word-v12')).toEqual({ namespace: 'lamgym', name: 'Word', version: 12 });
    expect(parseEnvId('browsergym/miniwob.choose-list')).toEqual({
      namespace: 'browsergym',
      name: 'miniwob.choose-list',
      version: null,
    });
    expect(parseEnvId('Foo-v')).toEqual({ namespace: null, name: 'Foo-v', version: null });
    expect(parseEnvId('ns:sub-x/Env_1-v0')).toEqual({ namespace: 'ns:sub-x', name: 'Env_1', version: 0 });
    expect(parseEnvId('Über-v2')).toEqual({ namespace: null, name: 'Über', version: 2 });
  });

  it('rejects malformed ids with Gymnasium message', () => {
    for (const bad of ['', 'a/b/c-v1', 'Foo Bar-v1', 'Foo/']) {
      expect(() => parseEnvId(bad)).toThrow(GymError);
      expect(() => parseEnvId(bad)).toThrow(
        `Malformed environment ID: ${bad}. (Currently all IDs must be of the form [namespace/](env-name)-v(version). (namespace is optional))`,
      );
    }
    expect(() => register('bad id', { entryPoint: () => new CounterEnv() })).toThrow(
      'Malformed environment ID',
    );
  });

  it('getEnvId is the inverse of parseEnvId', () => {
    for (const id of ['CartPole-v1', 'ns/Name-v3', 'ns/Name', 'Name']) {
      const { namespace: ns, name, version } = parseEnvId(id);
      expect(getEnvId(ns, name, version)).toBe(id);
    }
  });
});

describe('closeMatches (difflib.get_close_matches)', () => {
  const names = ['CartPole', 'Acrobot', 'MountainCar', 'MountainCarContinuous', 'Pendulum', 'LunarLander'];
  it('suggests what Python difflib suggests', () => {
    // Expected values computed with CPython's difflib.
    expect(closeMatches('CartPoel', names)).toEqual(['CartPole']);
    expect(closeMatches('cartpole', names)).toEqual(['CartPole']);
    expect(closeMatches('Pendullum', names)).toEqual(['Pendulum']);
    expect(closeMatches('MountainCarCont', names)).toEqual(['MountainCar', 'MountainCarContinuous']);
    expect(closeMatches('MountainCarCont', names, { n: 1 })).toEqual(['MountainCar']);
    expect(closeMatches('Zzz', names)).toEqual([]);
  });
  it('computes SequenceMatcher.ratio, asymmetry included', () => {
    expect(similarityRatio('CartPole', 'CartPoel')).toBe(0.875);
    expect(similarityRatio('tide', 'diet')).toBe(0.25);
    expect(similarityRatio('diet', 'tide')).toBe(0.5);
    expect(similarityRatio('', '')).toBe(1);
  });
});

describe('register and spec', () => {
  it('registers CartPole-v0 and CartPole-v1 on import, as Gymnasium does', () => {
    const v1 = spec('CartPole-v1');
    expect(v1).toMatchObject({
      id: 'CartPole-v1',
      entryPoint: 'gymnasium-ts:CartPoleEnv',
      rewardThreshold: 475,
      maxEpisodeSteps: 500,
      orderEnforce: true,
      disableEnvChecker: false,
      nondeterministic: false,
      kwargs: {},
      additionalWrappers: [],
      namespace: null,
      name: 'CartPole',
      version: 1,
    });
    expect(spec('CartPole-v0')).toMatchObject({ maxEpisodeSteps: 200, rewardThreshold: 195 });
    expect(findHighestVersion(null, 'CartPole')).toBe(1);
    expect(findHighestVersion(null, 'NoSuchEnv')).toBeNull();
  });

  it('fills Gymnasium defaults and returns the stored spec', () => {
    const created = registerTemp('Counter-v0', { entryPoint: (kwargs) => new CounterEnv(kwargs) });
    expect(registry.get('Counter-v0')).toBe(created);
    expect(created).toMatchObject({
      rewardThreshold: null,
      maxEpisodeSteps: null,
      orderEnforce: true,
      disableEnvChecker: false,
      kwargs: {},
      vectorEntryPoint: null,
    });
  });

  it('warns when an id is registered again', () => {
    registerTemp('Again-v0', { entryPoint: CounterEnv });
    const { warnings } = captureWarnings(() => register('Again-v0', { entryPoint: CounterEnv }));
    expect(messages(warnings)).toEqual(['Overriding environment Again-v0 already in registry.']);
    expect(warnings[0]).toBeInstanceOf(UserWarning);
  });

  it('needs an entry point', () => {
    expect(() => register('NoEntry-v0', {})).toThrow(
      "register('NoEntry-v0'): either `entryPoint` or `vectorEntryPoint` (or both) must be provided",
    );
    expect(() => register('BadEntry-v0', { entryPoint: 'no-colon' as never })).toThrow(
      'must be a factory function, an Env class or a "path/to/module.ts:ExportName" string, got "no-colon"',
    );
  });

  it('refuses to mix versioned and unversioned registrations of a name', () => {
    registerTemp('Mixed-v1', { entryPoint: CounterEnv });
    expect(() => register('Mixed', { entryPoint: CounterEnv })).toThrow(
      "Can't register the unversioned environment `Mixed` when the versioned environment `Mixed-v1` of the same name already exists.",
    );
    registerTemp('Plain', { entryPoint: CounterEnv });
    expect(() => register('Plain-v0', { entryPoint: CounterEnv })).toThrow(
      "Can't register the versioned environment `Plain-v0` when the unversioned environment `Plain` of the same name already exists.",
    );
  });

  it('namespace(ns, fn) puts registrations in the namespace and restores the previous one', () => {
    namespace('outer', () => {
      registerTemp('InNs-v0', { entryPoint: CounterEnv });
      registerTemp('other/Replaced-v0', { entryPoint: CounterEnv });
      expect(getCurrentNamespace()).toBe('outer');
    });
    expect(getCurrentNamespace()).toBeNull();
    expect(registry.has('outer/InNs-v0')).toBe(true);
    expect(registry.has('outer/Replaced-v0')).toBe(true);
    expect(spec('outer/InNs-v0').namespace).toBe('outer');

    expect(() =>
      namespace('boom', () => {
        throw new Error('inside');
      }),
    ).toThrow('inside');
    expect(getCurrentNamespace()).toBeNull();

    const direct = captureWarnings(() =>
      namespace('plugin', () =>
        register('Kw2-v0', { entryPoint: CounterEnv, kwargs: { namespace: 'mine' } }),
      ),
    );
    registeredHere.push('plugin/Kw2-v0');
    expect(messages(direct.warnings)[0]).toMatch(
      /^Custom namespace `mine` is being overridden by namespace `plugin`\./,
    );

    expect(() => namespace('async', async () => undefined)).toThrow(/fn returned a Promise/);
    expect(() => namespace('bad ns', () => undefined)).toThrow(
      "namespace: 'bad ns' is not a valid namespace",
    );
  });
});

describe('helpful errors for ids that are not registered', () => {
  it('suggests the closest name', () => {
    expect(() => make('CartPoel-v1')).toThrow(NameNotFound);
    expect(() => make('CartPoel-v1')).toThrow(
      "Environment `CartPoel` doesn't exist. Did you mean: `CartPole`?",
    );
    expect(() => spec('cartpole-v1')).toThrow(
      "Environment `cartpole` doesn't exist. Did you mean: `CartPole`?",
    );
    expect(() => make('Qwxz-v0')).toThrow(/^Environment `Qwxz` doesn't exist\.$/);
  });

  it('names the namespace, and suggests the closest one', () => {
    registerTemp('lamgym/Word-v0', { entryPoint: CounterEnv });
    expect(() => make('lamgyn/Word-v0')).toThrow(NamespaceNotFound);
    expect(() => make('lamgyn/Word-v0')).toThrow('Namespace lamgyn not found. Did you mean: `lamgym`?');
    expect(() => make('zzzz/Word-v0')).toThrow(
      'Namespace zzzz not found. Have you installed (or imported) the proper package for zzzz?',
    );
    expect(() => make('lamgym/Wrod-v0')).toThrow(
      "Environment `Wrod` doesn't exist in namespace lamgym. Did you mean: `Word`?",
    );
  });

  it('lists the versions when the version is newer than any registered', () => {
    expect(() => make('CartPole-v2')).toThrow(VersionNotFound);
    expect(() => make('CartPole-v2')).toThrow(
      "Environment version `v2` for environment `CartPole` doesn't exist. It provides versioned environments: [ `v0`, `v1` ].",
    );
  });

  it('points to the newest version when the version is deprecated', () => {
    registerTemp('Old-v2', { entryPoint: CounterEnv });
    registerTemp('Old-v3', { entryPoint: CounterEnv });
    expect(() => captureWarnings(() => make('Old-v1'))).toThrow(DeprecatedEnv);
    expect(() => captureWarnings(() => make('Old-v1'))).toThrow(
      'Environment version v1 for `Old` is deprecated. Please use `Old-v3` instead.',
    );
  });

  it('points to the default version when only an unversioned env exists', () => {
    registerTemp('OnlyDefault', { entryPoint: CounterEnv });
    expect(() => make('OnlyDefault-v1')).toThrow(DeprecatedEnv);
    expect(() => make('OnlyDefault-v1')).toThrow(
      "Environment version `v1` for environment `OnlyDefault` doesn't exist. It provides the default version `OnlyDefault`.",
    );
  });

  it('warns when making an outdated version, and picks the latest for an unversioned id', () => {
    const outdated = captureWarnings(() => make('CartPole-v0', { disableEnvChecker: true }));
    expect(outdated.warnings.map((w) => [w.constructor, w.message])).toContainEqual([
      DeprecationWarning,
      'The environment CartPole-v0 is out of date. You should consider upgrading to version `v1`.',
    ]);
    const latest = captureWarnings(() => make('CartPole', { disableEnvChecker: true }));
    expect(messages(latest.warnings)).toContain(
      'Using the latest versioned environment `CartPole-v1` instead of the unversioned environment `CartPole`.',
    );
    expect(latest.result.spec?.id).toBe('CartPole-v1');
  });

  it('spec() throws the same errors', () => {
    expect(() => spec('CartPole-v7')).toThrow(VersionNotFound);
    expect(() => spec('bad id!')).toThrow('Malformed environment ID');
  });
});

describe('make', () => {
  it('wraps in Gymnasium order and prints the same repr', () => {
    const env = make('CartPole-v1');
    expect(env.toString()).toBe('<TimeLimit<OrderEnforcing<PassiveEnvChecker<CartPoleEnv<CartPole-v1>>>>>');
    expect(make('CartPole-v1', { disableEnvChecker: true }).toString()).toBe(
      '<TimeLimit<OrderEnforcing<CartPoleEnv<CartPole-v1>>>>',
    );
    expect(make('CartPole-v1', { maxEpisodeSteps: -1 }).toString()).toBe(
      '<OrderEnforcing<PassiveEnvChecker<CartPoleEnv<CartPole-v1>>>>',
    );
    expect(env.unwrapped).toBeInstanceOf(CartPoleEnv);
  });

  it('sets the spec with merged kwargs on the env, and reports the applied limit through TimeLimit', () => {
    const env = make('CartPole-v1', { maxEpisodeSteps: 3, suttonBartoReward: true });
    expect(env.unwrapped.spec).toMatchObject({
      id: 'CartPole-v1',
      maxEpisodeSteps: null,
      orderEnforce: false,
      disableEnvChecker: true,
      kwargs: { suttonBartoReward: true },
      rewardThreshold: 475,
    });
    expect(env.spec?.maxEpisodeSteps).toBe(3);
    expect(env.spec?.orderEnforce).toBe(true);
    expect((env.unwrapped as CartPoleEnv).suttonBartoReward).toBe(true);
    expect(make('CartPole-v1').spec?.maxEpisodeSteps).toBe(500);
    // The registered spec is not changed by make's kwargs.
    expect(spec('CartPole-v1').kwargs).toEqual({});
  });

  it("the spec seen through make's stack recreates the same stack, also after a JSON round trip", () => {
    const env = make('CartPole-v1', { maxEpisodeSteps: 9, renderMode: 'ansi' });
    expect(env.spec).toMatchObject({
      maxEpisodeSteps: 9,
      orderEnforce: true,
      disableEnvChecker: false,
      kwargs: { renderMode: 'ansi' },
    });
    const again = make(env.spec!);
    expect(again.toString()).toBe(env.toString());
    expect(again.spec).toEqual(env.spec);
    const revived = make(envSpecFromJSON(envSpecToJSON(env.spec!)));
    expect(revived.toString()).toBe(env.toString());
    expect(revived.renderMode).toBe('ansi');
    const unchecked = make('CartPole-v1', { disableEnvChecker: true });
    expect(unchecked.spec?.disableEnvChecker).toBe(true);
    expect(make(unchecked.spec!).toString()).toBe('<TimeLimit<OrderEnforcing<CartPoleEnv<CartPole-v1>>>>');
  });

  it('merges make kwargs over a deep copy of the registered kwargs', () => {
    const nested = { depth: { value: 1 } };
    registerTemp('Kwargs-v0', { entryPoint: CounterEnv, kwargs: { a: 1, nested } });
    const env = make('Kwargs-v0', { b: 2, a: 3, disableEnvChecker: true });
    const kwargs = (env.unwrapped as CounterEnv).kwargs;
    expect(kwargs).toEqual({ a: 3, b: 2, nested: { depth: { value: 1 } } });
    expect(kwargs.nested).not.toBe(nested);
    expect(env.unwrapped.spec?.kwargs).toEqual(kwargs);
  });

  it('accepts factories, classes and a spec object', () => {
    registerTemp('Factory-v0', { entryPoint: (kwargs) => new CounterEnv(kwargs), maxEpisodeSteps: 4 });
    registerTemp('Klass-v0', { entryPoint: CounterEnv, orderEnforce: false, disableEnvChecker: true });
    expect(make('Factory-v0').toString()).toBe(
      '<TimeLimit<OrderEnforcing<PassiveEnvChecker<CounterEnv<Factory-v0>>>>>',
    );
    expect(make('Klass-v0').toString()).toBe('<CounterEnv<Klass-v0>>');
    const custom = createEnvSpec({ id: 'Unregistered-v0', entryPoint: CounterEnv, maxEpisodeSteps: 2 });
    const env = make(custom);
    expect(env.toString()).toBe(
      '<TimeLimit<OrderEnforcing<PassiveEnvChecker<CounterEnv<Unregistered-v0>>>>>',
    );
    env.reset();
    expect(env.step(0)[3]).toBe(false);
    expect(env.step(0)[3]).toBe(true);
  });

  it('validates its options and the entry point result', () => {
    expect(() => make('CartPole-v1', { maxEpisodeSteps: 0 })).toThrow(
      'make(CartPole-v1): maxEpisodeSteps must be a positive integer, -1 (no time limit) or null, got 0',
    );
    registerTemp('NotAnEnv-v0', { entryPoint: () => ({ step() {} }) as never });
    expect(() => make('NotAnEnv-v0')).toThrow(/^The environment must inherit from the Env class/);
    registerTemp('NoEntry-v0', { vectorEntryPoint: 'x.ts:Vec' });
    expect(() => make('NoEntry-v0')).toThrow('NoEntry-v0 registered but entryPoint is not specified');
  });

  it('reports bad kwargs with the env id, as Gymnasium does for TypeErrors', () => {
    expect(() => make('CartPole-v1', { render_mode: 'ansi' })).toThrow(
      "CartPoleEnv got an unexpected keyword argument 'render_mode' (it takes renderMode, suttonBartoReward) was raised from the environment creator for CartPole-v1 with kwargs",
    );
  });

  it('warns about a render mode the env does not declare', () => {
    const { warnings } = captureWarnings(() =>
      make('CartPole-v1', { renderMode: 'rgb_array', disableEnvChecker: true }),
    );
    expect(messages(warnings)).toContain(
      'The environment is being initialised with renderMode="rgb_array" that is not in the possible renderModes (["ansi"]).',
    );
  });

  it('applies additional wrappers from their entry points, outermost last', () => {
    provideEntryPoint('test-wrappers:Tag', (env: Env, kwargs: Record<string, unknown>) => {
      const wrapper = new Wrapper(env);
      (wrapper as unknown as { tag: unknown }).tag = kwargs.tag;
      return wrapper;
    });
    registerTemp('Wrapped-v0', {
      entryPoint: CounterEnv,
      maxEpisodeSteps: 5,
      additionalWrappers: [
        {
          name: 'RecordEpisodeStatistics',
          entryPoint: 'gymnasium-ts:RecordEpisodeStatistics',
          kwargs: { bufferLength: 7 },
        },
        { name: 'Tag', entryPoint: 'test-wrappers:Tag', kwargs: { tag: 'outer' } },
      ],
    });
    const env = make('Wrapped-v0');
    expect(env.toString()).toBe(
      '<Wrapper<RecordEpisodeStatistics<TimeLimit<OrderEnforcing<PassiveEnvChecker<CounterEnv<Wrapped-v0>>>>>>>',
    );
    expect(env.getWrapperAttr('tag')).toBe('outer');
    expect(env.getWrapperAttr('bufferLength')).toBe(7);
    const inner = (env as Wrapper).env as RecordEpisodeStatistics;
    expect(inner).toBeInstanceOf(RecordEpisodeStatistics);
    expect(inner.env).toBeInstanceOf(TimeLimit);
    expect((inner.env as TimeLimit).env).toBeInstanceOf(OrderEnforcing);

    registerTemp('NullKwargs-v0', {
      entryPoint: CounterEnv,
      additionalWrappers: [{ name: 'Lambda', entryPoint: 'test-wrappers:Tag', kwargs: null }],
    });
    expect(() => make('NullKwargs-v0')).toThrow(
      'Lambda wrapper of NullKwargs-v0 has kwargs null (its constructor arguments were not recorded), therefore, the wrapper cannot be recreated.',
    );
  });

  it('needs string entry points to be loaded; makeAsync loads them', async () => {
    const entryPoint = 'gymnasium-ts/src/envs/cartpole.ts:CartPoleEnv';
    registerTemp('FromFile-v0', { entryPoint, maxEpisodeSteps: 10 });
    expect(() => make('FromFile-v0')).toThrow(
      `The entry point "${entryPoint}" of FromFile-v0 has not been loaded: use makeAsync('FromFile-v0'), or await loadEntryPoint("${entryPoint}") before make`,
    );
    const env = await makeAsync('FromFile-v0');
    expect(env.toString()).toBe('<TimeLimit<OrderEnforcing<PassiveEnvChecker<CartPoleEnv<FromFile-v0>>>>>');
    expect(make('FromFile-v0').unwrapped.constructor.name).toBe('CartPoleEnv');
  });

  it('makeAsync explains a missing module or export', async () => {
    registerTemp('MissingExport-v0', { entryPoint: 'gymnasium-ts/src/envs/cartpole.ts:NoSuchEnv' });
    await expect(makeAsync('MissingExport-v0')).rejects.toThrow(
      "Module 'gymnasium-ts/src/envs/cartpole.ts' has no export 'NoSuchEnv' (entry point \"gymnasium-ts/src/envs/cartpole.ts:NoSuchEnv\"); its exports are: CartPoleEnv",
    );
    registerTemp('MissingModule-v0', { entryPoint: './no/such/module.ts:Env' });
    await expect(makeAsync('MissingModule-v0')).rejects.toThrow(
      /Loading the entry point "\.\/no\/such\/module\.ts:Env" failed: check that '\.\/no\/such\/module\.ts' exists and can be imported\./,
    );
  });

  it('makeAsync imports the module part of "module:Env-v0" ids', async () => {
    expect(() => make('gymnasium-ts/src/envs/index.ts:CartPole-v1')).toThrow(
      "make('gymnasium-ts/src/envs/index.ts:CartPole-v1') needs the module 'gymnasium-ts/src/envs/index.ts' to be imported first",
    );
    const env = await makeAsync('gymnasium-ts/src/envs/index.ts:CartPole-v1', { disableEnvChecker: true });
    expect(env.spec?.id).toBe('CartPole-v1');
    expect(make('gymnasium-ts/src/envs/index.ts:CartPole-v1').spec?.id).toBe('CartPole-v1');
  });
});

describe('spec serialisation and printing', () => {
  it('round-trips through Gymnasium JSON field names', () => {
    const json = envSpecToJSON(spec('CartPole-v1'));
    expect(JSON.parse(json)).toEqual({
      id: 'CartPole-v1',
      entry_point: 'gymnasium-ts:CartPoleEnv',
      reward_threshold: 475,
      nondeterministic: false,
      max_episode_steps: 500,
      order_enforce: true,
      disable_env_checker: false,
      kwargs: {},
      additional_wrappers: [],
      vector_entry_point: null,
    });
    expect(envSpecFromJSON(json)).toEqual(spec('CartPole-v1'));
  });

  it("reads Python Gymnasium's to_json output", () => {
    const python =
      '{"id": "CartPole-v1", "entry_point": "gymnasium.envs.classic_control.cartpole:CartPoleEnv", "reward_threshold": 475.0, ' +
      '"nondeterministic": false, "max_episode_steps": 500, "order_enforce": true, "disable_env_checker": false, "kwargs": {}, ' +
      '"additional_wrappers": [{"name": "TimeAwareObservation", "entry_point": "gymnasium.wrappers:TimeAwareObservation", "kwargs": {"flatten": true}}], ' +
      '"vector_entry_point": "gymnasium.envs.classic_control.cartpole:CartPoleVectorEnv"}';
    const parsed = envSpecFromJSON(python);
    expect(parsed).toMatchObject({
      id: 'CartPole-v1',
      name: 'CartPole',
      version: 1,
      additionalWrappers: [
        {
          name: 'TimeAwareObservation',
          entryPoint: 'gymnasium.wrappers:TimeAwareObservation',
          kwargs: { flatten: true },
        },
      ],
    });
  });

  it('refuses what JSON cannot hold, naming where it is', () => {
    const withClass = createEnvSpec({ id: 'Klass-v0', entryPoint: CounterEnv });
    expect(() => envSpecToJSON(withClass)).toThrow(
      'Callable found in Klass-v0 for entryPoint attribute with value=[function CounterEnv].',
    );
    const withArray = createEnvSpec({
      id: 'Arr-v0',
      entryPoint: 'm.ts:E',
      kwargs: { low: new Float32Array(2) },
    });
    expect(() => envSpecToJSON(withArray)).toThrow(
      'Arr-v0: kwargs.low is an instance of Float32Array, which cannot be serialised to JSON',
    );
    expect(() => envSpecFromJSON('{"id": "X-v0", "entry_point": "m.ts:E", "bogus": 1}')).toThrow(
      "envSpecFromJSON: unknown field 'bogus'",
    );
    expect(() => envSpecFromJSON('not json')).toThrow(/^envSpecFromJSON: not valid JSON/);
  });

  it('pretty-prints a spec like EnvSpec.pprint', () => {
    expect(prettyPrintSpec(spec('CartPole-v1'))).toBe(
      'id=CartPole-v1\nrewardThreshold=475\nmaxEpisodeSteps=500',
    );
    expect(prettyPrintSpec(spec('CartPole-v1'), { printAll: true })).toBe(
      [
        'id=CartPole-v1',
        'entryPoint=gymnasium-ts:CartPoleEnv',
        'rewardThreshold=475',
        'nondeterministic=false',
        'maxEpisodeSteps=500',
        'orderEnforce=true',
        'disableEnvChecker=false',
        'additionalWrappers=[]',
      ].join('\n'),
    );
    const wrapped = createEnvSpec({
      id: 'W-v0',
      entryPoint: 'm.ts:E',
      orderEnforce: false,
      additionalWrappers: [
        { name: 'TimeLimit', entryPoint: 'gymnasium-ts:TimeLimit', kwargs: { maxEpisodeSteps: 9 } },
      ],
    });
    expect(prettyPrintSpec(wrapped, { includeEntryPoints: true })).toBe(
      'id=W-v0\nentryPoint=m.ts:E\norderEnforce=false\nadditionalWrappers=[\n\tname=TimeLimit, entryPoint=gymnasium-ts:TimeLimit, kwargs={"maxEpisodeSteps":9}\n]',
    );
  });

  it('pprintRegistry groups ids in sorted columns', () => {
    const specs = new Map<string, EnvSpec>();
    for (const id of ['B-v0', 'A-v0', 'C-v0', 'D-v0', 'lamgym/Word-v0', 'lamgym/Excel-v0']) {
      specs.set(
        id,
        createEnvSpec({ id, entryPoint: id.startsWith('lamgym') ? CounterEnv : 'gymnasium-ts:X' }),
      );
    }
    const text = pprintRegistry({ printRegistry: specs, numCols: 3, disablePrint: true });
    expect(text).toBe(
      [
        '===== gymnasium-ts =====',
        'A-v0            B-v0            C-v0',
        'D-v0',
        '===== lamgym =====',
        'lamgym/Excel-v0 lamgym/Word-v0',
      ].join('\n'),
    );
    expect(
      pprintRegistry({ printRegistry: specs, excludeNamespaces: ['gymnasium-ts'], disablePrint: true }),
    ).toBe('===== lamgym =====\nlamgym/Excel-v0 lamgym/Word-v0');
    expect(pprintRegistry({ disablePrint: true })).toContain('CartPole-v0 CartPole-v1');
  });
});
