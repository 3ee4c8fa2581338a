import type {
  CollectionBeforeChangeHook,
  CollectionSlug,
  PayloadRequest,
  RequestContext,
} from 'payload'

/**
 * For content with drafts, the live document (what visitors read) and the latest version can
 * differ: a draft save writes only a version. These helpers tell whether the live document is
 * published, before and after a save, for `enqueueDocumentChange`.
 */

/** True when the live document is published now (inside the caller's transaction). */
export async function isLivePublished(
  req: PayloadRequest,
  collection: string,
  id: number | string,
): Promise<boolean> {
  const { totalDocs } = await req.payload.db.count({
    collection: collection as CollectionSlug,
    where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] },
    req,
  })
  return totalDocs > 0
}

const contextKey = (collection: string, id: number | string) =>
  `livePublishedBefore:${collection}:${id}`

/** Whether the live document was published before the save now running (false for a new one). */
export function wasLivePublished(
  context: RequestContext,
  collection: string,
  id: number | string,
): boolean {
  return context[contextKey(collection, id)] === true
}

/**
 * Notes, before a save writes anything, whether the live document is published. Not needed when
 * publishing: the document is then public afterwards anyway.
 */
export const rememberLiveStatus: CollectionBeforeChangeHook = async ({
  collection,
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  const id = originalDoc?.id as number | string | undefined
  if (operation !== 'update' || id == null || data._status === 'published') return data
  context[contextKey(collection.slug, id)] = await isLivePublished(req, collection.slug, id)
  return data
}
