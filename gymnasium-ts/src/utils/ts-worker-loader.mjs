// Preloaded (--import) into AsyncVectorEnv's worker threads when gymnasium-ts runs from its TypeScript sources.
// On Node 20, tsx registers its ESM hooks on the main thread only (`--import tsx` in a worker installs just its
// CommonJS hook), so a worker could not import .ts modules; registering the hooks here makes it an ESM-only
// TypeScript thread, with the same module instances the sub-env modules import.
import { register } from 'tsx/esm/api';

register();
