import type { CollectionAfterDeleteHook } from 'payload'
import { enqueueSiteChange } from '../collections/SiteChanges/enqueueSiteChange'

/**
 * Queues a deleted document for the publisher, in the delete's transaction. A document with
 * drafts that was not published (its live status is `draft`) was never on the site: nothing to do.
 */
export const enqueueDocumentDelete: CollectionAfterDeleteHook = async ({
  collection,
  doc,
  id,
  req,
}) => {
  if (collection.versions?.drafts && doc?._status === 'draft') return doc
  await enqueueSiteChange(req, {
    kind: 'document',
    targetCollection: collection.slug,
    documentId: String(id),
  })
  return doc
}
