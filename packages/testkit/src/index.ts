export { makeRecord } from './records.js';
export type { RecordOptions } from './records.js';
export { articleUrl, tempDir } from './temp.js';
