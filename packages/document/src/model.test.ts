import { describe, expect, it } from 'vitest';

import { CorpusKitError, exitCodeFor, toCorpusKitError } from './errors.js';
import { contentHash, emptyMetadata, textBlocks } from './model.js';

describe('contentHash', () => {
  const base = { title: 'T', text: 'One.\n\nTwo.', metadata: emptyMetadata() };

  it('ignores where metadata came from', () => {
    const other = { ...base, metadata: { ...emptyMetadata(), sources: { title: 'og:title' } } };
    expect(contentHash(other)).toBe(contentHash(base));
  });

  it('changes with text, title or a metadata value', () => {
    expect(contentHash({ ...base, text: 'One.\n\nThree.' })).not.toBe(contentHash(base));
    expect(contentHash({ ...base, title: 'U' })).not.toBe(contentHash(base));
    expect(contentHash({ ...base, metadata: { ...emptyMetadata(), authors: ['A'] } })).not.toBe(contentHash(base));
  });
});

describe('textBlocks', () => {
  it('splits on blank lines and drops empty blocks', () => {
    expect(textBlocks('a\n\n\n b \n\n\n\n')).toEqual(['a', 'b']);
  });
});

describe('errors', () => {
  it('carries a stable code, a kind and a subject', () => {
    const error = new CorpusKitError('input', 'clean.binary-input', 'looks like a PNG image', { subject: 'a.png' });
    expect(error.summary).toBe('a.png: looks like a PNG image');
    expect(error.toJSON()).toEqual({
      code: 'clean.binary-input',
      kind: 'input',
      message: 'looks like a PNG image',
      subject: 'a.png',
    });
    expect(exitCodeFor(error)).toBe(2);
    expect(exitCodeFor(new Error('boom'))).toBeGreaterThan(2);
  });

  it('wraps file-system errors by their code', () => {
    const missing = Object.assign(new Error('no such file'), { code: 'ENOENT' });
    expect(toCorpusKitError(missing, 'x.html')).toMatchObject({
      kind: 'not-found',
      code: 'fs.enoent',
      subject: 'x.html',
    });
    const denied = Object.assign(new Error('denied'), { code: 'EACCES' });
    expect(toCorpusKitError(denied).kind).toBe('input');
  });
});
