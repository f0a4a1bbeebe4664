/** OfficeEnv as a gymnasium-ts env: checkEnv, reset options, termination, truncation, observations, answers. */
import { describe, expect, it } from 'vitest';
import { OfficeEnv, makeAction, OfficeActionSpace } from '../../envs/office/index.ts';
import { checkEnv } from 'gymnasium-ts';
import { captureWarnings } from '../../gymnasium-ts/src/utils/warnings.ts';
import { notepad } from './fixtures/notepad.ts';

describe('OfficeEnv', () => {
  it('passes checkEnv', () => {
    for (const env of [
      new OfficeEnv(notepad, { request: 'Bold it' }),
      new OfficeEnv(notepad, { renderMode: 'ansi' }),
    ]) {
      const { warnings } = captureWarnings(() => checkEnv(env as never));
      // The only remark: an env built without the registry has no spec to re-make it from.
      expect(warnings.map((w) => w.message)).toEqual([
        expect.stringMatching(/environment not having a spec/),
      ]);
    }
  });

  it('reset takes the task as text or as a task record, and the template', () => {
    const env = new OfficeEnv(notepad, { request: 'default request' });
    const [first, info] = env.reset({ seed: 1 });
    expect(first.request).toBe('default request');
    expect(info).toEqual({ request: 'default request', app: 'notepad' });
    let [obs] = env.reset({ options: { task: 'Bold the text', template: 'hello' } });
    expect(obs.request).toBe('Bold the text');
    expect(obs.canvas).toMatchObject({ text: 'hello' });
    [obs] = env.reset({
      options: {
        task: {
          unique_id: '5',
          instantiated_request: 'Turn it into a list',
          task: 'original',
          template: 'abc',
        },
      },
    });
    expect(obs.request).toBe('Turn it into a list');
    expect(obs.canvas).toMatchObject({ text: 'abc' });
    expect(obs).toMatchObject({ app: 'notepad', window: 'Untitled - Notepad', step: 0, last_error: null });
    expect(obs.previous_actions).toEqual([]);
    expect(obs.previous_plan).toEqual([]);
    expect(() => env.reset({ options: { task: 42 } })).toThrow(
      /options\.task must be a request string or a task record/,
    );
  });

  it('records previous actions and the latest plan; last_error is cleared by a good step', () => {
    const env = new OfficeEnv(notepad);
    let [obs] = env.reset({ seed: 3 });
    const bold = obs.controls.find((c) => c.control_text === 'Bold')!.label;
    [obs] = env.step(makeAction({ function: 'click_input', control_label: '500', plan: ['a'] }));
    expect(obs.last_error).toMatch(/label 500/);
    [obs] = env.step(
      makeAction({
        thought: 'Bold it',
        function: 'click_input',
        control_label: bold,
        control_text: 'Bold',
        args: { button: 'left', double: false },
        plan: ['Type the text', 'Save'],
      }),
    );
    expect(obs.last_error).toBeNull();
    expect(obs.step).toBe(2);
    expect(obs.previous_plan).toEqual(['Type the text', 'Save']);
    expect(obs.previous_actions[1]).toEqual({
      step: 2,
      thought: 'Bold it',
      control_label: bold,
      control_text: 'Bold',
      function: 'click_input',
      args: { button: 'left', double: false },
      command: "click_input(button='left', double=False)",
      status: 'CONTINUE',
      plan: ['Type the text', 'Save'],
      result: null,
      error: null,
    });
    expect(obs.previous_actions[0]!.error).toMatch(/label 500/);
    const short = new OfficeEnv(notepad, { historyLength: 1 });
    short.reset({ seed: 1 });
    short.step(makeAction({ function: '' }));
    const [last] = short.step(makeAction({ function: 'summary', args: { text: 'x' } }));
    expect(last.previous_actions.map((a) => a.function)).toEqual(['summary']);
  });

  it('FINISH and FAIL terminate after running the action; maxSteps truncates; stepping a finished episode throws', () => {
    const env = new OfficeEnv(notepad, { maxSteps: 3 });
    env.reset({ seed: 1 });
    const [, , terminated, truncated, info] = env.step(
      makeAction({ function: 'summary', args: { text: 'done' }, status: 'FINISH' }),
    );
    expect([terminated, truncated]).toEqual([true, false]);
    expect(info.result).toBe('done');
    expect(() => env.step(makeAction({ function: '' }))).toThrow(/episode is over/);
    env.reset();
    expect(env.step(makeAction({ function: '', status: 'FAIL' }))[2]).toBe(true);
    env.reset();
    const flags = [1, 2, 3].map(() => env.step(makeAction({ function: '' })).slice(2, 4));
    expect(flags).toEqual([
      [false, false],
      [false, false],
      [false, true],
    ]);
    expect(() => new OfficeEnv(notepad).step(makeAction({ function: '' }))).toThrow(/call reset\(\)/);
  });

  it("steps on raw answer text in the paper's and UFO's formats", () => {
    const env = new OfficeEnv(notepad);
    let [obs] = env.reset({ seed: 1 });
    const italic = obs.controls.find((c) => c.control_text === 'Italic')!.label;
    let info;
    [obs, , , , info] = env.step(
      `{"Observation": "The ribbon is open.", "Thought": "Italic first.", "ControlLabel": "${italic}", "ControlText": "Italic", "Function": "click_input", "Args": {"button": "left", "double": false}, "Status": "CONTINUE", "Plan": "Type text\\nSave", "Comment": ""}`,
    );
    expect(info.error).toBeUndefined();
    expect(obs.canvas).toMatchObject({ format: { italic: true } });
    expect(obs.previous_plan).toEqual(['Type text', 'Save']);
    [obs, , , , info] = env.step(
      "Sure! ```python\n{'thought': 'type', 'control_label': 16, 'control_name': 'Text Editor', 'function': 'set_edit_text', 'args': {'text': 'Hi'}, 'status': 'FINISH', 'plan': []}\n```",
    );
    expect(info.error).toBeUndefined();
    expect(info.repairs).toEqual(
      expect.arrayContaining(['replaced single quotes with double quotes', 'read control_label 16 as "16"']),
    );
    expect(obs.canvas).toMatchObject({ text: 'Hi' });
    expect(env.step).toBeDefined();
  });

  it('rewards come from the hook (0 by default) and render gives the control list as text', () => {
    const env = new OfficeEnv(notepad, {
      renderMode: 'ansi',
      reward: ({ record, env: e }) => (record.error === null && (e.state as { bold: boolean }).bold ? 1 : 0),
    });
    const [obs] = env.reset({ seed: 1 });
    const bold = obs.controls.find((c) => c.control_text === 'Bold')!.label;
    expect(env.step(makeAction({ function: 'click_input', control_label: bold }))[1]).toBe(1);
    expect(env.step(makeAction({ function: 'click_input', control_label: bold }))[1]).toBe(0);
    const text = env.render()!;
    expect(text.split('\n')[0]).toBe('Untitled - Notepad (notepad)');
    expect(text).toMatch(new RegExp(`^ +${bold}  Button +Bold \\[ \\]$`, 'm'));
    expect(new OfficeEnv(notepad).render()).toBeNull();
  });

  it('the action space samples UFO calls deterministically and accepts text', () => {
    const space = new OfficeActionSpace({ apis: ['set_font'], maxLabel: 30 });
    space.seed(5);
    const a = Array.from({ length: 50 }, () => space.sample());
    space.seed(5);
    const b = Array.from({ length: 50 }, () => space.sample());
    expect(b).toEqual(a);
    for (const action of a) {
      expect(space.contains(action)).toBe(true);
      if (action.control_label !== '') expect(Number(action.control_label)).toBeLessThanOrEqual(30);
    }
    expect(new Set(a.map((x) => x.function)).size).toBeGreaterThan(5);
    expect(space.contains('{"function": ""}')).toBe(true);
    expect(space.contains({ function: 3 })).toBe(false);
    expect(space.contains(null)).toBe(false);
    // Sampled actions never crash a step.
    const env = new OfficeEnv(notepad, { maxSteps: 1000 });
    env.reset({ seed: 2 });
    env.actionSpace.seed(9);
    for (let i = 0; i < 200; i++) {
      const [, , terminated] = env.step(env.actionSpace.sample());
      if (terminated) env.reset();
    }
  });
});

