import { cac } from 'cac';

import { SCHEMA_VERSION } from '@corpuskit/document';

import type { CommandModule, CommandResult } from './command.js';
import { COMMANDS } from './commands/index.js';
import { createContext } from './context.js';
import type { CommandContext, ContextInit, GlobalOptions } from './context.js';
import { reportError, usageError } from './errors.js';
import { exitCodesLine } from './exit-codes.js';
import { cliVersion } from './version.js';

const GLOBAL_OPTIONS: Array<[flags: string, description: string]> = [
  ['--json', 'Print one JSON document on stdout (errors too)'],
  ['--format <format>', 'Rendering of the content, where the command has several'],
  ['--corpus <dir>', 'The corpus to work on (default: $CORPUSKIT_CORPUS, then the nearest enclosing corpus)'],
  ['--verbose', 'More detail on stderr, stack traces for errors'],
  ['-q, --quiet', 'No progress or status lines on stderr'],
  ['--no-color', 'No colours, even on a terminal'],
];

/** Global options that take a value, so the command name is not mistaken for one. */
const VALUE_OPTIONS = new Set(['--format', '--corpus']);

/**
 * Run the CLI on `argv` (without node and script) and return the exit code. Nothing here
 * calls `process.exit`: the binary does, once, with what this returns.
 */
export async function main(argv: string[], init: ContextInit = {}): Promise<number> {
  const context = createContext({ ...init, options: { ...prescanGlobals(argv), ...init.options } });
  try {
    const name = commandName(argv);
    if (name === undefined) {
      if (argv.includes('--version') || argv.includes('-v')) {
        context.stdout.write(`${cliVersion()}\n`);
        return 0;
      }
      context.stdout.write(await topLevelHelp());
      return argv.length === 0 || argv.includes('--help') || argv.includes('-h') ? 0 : 2;
    }
    const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!load) throw usageError(`unknown command '${name}'. Run 'corpuskit --help' for the list of commands.`);
    const module = await load();
    return await runModule(name, module, argv, context);
  } catch (error) {
    return reportError(error, context);
  }
}

/** Stands for a lone '-' while cac parses (its parser drops it). */
const STDIN_ARG = '\u0000stdin';

async function runModule(
  name: string,
  module: CommandModule,
  argv: string[],
  context: CommandContext,
): Promise<number> {
  const cli = cac('corpuskit');
  const command = cli.command(module.spec.usage, module.spec.description);
  for (const [flags, description] of GLOBAL_OPTIONS) command.option(flags, description);
  for (const option of module.spec.options ?? []) {
    command.option(
      option.flags,
      option.description,
      option.default === undefined ? undefined : { default: option.default },
    );
  }
  for (const example of module.spec.examples ?? []) command.example(example);
  command.option('-h, --help', 'Show this help');

  let result: CommandResult | void = undefined;
  command.action(async (...parsed: unknown[]) => {
    const options = parsed.pop() as Record<string, unknown>;
    // '-' (standard input) went through the parser as a placeholder: give it back.
    const restore = (value: unknown) => (value === STDIN_ARG ? '-' : value);
    parsed = parsed.map((value) => (Array.isArray(value) ? value.map(restore) : restore(value)));
    context.options = { ...context.options, ...globalsFrom(options) };
    validateFormat(module, context.options);
    result = await module.run(parsed, options, context);
  });
  const operands = argv.map((arg) => (arg === '-' ? STDIN_ARG : arg));
  const parsed = cli.parse(['node', 'corpuskit', ...operands], { run: false });
  if (parsed.options.help) {
    context.stdout.write(commandHelp(module));
    return 0;
  }
  if (cli.matchedCommandName !== name) throw usageError(`unknown command '${name}'`);
  await cli.runMatchedCommand();
  return render(result, context);
}

