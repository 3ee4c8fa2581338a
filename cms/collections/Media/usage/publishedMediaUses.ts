/**
 * Which media items published content uses: the upload fields of published documents (books and
 * speakers have no drafts: always public), images in their rich text, and the site settings' story
 * and share image.
 * A used item is on the live site, so only editors and admins may change it.
 */
import type { CollectionSlug, PayloadRequest, Where } from 'payload'

type Id = string | number

interface Uses {
  collection: CollectionSlug
  /** Upload fields, dotted inside arrays (`images.image`). */
  uploads: string[]
  richText: string[]
  drafts: boolean
}

const usesOfMedia: Uses[] = [
  { collection: 'news', uploads: ['cover'], richText: ['body'], drafts: true },
  { collection: 'exhibitions', uploads: ['cover'], richText: [], drafts: true },
  { collection: 'exhibits', uploads: ['images.image'], richText: ['body'], drafts: true },
  { collection: 'lectures', uploads: ['recording', 'poster', 'attachments'], richText: [], drafts: true },
  { collection: 'speakers', uploads: ['photo'], richText: [], drafts: false },
  { collection: 'books', uploads: ['cover'], richText: [], drafts: false },
]

/** Every value at a dotted path (through arrays and hasMany), as ids. */
function valuesAt(doc: unknown, pathParts: string[]): string[] {
  if (doc == null) return []
  if (Array.isArray(doc)) return doc.flatMap((item) => valuesAt(item, pathParts))
  if (pathParts.length === 0) {
    if (typeof doc === 'object') return 'id' in doc ? [String((doc as { id: Id }).id)] : []
    return [String(doc)]
  }
  if (typeof doc !== 'object') return []
  return valuesAt((doc as Record<string, unknown>)[pathParts[0]], pathParts.slice(1))
}

/** Media ids of the upload nodes in a Lexical value. */
function uploadsInRichText(node: unknown, found: string[] = []): string[] {
  if (!node || typeof node !== 'object') return found
  if (Array.isArray(node)) {
    for (const child of node) uploadsInRichText(child, found)
    return found
  }
  const record = node as Record<string, unknown>
  if (record.type === 'upload' && record.relationTo === 'media' && record.value != null) {
    found.push(...valuesAt(record.value, []))
  }
  for (const value of Object.values(record)) if (value && typeof value === 'object') uploadsInRichText(value, found)
  return found
}

function selectOf(paths: string[]): Record<string, unknown> {
  const select: Record<string, unknown> = {}
  for (const path of paths) {
    const parts = path.split('.')
    let level = select
    parts.forEach((part, index) => {
      if (index === parts.length - 1) level[part] = true
      else level = (level[part] ??= {}) as Record<string, unknown>
    })
  }
  return select
}

/**
 * The ids (as strings) among `ids` that published content uses; with no `ids`, every used id.
 * Reads with the request's transaction and without access rules (it answers an access question).
 */
export async function publishedMediaUses(req: PayloadRequest, ids?: Id[]): Promise<Set<string>> {
  const wanted = ids ? new Set(ids.map(String)) : null
  const used = new Set<string>()
  const add = (id: string) => {
    if (!wanted || wanted.has(id)) used.add(id)
  }
  await Promise.all(
    usesOfMedia.map(async ({ collection, uploads, richText, drafts }) => {
      const matches: Where[] = uploads.map((path) => ({ [path]: ids ? { in: ids } : { exists: true } }))
      // Rich text is JSON text in SQLite and a document in MongoDB: narrowed by a text match, then read.
      for (const field of richText) matches.push({ [field]: { like: '"relationTo":"media"' } })
      const where: Where = drafts ? { and: [{ _status: { equals: 'published' } }, { or: matches }] } : { or: matches }
      const { docs } = await req.payload.find({
        collection,
        where,
        select: selectOf([...uploads, ...richText]) as never,
        depth: 0,
        pagination: false,
        overrideAccess: true,
        req,
      })
      for (const doc of docs) {
        for (const path of uploads) valuesAt(doc, path.split('.')).forEach(add)
        for (const field of richText) uploadsInRichText((doc as Record<string, unknown>)[field]).forEach(add)
      }
    }),
  )
  const site = await req.payload.findGlobal({
    slug: 'site',
    depth: 0,
    overrideAccess: true,
    req,
    select: { story: true, shareImage: true } as never,
  })
  uploadsInRichText((site as { story?: unknown }).story).forEach(add)
  // The share image is on every page without an image of its own.
  valuesAt((site as { shareImage?: unknown }).shareImage, []).forEach(add)
  return used
}
