export { main } from './main.js';
export { createContext, wantsColor } from './context.js';
export type { CommandContext, ContextInit, GlobalOptions } from './context.js';
export type { CommandModule, CommandResult, CommandRun, CommandSpec, OptionSpec } from './command.js';
export { createLogger } from './logger.js';
export type { Logger } from './logger.js';
export { createProgress } from './progress.js';
export type { Progress } from './progress.js';
export { reportError, usageError } from './errors.js';
