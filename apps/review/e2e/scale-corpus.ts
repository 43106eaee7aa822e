import type { DocumentRecord } from '@corpuskit/document';
import { initCorpus } from '@corpuskit/store';
import { makeRecord } from '@corpuskit/testkit';

export const BIG_ID = 'https://longreads.example/the-whole-history-of-the-harbour';

/** Record of a generated article (the cleaner is not the subject here: the review app's scale is). */
function record(id: string, title: string, text: string): DocumentRecord {
  const words = text.split(/\s+/).filter(Boolean).length;
  return makeRecord(id, text, { title, metadata: { language: null }, stats: { words } });
}

export function articleId(i: number): string {
  return `https://site${i % 7}.example/articles/${String(i).padStart(5, '0')}`;
}

/** About 200 KB of text in ~1,500 paragraphs; the second edition edits, drops, adds and moves some. */
function bigText(edition: 1 | 2): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < 1500; i += 1) {
    paragraphs.push(
      `Paragraph ${i + 1} of the long read recalls how the harbour changed in year ${1800 + i}, when the quay was rebuilt and the ferry ran ${i % 9} times a day.`,
    );
  }
  if (edition === 1) return paragraphs.join('\n\n');
  const edited = paragraphs.map((p, i) => (i % 25 === 0 ? p.replace('was rebuilt', 'was rebuilt in stone') : p));
  const moved = edited.splice(700, 1)[0]!;
  edited.splice(20, 0, moved);
  edited.splice(1000, 3);
  edited.push('A closing paragraph added in the second edition thanks the readers who wrote in with corrections.');
  return edited.join('\n\n');
}

/**
 * A corpus with `count` generated articles plus one 200 KB long read: version `v1`, then
 * `v2` where every article is modified, then all articles modified again and left pending.
 */
export async function buildScaleCorpus(dir: string, count = 10_000): Promise<void> {
  const store = await initCorpus(dir);
  try {
    const edition = async (n: number, big: 1 | 2 | null) => {
      const inputs = Array.from({ length: count }, (_, i) => ({
        record: record(
          articleId(i),
          `Article ${i}`,
          `Article ${i} opens with news from edition ${n}.\n\nIts second paragraph keeps the count at ${i}.`,
        ),
      }));
      if (big) inputs.push({ record: record(BIG_ID, 'The whole history of the harbour', bigText(big)) });
      await store.transaction(() => store.stage(inputs));
    };
    await edition(1, 1);
    await store.accept('all');
    await store.commit({ message: 'first edition', tag: 'v1' });
    await edition(2, 2);
    await store.accept('all');
    await store.commit({ message: 'second edition', tag: 'v2' });
    await edition(3, null);
  } finally {
    await store.close();
  }
}
