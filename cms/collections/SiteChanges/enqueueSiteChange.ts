import type { PayloadRequest, RequestContext } from 'payload'

declare module 'payload' {
  interface RequestContext {
    /**
     * The enqueue hooks' off switch, for bulk writers that publish another way (seeding: the
     * publisher's full build or start-up comparison reads everything): no queue row is written.
     */
    disableSiteChanges?: boolean
  }
}

/**
 * `context` for a Local API write that must not queue site changes (see `disableSiteChanges`).
 * A fresh object each time: Payload hands it to the hooks, which may write into it.
 */
export const withoutSiteChanges = (): RequestContext => ({ disableSiteChanges: true })

/**
 * One entry of the publisher's queue: a document to write again or remove, the site settings (on
 * every page), or the whole site.
 */
export type QueuedChange =
  | { kind: 'document'; targetCollection: string; documentId: string }
  | { kind: 'site' }
  | { kind: 'rebuild' }

/**
 * Adds an entry to the `site-changes` queue. Pass the `req` of the operation that caused it: the
 * row is then committed or rolled back with that operation (SQLite: cms/database/serialWriteTransactions;
 * MongoDB: replica-set transactions), so a failed save leaves no row and a saved one always has it.
 */
export async function enqueueSiteChange(req: PayloadRequest, change: QueuedChange): Promise<void> {
  if (req.context.disableSiteChanges) return
  // Straight to the adapter (the rows are ours; the collection has no hooks to run): one insert,
  // no read-back, which matters when an import queues 10,000 of them.
  const now = new Date().toISOString()
  await req.payload.db.create({
    collection: 'site-changes',
    data: { ...change, createdAt: now, updatedAt: now },
    req,
    returning: false,
  })
}
