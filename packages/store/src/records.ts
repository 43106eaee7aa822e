import { canonicalJson, contentHash, isDocumentId, isSha256, sha256, type DocumentRecord } from '@corpuskit/document';

import { storeError } from './errors.js';

/**
 * How a DocumentRecord is stored: the record with `document.text` and `document.markdown`
 * emptied, plus the hashes of those two strings, which are stored as their own objects
 * (UTF-8 bytes). Equal strings share one object, so a plain-text page whose markdown equals
 * its text, and whose raw bytes equal its text, is stored once; an update that changes only
 * metadata shares the text object with the version before it.
 */
export interface StoredRecord {
  kind: 'record';
  record: DocumentRecord;
  text: string;
  markdown: string;
}

export interface EncodedRecord {
  hash: string;
  bytes: Buffer;
  blobs: Array<{ hash: string; bytes: Buffer }>;
}

export function encodeRecord(record: DocumentRecord): EncodedRecord {
  const doc = record.document;
  const textBytes = Buffer.from(doc.text, 'utf8');
  const textHash = sha256(textBytes);
  const blobs = [{ hash: textHash, bytes: textBytes }];
  let markdownHash = textHash;
  if (doc.markdown !== doc.text) {
    const markdownBytes = Buffer.from(doc.markdown, 'utf8');
    markdownHash = sha256(markdownBytes);
    blobs.push({ hash: markdownHash, bytes: markdownBytes });
  }
  const stored: StoredRecord = {
    kind: 'record',
    record: { ...record, document: { ...doc, text: '', markdown: '' } },
    text: textHash,
    markdown: markdownHash,
  };
  const bytes = Buffer.from(canonicalJson(stored), 'utf8');
  return { hash: sha256(bytes), bytes, blobs };
}

export function parseStoredRecord(bytes: Uint8Array, hash: string): StoredRecord {
  let value: StoredRecord;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8')) as StoredRecord;
  } catch (error) {
    throw storeError('store.bad-record', `object ${hash} is not valid JSON`, { subject: hash, cause: error });
  }
  if (
    value === null ||
    typeof value !== 'object' ||
    value.kind !== 'record' ||
    typeof value.record !== 'object' ||
    typeof value.record?.document !== 'object' ||
    !isSha256(String(value.text)) ||
    !isSha256(String(value.markdown))
  ) {
    throw storeError('store.bad-record', `object ${hash} is not a stored document record`, { subject: hash });
  }
  return value;
}

export function assembleRecord(stored: StoredRecord, text: string, markdown: string): DocumentRecord {
  return { ...stored.record, document: { ...stored.record.document, text, markdown } };
}

/** Check the shape of a record before it is staged; throws a usage error naming the input. */
export function validateRecord(record: unknown, subject: string, verifyContentHash: boolean): DocumentRecord {
  const fail = (why: string): never => {
    throw storeError('store.invalid-record', `not a valid document record: ${why}`, { subject });
  };
  if (record === null || typeof record !== 'object') return fail('expected an object');
  const r = record as Partial<DocumentRecord>;
  if (r.schemaVersion !== 1) fail(`unsupported schemaVersion ${String(r.schemaVersion)}`);
  if (typeof r.id !== 'string' || !isDocumentId(r.id)) fail(`invalid document id ${JSON.stringify(r.id)}`);
  if (typeof r.contentHash !== 'string' || !isSha256(r.contentHash)) fail('contentHash is not a SHA-256');
  if (!Array.isArray(r.findings)) fail('findings is not an array');
  const doc = r.document;
  if (doc === null || typeof doc !== 'object') return fail('document is missing');
  if (typeof doc.text !== 'string' || typeof doc.markdown !== 'string') fail('document text or markdown is missing');
  if (doc.metadata === null || typeof doc.metadata !== 'object') fail('document metadata is missing');
  if (doc.provenance === null || typeof doc.provenance !== 'object') fail('document provenance is missing');
  if (verifyContentHash && contentHash(doc) !== r.contentHash) {
    fail('contentHash does not match the document content');
  }
  return r as DocumentRecord;
}
