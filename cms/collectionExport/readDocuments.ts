/**
 * A collection's documents, a page at a time, as the admin list shows them (the newest version of
 * each, drafts included for readers who may see drafts) and as the request's user may read them
 * (`overrideAccess: false`: collection and field rules apply). Pages follow the id (keyset), so
 * memory stays one page however large the collection, and documents added or deleted meanwhile
 * neither repeat nor shift others out of the export.
 */
import type { CollectionSlug, PayloadRequest, Where } from 'payload'

export type ExportDocument = Record<string, unknown> & { id: number | string }

/** Documents per read: large enough to be quick, small enough not to stall SQLite's one writer. */
export const exportPageSize = 500

export interface ReadOptions {
  req: PayloadRequest
  collection: CollectionSlug
  /** The command line may read as the database's owner; the API never does. */
  overrideAccess: boolean
  pageSize?: number
  /** Only the documents that match (the admin list's filter); access rules still apply. */
  where?: Where
}

/** One page after `after` (the last id of the page before). */
export async function readPage(
  { req, collection, overrideAccess, pageSize = exportPageSize, where }: ReadOptions,
  after?: number | string,
): Promise<ExportDocument[]> {
  const filters = [
    ...(where ? [where] : []),
    ...(after === undefined ? [] : [{ id: { greater_than: after } }]),
  ]
  const { docs } = await req.payload.find({
    collection,
    req,
    overrideAccess,
    depth: 0,
    draft: true,
    sort: 'id',
    limit: pageSize,
    pagination: false,
    where: filters.length === 0 ? undefined : filters.length === 1 ? filters[0] : { and: filters },
  })
  return docs as unknown as ExportDocument[]
}

/** Every page, `first` (already read, to answer errors before a download starts) included. */
export async function* readPages(
  options: ReadOptions,
  first?: ExportDocument[],
): AsyncGenerator<ExportDocument[]> {
  const pageSize = options.pageSize ?? exportPageSize
  let page = first ?? (await readPage(options))
  while (page.length) {
    yield page
    if (page.length < pageSize) return
    page = await readPage(options, page[page.length - 1].id)
  }
}
