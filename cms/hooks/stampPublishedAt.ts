import type { CollectionBeforeChangeHook } from 'payload'

/** `publishedAt` defaults to the moment a document is first published (also by a scheduled job). */
export const stampPublishedAt: CollectionBeforeChangeHook = ({ data }) => {
  if (data._status === 'published' && !data.publishedAt) data.publishedAt = new Date().toISOString()
  return data
}
