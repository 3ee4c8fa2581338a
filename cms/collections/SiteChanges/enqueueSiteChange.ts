import type { PayloadRequest } from 'payload'

/** One entry of the publisher's queue: a document to write again or remove, or the whole site. */
export type QueuedChange =
  | { kind: 'document'; targetCollection: string; documentId: string; operation: 'change' | 'delete' }
  | { kind: 'rebuild' }

/**
 * Adds an entry to the `site-changes` queue. Pass the `req` of the operation that caused it: the
 * row is then committed or rolled back with that operation (SQLite: cms/database/serialWriteTransactions;
 * MongoDB: replica-set transactions), so a failed save leaves no row and a saved one always has it.
 */
export async function enqueueSiteChange(req: PayloadRequest, change: QueuedChange): Promise<void> {
  await req.payload.create({ collection: 'site-changes', data: change, depth: 0, overrideAccess: true, req })
}
