export { main } from './main.js';
export type { CommandContext, ContextInit, GlobalOptions } from './context.js';
export type { CliErrorCode } from './errors.js';
