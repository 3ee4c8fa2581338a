/**
 * The browser side of the site search: no lunr, no Node. Given the manifest (inlined in the page)
 * and a way to fetch the index's files, it tokenizes the query, fetches only the shards holding
 * the query's terms (each once), and ranks documents as lunr.Index#query would with one clause
 * per term, up to the one-byte rounding of the weights:
 *
 *   score(d) = Σ over query terms t of idf(t) · w(t, d) / √(number of query terms in the index)
 *
 * with w(t, d) the document-local weight of the posting (see buildIndex.ts) and idf lunr's, from
 * the term's document frequency (in its record) and the document count (in the manifest). When the
 * manifest names a delta file (changes not yet merged into the shards), it is fetched with the
 * first shards and applied over them: its postings replace the shard's, its df changes add.
 *
 * By default every term is required (lunr's `presence: REQUIRED`): a query's n-grams must all be
 * in the document, which for Chinese means the query's characters in sequence, not just some of
 * its characters somewhere. `match: 'any'` is lunr's default OR.
 */
import {
  docFilePath,
  inverseDocumentFrequency,
  readDeltaFile,
  readVarint,
  searchDocumentTypes,
  searchIndexVersion,
  shardPath,
  shardRecords,
  slotOfDocument,
  termShard,
  weightTable,
  type SearchDocumentDisplay,
  type SearchDocumentType,
  type SearchManifest,
  type TermDelta,
} from './format'
import { maxQueryTerms, queryTokens, tokenizerVersion } from './tokenize'

/** Where the index's files come from: paths are relative to the index folder (`shards/0a3.bin`). */
export interface SearchSource {
  bytes(path: string): Promise<ArrayBuffer | Uint8Array>
  json(path: string): Promise<unknown>
}

/** Fetches index files over HTTP from `baseUrl` (ending in `/`), e.g. `/search/`. */
export function httpSearchSource(baseUrl: string, fetcher: typeof fetch = fetch): SearchSource {
  const get = async (path: string) => {
    const response = await fetcher(baseUrl + path)
    if (!response.ok) throw new Error(`search: ${baseUrl + path} answered ${response.status}`)
    return response
  }
  return {
    bytes: async (path) => (await get(path)).arrayBuffer(),
    json: async (path) => (await get(path)).json(),
  }
}

export interface SearchOptions {
  /** Results returned (ranked); `total` counts them all. Default 10. */
  limit?: number
  /** Only documents of these types. */
  types?: readonly SearchDocumentType[]
  /** 'all' (default): every query term required. 'any': lunr's default, any term matches. */
  match?: 'all' | 'any'
}

export interface SearchHit {
  /** Document number in the index (slot × 4 + type index); `documents()` turns it into display data. */
  doc: number
  score: number
}

export interface SearchResults {
  /** The terms searched (after tokenizing and capping the query). */
  terms: string[]
  /** Documents matching, before `limit` (and within `types`). */
  total: number
  /** Documents matching, by type, whatever `types` asks for (for a type filter's counts). */
  counts: Record<SearchDocumentType, number>
  /** Ranked, best first; equal scores by document number. */
  hits: SearchHit[]
  /** Bytes of shards fetched for this search (0 when all were cached). */
  fetchedBytes: number
}

interface Shard {
  bytes: Uint8Array
  /** Term → offset of its posting count. */
  terms: Map<string, number>
}

function parseShard(bytes: Uint8Array): Shard {
  const terms = new Map<string, number>()
  for (const { term, start } of shardRecords(bytes)) terms.set(term, start)
  return { bytes, terms }
}

/** Calls `visit` with each posting (document number, weight byte) of the record at `start`. */
function forEachPosting(
  bytes: Uint8Array,
  start: number,
  visit: (doc: number, byte: number) => void,
): void {
  const at = { offset: start }
  const postings = readVarint(bytes, at)
  readVarint(bytes, at) // df
  let doc = 0
  for (let p = 0; p < postings; p++) {
    doc += readVarint(bytes, at)
    visit(doc, bytes[at.offset++])
  }
}

