import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lamgym } from './run-cli.ts';

describe('lamgym train and pipeline', () => {
  it('explains missing inputs in one line', async () => {
    const ppo = await lamgym('train', 'ppo', '--reward-model', 'rm.onnx');
    expect(ppo.code).toBe(1);
    expect(ppo.stderr).toMatch(/^lamgym: error: offline PPO needs run directories \(or --online\)$/m);
    const rm = await lamgym('train', 'rm', mkdtempSync(join(tmpdir(), 'lamgym-not-a-run-')));
    expect(rm.code).toBe(1);
    expect(rm.stderr).toMatch(/^lamgym: error: .*not a lamgym run directory/m);
    const help = await lamgym('pipeline', '--help');
    expect(help.stdout).toMatch(/--sft-epochs <n>/);
  });
});
