/**
 * The `lamgym` command line. Each command lives in `commands/` and registers itself on the program;
 * this file owns the conventions: `--help` everywhere, a one-line error and a non-zero exit on bad usage.
 */
import { Command, CommanderError } from 'commander';
import { registerDemoCommand } from './commands/demo.ts';
import { registerEnvsCommand } from './commands/envs.ts';
import { registerEvalCommand } from './commands/eval.ts';
import { registerExploreCommand } from './commands/explore.ts';
import { registerHarvestCommand } from './commands/harvest.ts';
import { registerPipelineCommand } from './commands/pipeline.ts';
import { registerRunsCommand } from './commands/runs.ts';
import { registerTasksCommand } from './commands/tasks.ts';
import { registerTrainCommand } from './commands/train.ts';

export function buildProgram(): Command {
  const program = new Command()
    .name('lamgym')
    .description('Self-exploration reinforcement-learning gym for Large Action Models on Office apps')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerDemoCommand(program);
  registerEnvsCommand(program);
  registerEvalCommand(program);
  registerExploreCommand(program);
  registerHarvestCommand(program);
  registerPipelineCommand(program);
  registerRunsCommand(program);
  registerTasksCommand(program);
  registerTrainCommand(program);
  return program;
}

/** Commander errors become exit codes; anything else is one line on stderr (stack with LAMGYM_DEBUG=1). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version "errors" are successful exits; commander has already printed the message.
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`lamgym: error: ${message}\n`);
    if (process.env.LAMGYM_DEBUG && error instanceof Error && error.stack)
      process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
