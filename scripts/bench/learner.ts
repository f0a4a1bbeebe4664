/**
 * `npm run bench -- learner [--instances N] [--epochs N]`: the learners' throughput on real episodes (the oracle
 * solving Word bold/italic/underline tasks, and a policy that presses the wrong button, for failures):
 *   - SFT samples (steps, each a softmax over its ~80 candidates) per second, on onnxruntime-node and in plain TS;
 *   - offline PPO samples per second with the paper's structure (batch 8, minibatch 1, 4 PPO epochs);
 *   - reward-model training steps per second, and its scoring throughput on onnxruntime-node (features + ONNX).
 * Rates are per wall second and per CPU second (the machine is shared; CPU time varies less).
 * Human-readable lines go to stderr; the last stdout line is one JSON object.
 */
import { parseArgs } from 'node:util';
import { OraclePolicy } from '../../agents/baselines/oracle.ts';
import type { Policy } from '../../agents/policy.ts';
import { buildCandidateDataset } from '../../agents/learn/dataset.ts';
import type { EngineKind } from '../../agents/learn/ort-engine.ts';
import { trainPpo } from '../../agents/learn/ppo.ts';
import { exportRewardModel, trainRewardModel } from '../../agents/learn/reward-model.ts';
import { trainSft } from '../../agents/learn/sft.ts';
import { initNetwork } from '../../agents/lam/network.ts';
import { OFFICE_APPS } from '../../envs/apps.ts';
import { type OfficeAction, OfficeEnv, type OfficeObservation } from '../../envs/office/index.ts';
import { charFormatFamily } from '../../envs/tasks/families/word-text.ts';
import { instantiate } from '../../envs/tasks/family.ts';
import type { Trajectory } from '../../envs/tasks/trajectory.ts';
import { RewardModel } from '../../rewards/reward-model.ts';
import { ruleReward } from '../../rewards/rule.ts';
import { runEpisode } from '../../runs/episode.ts';

const FORMATS = ['bold', 'italic', 'underline'] as const;
const BUTTONS = ['Bold', 'Italic', 'Underline'];

/** Selects the phrase, then presses the next format's button: a failure that looks like a success. */
function wrongButton(f: number): Policy<OfficeObservation, OfficeAction> {
  return {
    name: 'wrong-button',
    version: '1',
    act(obs, ctx) {
      const base: OfficeAction = {
        thought: '',
        control_label: '',
        control_text: '',
        function: '',
        args: {},
        status: 'FINISH',
        plan: [],
      };
      if (ctx.step === 0)
        return {
          ...base,
          status: 'CONTINUE',
          function: 'select_text',
          args: { text: /'([^']+)'/.exec(obs.request)?.[1] ?? '' },
        };
      if (ctx.step === 1) {
        const text = BUTTONS[(f + 1) % 3]!;
        const label = obs.controls.find((c) => c.control_text === text)?.label ?? '';
        return {
          ...base,
          status: 'CONTINUE',
          function: 'click_input',
          control_label: label,
          control_text: text,
          args: { button: 'left', double: false },
        };
      }
      return base;
    },
  };
}

async function episodes(kind: 'oracle' | 'wrong', instances: number): Promise<Trajectory[]> {
  const out: Trajectory[] = [];
  for (let i = 0; i < instances; i++) {
    for (let f = 0; f < FORMATS.length; f++) {
      const task = instantiate(charFormatFamily(FORMATS[f]!), 0, i);
      const env = new OfficeEnv(OFFICE_APPS[task.app]!, {});
      const policy = kind === 'oracle' ? new OraclePolicy() : wrongButton(f);
      out.push(
        (await runEpisode(env, policy, ruleReward, {
          runId: 'bench',
          task,
          attempt: 0,
          seed: i,
        })) as Trajectory,
      );
    }
  }
  return out;
}

