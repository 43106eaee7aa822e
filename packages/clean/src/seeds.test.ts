import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { textBlocks } from '@corpuskit/document';
import { describe, expect, it } from 'vitest';

import { cleanText } from './clean.js';

/**
 * The five seed scrapes (test/fixtures/seed-NNN/input.txt): every article paragraph is
 * kept, in order, and every boilerplate line listed here is removed. A line not listed is
 * article text and must survive unchanged.
 */
const BOILERPLATE: Record<string, Array<string | RegExp>> = {
  'seed-000': [],
  'seed-001': [/^Sir Ivor Roberts is a senior advisor/],
  'seed-002': [
    'Afghanistan: A Safe Haven for Global Jihadism Once More?',
    /^The White Mountains in eastern Afghanistan.*Alamy Stock Photo$/,
    /^The views expressed in this Commentary/,
    /^Have an idea for a Commentary/,
    'Dr Antonio Giustozzi',
    'Senior Research Fellow',
    'Terrorism and Conflict',
    'View profile',
    'Explore our related content',
  ],
  'seed-003': ['Al Qaeda Regroups in Afghanistan under Interim Government Cover'],
  'seed-004': [
    '0 $',
    '2,500 $',
    '5,000 $',
    '100 $',
    'JUNE 2023',
    'Taliban And Al Qaeda: Putting A Fox In Charge Of The Chicken Coop?',
    'Support SouthFront',
    'Click to see full-size image',
    'Written by Dr. James M. Dorsey',
    /^A podcast version of this story is available on Soundcloud/,
    /^Dr\. James M\. Dorsey is an award-winning journalist/,
  ],
};
/** For seed-004, everything from the comment controls to the end is the comment thread. */
const THREAD_START: Record<string, string> = { 'seed-004': 'Notify of' };

function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../test/fixtures/${name}/input.txt`, import.meta.url)), 'utf8');
}

describe.each(Object.keys(BOILERPLATE))('%s', (name) => {
  const input = fixture(name);
  const lines = input
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const threadAt = THREAD_START[name] ? lines.indexOf(THREAD_START[name]!) : -1;
  const isBoilerplate = (line: string, index: number) =>
    (threadAt >= 0 && index >= threadAt) ||
    BOILERPLATE[name]!.some((p) => (typeof p === 'string' ? p === line : p.test(line)));

  it('keeps every article paragraph in order and nothing else', async () => {
    const document = await cleanText(input, { source: name });
    const article = lines.filter((line, index) => !isBoilerplate(line, index));
    expect(textBlocks(document.text)).toEqual(article);
  });

  it('reports every removed line with a rule, category and reason', async () => {
    const document = await cleanText(input, { source: name });
    const removed = lines.filter((line, index) => isBoilerplate(line, index));
    const reported = document.removed.map((removal) => removal.text);
    for (const line of removed) {
      expect(
        reported.some((text) => line.includes(text)),
        line,
      ).toBe(true);
    }
    for (const removal of document.removed) {
      expect(removal.rule).toMatch(/^[a-z-]+\/[a-z-]+$/);
      expect(removal.reason).not.toBe('');
      expect(removal.chars).toBe(removal.text.length);
      expect(removal.stage).toBe('text');
    }
    expect(document.status).toBe('ok');
  });
});

describe('seed comment thread', () => {
  it('removes the wpDiscuz controls and every comment, as the comments category', async () => {
    const document = await cleanText(fixture('seed-004'), { source: 'seed-004' });
    const comments = document.removed.filter((removal) => removal.category === 'comments');
    expect(comments.map((removal) => removal.text)).toContain('Newest Most Voted');
    expect(comments.map((removal) => removal.text)).toContain('Would love your thoughts, please comment.x');
    expect(document.text).not.toContain('Arch Bungle');
    expect(document.text).not.toContain('View all comments');
  });

  it('keeps the donation ladder and the caption when those categories are turned off', async () => {
    const document = await cleanText(fixture('seed-004'), { disabledCategories: ['donation'] });
    expect(document.text).toContain('2,500 $');
    const seed2 = await cleanText(fixture('seed-002'), { captions: 'keep' });
    expect(seed2.text).toContain(
      "The White Mountains in eastern Afghanistan, the location of the Tora Bora cave complex where Al-Qa'ida fighters held out during the 2001 US invasion of Afghanistan.",
    );
    expect(seed2.text).not.toContain('Alamy');
  });
});
