/**
 * Builds the site search index (Node, at site build time): a term-partitioned index whose
 * postings carry, per (term, document), the score lunr would give that document for a one-term
 * query, quantised to a byte. The browser adds these up for the query's terms (searchIndex.ts),
 * which is how lunr.Index#query scores, so nothing else per document is needed at query time.
 *
 * Weights are lunr 2.3.9's BM25 computed here in one streaming pass over flat typed arrays rather
 * than through lunr.Builder, which took 98 s and 6 GB on the reference corpus (31,300 documents,
 * without even building its token set) against 7–8 s and under 1 GB here. The formula is lunr's to the last operation (Builder#add,
 * #calculateAverageFieldLengths, #createFieldVectors and lunr.idf, including its quirks: a term's
 * document frequency counts a document once per field holding the term, and each field score is
 * rounded to 3 decimals); tests/unit/searchIndex.test.ts checks every weight against the field
 * vectors of a real lunr.Builder and every ranking against lunr.Index#query.
 */
import fs from 'node:fs'
import path from 'node:path'
import {
  docFilePath,
  quantiseWeight,
  rangeLevels,
  termRange,
  weightLevels,
  searchDocumentTypes,
  searchFields,
  searchIndexVersion,
  shardPath,
  termShard,
  varintLength,
  writeVarint,
  type SearchDocumentDisplay,
  type SearchDocumentType,
  type SearchField,
  type SearchManifest,
} from './format'
import { indexTokens, tokenizerVersion } from './tokenize'

export interface SearchDocument {
  /** The document's id in the site content (unique per type). */
  id: string
  type: SearchDocumentType
  url: string
  /** Shown in results. */
  title: string
  /** The indexed text. Lectures put speaker and transcript in `body`; books authors, ISBN, subjects. */
  fields: Record<SearchField, string>
}

export interface SearchScoring {
  /** lunr field boosts: title ≫ summary > body. */
  fieldBoosts: Record<SearchField, number>
  /** lunr's BM25 parameters (its defaults). */
  k1: number
  b: number
}

export const defaultScoring: SearchScoring = { fieldBoosts: { title: 10, summary: 3, body: 1 }, k1: 1.2, b: 0.75 }

export interface BuildOptions {
  scoring?: SearchScoring
  /** Fixes the shard count (a power of two); by default it follows the index size. */
  shardCount?: number
  /** Aimed-for average shard size when the shard count follows the index size. */
  targetShardBytes?: number
  /** Most shards, whatever the index size. */
  maxShardCount?: number
  /**
   * Documents per display file (default 8): a query's top results are spread over the corpus, so
   * each usually costs one file; small files keep the first results page to ~10 KB gzipped.
   */
  docFileSize?: number
  /** Characters of summary (or body) kept as a result's lead. */
  leadLength?: number
}

/**
 * The lunr weight of every (term, document) pair, postings grouped by term: term t's documents are
 * `docs[offsets[t] … offsets[t + 1] - 1]` (ascending) with `weights` alongside. Documents are
 * numbered by their position in the input.
 */
export interface TermWeights {
  terms: string[]
  offsets: Uint32Array
  docs: Uint32Array
  weights: Float64Array
}

/** Int32 list that grows by doubling. */
class GrowableInts {
  values = new Int32Array(1 << 16)
  length = 0
  push(value: number) {
    if (this.length === this.values.length) {
      const bigger = new Int32Array(this.values.length * 2)
      bigger.set(this.values)
      this.values = bigger
    }
    this.values[this.length++] = value
  }
}

/**
 * lunr's score for each (term, document): the sum over fields of the field vector component
 * lunr.Builder#createFieldVectors computes, i.e. what lunr.Index#query adds up for the document
 * when the term is one clause (boost 1) of the query, before its division by the query vector's
 * length (the same for every document of a query).
 */
