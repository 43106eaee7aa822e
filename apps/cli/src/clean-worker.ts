// The worker-thread entry of the clean pool: tinypool calls the default export once per page.
export { cleanTaskReply as default } from '@corpuskit/ingest';
