import type { DiffBudgets, Fallback } from './model.js';
import { dice, heaviestIncreasing, overlap } from './align-math.js';
import { similarityTokens } from './tokenize.js';
import type { Offsets } from './tokenize.js';

/** One step of the paragraph alignment, before the inline level fills in the detail. */
export type AlignEvent =
  | { kind: 'equal'; old: number; new: number }
  | { kind: 'delete'; old: number }
  | { kind: 'insert'; new: number }
  | { kind: 'pair'; old: number; new: number; similarity: number }
  | { kind: 'split'; old: number; new: number; count: number; similarity: number }
  | { kind: 'merge'; old: number; new: number; count: number; similarity: number }
  | { kind: 'move-source'; old: number; new: number; id: number }
  | { kind: 'move-target'; old: number; new: number; id: number; exact: boolean; similarity: number };

/** Minimum similarity (Dice of word multisets) for two paragraphs to be aligned as one edited paragraph. */
const PAIR_THRESHOLD = 0.5;
/** Minimum similarity for an edited paragraph found elsewhere to count as moved. */
const MOVE_THRESHOLD = 0.6;
/** Share of a piece's words that must come from the other side for a split or merge. */
const CONTAINMENT = 0.7;
/** Most pieces one paragraph is split into (or merged from). */
const MAX_PIECES = 3;
/** Words found in more candidate paragraphs than this do not propose move candidates. */
const MAX_POSTINGS = 24;

interface AlignInput {
  oldKeys: readonly string[];
  newKeys: readonly string[];
  oldBlocks: readonly string[];
  newBlocks: readonly string[];
  budgets: DiffBudgets;
  fallbacks: Fallback[];
  locale: string | undefined;
  /** Scans of block texts, shared with the inline level. */
  scans: Map<string, Offsets>;
}

/** The old block index an event occupies in old order, if any. */
function oldSideOf(e: AlignEvent): number | undefined {
  return e.kind === 'insert' || e.kind === 'move-target' ? undefined : e.old;
}

/** The new block index an event occupies in new order, if any. */
function newSideOf(e: AlignEvent): number | undefined {
  return e.kind === 'delete' || e.kind === 'move-source' ? undefined : e.new;
}

class Aligner {
  private readonly oldTokens = new Map<number, Int32Array>();
  private readonly newTokens = new Map<number, Int32Array>();
  private moveIds = 0;
  private moveCandidates = 0;

  constructor(private readonly input: AlignInput) {}

  tokensOld(i: number): Int32Array {
    let t = this.oldTokens.get(i);
    if (!t) {
      t = similarityTokens(this.input.oldBlocks[i]!, this.input.locale, this.input.scans);
      this.oldTokens.set(i, t);
    }
    return t;
  }

  tokensNew(j: number): Int32Array {
    let t = this.newTokens.get(j);
    if (!t) {
      t = similarityTokens(this.input.newBlocks[j]!, this.input.locale, this.input.scans);
      this.newTokens.set(j, t);
    }
    return t;
  }

  run(): AlignEvent[] {
    const { oldKeys, newKeys } = this.input;
    const nOld = oldKeys.length;
    const nNew = newKeys.length;
    let prefix = 0;
    while (prefix < nOld && prefix < nNew && oldKeys[prefix] === newKeys[prefix]) prefix += 1;
    let suffix = 0;
    while (
      suffix < nOld - prefix &&
      suffix < nNew - prefix &&
      oldKeys[nOld - 1 - suffix] === newKeys[nNew - 1 - suffix]
    ) {
      suffix += 1;
    }
    const events: AlignEvent[] = [];
    for (let k = 0; k < prefix; k += 1) events.push({ kind: 'equal', old: k, new: k });
    events.push(...this.middle(prefix, nOld - suffix, prefix, nNew - suffix));
    for (let k = suffix; k > 0; k -= 1) events.push({ kind: 'equal', old: nOld - k, new: nNew - k });
    return events;
  }

