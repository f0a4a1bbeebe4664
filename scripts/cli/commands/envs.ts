/** `lamgym envs [id]`: the registered environments (Gymnasium's `pprint_registry`), or one spec in full. */
import type { Command } from 'commander';
import { pprintRegistry, prettyPrintSpec, spec } from 'gymnasium-ts';
import { registerOfficeEnvs } from '../../../envs/apps.ts';
import { parsePositiveInt } from './demo.ts';

interface EnvsOptions {
  columns: number;
}

export function registerEnvsCommand(program: Command): void {
  program
    .command('envs')
    .description('List the registered environments, or print the spec of one')
    .argument('[id]', 'an environment id, e.g. CartPole-v1, to print its spec')
    .option('--columns <n>', 'ids per line in the list', parsePositiveInt, 3)
    .action((id: string | undefined, options: EnvsOptions) => {
      registerOfficeEnvs();
      const text =
        id === undefined
          ? pprintRegistry({ numCols: options.columns, disablePrint: true })
          : prettyPrintSpec(spec(id), { printAll: true });
      process.stdout.write(`${text}\n`);
    });
}
