import type { PayloadRequest } from 'payload'

/** One entry of the publisher's queue: a document to write again or remove, or the whole site. */
export type QueuedChange =
  | { kind: 'document'; targetCollection: string; documentId: string; operation: 'change' | 'delete' }
  | { kind: 'rebuild' }

/**
 * Adds an entry to the `site-changes` queue. Pass the `req` of the operation that caused it: where
 * the database has transactions (MongoDB replica sets) the row is then committed or rolled back
 * with that operation. Our SQLite adapter runs without them, as Payload's SQLite adapter does by
 * default (libsql runs queries synchronously, so two overlapping transactions in one process
 * block each other until the busy timeout); there the row is written before the save returns.
 */
export async function enqueueSiteChange(req: PayloadRequest, change: QueuedChange): Promise<void> {
  await req.payload.create({ collection: 'site-changes', data: change, depth: 0, overrideAccess: true, req })
}