describe('OfficeEnv robustness', () => {
  it('odd action values come back as errors, never as exceptions', () => {
    const env = new OfficeEnv(notepad);
    env.reset({ seed: 1 });
    const cyclic: Record<string, unknown> = { button: 'left' };
    cyclic.self = cyclic;
    const odd: unknown[] = [
      null,
      42,
      [],
      { function: 7 },
      { function: 'click_input', args: 'left' },
      { function: 'click_input', control_label: 9 },
      { function: 'click_input', control_label: '9', args: cyclic },
      { function: 'summary', args: { text: 10n } },
      { function: 'click_input', plan: 'x' },
    ];
    for (const action of odd) {
      const [obs, reward, terminated, truncated, info] = env.step(action as never);
      expect(typeof info.error, String(action)).toBe('string');
      expect(obs.last_error).toBe(info.error);
      expect([reward, terminated, truncated]).toEqual([0, false, false]);
    }
    expect(env.state).toEqual(notepad.createState(undefined, env.npRandom));
  });
});

describe('sampleValidAction', () => {
  it('draws actions the current screen accepts, deterministically for a seed', () => {
    const run = () => {
      const env = new OfficeEnv(notepad, { maxSteps: 10_000 });
      env.reset({ seed: 11 });
      const errors: string[] = [];
      const functions = new Set<string>();
      for (let i = 0; i < 300; i++) {
        const action = env.sampleValidAction();
        functions.add(action.function);
        const [, , terminated, , info] = env.step(action);
        if (typeof info.error === 'string') errors.push(info.error);
        if (terminated) env.reset();
      }
      return { errors, functions, canvas: JSON.stringify(env.observe().canvas) };
    };
    const a = run();
    expect(a.errors).toEqual([]);
    expect(a.functions).toEqual(
      new Set(['click_input', 'set_edit_text', 'keyboard_input', 'wheel_mouse_input']),
    );
    expect(run()).toEqual(a);
  });
});

