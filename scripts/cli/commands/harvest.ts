/** `lamgym harvest RUN`: replay-verified successes → LAM SFT / UFO execution / per-step JSONL; failures apart. */
import type { Command } from 'commander';
import { harvest } from '../../../runs/harvest.ts';

export function registerHarvestCommand(program: Command): void {
  program
    .command('harvest')
    .description("Export a run's replay-verified successes for training, and its failures for reward models")
    .argument('<run>', 'a run directory written by lamgym explore')
    .option('--json', 'print the report as JSON')
    .action(async (run: string, options: { json?: boolean }) => {
      const report = await harvest(run);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(report)}\n`);
        return;
      }
      const lines = [
        `harvested ${report.harvested} of ${report.successes} successful trajectories (${report.trajectories} in the run), ${report.sft_steps} SFT steps`,
        `kept ${report.failures} failed trajectories apart for reward-model training`,
        `wrote ${report.out}/{sft,ufo-execution,steps,failures}.jsonl and report.json`,
      ];
      if (report.not_replayed.length > 0) {
        lines.push(`${report.not_replayed.length} success(es) did not replay and were not harvested:`);
        for (const r of report.not_replayed) lines.push(`  ${r.episode_id}: ${r.reason}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
