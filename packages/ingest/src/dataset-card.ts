import { DATASET_COLUMNS } from './dataset-row.js';

export interface DatasetCardInput {
  name: string;
  /** SPDX id (`cc-by-4.0`, `mit`) or `other`. */
  license: string;
  /** The corpus version exported. */
  version: string;
  documents: number;
  shards: number;
  /** Bytes of the Parquet files (the card's `download_size`). */
  bytes: number;
  /** What wrote it, e.g. `corpuskit 0.2.0`. */
  tool: string;
}

function sizeCategory(n: number): string {
  if (n < 1000) return 'n<1K';
  if (n < 10_000) return '1K<n<10K';
  if (n < 100_000) return '10K<n<100K';
  if (n < 1_000_000) return '100K<n<1M';
  return '1M<n<10M';
}

const yamlString = (value: string) => JSON.stringify(value);
/** A plain YAML scalar when the value is a simple id (`cc-by-4.0`), else a quoted string. */
const yamlId = (value: string) => (/^[a-z0-9][a-z0-9.+-]*$/i.test(value) ? value : yamlString(value));

/**
 * The README.md of a dataset in the Hugging Face layout: YAML front matter following the Hub's
 * dataset card schema, which `datasets` reads (`configs`: the `default` config's `train` split
 * is `data/train-*.parquet`; `dataset_info`: the features, the same as the Parquet schema, the
 * split's row count and the files' size; `license`), and a short description of what is in it
 * and how it was made.
 */
export function datasetCard(input: DatasetCardInput): string {
  const features = DATASET_COLUMNS.map((column) =>
    column.list ? `  - name: ${column.name}\n    sequence: string` : `  - name: ${column.name}\n    dtype: string`,
  ).join('\n');
  const columns = DATASET_COLUMNS.map((column) => `\`${column.name}\``).join(', ');
  return `---
license: ${yamlId(input.license)}
pretty_name: ${yamlString(input.name)}
task_categories:
- text-generation
language_creators:
- found
size_categories:
- ${sizeCategory(input.documents)}
tags:
- corpuskit
configs:
- config_name: default
  data_files:
  - split: train
    path: data/train-*.parquet
dataset_info:
  features:
${features.replace(/^/gm, '  ')}
  splits:
  - name: train
    num_examples: ${input.documents}
  download_size: ${input.bytes}
---

# ${input.name}

${input.documents} ${input.documents === 1 ? 'document' : 'documents'} of article text cleaned from saved web pages,
in ${input.shards} Parquet ${input.shards === 1 ? 'file' : 'files'} under \`data/\` (one \`train\` split).

- Corpus version: \`${input.version}\`
- Made with: ${input.tool} (\`corpuskit export --format parquet --layout hf\`)
- License: ${input.license} (set by whoever exported it; the texts keep their publishers' rights)

## Columns

${columns}. \`text\` is the article body (blocks separated by a blank line), \`markdown\` the same
with headings, lists and links; \`authors\` is a list of names; dates are ISO 8601 strings;
\`content_hash\` identifies the cleaned content, \`raw_hash\` the SHA-256 of the page as saved,
and \`cleaner_version\` the cleaner that produced the text. \`page_type\` is null where the
cleaner did not record one.

## How it was made

Saved pages (HTML files, WARC records, MHTML) were cleaned by corpuskit (boilerplate, donation
boxes, image credits, related links, comments removed, each removal recorded), checked for exact
and near duplicates, reviewed, and committed as the corpus version above.

\`\`\`python
from datasets import load_dataset
dataset = load_dataset("parquet", data_dir="data")  # or load_dataset("path/to/this/folder")
\`\`\`
`;
}