/**
 * Whether a shard's record (at `start`, absent: no record) already holds every posting a delta
 * changes. A delta's postings always differ from the shards it was made against, so a record
 * holding them all has had the delta merged in (the page fetched the delta before the merge, or
 * the publisher stopped mid-merge): applying it again would count its df twice.
 */
function holdsChange(bytes: Uint8Array, start: number | undefined, change: TermDelta): boolean {
  if (change.set.size + change.removed.size === 0) return false
  const held = new Map<number, number>()
  if (start !== undefined)
    forEachPosting(bytes, start, (doc, byte) => {
      if (change.set.has(doc) || change.removed.has(doc)) held.set(doc, byte)
    })
  for (const [doc, byte] of change.set) if (held.get(doc) !== byte) return false
  for (const doc of change.removed) if (held.has(doc)) return false
  return true
}

/** Best first; equal scores by document number. */
const ranked = (a: SearchHit, b: SearchHit) => b.score - a.score || a.doc - b.doc

/** Inserts `hit` into `top` (ranked, at most `keep` long) if it ranks among the best `keep`. */
function insertRanked(top: SearchHit[], hit: SearchHit, keep: number): void {
  if (keep === 0 || (top.length === keep && ranked(hit, top[keep - 1]) >= 0)) return
  let i = top.length < keep ? top.push(hit) - 1 : keep - 1
  while (i > 0 && ranked(hit, top[i - 1]) < 0) {
    top[i] = top[i - 1]
    i--
  }
  top[i] = hit
}

/** The type of document number `doc`: its low two bits index the manifest's types. */
export function typeOfDocument(manifest: SearchManifest, doc: number): SearchDocumentType {
  const type = manifest.types[doc & 3]
  if (type === undefined || slotOfDocument(doc) >= manifest.slotCount)
    throw new Error(`search: document ${doc} is outside the index`)
  return type
}

export interface SearchIndex {
  manifest: SearchManifest
  search(query: string, options?: SearchOptions): Promise<SearchResults>
  /** Display data of documents (fetches the few small files holding them), in the given order. */
  documents(docs: readonly number[]): Promise<(SearchDocumentDisplay | null)[]>
}

