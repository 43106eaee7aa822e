// Per-block labels for the block model, derived by matching block text against each set's gold:
// full gold text (scrapinghub articleBody, WCXB main_content) by token trigrams; trafilatura's
// with/without/comment segments by substring. 1 = boilerplate, 0 = content, null = unknown.

const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokens(text) {
  return (
    String(text ?? '')
      .toLowerCase()
      .match(TOKEN) ?? []
  );
}

/** Index of a gold text: its token trigrams and its tokens joined by spaces. */
export function goldIndex(gold) {
  const t = tokens(gold);
  const trigrams = new Set();
  for (let i = 0; i + 2 < t.length; i++) trigrams.add(`${t[i]} ${t[i + 1]} ${t[i + 2]}`);
  return { trigrams, joined: ` ${t.join(' ')} ` };
}

/** Label of a block against full gold text. */
export function labelAgainstGold(text, index) {
  const t = tokens(text);
  if (t.length === 0) return null;
  if (t.length < 3) return index.joined.includes(` ${t.join(' ')} `) ? 0 : 1;
  let hit = 0;
  const n = t.length - 2;
  for (let i = 0; i < n; i++) if (index.trigrams.has(`${t[i]} ${t[i + 1]} ${t[i + 2]}`)) hit++;
  const share = hit / n;
  if (share >= 0.6) return 0;
  if (share <= 0.2) return 1;
  return null;
}

const norm = (s) => String(s).replace(/\s+/g, ' ').trim();

/** Label of a block against trafilatura's segments. */
export function labelAgainstSegments(text, item) {
  const block = norm(text);
  if (!block) return null;
  const matches = (segment) => {
    const s = norm(segment);
    return s !== '' && (block.includes(s) || (block.length >= 20 && s.includes(block)));
  };
  const good = item.with.some(matches);
  const bad = item.without.some(matches) || (item.comments ?? []).some(matches);
  if (good && !bad) return 0;
  if (bad && !good) return 1;
  return null;
}
