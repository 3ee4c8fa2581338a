/**
 * Which live entries show a media document, so an alt-text or focal-point edit re-reads just
 * those (a cover, an exhibit's images, a figure in rich text) instead of the whole content.
 * Entries name media by file: `file` fields hold the name, HTML holds `mediaUrl(name)`.
 */
import type { Payload } from 'payload'
import { mediaUrl } from '../shared/responsiveImage'
import type { SiteContent } from '../shared/siteContent'
import { contentCollections, type ContentCollection } from './siteState'

/** Every file name of a media document (the original and each image size), or null when it is gone. */
export async function mediaFileNames(payload: Payload, id: string): Promise<string[] | null> {
  const doc = await payload
    .findByID({ collection: 'media', id, depth: 0, overrideAccess: true })
    .catch(() => null)
  if (!doc?.filename) return null
  const sizes = Object.values(doc.sizes ?? {}) as ({ filename?: string | null } | undefined)[]
  return [doc.filename, ...sizes.map((size) => size?.filename).filter((name) => !!name)] as string[]
}

/** True when `value` (an entry, walked) names one of `names` as a file or in a media URL. */
function shows(value: unknown, names: Set<string>, urls: string[]): boolean {
  if (typeof value === 'string') return urls.some((url) => value.includes(url))
  if (Array.isArray(value)) return value.some((item) => shows(item, names, urls))
  if (value && typeof value === 'object') {
    for (const [key, field] of Object.entries(value)) {
      if (key === 'file' && typeof field === 'string' && names.has(field)) return true
      if (shows(field, names, urls)) return true
    }
  }
  return false
}

/**
 * The live entries that show any of `fileNames`. A URL match is `mediaUrl(name)` anywhere in a
 * string: a file whose name merely starts with this one matches too, which only costs a re-read
 * that changes nothing.
 */
export function entriesShowingFiles(
  content: SiteContent,
  fileNames: readonly string[],
): { collection: ContentCollection; id: string }[] {
  const names = new Set(fileNames)
  const urls = fileNames.map(mediaUrl)
  const found: { collection: ContentCollection; id: string }[] = []
  for (const collection of contentCollections) {
    if (collection === 'redirects') continue
    for (const entry of content[collection] as { id: string }[])
      if (shows(entry, names, urls)) found.push({ collection, id: entry.id })
  }
  return found
}