  /** Align old[o0, o1) with new[n0, n1): exact anchors in order, exact moves, then similar paragraphs per gap. */
  private middle(o0: number, o1: number, n0: number, n1: number): AlignEvent[] {
    const { oldKeys, newKeys } = this.input;
    // Phase 1: paragraphs that occur exactly once on each side. In order they anchor the
    // alignment; out of order they are moves.
    const oldCount = new Map<string, number>();
    const newCount = new Map<string, number>();
    const oldAt = new Map<string, number>();
    for (let i = o0; i < o1; i += 1) {
      oldCount.set(oldKeys[i]!, (oldCount.get(oldKeys[i]!) ?? 0) + 1);
      oldAt.set(oldKeys[i]!, i);
    }
    for (let j = n0; j < n1; j += 1) newCount.set(newKeys[j]!, (newCount.get(newKeys[j]!) ?? 0) + 1);
    const unique: Array<[number, number]> = [];
    for (let j = n0; j < n1; j += 1) {
      const key = newKeys[j]!;
      if (newCount.get(key) === 1 && oldCount.get(key) === 1) unique.push([oldAt.get(key)!, j]);
    }
    const kept = heaviestIncreasing(
      unique.map(([i]) => i),
      unique.map(([i]) => oldKeys[i]!.length + 1),
      o0,
      o1 - o0,
    );
    const movedOld = new Map<number, AlignEvent>();
    const movedNew = new Map<number, AlignEvent>();
    const uniqueAnchors: Array<[number, number]> = [];
    unique.forEach(([i, j], k) => {
      if (kept.has(k)) uniqueAnchors.push([i, j]);
      else this.addMove(movedOld, movedNew, i, j, true, 1);
    });
    // Phase 2: between unique anchors, repeated paragraphs matched occurrence by occurrence, in order.
    const anchors: Array<[number, number]> = [];
    let fromOld = o0;
    let fromNew = n0;
    for (const anchor of [...uniqueAnchors, [o1, n1] as [number, number]]) {
      const byKey = new Map<string, number[]>();
      for (let i = fromOld; i < anchor[0]; i += 1) {
        if (movedOld.has(i)) continue;
        const list = byKey.get(oldKeys[i]!);
        if (list) list.push(i);
        else byKey.set(oldKeys[i]!, [i]);
      }
      const pairs: Array<[number, number]> = [];
      if (byKey.size > 0) {
        const cursor = new Map<string, number>();
        for (let j = fromNew; j < anchor[1]; j += 1) {
          const key = newKeys[j]!;
          const list = movedNew.has(j) ? undefined : byKey.get(key);
          if (!list) continue;
          const used = cursor.get(key) ?? 0;
          if (used >= list.length) continue;
          cursor.set(key, used + 1);
          pairs.push([list[used]!, j]);
        }
      }
      const inOrder = heaviestIncreasing(
        pairs.map(([i]) => i),
        pairs.map(([i]) => oldKeys[i]!.length + 1),
        fromOld,
        Math.max(0, anchor[0] - fromOld),
      );
      pairs.forEach((pair, k) => {
        if (inOrder.has(k)) anchors.push(pair);
      });
      if (anchor[0] < o1) anchors.push(anchor);
      fromOld = anchor[0] + 1;
      fromNew = anchor[1] + 1;
    }

    // Gaps between anchors: similar-paragraph alignment over the blocks not already moved.
    const gaps: AlignEvent[][] = [];
    let prevOld = o0;
    let prevNew = n0;
    for (const [i, j] of [...anchors, [o1, n1] as [number, number]]) {
      const freeOld: number[] = [];
      const freeNew: number[] = [];
      for (let x = prevOld; x < i; x += 1) if (!movedOld.has(x)) freeOld.push(x);
      for (let y = prevNew; y < j; y += 1) if (!movedNew.has(y)) freeNew.push(y);
      gaps.push(this.alignGap(freeOld, freeNew));
      prevOld = i + 1;
      prevNew = j + 1;
    }

    // Paragraphs deleted in one place and inserted (edited) in another: moves with edits.
    this.similarMoves(gaps, movedOld, movedNew);

    // Emit gap by gap, threading the moved paragraphs in at their own positions.
    const events: AlignEvent[] = [];
    prevOld = o0;
    prevNew = n0;
    const bounds = [...anchors, [o1, n1] as [number, number]];
    bounds.forEach(([i, j], g) => {
      const sources: AlignEvent[] = [];
      const targets: AlignEvent[] = [];
      for (let x = prevOld; x < i; x += 1) {
        const e = movedOld.get(x);
        if (e) sources.push(e);
      }
      for (let y = prevNew; y < j; y += 1) {
        const e = movedNew.get(y);
        if (e) targets.push(e);
      }
      let s = 0;
      let t = 0;
      for (const e of gaps[g]!) {
        const old = oldSideOf(e);
        const nw = newSideOf(e);
        if (old !== undefined) while (s < sources.length && oldSideOf(sources[s]!)! < old) events.push(sources[s++]!);
        if (nw !== undefined) while (t < targets.length && newSideOf(targets[t]!)! < nw) events.push(targets[t++]!);
        events.push(e);
      }
      while (s < sources.length) events.push(sources[s++]!);
      while (t < targets.length) events.push(targets[t++]!);
      if (g < anchors.length) events.push({ kind: 'equal', old: i, new: j });
      prevOld = i + 1;
      prevNew = j + 1;
    });
    return events;
  }

