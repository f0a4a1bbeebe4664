/** Prompt renderers: the paper's Appendix C training prompt and UFO's AppAgent prompt. */
export * from './format.ts';
export * from './appendix-c.ts';
export * from './ufo-app-agent.ts';