describe('random walks', () => {
  it('keep every invariant: observations in the space, labels 1..n, failed steps change nothing', async () => {
    const { rich } = await import('./fixtures/rich.ts');
    const env = new OfficeEnv(rich, { maxSteps: 100_000 });
    let [obs] = env.reset({ seed: 5, options: { template: '# A\nb | c\n# D' } });
    env.actionSpace.seed(5);
    for (let i = 0; i < 800; i++) {
      const action = i % 3 === 0 ? env.actionSpace.sample() : env.sampleValidAction();
      const before = JSON.stringify({ canvas: obs.canvas, controls: obs.controls, ui: env.session.ui });
      const [next, , terminated, , info] = env.step(action);
      expect(env.observationSpace.contains(next)).toBe(true);
      expect(next.controls.map((c) => c.label)).toEqual(next.controls.map((_, k) => String(k + 1)));
      if (typeof info.error === 'string') {
        expect(JSON.stringify({ canvas: next.canvas, controls: next.controls, ui: env.session.ui })).toBe(
          before,
        );
      }
      obs = next;
      if (terminated) [obs] = env.reset({ options: { template: '# A\nb | c\n# D' } });
    }
  });
});

describe('vector envs', () => {
  it('runs in a SyncVectorEnv with next-step autoreset', async () => {
    const { SyncVectorEnv } = await import('gymnasium-ts');
    const venv = new SyncVectorEnv([
      () => new OfficeEnv(notepad, { maxSteps: 3 }),
      () => new OfficeEnv(notepad, { maxSteps: 3 }),
    ]);
    const [obs] = venv.reset({ seed: 1 });
    expect((obs as unknown[]).length).toBe(2);
    const finish = makeAction({ function: 'summary', args: { text: 'x' }, status: 'FINISH' });
    const idle = makeAction({ function: '' });
    const first = venv.step([idle, finish] as never);
    expect(Array.from(first[2] as Uint8Array)).toEqual([0, 1]);
    const second = venv.step([idle, finish] as never);
    // The finished env was reset by this step: its observation is a fresh episode's.
    expect((second[0] as { step: number }[]).map((o) => o.step)).toEqual([2, 0]);
    venv.close();
  });
});
