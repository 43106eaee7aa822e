import path from 'node:path';

/** The deepest folder that contains every one of `files` (absolute paths). */
export function deepestCommonFolder(files: readonly string[]): string {
  if (files.length === 0) return '';
  let common = path.dirname(files[0]!).split(path.sep);
  for (const file of files.slice(1)) {
    const parts = path.dirname(file).split(path.sep);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i += 1;
    common = common.slice(0, i);
  }
  return common.join(path.sep) || path.sep;
}