export function openSearchIndex(manifest: SearchManifest, source: SearchSource): SearchIndex {
  if (manifest.version !== searchIndexVersion || manifest.tokenizerVersion !== tokenizerVersion) {
    throw new Error(
      `search: index format ${manifest.version}/${manifest.tokenizerVersion}, reader ${searchIndexVersion}/${tokenizerVersion}: rebuild the index`,
    )
  }
  const weightOf = weightTable(manifest.quantisation)
  const shards = new Map<number, Promise<Shard>>()
  let delta: Promise<Map<string, TermDelta>> | null = null
  const docFiles = new Map<number, Promise<(SearchDocumentDisplay | null)[]>>()

  /** The shard, fetched once; a failed fetch is forgotten so a later search retries it. */
  function shard(id: number, fetched: { bytes: number }): Promise<Shard> {
    let pending = shards.get(id)
    if (!pending) {
      pending = source.bytes(shardPath(id, manifest.shardCount)).then((data) => {
        const bytes = data instanceof Uint8Array ? data : new Uint8Array(data)
        fetched.bytes += bytes.length
        return parseShard(bytes)
      })
      pending.catch(() => shards.delete(id))
      shards.set(id, pending)
    }
    return pending
  }

  /** The delta's term changes (none without a delta), fetched once; a failed fetch is retried. */
  function deltaChanges(fetched: { bytes: number }): Promise<Map<string, TermDelta>> {
    const file = manifest.delta
    if (!file) return Promise.resolve(new Map())
    if (!delta) {
      delta = source.bytes(file).then((data) => {
        const bytes = data instanceof Uint8Array ? data : new Uint8Array(data)
        fetched.bytes += bytes.length
        return readDeltaFile(bytes)
      })
      delta.catch(() => (delta = null))
    }
    return delta
  }

  async function search(query: string, options: SearchOptions = {}): Promise<SearchResults> {
    const { limit = 10, types, match = 'all' } = options
    const terms = queryTokens(query, maxQueryTerms)
    const fetched = { bytes: 0 }
    const counts = Object.fromEntries(searchDocumentTypes.map((type) => [type, 0])) as Record<
      SearchDocumentType,
      number
    >
    if (terms.length === 0) return { terms, total: 0, counts, hits: [], fetchedBytes: 0 }
    const [loaded, changes] = await Promise.all([
      Promise.all(terms.map((term) => shard(termShard(term, manifest.shardCount), fetched))),
      deltaChanges(fetched),
    ])
    // The delta's change of each term, unless its shard already holds it (merged since the
    // page fetched the delta).
    const termChanges = terms.map((term, i) => {
      const change = changes.get(term)
      return change && !holdsChange(loaded[i].bytes, loaded[i].terms.get(term), change)
        ? change
        : undefined
    })
    // Each term's df: its record's, plus the delta's change.
    const dfs = terms.map((term, i) => {
      const start = loaded[i].terms.get(term)
      let df = termChanges[i]?.df ?? 0
      if (start !== undefined) {
        const at = { offset: start }
        readVarint(loaded[i].bytes, at)
        df += readVarint(loaded[i].bytes, at)
      }
      return df
    })
    const present = dfs.map((df) => df > 0)
    const presentCount = present.filter(Boolean).length
    // lunr: a required term that is not in the index matches nothing.
    if (presentCount === 0 || (match === 'all' && presentCount < terms.length)) {
      return { terms, total: 0, counts, hits: [], fetchedBytes: fetched.bytes }
    }
    // Per slot (one document each): its score so far and how many query terms it holds.
    const sums = new Float64Array(manifest.slotCount)
    const hitCounts = new Uint8Array(manifest.slotCount)
    const touched: number[] = []
    terms.forEach((term, i) => {
      if (!present[i]) return
      const idf = inverseDocumentFrequency(dfs[i], manifest.docCount)
      const count = (doc: number, byte: number) => {
        const slot = slotOfDocument(doc)
        if (hitCounts[slot] === 0) touched.push(doc)
        hitCounts[slot]++
        sums[slot] += idf * weightOf[byte]
      }
      const change = termChanges[i]
      const start = loaded[i].terms.get(term)
      if (start !== undefined)
        forEachPosting(loaded[i].bytes, start, (doc, byte) => {
          if (!change || (!change.set.has(doc) && !change.removed.has(doc))) count(doc, byte)
        })
      if (change) for (const [doc, byte] of change.set) count(doc, byte)
    })

    const wanted = types ? new Set(types) : null
    const norm = Math.sqrt(presentCount)
    // A few results (the header box) are picked as they come; many are sorted once at the end.
    const keep = Math.max(0, limit)
    const pick = keep <= 64
    const hits: SearchHit[] = []
    let total = 0
    for (const doc of touched) {
      const slot = slotOfDocument(doc)
      if (match === 'all' && hitCounts[slot] < terms.length) continue
      const type = typeOfDocument(manifest, doc)
      counts[type]++
      if (wanted && !wanted.has(type)) continue
      total++
      if (pick) insertRanked(hits, { doc, score: sums[slot] / norm }, keep)
      else hits.push({ doc, score: sums[slot] / norm })
    }
    if (!pick) hits.sort(ranked)
    return {
      terms,
      total,
      counts,
      hits: pick ? hits : hits.slice(0, keep),
      fetchedBytes: fetched.bytes,
    }
  }

  function docFile(file: number): Promise<(SearchDocumentDisplay | null)[]> {
    let pending = docFiles.get(file)
    if (!pending) {
      pending = source.json(docFilePath(file)) as Promise<(SearchDocumentDisplay | null)[]>
      pending.catch(() => docFiles.delete(file))
      docFiles.set(file, pending)
    }
    return pending
  }

  /**
   * Display data of each document, or null for a slot emptied since its shard was fetched (the
   * site was updated between the two requests): callers leave those out.
   */
  async function documents(docs: readonly number[]): Promise<(SearchDocumentDisplay | null)[]> {
    const size = manifest.docFileSize
    const slots = docs.map(slotOfDocument)
    const files = await Promise.all(slots.map((slot) => docFile(Math.floor(slot / size))))
    return docs.map((doc, i) => {
      const entry = files[i][slots[i] % size]
      return entry && entry.type === manifest.types[doc & 3] ? entry : null
    })
  }

  return { manifest, search, documents }
}
