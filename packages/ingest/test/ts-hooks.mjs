// Module hooks that let a plain `node` child process import this workspace's TypeScript sources
// (no build needed): the `@corpuskit/source` condition picks the packages' `src/` entries, a
// relative `./x.js` that only exists as `./x.ts` resolves to the `.ts`, and `.ts` files are
// transpiled one by one with the TypeScript compiler (types dropped, nothing checked).
// Not jiti (2.7, in the lockfile through eslint and vite): run as `node --conditions=@corpuskit/source
// --import jiti/register`, its transform broke readWarc on Node 20.20 ("readWarc(...) is not a
// function or its return value is not async iterable"), so the child would test jiti's output
// rather than this code. tsx is not installed, and Node 20 cannot strip types itself.
import { readFile } from 'node:fs/promises';

import ts from 'typescript';

export async function resolve(specifier, context, nextResolve) {
  const conditions = [...(context.conditions ?? []), '@corpuskit/source'];
  try {
    return await nextResolve(specifier, { ...context, conditions });
  } catch (error) {
    if (!/^\.\.?\//.test(specifier) || !specifier.endsWith('.js')) throw error;
    return nextResolve(`${specifier.slice(0, -3)}.ts`, { ...context, conditions });
  }
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts')) return nextLoad(url, context);
  const source = await readFile(new URL(url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: url,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
