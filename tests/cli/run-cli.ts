/** Runs the real `lamgym` bin in a child process, as a user would, and collects its exit code and output. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function lamgym(...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile('node', ['scripts/bin/lamgym.js', ...args], { cwd: root }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}
