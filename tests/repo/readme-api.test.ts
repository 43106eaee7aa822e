import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * Each package README lists its public API: every name the package's entry exports appears, in
 * backticks, in the README's "## API" section. The names come from the TypeScript compiler
 * (the entry's module symbol), so `export type *` and re-exports count like any other export.
 */
const root = join(import.meta.dirname, '../..');

/** The packages whose README lists the whole API (every published package). */
const LISTED = [
  'packages/document',
  'packages/dedup',
  'packages/diff',
  'packages/store',
  'packages/clean',
  'packages/ingest',
  'apps/review',
  'apps/cli',
];

function exportedNames(dir: string): Array<{ name: string; file: string }> {
  const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as {
    exports: { '.': { '@corpuskit/source': string } };
  };
  const entry = join(root, dir, manifest.exports['.']['@corpuskit/source']);
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    customConditions: ['@corpuskit/source'],
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!);
  return checker.getExportsOfModule(symbol!).map((s) => {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    const file = target.declarations?.[0]?.getSourceFile().fileName ?? '';
    return { name: s.getName(), file };
  });
}

function apiSection(dir: string): string {
  const readme = readFileSync(join(root, dir, 'README.md'), 'utf8');
  const start = readme.search(/^## API\b/m);
  if (start < 0) return '';
  const next = readme.slice(start + 1).search(/^## /m);
  return next < 0 ? readme.slice(start) : readme.slice(start, start + 1 + next);
}

describe('package READMEs list the public API', () => {
  for (const dir of LISTED) {
    it(`${dir}: every export is named in the README's API section`, () => {
      const section = apiSection(dir);
      expect(section, `${dir}/README.md has no "## API" section`).not.toBe('');
      const quoted = new Set(
        [...section.matchAll(/`([^`]+)`/g)].flatMap((m) => m[1]!.match(/[A-Za-z_$][\w$]*/g) ?? []),
      );
      // The review server's JSON shapes are listed as a file (`server/api-types.ts`), not name by name.
      const listedFile = (file: string) => file.endsWith('/api-types.ts') && section.includes('api-types.ts');
      const missing = exportedNames(dir)
        .filter(({ name, file }) => !quoted.has(name) && !listedFile(file))
        .map(({ name }) => name);
      expect(missing, `exported by ${dir} but not in its README's API section`).toEqual([]);
    });
  }
});
