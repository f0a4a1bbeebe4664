/**
 * `DictInfoToList` (gymnasium/wrappers/vector/dict_info_to_list.py): turns the vector infos of `reset` and
 * `step` from one object of arrays with `_key` masks into a list of one info object per sub-env, holding only the
 * keys that sub-env reported (the pre-0.25 layout some code still expects).
 *
 *   {a: Float64Array[1, 0], _a: Uint8Array[1, 0], b: [null, 'x'], _b: Uint8Array[0, 1]}  →  [{a: 1}, {b: 'x'}]
 *
 * Nested objects become nested infos; boolean columns (Uint8Array) become booleans again.
 */
import type { Info } from '../../core.ts';
import { infosToList } from '../infos.ts';
import {
  type ExecutionMode,
  thenApply,
  type VectorResetArgs,
  type VectorResetResult,
  type VectorReturn,
  type VectorStepResult,
} from '../vector-env.ts';
import { VectorWrapper } from '../vector-wrapper.ts';

export class DictInfoToList<
  Obs = unknown,
  Act = unknown,
  M extends ExecutionMode = ExecutionMode,
> extends VectorWrapper<Obs, Act, M, Info[]> {
  override reset(args?: VectorResetArgs): VectorReturn<M, VectorResetResult<Obs, Info[]>> {
    return thenApply<M, VectorResetResult<Obs>, VectorResetResult<Obs, Info[]>>(
      this.env.reset(args),
      ([obs, infos]) => [obs, infosToList(infos, this.numEnvs)],
    );
  }

  override step(actions: Act): VectorReturn<M, VectorStepResult<Obs, Info[]>> {
    return thenApply<M, VectorStepResult<Obs>, VectorStepResult<Obs, Info[]>>(
      this.env.step(actions),
      ([obs, rewards, terminations, truncations, infos]) => [
        obs,
        rewards,
        terminations,
        truncations,
        infosToList(infos, this.numEnvs),
      ],
    );
  }
}