/** Runs `fn`, returning its result with wall and CPU seconds. */
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const c = process.cpuUsage(c0);
  return { value, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

const rate = (n: number, s: number) => Math.round(n / s);

export default async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { instances: { type: 'string', default: '40' }, epochs: { type: 'string', default: '3' } },
    strict: true,
  });
  const instances = Number(values.instances);
  const epochs = Number(values.epochs);
  if (!(Number.isSafeInteger(instances) && instances > 0 && Number.isSafeInteger(epochs) && epochs > 0))
    throw new RangeError('--instances and --epochs must be positive integers');

  const oracle = await episodes('oracle', instances);
  const wrong = await episodes('wrong', instances);
  const broken = [...oracle, ...wrong].find((t) => t.outcome.error !== undefined);
  if (broken !== undefined) throw new Error(`an episode failed: ${broken.outcome.reason}`);
  const sftData = buildCandidateDataset(oracle).dataset;
  const rows = sftData.groupStart[sftData.steps]!;
  const candidatesPerStep = rows / sftData.steps;
  process.stderr.write(
    `data: ${oracle.length} oracle + ${wrong.length} wrong-button episodes; ${sftData.steps} SFT steps, ${candidatesPerStep.toFixed(1)} candidates per step\n`,
  );

  const sft: Record<string, unknown> = {};
  for (const engine of ['ort', 'ts'] as EngineKind[]) {
    await trainSft(initNetwork(0), sftData, { epochs: 1, engine }); // warm-up (JIT, ORT library load)
    const t = await timed(() => trainSft(initNetwork(0), sftData, { epochs, batchSize: 16, engine }));
    const samples = sftData.steps * epochs;
    sft[engine] = {
      samples_per_s: rate(samples, t.wall),
      samples_per_cpu_s: rate(samples, t.cpu),
      candidate_rows_per_cpu_s: rate(samples * candidatesPerStep, t.cpu),
    };
    process.stderr.write(
      `SFT (${engine}): ${rate(samples, t.wall)} samples/s (${rate(samples, t.cpu)} per CPU-second), batch 16, ${epochs} epochs\n`,
    );
  }

  const policy = (await trainSft(initNetwork(0), sftData, { epochs: 2 })).network;
  const ppoData = buildCandidateDataset(wrong).dataset;
  const advantages = new Float32Array(ppoData.steps).fill(-0.25);
  const ppo: Record<string, unknown> = {};
  for (const engine of ['ort', 'ts'] as EngineKind[]) {
    const t = await timed(() => trainPpo(policy, ppoData, advantages, { engine, epochs: 1 }));
    const samples = t.value.history.reduce((n, h) => n + h.samples, 0);
    ppo[engine] = {
      samples_per_s: rate(samples, t.wall),
      samples_per_cpu_s: rate(samples, t.cpu),
      data_steps_per_s: rate(ppoData.steps, t.wall),
    };
    process.stderr.write(
      `PPO (${engine}, batch 8, minibatch 1, 4 PPO epochs): ${rate(samples, t.wall)} samples/s (${rate(samples, t.cpu)} per CPU-second), ${rate(ppoData.steps, t.wall)} data steps/s\n`,
    );
  }

  // The same data in minibatches of 8: the Adam step is paid once per 8 steps instead of once per step.
  const mb8 = await timed(() => trainPpo(policy, ppoData, advantages, { epochs: 1, minibatchSize: 8 }));
  const mb8Samples = mb8.value.history.reduce((n, h) => n + h.samples, 0);
  ppo.ort_minibatch8 = {
    samples_per_s: rate(mb8Samples, mb8.wall),
    samples_per_cpu_s: rate(mb8Samples, mb8.cpu),
  };
  process.stderr.write(
    `PPO (ort, batch 8, minibatch 8, 4 PPO epochs): ${rate(mb8Samples, mb8.wall)} samples/s (${rate(mb8Samples, mb8.cpu)} per CPU-second)\n`,
  );

  const rmTrajectories = [...oracle, ...wrong];
  const rmSteps = rmTrajectories.reduce((n, t) => n + t.steps.length, 0);
  const rmTrain = await timed(() => trainRewardModel(rmTrajectories, { epochs }));
  const model = await RewardModel.fromBytes(exportRewardModel(rmTrain.value.network), 'bench');
  for (const t of rmTrajectories.slice(0, 20)) await model.stepScores(t); // warm-up
  const scoring = await timed(async () => {
    for (const t of rmTrajectories) await model.stepScores(t);
  });
  const batch = new Float32Array(64 * model.width);
  for (let i = 0; i < batch.length; i += 23) batch[i] = 1;
  const rawCalls = 500;
  const raw = await timed(async () => {
    for (let i = 0; i < rawCalls; i++) await model.rawScores(batch, 64);
  });
  await model.release();
  const rewardModel = {
    train_steps_per_s: rate(rmSteps * epochs, rmTrain.wall),
    train_steps_per_cpu_s: rate(rmSteps * epochs, rmTrain.cpu),
    score_steps_per_s: rate(rmSteps, scoring.wall),
    score_steps_per_cpu_s: rate(rmSteps, scoring.cpu),
    score_rows_per_s_batch64: rate(rawCalls * 64, raw.wall),
  };
  process.stderr.write(
    `reward model: training ${rewardModel.train_steps_per_s} steps/s; scoring ${rewardModel.score_steps_per_s} steps/s per trajectory call (features + ONNX), ${rewardModel.score_rows_per_s_batch64} rows/s in batches of 64 (ONNX only)\n`,
  );
  process.stdout.write(
    `${JSON.stringify({
      bench: 'learner',
      sft,
      ppo,
      reward_model: rewardModel,
      data: {
        sft_steps: sftData.steps,
        ppo_steps: ppoData.steps,
        rm_steps: rmSteps,
        candidates_per_step: Number(candidatesPerStep.toFixed(1)),
      },
      node: process.version,
    })}\n`,
  );
}