  private addMove(
    movedOld: Map<number, AlignEvent>,
    movedNew: Map<number, AlignEvent>,
    i: number,
    j: number,
    exact: boolean,
    similarity: number,
  ): void {
    const id = (this.moveIds += 1);
    movedOld.set(i, { kind: 'move-source', old: i, new: j, id });
    movedNew.set(j, { kind: 'move-target', old: i, new: j, id, exact, similarity });
  }

  /** Monotone alignment of one gap by dynamic programming over paragraph similarities, within the cell budget. */
  private alignGap(freeOld: number[], freeNew: number[]): AlignEvent[] {
    const a = freeOld.length;
    const b = freeNew.length;
    if (a === 0 || b === 0) {
      return [
        ...freeOld.map((old): AlignEvent => ({ kind: 'delete', old })),
        ...freeNew.map((nw): AlignEvent => ({ kind: 'insert', new: nw })),
      ];
    }
    const budget = this.input.budgets.alignmentCells;
    const cells = a * b;
    if (cells <= budget) return this.alignBlock(freeOld, freeNew);
    // Over budget: cut the gap into pieces along the diagonal, each aligned fully.
    const pieces = Math.ceil(cells / budget);
    this.input.fallbacks.push({
      level: 'alignment',
      used: 'banded-alignment',
      old: freeOld[0]!,
      new: freeNew[0]!,
      budget,
      needed: cells,
    });
    const out: AlignEvent[] = [];
    for (let p = 0; p < pieces; p += 1) {
      const oldPart = freeOld.slice(Math.floor((p * a) / pieces), Math.floor(((p + 1) * a) / pieces));
      const newPart = freeNew.slice(Math.floor((p * b) / pieces), Math.floor(((p + 1) * b) / pieces));
      out.push(
        ...(oldPart.length && newPart.length
          ? this.alignBlock(oldPart, newPart)
          : this.alignGapTrivial(oldPart, newPart)),
      );
    }
    return out;
  }

  private alignGapTrivial(freeOld: number[], freeNew: number[]): AlignEvent[] {
    return [
      ...freeOld.map((old): AlignEvent => ({ kind: 'delete', old })),
      ...freeNew.map((nw): AlignEvent => ({ kind: 'insert', new: nw })),
    ];
  }

