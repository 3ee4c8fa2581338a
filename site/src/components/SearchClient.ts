/**
 * The browser side of the site search, shared by the header box (SearchBox) and the /search/ page
 * (SearchPage): one index per page, opened from `/search/manifest.json` on first use, its shards
 * and display files fetched as queries need them and kept for later queries.
 */
import type {
  SearchDocumentDisplay,
  SearchDocumentType,
  SearchManifest,
} from '../../../shared/search/format'
import {
  httpSearchSource,
  openSearchIndex,
  typeOfDocument,
  type SearchHit,
  type SearchIndex,
} from '../../../shared/search/searchIndex'

/** The /search/ page; the index's files live beside it. */
export const searchPageUrl = '/search/'

export const searchTypes: readonly SearchDocumentType[] = ['news', 'exhibit', 'lecture', 'book']
export const typeLabels: Record<SearchDocumentType, string> = {
  news: '新闻',
  exhibit: '展品',
  lecture: '讲座',
  book: '图书',
}

/** `/search/?q=…&type=…`: the shareable URL of a search. */
export function searchUrl(query: string, type?: SearchDocumentType | null): string {
  const params = new URLSearchParams()
  if (query) params.set('q', query)
  if (type) params.set('type', type)
  const search = params.toString()
  return search ? `${searchPageUrl}?${search}` : searchPageUrl
}

let opening: Promise<SearchIndex> | undefined

/** The index, opened once (the manifest is ~400 bytes); a failed fetch is retried next time. */
export function loadSearchIndex(): Promise<SearchIndex> {
  opening ??= (async () => {
    const response = await fetch(`${searchPageUrl}manifest.json`)
    if (!response.ok) throw new Error(`search manifest: ${response.status}`)
    return openSearchIndex(
      (await response.json()) as SearchManifest,
      httpSearchSource(searchPageUrl),
    )
  })()
  opening.catch(() => (opening = undefined))
  return opening
}

export type FoundDocument = SearchDocumentDisplay & { doc: number }

export interface Found {
  query: string
  /** Every matching document, best first. */
  hits: SearchHit[]
  counts: Record<SearchDocumentType, number>
  index: SearchIndex
}

/** All documents matching `query`, ranked, with counts by type (display data not yet fetched). */
export async function findAll(query: string): Promise<Found> {
  const index = await loadSearchIndex()
  const { hits, counts } = await index.search(query, { limit: Infinity })
  return { query, hits, counts, index }
}

/** The best `limit` documents for `query` with their display data, and how many match in all. */
export async function findTop(
  query: string,
  limit: number,
): Promise<{ total: number; documents: FoundDocument[] }> {
  const index = await loadSearchIndex()
  const { hits, total } = await index.search(query, { limit })
  const documents = await index.documents(hits.map((hit) => hit.doc))
  return { total, documents: withDocumentNumbers(documents, hits) }
}

/** Display data (url, title, lead) of some hits, in their order. */
export async function display(found: Found, hits: readonly SearchHit[]): Promise<FoundDocument[]> {
  return withDocumentNumbers(await found.index.documents(hits.map((hit) => hit.doc)), hits)
}

/** Pairs display data with its hits, leaving out documents removed since the search ran. */
function withDocumentNumbers(
  documents: (SearchDocumentDisplay | null)[],
  hits: readonly SearchHit[],
): FoundDocument[] {
  return documents.flatMap((document, i) => (document ? [{ ...document, doc: hits[i].doc }] : []))
}

/** The hits of one type (or all): a document number holds its type (`typeOfDocument`). */
export function hitsOfType(found: Found, type: SearchDocumentType | null): SearchHit[] {
  if (!type) return found.hits
  const { manifest } = found.index
  return found.hits.filter((hit) => typeOfDocument(manifest, hit.doc) === type)
}

/** What the header box and the results page's input have in common (a GET form's `q`). */
export const searchInputAttributes = {
  type: 'search',
  name: 'q',
  placeholder: '搜索新闻、展品、讲座、图书',
  autoComplete: 'off',
  spellCheck: false,
  enterKeyHint: 'search',
} as const
