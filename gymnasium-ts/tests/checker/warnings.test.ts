import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GymWarning } from '../../src/utils/warnings.ts';
import {
  DeprecationWarning,
  UserWarning,
  captureWarnings,
  captureWarningsAsync,
  deprecation,
  filterWarnings,
  resetWarningFilters,
  warn,
} from '../../src/utils/warnings.ts';

afterEach(() => {
  resetWarningFilters();
  vi.restoreAllMocks();
});

describe('warn', () => {
  it('goes to process.emitWarning as a UserWarning by default', () => {
    const emitted = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    warn('something looks off');
    expect(emitted).toHaveBeenCalledTimes(1);
    const warning = emitted.mock.calls[0]![0] as unknown as GymWarning;
    expect(warning).toBeInstanceOf(UserWarning);
    expect(warning.name).toBe('UserWarning');
    expect(warning.message).toBe('something looks off');
  });

  it('deprecation() raises a DeprecationWarning, which is not a UserWarning', () => {
    const { warnings } = captureWarnings(() => deprecation('old API'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toBeInstanceOf(DeprecationWarning);
    expect(warnings[0]).not.toBeInstanceOf(UserWarning);
    expect(warnings[0]!.name).toBe('DeprecationWarning');
  });
});

describe('captureWarnings', () => {
  it('collects warnings in order instead of printing them, and returns the result', () => {
    const emitted = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const { result, warnings } = captureWarnings(() => {
      warn('first');
      deprecation('second');
      return 42;
    });
    expect(result).toBe(42);
    expect(warnings.map((w) => [w.name, w.message])).toEqual([
      ['UserWarning', 'first'],
      ['DeprecationWarning', 'second'],
    ]);
    expect(emitted).not.toHaveBeenCalled();
  });

  it('nested captures see only their own warnings', () => {
    const outer = captureWarnings(() => {
      warn('outer');
      const inner = captureWarnings(() => warn('inner'));
      return inner.warnings.map((w) => w.message);
    });
    expect(outer.result).toEqual(['inner']);
    expect(outer.warnings.map((w) => w.message)).toEqual(['outer']);
  });

  it('async captures follow their own async context across awaits', async () => {
    const tick = () => new Promise((r) => setTimeout(r, 1));
    const [a, b] = await Promise.all([
      captureWarningsAsync(async () => {
        warn('a1');
        await tick();
        warn('a2');
      }),
      captureWarningsAsync(async () => {
        await tick();
        warn('b1');
      }),
    ]);
    expect(a.warnings.map((w) => w.message)).toEqual(['a1', 'a2']);
    expect(b.warnings.map((w) => w.message)).toEqual(['b1']);
  });
});

describe('filterWarnings', () => {
  it("'error' turns a warning into a thrown instance of its category", () => {
    filterWarnings('error', DeprecationWarning);
    expect(() => deprecation('gone soon')).toThrow(DeprecationWarning);
    expect(captureWarnings(() => warn('still a warning')).warnings).toHaveLength(1);
  });

  it("'ignore' drops warnings; a later filter takes precedence", () => {
    filterWarnings('ignore');
    expect(captureWarnings(() => warn('dropped')).warnings).toHaveLength(0);
    filterWarnings('default', UserWarning);
    expect(captureWarnings(() => warn('kept')).warnings).toHaveLength(1);
    expect(captureWarnings(() => deprecation('dropped')).warnings).toHaveLength(0);
  });

  it("'once' prints a message once", () => {
    const emitted = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    filterWarnings('once');
    warn('repeated');
    warn('repeated');
    warn('other');
    expect(emitted).toHaveBeenCalledTimes(2);
  });
});
