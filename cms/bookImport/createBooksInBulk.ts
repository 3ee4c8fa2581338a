/**
 * The new books of a confirmed import, written through the database adapter instead of one Local
 * API create each. A create runs nine statements and ~3 ms of hooks and query building per book
 * (10,000 books: 30–40 s); here each book is one insert (two with authors or subjects), and the
 * work the Local API repeats per document is done once per batch:
 *
 * - the input checks and the collection's validators: already passed by the planner
 *   (`checkBookRow` runs the same `checkData` every save runs, and the catalogue's own rules);
 * - defaults from the field config, and the collection's `beforeChange` hooks (derived fields);
 * - slugs from the title as the slug field makes them (`firstFreeSlug`), checked against one
 *   read of the catalogue's slugs instead of a count per candidate;
 * - the collection's `afterChange` hooks on each book as read back (its queue row and audit
 *   entry), except the redirect lookup, done for a batch at once (`removeRedirectsFromPaths`).
 *
 * Everything runs with the import's `req`, so it commits or rolls back with the import.
 * `tests/int/bookImport.int.spec.ts` compares the result with Local API creates of the same rows.
 */
import type { PayloadRequest, RequestContext, SanitizedCollectionConfig } from 'payload'
import { slugify } from '../../shared/slugify'
import type { Book } from '../payload-types'
import { removeRedirectsFromPaths } from '../collections/Redirects/automaticRedirects'
import { pagePathOf } from '../collections/Redirects/pagePaths'
import { firstFreeSlug } from '../fields/slug'
import type { BookData } from './checkBookRow'

const batchSize = 100

/** Top-level defaults of the field config (location, copies, available…). */
function defaultsOf(collection: SanitizedCollectionConfig): Record<string, unknown> {
  const defaults: Record<string, unknown> = {}
  for (const field of collection.flattenedFields)
    if ('defaultValue' in field && field.defaultValue !== undefined) {
      if (typeof field.defaultValue === 'function')
        throw new Error(`createBooksInBulk: ${field.name} 的默认值是函数，批量写入无法照搬`)
      defaults[field.name] = structuredClone(field.defaultValue)
    }
  return defaults
}

async function takenSlugs(req: PayloadRequest): Promise<Set<string>> {
  const { docs } = await req.payload.find({
    collection: 'books',
    depth: 0,
    limit: 0,
    pagination: false,
    select: { slug: true },
    overrideAccess: true,
    req,
  })
  return new Set(docs.map((doc) => doc.slug).filter((slug): slug is string => Boolean(slug)))
}

/**
 * Creates a book for each of `rows` (valid, new: see `planImport`) in `req`'s transaction, calling
 * `onProgress` after each batch with how many are written, and `atRow` before each row's work,
 * so a caller can name the row an error came from.
 */
export async function createBooksInBulk(
  req: PayloadRequest,
  rows: readonly BookData[],
  { onProgress, atRow }: { onProgress?: (done: number) => void; atRow?: (index: number) => void },
): Promise<void> {
  const { payload } = req
  const collection = payload.collections.books.config
  const defaults = defaultsOf(collection)
  const taken = await takenSlugs(req)
  // The per-save redirect lookup is done for a batch below; the other hooks run as in a save.
  const hookContext: RequestContext = { ...req.context, disableAutomaticRedirects: true }

  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize)
    // A book with a slug is found again by it (unique), so its insert needs no read-back.
    const written: { data: Record<string, unknown>; id?: number | string }[] = []
    for (const [offset, row] of batch.entries()) {
      atRow?.(start + offset)
      let data: Record<string, unknown> = { ...structuredClone(defaults), ...row }
      const base = slugify(row.title ?? '')
      if (base) {
        const slug = await firstFreeSlug(base, (candidate) => taken.has(candidate))
        if (!slug) throw new Error('无法生成不重复的网址别名')
        taken.add(slug)
        data.slug = slug
      }
      for (const hook of collection.hooks.beforeChange)
        data =
          (await hook({
            collection,
            context: hookContext,
            data,
            operation: 'create',
            originalDoc: undefined,
            req,
          })) ?? data
      const now = new Date().toISOString()
      const create = {
        collection: 'books' as const,
        data: { ...data, createdAt: now, updatedAt: now },
        req,
      }
      if (typeof data.slug === 'string') {
        await payload.db.create({ ...create, returning: false })
        written.push({ data })
      } else {
        const created = await payload.db.create({ ...create, select: { id: true } })
        written.push({ data, id: created.id })
      }
    }

    // Read back as the Local API hands a created document to its hooks.
    const slugs = written.flatMap(({ data }) => (typeof data.slug === 'string' ? [data.slug] : []))
    const ids = written.flatMap(({ id }) => (id === undefined ? [] : [id]))
    const { docs } = await payload.find({
      collection: 'books',
      where: { or: [{ slug: { in: slugs } }, { id: { in: ids } }] },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const bySlug = new Map(docs.map((doc) => [doc.slug, doc as Book]))
    const byId = new Map(docs.map((doc) => [String(doc.id), doc as Book]))
    const paths: string[] = []
    for (const [offset, { data, id }] of written.entries()) {
      atRow?.(start + offset)
      const read = id === undefined ? bySlug.get(data.slug as string) : byId.get(String(id))
      if (!read)
        throw new Error(`createBooksInBulk: 刚写入的图书读不到（${String(data.slug ?? id)}）`)
      let doc: Book = read
      for (const hook of collection.hooks.afterChange)
        doc =
          (await hook({
            collection,
            context: hookContext,
            data,
            doc,
            operation: 'create',
            previousDoc: {},
            req,
          })) ?? doc
      const path = await pagePathOf(req, 'books', { ...doc })
      if (path) paths.push(path)
    }
    // A new book's page wins over a redirect from its path (automaticRedirects).
    await removeRedirectsFromPaths(req, paths)
    onProgress?.(start + batch.length)
  }
}
