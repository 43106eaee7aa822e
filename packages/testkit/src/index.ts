export { countDomReads } from './dom-reads.js';
export { makeRecord } from './records.js';
export { seededInts, seededRandom } from './random.js';
export { WOOD_CARDS, WOODS } from './shop-cards.js';
export type { RecordOptions } from './records.js';
export { articleUrl, tempDir } from './temp.js';
export { reviewApi } from './review-api.js';
export type { ApiRequest } from './review-api.js';