  private alignBlock(freeOld: number[], freeNew: number[]): AlignEvent[] {
    const a = freeOld.length;
    const b = freeNew.length;
    const ta = freeOld.map((i) => this.tokensOld(i));
    const tb = freeNew.map((j) => this.tokensNew(j));
    const ov = new Int32Array(a * b);
    for (let x = 0; x < a; x += 1) for (let y = 0; y < b; y += 1) ov[x * b + y] = overlap(ta[x]!, tb[y]!);
    const width = b + 1;
    const best = new Float64Array((a + 1) * width);
    const { oldKeys, newKeys } = this.input;
    const pairScore = (x: number, y: number): number => {
      const shared = ov[x * b + y]!;
      if (oldKeys[freeOld[x]!] === newKeys[freeNew[y]!]) return 2 * shared + 1;
      return dice(shared, ta[x]!.length, tb[y]!.length) >= PAIR_THRESHOLD ? 2 * shared : -1;
    };
    // Split: old x into new y-k+1..y; merge: old x-k+1..x into new y (0-based, ending at x / y).
    // Pieces of a split or merge must be neighbours in the text, not just in the free list.
    const splitScore = (x: number, y: number, k: number): number => {
      if (y - k + 1 < 0 || freeNew[y]! - freeNew[y - k + 1]! !== k - 1) return -1;
      let shared = 0;
      let pieces = 0;
      for (let t = y - k + 1; t <= y; t += 1) {
        const s = ov[x * b + t]!;
        if (tb[t]!.length === 0 || s / tb[t]!.length < CONTAINMENT) return -1;
        shared += s;
        pieces += tb[t]!.length;
      }
      shared = Math.min(shared, ta[x]!.length);
      return dice(shared, ta[x]!.length, pieces) >= PAIR_THRESHOLD ? 2 * shared : -1;
    };
    const mergeScore = (x: number, y: number, k: number): number => {
      if (x - k + 1 < 0 || freeOld[x]! - freeOld[x - k + 1]! !== k - 1) return -1;
      let shared = 0;
      let pieces = 0;
      for (let t = x - k + 1; t <= x; t += 1) {
        const s = ov[t * b + y]!;
        if (ta[t]!.length === 0 || s / ta[t]!.length < CONTAINMENT) return -1;
        shared += s;
        pieces += ta[t]!.length;
      }
      shared = Math.min(shared, tb[y]!.length);
      return dice(shared, pieces, tb[y]!.length) >= PAIR_THRESHOLD ? 2 * shared : -1;
    };
    for (let x = 1; x <= a; x += 1) {
      for (let y = 1; y <= b; y += 1) {
        let v = Math.max(best[(x - 1) * width + y]!, best[x * width + y - 1]!);
        const p = pairScore(x - 1, y - 1);
        if (p >= 0) v = Math.max(v, best[(x - 1) * width + y - 1]! + p);
        for (let k = 2; k <= MAX_PIECES; k += 1) {
          const s = splitScore(x - 1, y - 1, k);
          if (s >= 0) v = Math.max(v, best[(x - 1) * width + y - k]! + s);
          const m = mergeScore(x - 1, y - 1, k);
          if (m >= 0) v = Math.max(v, best[(x - k) * width + y - 1]! + m);
        }
        best[x * width + y] = v;
      }
    }
    // Backtrack (events come out reversed; inserts are taken first so they follow deletes going forward).
    const reversed: AlignEvent[] = [];
    let x = a;
    let y = b;
    while (x > 0 || y > 0) {
      const here = best[x * width + y]!;
      if (y > 0 && (x === 0 || best[x * width + y - 1] === here)) {
        reversed.push({ kind: 'insert', new: freeNew[y - 1]! });
        y -= 1;
        continue;
      }
      if (x > 0 && (y === 0 || best[(x - 1) * width + y] === here)) {
        reversed.push({ kind: 'delete', old: freeOld[x - 1]! });
        x -= 1;
        continue;
      }
      const p = pairScore(x - 1, y - 1);
      if (p >= 0 && best[(x - 1) * width + y - 1]! + p === here) {
        const shared = ov[(x - 1) * b + y - 1]!;
        const oldIndex = freeOld[x - 1]!;
        const newIndex = freeNew[y - 1]!;
        if (oldKeys[oldIndex] === newKeys[newIndex]) {
          reversed.push({ kind: 'equal', old: oldIndex, new: newIndex });
          x -= 1;
          y -= 1;
          continue;
        }
        reversed.push({
          kind: 'pair',
          old: freeOld[x - 1]!,
          new: freeNew[y - 1]!,
          similarity: dice(shared, ta[x - 1]!.length, tb[y - 1]!.length),
        });
        x -= 1;
        y -= 1;
        continue;
      }
      let done = false;
      for (let k = 2; k <= MAX_PIECES && !done; k += 1) {
        const s = splitScore(x - 1, y - 1, k);
        if (s >= 0 && best[(x - 1) * width + y - k]! + s === here) {
          reversed.push({
            kind: 'split',
            old: freeOld[x - 1]!,
            new: freeNew[y - k]!,
            count: k,
            similarity: 0,
          });
          x -= 1;
          y -= k;
          done = true;
          break;
        }
        const m = mergeScore(x - 1, y - 1, k);
        if (m >= 0 && best[(x - k) * width + y - 1]! + m === here) {
          reversed.push({
            kind: 'merge',
            old: freeOld[x - k]!,
            new: freeNew[y - 1]!,
            count: k,
            similarity: 0,
          });
          x -= k;
          y -= 1;
          done = true;
        }
      }
      if (!done) throw new Error('diff: alignment backtrack found no step');
    }
    return reversed.reverse();
  }

