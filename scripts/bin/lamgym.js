#!/usr/bin/env node
// The CLI is written in TypeScript and run through tsx, so there is no build step between a checkout and a run.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
