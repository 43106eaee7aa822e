import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

import { datasetCard } from './dataset-card.js';
import { DATASET_COLUMNS } from './dataset-row.js';

function frontMatter(card: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(card);
  if (!match) throw new Error('no front matter');
  return parse(match[1]!) as Record<string, unknown>;
}

describe('datasetCard', () => {
  const base = { version: 'v1', shards: 3, bytes: 12345, tool: 'corpuskit 0.1.0' };

  it('writes YAML front matter with the configs, features, split size and license', () => {
    const yaml = frontMatter(datasetCard({ ...base, name: 'news', license: 'cc-by-4.0', documents: 25_000 }));
    expect(yaml).toMatchObject({
      license: 'cc-by-4.0',
      pretty_name: 'news',
      size_categories: ['10K<n<100K'],
      configs: [{ config_name: 'default', data_files: [{ split: 'train', path: 'data/train-*.parquet' }] }],
      dataset_info: { splits: [{ name: 'train', num_examples: 25_000 }], download_size: 12345 },
    });
    const features = (yaml.dataset_info as { features: unknown[] }).features;
    expect(features).toEqual(
      DATASET_COLUMNS.map((column) =>
        column.list ? { name: column.name, sequence: 'string' } : { name: column.name, dtype: 'string' },
      ),
    );
  });

  it('keeps names and licenses with YAML syntax in them as the strings given', () => {
    const name = 'news: "2026" # all of it';
    const license = 'see LICENSE: custom';
    const yaml = frontMatter(datasetCard({ ...base, name, license, documents: 1 }));
    expect(yaml.pretty_name).toBe(name);
    expect(yaml.license).toBe(license);
    expect(yaml.size_categories).toEqual(['n<1K']);
  });
});
