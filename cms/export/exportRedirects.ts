/**
 * The 网址跳转 collection as the site applies it. Redirects are staff-only through the API, so
 * they are read with access overridden, at depth 0: only the source path and the target (a
 * document's collection and id, or a path or URL) leave the CMS, never a referenced document's
 * content. The site resolves a document target only against the published content it has
 * (shared/redirects/resolveRedirects.ts), so a redirect to a draft leads nowhere.
 */
import type { Payload } from 'payload'
import { publicCollections, type RedirectEntry } from '../../shared/siteContent'
import type { Redirect } from '../payload-types'

/** A stored redirect as an export entry, or null when it has no usable target. */
export function redirectEntryOf(doc: Redirect): RedirectEntry | null {
  const common = { id: String(doc.id), from: doc.from }
  const { reference, type, url } = doc.to ?? {}
  if (type === 'custom') return url ? { ...common, to: { url } } : null
  if (!reference || !(publicCollections as readonly string[]).includes(reference.relationTo))
    return null
  const value = reference.value
  const id = typeof value === 'object' && value !== null ? value.id : value
  return id == null ? null : { ...common, to: { collection: reference.relationTo, id: String(id) } }
}

const asSite = { overrideAccess: true, depth: 0 } as const

/** Every redirect, by source path. */
export async function exportRedirects(payload: Payload): Promise<RedirectEntry[]> {
  const { docs } = await payload.find({
    collection: 'redirects',
    ...asSite,
    pagination: false,
    sort: 'from',
  })
  return docs
    .map(redirectEntryOf)
    .filter((entry): entry is RedirectEntry => entry !== null)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
}

/** One redirect (null when deleted or unusable), for the publisher's queue. */
export async function exportRedirectEntry(
  payload: Payload,
  id: string,
): Promise<RedirectEntry | null> {
  const doc = await payload.findByID({
    collection: 'redirects',
    id,
    disableErrors: true,
    ...asSite,
  })
  return doc ? redirectEntryOf(doc) : null
}
