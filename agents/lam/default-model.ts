/**
 * Where the built-in LAM's shipped checkpoint lives: an ONNX file with its JSON sidecar, trained on the
 * expert-train suite by `lamgym train sft` (the README gives the exact command).
 */
import { fileURLToPath } from 'node:url';

export const DEFAULT_LAM_MODEL = fileURLToPath(new URL('./checkpoints/lam-sft.onnx', import.meta.url));