function render(result: CommandResult | void, context: CommandContext): number {
  if (!result) return 0;
  if (context.options.json && result.json !== undefined) {
    context.stdout.write(`${JSON.stringify(withSchemaVersion(result.json), null, 2)}\n`);
  } else if (result.text !== undefined && result.text !== '') {
    context.stdout.write(result.text.endsWith('\n') ? result.text : `${result.text}\n`);
  }
  return result.exitCode ?? 0;
}

function withSchemaVersion(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && !('schemaVersion' in value)) {
    return { schemaVersion: SCHEMA_VERSION, ...value };
  }
  return value;
}

function validateFormat(module: CommandModule, options: GlobalOptions): void {
  const formats = module.spec.formats;
  if (options.format === undefined) return;
  if (!formats) throw usageError(`'${module.spec.usage.split(' ')[0]}' has no --format option`);
  if (!formats.includes(options.format)) {
    throw usageError(`--format must be one of ${formats.join(', ')} (got '${options.format}')`);
  }
}

function globalsFrom(options: Record<string, unknown>): Partial<GlobalOptions> {
  const out: Partial<GlobalOptions> = {
    json: options.json === true,
    verbose: options.verbose === true,
    quiet: options.quiet === true,
  };
  if (options.format !== undefined) out.format = String(options.format);
  if (options.corpus !== undefined) out.corpus = String(options.corpus);
  if (options.color === false) out.color = false;
  return out;
}

/** The flags that shape error output, read before parsing so even a parse error honours them. */
function prescanGlobals(argv: string[]): Partial<GlobalOptions> {
  const out: Partial<GlobalOptions> = {};
  if (argv.includes('--json')) out.json = true;
  if (argv.includes('--verbose')) out.verbose = true;
  if (argv.includes('--quiet') || argv.includes('-q')) out.quiet = true;
  if (argv.includes('--no-color')) out.color = false;
  return out;
}

function commandName(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') return undefined;
    if (VALUE_OPTIONS.has(arg)) {
      i += 1;
      continue;
    }
    if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

function optionLines(options: Array<[string, string]>): string[] {
  const width = Math.max(...options.map(([flags]) => flags.length));
  return options.map(([flags, description]) => `  ${flags.padEnd(width)}  ${description}`);
}

function commandHelp({ spec }: CommandModule): string {
  const own = (spec.options ?? []).map((option): [string, string] => [
    option.flags,
    option.default === undefined ? option.description : `${option.description} (default: ${String(option.default)})`,
  ]);
  return [
    `Usage: corpuskit ${spec.usage} [options]`,
    '',
    spec.description,
    '',
    ...(spec.details ? [spec.details, ''] : []),
    ...(own.length > 0 ? ['Options:', ...optionLines(own), ''] : []),
    ...(spec.formats ? [`Formats (--format): ${spec.formats.join(', ')}`, ''] : []),
    'Global options:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    ...(spec.examples?.length ? ['Examples:', ...spec.examples.map((example) => `  $ ${example}`), ''] : []),
    ...(spec.exitCodes ? [exitCodesLine(spec.exitCodes), ''] : []),
  ].join('\n');
}

async function topLevelHelp(): Promise<string> {
  const modules = await Promise.all(
    Object.entries(COMMANDS).map(async ([name, load]) => [name, (await load()).spec] as const),
  );
  const width = Math.max(...modules.map(([, spec]) => spec.usage.length));
  const lines = [
    `corpuskit ${cliVersion()}: turn saved web pages into a clean, deduplicated, versioned text corpus`,
    '',
    'Usage: corpuskit <command> [options]',
    '',
    'Commands:',
    ...modules.map(([, spec]) => `  ${spec.usage.padEnd(width)}  ${spec.description}`),
    '',
    'Global options:',
    ...GLOBAL_OPTIONS.map(([flags, description]) => `  ${flags.padEnd(18)}  ${description}`),
    `  ${'-h, --help'.padEnd(18)}  Show help (corpuskit COMMAND --help for one command)`,
    `  ${'-v, --version'.padEnd(18)}  Print the version`,
    '',
    exitCodesLine(),
    '',
  ];
  return lines.join('\n');
}