export function computeTermWeights(documents: readonly SearchDocument[], scoring: SearchScoring = defaultScoring): TermWeights {
  const fieldCount = searchFields.length
  const documentCount = documents.length
  const termIds = new Map<string, number>()
  const terms: string[] = []
  // Per (document, field), its distinct terms and their frequencies, in one flat list.
  const entryTerms = new GrowableInts()
  const entryFrequencies = new GrowableInts()
  const entryStarts = new Uint32Array(documentCount * fieldCount + 1)
  const fieldLengths = new Uint32Array(documentCount * fieldCount)
  // Per term: lunr's document frequency (documents × fields), documents holding it in any field,
  // the last document seen, and its frequency in the field being read. Grown with the vocabulary.
  let fieldFrequency = new Int32Array(1 << 16)
  let postingCount = new Int32Array(1 << 16)
  let lastDocument = new Int32Array(1 << 16).fill(-1)
  let frequency = new Int32Array(1 << 16)
  const grow = (array: Int32Array, fill: number) => {
    const bigger = new Int32Array(array.length * 2).fill(fill)
    bigger.set(array)
    return bigger
  }
  const fieldTerms: number[] = []

  for (let d = 0; d < documentCount; d++) {
    for (let f = 0; f < fieldCount; f++) {
      const tokens = indexTokens(documents[d].fields[searchFields[f]] ?? '')
      fieldLengths[d * fieldCount + f] = tokens.length
      fieldTerms.length = 0
      for (const token of tokens) {
        let id = termIds.get(token)
        if (id === undefined) {
          id = terms.length
          termIds.set(token, id)
          terms.push(token)
          if (id === frequency.length) {
            fieldFrequency = grow(fieldFrequency, 0)
            postingCount = grow(postingCount, 0)
            lastDocument = grow(lastDocument, -1)
            frequency = grow(frequency, 0)
          }
        }
        if (frequency[id]++ === 0) fieldTerms.push(id)
      }
      for (const id of fieldTerms) {
        entryTerms.push(id)
        entryFrequencies.push(frequency[id])
        frequency[id] = 0
        fieldFrequency[id]++
        if (lastDocument[id] !== d) {
          lastDocument[id] = d
          postingCount[id]++
        }
      }
      entryStarts[d * fieldCount + f + 1] = entryTerms.length
    }
  }

  // lunr.Builder#calculateAverageFieldLengths: every document counts, empty fields too.
  const averageFieldLength = new Float64Array(fieldCount)
  for (let f = 0; f < fieldCount; f++) {
    let sum = 0
    for (let d = 0; d < documentCount; d++) sum += fieldLengths[d * fieldCount + f]
    averageFieldLength[f] = sum / documentCount
  }
  // lunr.idf
  const idf = new Float64Array(terms.length)
  for (let t = 0; t < terms.length; t++) {
    const x = (documentCount - fieldFrequency[t] + 0.5) / (fieldFrequency[t] + 0.5)
    idf[t] = Math.log(1 + Math.abs(x))
  }

  const offsets = new Uint32Array(terms.length + 1)
  for (let t = 0; t < terms.length; t++) offsets[t + 1] = offsets[t] + postingCount[t]
  const docs = new Uint32Array(offsets[terms.length])
  const weights = new Float64Array(offsets[terms.length])
  const cursor = offsets.slice(0, terms.length)
  const sums = new Float64Array(terms.length)
  const touchedIn = new Int32Array(terms.length).fill(-1)
  const touched: number[] = []
  const { k1, b } = scoring
  const boosts = searchFields.map((field) => scoring.fieldBoosts[field] || 1)

  for (let d = 0; d < documentCount; d++) {
    touched.length = 0
    for (let f = 0; f < fieldCount; f++) {
      const fieldLength = fieldLengths[d * fieldCount + f]
      const start = entryStarts[d * fieldCount + f]
      const end = entryStarts[d * fieldCount + f + 1]
      for (let e = start; e < end; e++) {
        const t = entryTerms.values[e]
        const tf = entryFrequencies.values[e]
        // lunr.Builder#createFieldVectors, operation for operation (its document boost is 1).
        let score = (idf[t] * ((k1 + 1) * tf)) / (k1 * (1 - b + b * (fieldLength / averageFieldLength[f])) + tf)
        score *= boosts[f]
        if (touchedIn[t] !== d) {
          touchedIn[t] = d
          touched.push(t)
        }
        sums[t] += Math.round(score * 1000) / 1000
      }
    }
    for (const t of touched) {
      docs[cursor[t]] = d
      weights[cursor[t]] = sums[t]
      cursor[t]++
      sums[t] = 0
    }
  }
  return { terms, offsets, docs, weights }
}

/** `text` cut to `length` characters (code points), whitespace collapsed. */
function leadOf(text: string, length: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length <= length ? chars.join('') : `${chars.slice(0, length).join('')}…`
}

export interface BuiltSearchIndex {
  manifest: SearchManifest
  /** Shard id → bytes; every shard id below the shard count is present (some may be empty). */
  shards: Map<number, Uint8Array>
  /** Display file number → its documents. */
  docFiles: Map<number, SearchDocumentDisplay[]>
  /** The input documents in index order: index document n is `documents[n]`. */
  documents: SearchDocument[]
  stats: { termCount: number; postingCount: number; shardBytes: number; largestShardBytes: number; milliseconds: number }
}

const nextPowerOfTwo = (n: number) => 2 ** Math.ceil(Math.log2(Math.max(1, n)))

/**
 * Builds the index in memory. Documents are renumbered by type (news, exhibits, lectures,
 * books; input order within a type), so a type filter is an id range in the manifest.
 */
