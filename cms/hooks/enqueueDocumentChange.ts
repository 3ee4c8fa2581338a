import type {
  CollectionAfterChangeHook,
  CollectionConfig,
  PayloadRequest,
  RequestContext,
} from 'payload'
import { enqueueSiteChange } from '../collections/SiteChanges/enqueueSiteChange'
import { isLivePublished, wasLivePublished } from './rememberLiveStatus'

/** Queues the saved document for the publisher when the save may change what visitors see. */
export const enqueueDocumentChange: CollectionAfterChangeHook = async ({
  collection,
  context,
  data,
  doc,
  req,
}) => {
  if (
    collection.versions?.drafts &&
    !(await changesLiveDocument({ collection, context, data, id: doc.id, req }))
  )
    return doc
  await enqueueSiteChange(req, {
    kind: 'document',
    targetCollection: collection.slug,
    documentId: String(doc.id),
  })
  return doc
}

/**
 * With drafts, visitors see the live document only while it is published. A save changes that
 * when it publishes, edits a published document live, or unpublishes (also a scheduled job's
 * publish or unpublish). A draft save (the 保存草稿 button, autosave, `draft: true`) writes only
 * a version and leaves the live document as it was; Payload marks it by setting `_status` to
 * `draft` in the data before any hook runs, so draft data on a still-published live document
 * means a draft save. Saving a document that was never public keeps it out of sight. The live
 * document is counted only when that is the open question: autosave runs every few seconds.
 */
async function changesLiveDocument({
  collection,
  context,
  data,
  id,
  req,
}: {
  collection: Pick<CollectionConfig, 'slug'>
  context: RequestContext
  data: { _status?: unknown }
  id: number | string
  req: PayloadRequest
}): Promise<boolean> {
  if (data._status === 'published') return true
  if (!wasLivePublished(context, collection.slug, id)) return false
  return !(data._status === 'draft' && (await isLivePublished(req, collection.slug, id)))
}
