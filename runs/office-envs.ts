/**
 * One Office env per (app, step limit), built on first use and reused across episodes (`reset` starts each one
 * afresh): what actors, suite building, evaluation, replays and harvesting all need.
 */
import { OFFICE_APPS } from '../envs/apps.ts';
import { OfficeEnv } from '../envs/office/index.ts';

export class OfficeEnvs {
  private readonly envs = new Map<string, OfficeEnv<unknown>>();

  /** The env of `app` with `maxSteps` (default UFO's 30); throws, naming the known apps, for an unknown one. */
  get(app: string, maxSteps = 30): OfficeEnv<unknown> {
    const key = `${app}/${maxSteps}`;
    let env = this.envs.get(key);
    if (env === undefined) {
      const officeApp = OFFICE_APPS[app];
      if (officeApp === undefined)
        throw new Error(`no simulated app '${app}' (available: ${Object.keys(OFFICE_APPS).join(', ')})`);
      env = new OfficeEnv(officeApp, { maxSteps });
      this.envs.set(key, env);
    }
    return env;
  }

  close(): void {
    for (const env of this.envs.values()) env.close();
    this.envs.clear();
  }
}