export function buildSearchIndex(input: readonly SearchDocument[], options: BuildOptions = {}): BuiltSearchIndex {
  const started = performance.now()
  const scoring = options.scoring ?? defaultScoring
  const docFileSize = options.docFileSize ?? 8
  const leadLength = options.leadLength ?? 120
  const typeOrder = (type: SearchDocumentType) => searchDocumentTypes.indexOf(type)
  const documents = input
    .map((document, position) => ({ document, position }))
    .sort((a, b) => typeOrder(a.document.type) - typeOrder(b.document.type) || a.position - b.position)
    .map(({ document }) => document)
  const types = Object.fromEntries(searchDocumentTypes.map((type) => [type, { first: 0, count: 0 }])) as SearchManifest['types']
  documents.forEach((document, n) => {
    const range = types[document.type]
    if (range === undefined) throw new Error(`search: unknown document type ${JSON.stringify(document.type)} (${document.id})`)
    if (range.count === 0) range.first = n
    range.count++
  })

  const { terms, offsets, docs, weights } = computeTermWeights(documents, scoring)
  let maxWeight = 0
  for (const weight of weights) if (weight > maxWeight) maxWeight = weight
  maxWeight = maxWeight || 1

  // Sizes first, so each shard is written into one exact buffer.
  const encoder = new TextEncoder()
  const termBytes = terms.map((term) => encoder.encode(term))
  const recordBytes = new Uint32Array(terms.length)
  const ranges = new Uint16Array(terms.length * 2)
  let totalBytes = 0
  for (let t = 0; t < terms.length; t++) {
    let size = varintLength(termBytes[t].length) + termBytes[t].length + varintLength(offsets[t + 1] - offsets[t]) + 4
    let previous = 0
    let min = Infinity
    let max = 0
    for (let p = offsets[t]; p < offsets[t + 1]; p++) {
      size += varintLength(docs[p] - previous) + 1
      previous = docs[p]
      min = Math.min(min, weights[p])
      max = Math.max(max, weights[p])
    }
    const [lo, hi] = termRange(min, max, maxWeight)
    ranges[2 * t] = lo
    ranges[2 * t + 1] = hi
    recordBytes[t] = size
    totalBytes += size
  }
  const shardCount =
    options.shardCount ?? Math.min(options.maxShardCount ?? 4096, nextPowerOfTwo(totalBytes / (options.targetShardBytes ?? 8192)))
  if (shardCount < 1 || (shardCount & (shardCount - 1)) !== 0) throw new Error(`search: shard count ${shardCount} is not a power of two`)

  const byShard: number[][] = Array.from({ length: shardCount }, () => [])
  terms.forEach((term, t) => byShard[termShard(term, shardCount)].push(t))
  const shards = new Map<number, Uint8Array>()
  let largestShardBytes = 0
  for (let shard = 0; shard < shardCount; shard++) {
    const members = byShard[shard].sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0))
    const bytes = new Uint8Array(members.reduce((sum, t) => sum + recordBytes[t], 0))
    let at = 0
    for (const t of members) {
      at = writeVarint(bytes, at, termBytes[t].length)
      bytes.set(termBytes[t], at)
      at += termBytes[t].length
      at = writeVarint(bytes, at, offsets[t + 1] - offsets[t])
      const lo = ranges[2 * t]
      const hi = ranges[2 * t + 1]
      bytes[at++] = lo >> 8
      bytes[at++] = lo & 0xff
      bytes[at++] = hi >> 8
      bytes[at++] = hi & 0xff
      let previous = 0
      for (let p = offsets[t]; p < offsets[t + 1]; p++) {
        at = writeVarint(bytes, at, docs[p] - previous)
        previous = docs[p]
        bytes[at++] = quantiseWeight(weights[p], lo, hi, maxWeight)
      }
    }
    shards.set(shard, bytes)
    largestShardBytes = Math.max(largestShardBytes, bytes.length)
  }

  const docFiles = new Map<number, SearchDocumentDisplay[]>()
  documents.forEach((document, n) => {
    const file = Math.floor(n / docFileSize)
    if (!docFiles.has(file)) docFiles.set(file, [])
    docFiles.get(file)!.push({
      id: document.id,
      type: document.type,
      url: document.url,
      title: document.title,
      lead: leadOf(document.fields.summary || document.fields.body, leadLength),
    })
  })

  const manifest: SearchManifest = {
    version: searchIndexVersion,
    tokenizerVersion,
    shardCount,
    docCount: documents.length,
    docFileSize,
    types,
    scoring: { fieldBoosts: { ...scoring.fieldBoosts }, k1: scoring.k1, b: scoring.b },
    quantisation: { kind: 'log-term-range', rangeLevels, levels: weightLevels, maxWeight },
  }
  return {
    manifest,
    shards,
    docFiles,
    documents,
    stats: {
      termCount: terms.length,
      postingCount: docs.length,
      shardBytes: totalBytes,
      largestShardBytes,
      milliseconds: performance.now() - started,
    },
  }
}

/**
 * Writes `manifest.json`, `shards/<hex>.bin` and `docs/<n>.json` into `dir` (created if missing).
 * `shards/` and `docs/` are emptied first, so no file of an earlier build lingers.
 */
export function writeIndex(index: BuiltSearchIndex, dir: string): void {
  for (const folder of ['shards', 'docs']) {
    fs.rmSync(path.join(dir, folder), { recursive: true, force: true })
    fs.mkdirSync(path.join(dir, folder), { recursive: true })
  }
  for (const [shard, bytes] of index.shards) fs.writeFileSync(path.join(dir, shardPath(shard, index.manifest.shardCount)), bytes)
  for (const [file, entries] of index.docFiles) fs.writeFileSync(path.join(dir, docFilePath(file)), JSON.stringify(entries))
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(index.manifest))
}