  /** Pair deleted and inserted paragraphs from anywhere in the document that are similar enough: moved and edited. */
  private similarMoves(
    gaps: AlignEvent[][],
    movedOld: Map<number, AlignEvent>,
    movedNew: Map<number, AlignEvent>,
  ): void {
    const deleted: number[] = [];
    const inserted: number[] = [];
    for (const gap of gaps) {
      for (const e of gap) {
        if (e.kind === 'delete') deleted.push(e.old);
        else if (e.kind === 'insert') inserted.push(e.new);
      }
    }
    if (deleted.length === 0 || inserted.length === 0) return;
    // Inverted index of distinct words of deleted paragraphs.
    const postings = new Map<number, number[]>();
    for (const i of deleted) {
      const tokens = this.tokensOld(i);
      for (let k = 0; k < tokens.length; k += 1) {
        if (k > 0 && tokens[k] === tokens[k - 1]) continue;
        const list = postings.get(tokens[k]!);
        if (list) list.push(i);
        else postings.set(tokens[k]!, [i]);
      }
    }
    const budget = this.input.budgets.moveCandidates;
    const candidates: Array<{ i: number; j: number; similarity: number }> = [];
    for (const j of inserted) {
      const tokens = this.tokensNew(j);
      const counts = new Map<number, number>();
      for (let k = 0; k < tokens.length; k += 1) {
        if (k > 0 && tokens[k] === tokens[k - 1]) continue;
        const list = postings.get(tokens[k]!);
        if (!list || list.length > MAX_POSTINGS) continue;
        for (const i of list) counts.set(i, (counts.get(i) ?? 0) + 1);
      }
      const ranked = [...counts.entries()].sort((p, q) => q[1] - p[1] || p[0] - q[0]).slice(0, 4);
      for (const [i] of ranked) {
        if (this.moveCandidates >= budget) {
          this.input.fallbacks.push({
            level: 'moves',
            used: 'no-further-moves',
            new: j,
            budget,
            needed: this.moveCandidates + 1,
          });
          return this.assignMoves(candidates, gaps, movedOld, movedNew);
        }
        this.moveCandidates += 1;
        const ta = this.tokensOld(i);
        const similarity = dice(overlap(ta, tokens), ta.length, tokens.length);
        if (similarity >= MOVE_THRESHOLD) candidates.push({ i, j, similarity });
      }
    }
    this.assignMoves(candidates, gaps, movedOld, movedNew);
  }

  private assignMoves(
    candidates: Array<{ i: number; j: number; similarity: number }>,
    gaps: AlignEvent[][],
    movedOld: Map<number, AlignEvent>,
    movedNew: Map<number, AlignEvent>,
  ): void {
    candidates.sort((p, q) => q.similarity - p.similarity || p.j - q.j || p.i - q.i);
    const usedOld = new Set<number>();
    const usedNew = new Set<number>();
    for (const { i, j, similarity } of candidates) {
      if (usedOld.has(i) || usedNew.has(j)) continue;
      usedOld.add(i);
      usedNew.add(j);
      this.addMove(movedOld, movedNew, i, j, false, similarity);
    }
    if (usedOld.size === 0) return;
    // The moved paragraphs leave their gaps; they are threaded back in as move events.
    for (let g = 0; g < gaps.length; g += 1) {
      gaps[g] = gaps[g]!.filter(
        (e) => !((e.kind === 'delete' && usedOld.has(e.old)) || (e.kind === 'insert' && usedNew.has(e.new))),
      );
    }
  }
}

/** Align the paragraphs of two texts: equal, edited in place, split, merged, moved, deleted, inserted. */
export function alignBlocks(input: AlignInput): AlignEvent[] {
  return new Aligner(input).run();
}
