import { SCHEMA_VERSION } from '@corpuskit/document';

import type { CommandRun, CommandSpec } from '../command.js';
import { cliVersion } from '../version.js';

export const spec: CommandSpec = {
  usage: 'version',
  description: 'Print the versions of corpuskit, Node.js and the record schema',
  examples: ['corpuskit version --json'],
};

export const run: CommandRun = async () => {
  const info = { corpuskit: cliVersion(), node: process.versions.node, recordSchemaVersion: SCHEMA_VERSION };
  return {
    json: info,
    text: `corpuskit ${info.corpuskit} (node ${info.node}, record schema ${info.recordSchemaVersion})`,
  };
};
