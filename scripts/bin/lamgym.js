#!/usr/bin/env node
// The CLI is written in TypeScript and run through tsx, so there is no build step between a checkout and a run.
import { register } from 'tsx/esm/api';

register();
// `lamgym runs cat RUN | head` closes the pipe early: that is the reader being done, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
