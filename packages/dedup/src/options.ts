import { dedupError } from './errors.js';

/** Every knob of near-duplicate detection. All explicit, all recorded with the results. */
export interface DedupOptions {
  /** Number of MinHash permutations (signature length). */
  permutations: number;
  /** LSH bands; `bands * rows` must not exceed `permutations`. */
  bands: number;
  /** Rows (signature values) per band. */
  rows: number;
  /** Words per shingle. */
  shingleSize: number;
  /** Seed of every hash; the same seed gives the same signatures everywhere. */
  seed: number;
  /** Verified Jaccard at or above which two documents are near-duplicates. */
  threshold: number;
}

export type PresetName = 'default' | 'syndication';

/**
 * `default`: word 5-grams, 112 permutations as 16 bands x 7 rows, which catches a pair at
 * Jaccard 0.8 with probability 0.977 (FineWeb's 14 x 8 catches it 0.924 of the time); every
 * candidate is verified, so the looser banding costs verification time, not precision.
 *
 * `syndication`: word 2-grams and threshold 0.45 for lightly rewritten wire copy; 120
 * permutations as 40 bands x 3 rows catch a pair at 0.45 with probability 0.978.
 */
export const PRESETS: Readonly<Record<PresetName, Readonly<DedupOptions>>> = {
  default: { permutations: 112, bands: 16, rows: 7, shingleSize: 5, seed: 1, threshold: 0.8 },
  syndication: { permutations: 120, bands: 40, rows: 3, shingleSize: 2, seed: 1, threshold: 0.45 },
};

export const DEFAULT_OPTIONS: Readonly<DedupOptions> = PRESETS.default;

export interface DedupOptionsInput extends Partial<DedupOptions> {
  preset?: PresetName;
}

export function isPresetName(value: unknown): value is PresetName {
  return value === 'default' || value === 'syndication';
}

/**
 * Complete and validate options: the preset's values (default `default`) under the given ones.
 * When bands or rows are given without permutations, permutations become `bands * rows`.
 * Throws a `usage` CorpusKitError (`dedup.bad-option`) naming the bad option.
 */
export function resolveOptions(input: DedupOptionsInput = {}): DedupOptions {
  const presetName = input.preset ?? 'default';
  if (!isPresetName(presetName)) {
    throw dedupError('dedup.bad-option', `unknown preset '${String(presetName)}' (use default or syndication)`);
  }
  const preset = PRESETS[presetName];
  const bands = input.bands ?? preset.bands;
  const rows = input.rows ?? preset.rows;
  const bandingGiven = input.bands !== undefined || input.rows !== undefined;
  const permutations = input.permutations ?? (bandingGiven ? bands * rows : preset.permutations);
  const options: DedupOptions = {
    permutations,
    bands,
    rows,
    shingleSize: input.shingleSize ?? preset.shingleSize,
    seed: input.seed ?? preset.seed,
    threshold: input.threshold ?? preset.threshold,
  };
  checkInteger('permutations', options.permutations, 1, 4096);
  checkInteger('bands', options.bands, 1, 4096);
  checkInteger('rows', options.rows, 1, 4096);
  checkInteger('shingleSize', options.shingleSize, 1, 64);
  checkInteger('seed', options.seed, 0, 0xffffffff);
  if (options.bands * options.rows > options.permutations) {
    throw dedupError(
      'dedup.bad-option',
      `bands x rows (${options.bands} x ${options.rows} = ${options.bands * options.rows}) exceeds permutations (${options.permutations})`,
    );
  }
  if (!(typeof options.threshold === 'number' && options.threshold > 0 && options.threshold <= 1)) {
    throw dedupError('dedup.bad-option', `threshold must be a number in (0, 1] (got ${String(options.threshold)})`);
  }
  return options;
}

function checkInteger(name: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw dedupError('dedup.bad-option', `${name} must be an integer from ${min} to ${max} (got ${String(value)})`);
  }
}

/** True when two option sets give the same signatures and bands (threshold may differ). */
export function sameSignatureOptions(a: DedupOptions, b: DedupOptions): boolean {
  return (
    a.permutations === b.permutations &&
    a.bands === b.bands &&
    a.rows === b.rows &&
    a.shingleSize === b.shingleSize &&
    a.seed === b.seed
  );
}
