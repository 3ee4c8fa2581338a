/**
 * Builds the site search index (Node, at site build time): a term-partitioned index whose
 * postings carry, per (term, document), a document-local weight quantised to a byte, and whose
 * term records carry the term's document frequency. The browser (searchIndex.ts) multiplies each
 * weight by lunr's idf of the term, computed from that frequency and the document count in the
 * manifest, and adds them up as lunr.Index#query does.
 *
 * The weight is lunr 2.3.9's BM25 field score without its idf (Builder#createFieldVectors:
 * boost × (k1 + 1)·tf / (k1·(1 − b + b·len/L) + tf), summed over the fields), with one change: L,
 * the length a field is compared with, is a fixed reference length per field
 * (`defaultScoring.referenceFieldLengths`) instead of the corpus average. Nothing in a posting
 * then depends on the other documents, so the index can be updated one document at a time
 * (updateIndex.ts) and stay the index a full build of the same documents makes. lunr's document
 * frequency quirk is kept (a document counts once per field holding the term). Its rounding of
 * each field score to 3 decimals is not: it rounds idf × score, and idf is applied by the reader.
 * tests/unit/searchIndex.test.ts checks every weight against the field vectors of a real
 * lunr.Builder whose average field lengths are pinned to the reference lengths, and the
 * rankings against lunr.Index#query.
 *
 * Computed in one streaming pass over flat typed arrays rather than through lunr.Builder, which
 * took 98 s and 6 GB on the reference corpus (31,300 documents) against a few seconds here.
 */
import fs from 'node:fs'
import path from 'node:path'
import {
  docFilePath,
  compareTerms,
  documentKey,
  documentNumber,
  quantisationFor,
  quantiseWeight,
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
  type SearchScoring,
} from './format'
import { indexTokens, tokenizerVersion } from './tokenize'

export type { SearchScoring } from './format'

export interface SearchDocument {
  /** The document's id in the site content (unique per type). */
  id: string
  type: SearchDocumentType
  url: string
  /** Shown in results. */
  title: string
  /** The indexed text. Lectures put speaker and transcript in `body`; books authors, ISBN, subjects. */
  fields: Record<SearchField, string>
  /** A lecture's timed transcript (JSON), where the browser finds the moment a query occurs. */
  moments?: string
}

/**
 * lunr's defaults (boosts title 10, summary 3, body 1; k1 1.2, b 0.75) and the reference field
 * lengths, in index tokens (a field of c characters in one run has about 3c tokens: unigrams,
 * bigrams, trigrams). Measured averages: demo corpus 27 / 119 / 351, reference corpus 42 / 135 /
 * 427 (books, two thirds of either corpus, pull them down; news average 73 / 179 / 896). Round
 * values near the reference corpus averages, so a corpus like it ranks as lunr would with its
 * averages. See README.md (Scoring).
 */
export const defaultScoring: SearchScoring = {
  fieldBoosts: { title: 10, summary: 3, body: 1 },
  k1: 1.2,
  b: 0.75,
  referenceFieldLengths: { title: 40, summary: 130, body: 400 },
}

export interface BuildOptions {
  scoring?: SearchScoring
  /** Fixes the shard count (a power of two); by default it follows the index size. */
  shardCount?: number
  /** Aimed-for average shard size when the shard count follows the index size. */
  targetShardBytes?: number
  /** Most shards, whatever the index size. */
  maxShardCount?: number
  /**
   * Slots per display file (default 8): a query's top results are spread over the corpus, so
   * each usually costs one file; small files keep the first results page to ~10 KB gzipped.
   */
  docFileSize?: number
  /** Characters of summary (or body) kept as a result's lead. */
  leadLength?: number
}

/** The scoring settings as numbers per field, in `searchFields` order. */
interface FieldScoring {
  boosts: number[]
  lengths: number[]
  k1: number
  b: number
}

function fieldScoring(scoring: SearchScoring): FieldScoring {
  return {
    boosts: searchFields.map((field) => scoring.fieldBoosts[field] || 1),
    lengths: searchFields.map((field) => {
      const length = scoring.referenceFieldLengths[field]
      if (!(length > 0)) throw new Error(`search: reference length of ${field} must be positive`)
      return length
    }),
    k1: scoring.k1,
    b: scoring.b,
  }
}

/**
 * A field's share of w(t, d): lunr.Builder#createFieldVectors' score, operation for operation,
 * without idf (the reader applies it) and with the reference length for the average.
 */
function fieldWeight(s: FieldScoring, f: number, tf: number, fieldLength: number): number {
  let score = ((s.k1 + 1) * tf) / (s.k1 * (1 - s.b + s.b * (fieldLength / s.lengths[f])) + tf)
  score *= s.boosts[f]
  return score
}

/**
 * Every (term, document) weight w(t, d) = Σ over fields of boost × BM25 tfnorm, postings grouped
 * by term: term t's documents are `docs[offsets[t] … offsets[t + 1] - 1]` (positions in the input,
 * ascending) with `weights` alongside; `df[t]` is lunr's document frequency (documents × fields
 * holding the term).
 */
export interface TermWeights {
  terms: string[]
  df: Uint32Array
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

export function computeTermWeights(
  documents: readonly SearchDocument[],
  scoring: SearchScoring = defaultScoring,
): TermWeights {
  const s = fieldScoring(scoring)
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

  const offsets = new Uint32Array(terms.length + 1)
  for (let t = 0; t < terms.length; t++) offsets[t + 1] = offsets[t] + postingCount[t]
  const docs = new Uint32Array(offsets[terms.length])
  const weights = new Float64Array(offsets[terms.length])
  const cursor = offsets.slice(0, terms.length)
  const sums = new Float64Array(terms.length)
  const touchedIn = new Int32Array(terms.length).fill(-1)
  const touched: number[] = []

  for (let d = 0; d < documentCount; d++) {
    touched.length = 0
    for (let f = 0; f < fieldCount; f++) {
      const fieldLength = fieldLengths[d * fieldCount + f]
      const start = entryStarts[d * fieldCount + f]
      const end = entryStarts[d * fieldCount + f + 1]
      for (let e = start; e < end; e++) {
        const t = entryTerms.values[e]
        if (touchedIn[t] !== d) {
          touchedIn[t] = d
          touched.push(t)
        }
        sums[t] += fieldWeight(s, f, entryFrequencies.values[e], fieldLength)
      }
    }
    for (const t of touched) {
      docs[cursor[t]] = d
      weights[cursor[t]] = sums[t]
      cursor[t]++
      sums[t] = 0
    }
  }
  return {
    terms,
    df: Uint32Array.from(fieldFrequency.subarray(0, terms.length)),
    offsets,
    docs,
    weights,
  }
}

/** One document's terms: w(t, d), and how many of its fields hold t (its share of lunr's df). */
export interface DocumentTermWeight {
  weight: number
  fields: number
}

/** `computeTermWeights` for one document (the same arithmetic, so the same weights). */
export function documentTermWeights(
  document: SearchDocument,
  scoring: SearchScoring = defaultScoring,
): Map<string, DocumentTermWeight> {
  const s = fieldScoring(scoring)
  const result = new Map<string, DocumentTermWeight>()
  const frequencies = new Map<string, number>()
  searchFields.forEach((field, f) => {
    const tokens = indexTokens(document.fields[field] ?? '')
    frequencies.clear()
    for (const token of tokens) frequencies.set(token, (frequencies.get(token) ?? 0) + 1)
    for (const [term, tf] of frequencies) {
      const entry = result.get(term)
      const weight = fieldWeight(s, f, tf, tokens.length)
      if (entry) {
        entry.weight += weight
        entry.fields++
      } else {
        result.set(term, { weight, fields: 1 })
      }
    }
  })
  return result
}

/** `text` cut to `length` characters (code points), whitespace collapsed. */
function leadOf(text: string, length: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length <= length ? chars.join('') : `${chars.slice(0, length).join('')}…`
}

/** What the display files hold for a document. */
export function displayOf(document: SearchDocument, leadLength = 120): SearchDocumentDisplay {
  return {
    id: document.id,
    type: document.type,
    url: document.url,
    title: document.title,
    lead: leadOf(document.fields.summary || document.fields.body, leadLength),
    ...(document.moments ? { moments: document.moments } : {}),
  }
}

export interface BuiltSearchIndex {
  manifest: SearchManifest
  /** Shard id → bytes; every shard id below the shard count is present (some may be empty). */
  shards: Map<number, Uint8Array>
  /** Display file number → its slots' documents (null for a free slot; a full build has none). */
  docFiles: Map<number, (SearchDocumentDisplay | null)[]>
  /** The input documents, in slot order: `documents[s]` has slot s, number `documentNumber(s, type)`. */
  documents: SearchDocument[]
  stats: {
    termCount: number
    postingCount: number
    shardBytes: number
    largestShardBytes: number
    milliseconds: number
  }
}

const nextPowerOfTwo = (n: number) => 2 ** Math.ceil(Math.log2(Math.max(1, n)))

/** Checks the types and that no two documents share a key (`type:id`), which the updater relies on. */
function checkDocuments(documents: readonly SearchDocument[]): void {
  const keys = new Set<string>()
  for (const document of documents) {
    if (!searchDocumentTypes.includes(document.type)) {
      throw new Error(
        `search: unknown document type ${JSON.stringify(document.type)} (${document.id})`,
      )
    }
    const key = documentKey(document)
    if (keys.has(key)) throw new Error(`search: two documents are ${key}`)
    keys.add(key)
  }
}

/**
 * Builds the index in memory. Document slots are the input positions (0 … n − 1); a document's
 * number is `slot × 4 + type index`, so a type filter is `number & 3`.
 */
export function buildSearchIndex(
  input: readonly SearchDocument[],
  options: BuildOptions = {},
): BuiltSearchIndex {
  const started = performance.now()
  const scoring = options.scoring ?? defaultScoring
  const docFileSize = options.docFileSize ?? 8
  const leadLength = options.leadLength ?? 120
  const documents = [...input]
  checkDocuments(documents)
  const numbers = Uint32Array.from(documents, (document, slot) =>
    documentNumber(slot, document.type),
  )
  const quantisation = quantisationFor(scoring)

  const { terms, df, offsets, docs, weights } = computeTermWeights(documents, scoring)

  // Sizes first, so each shard is written into one exact buffer.
  const encoder = new TextEncoder()
  const termBytes = terms.map((term) => encoder.encode(term))
  const recordBytes = new Uint32Array(terms.length)
  let totalBytes = 0
  for (let t = 0; t < terms.length; t++) {
    let size =
      varintLength(termBytes[t].length) +
      termBytes[t].length +
      varintLength(offsets[t + 1] - offsets[t]) +
      varintLength(df[t])
    let previous = 0
    for (let p = offsets[t]; p < offsets[t + 1]; p++) {
      size += varintLength(numbers[docs[p]] - previous) + 1
      previous = numbers[docs[p]]
    }
    recordBytes[t] = size
    totalBytes += size
  }
  const shardCount =
    options.shardCount ??
    Math.min(
      options.maxShardCount ?? 4096,
      nextPowerOfTwo(totalBytes / (options.targetShardBytes ?? 8192)),
    )
  if (shardCount < 1 || (shardCount & (shardCount - 1)) !== 0)
    throw new Error(`search: shard count ${shardCount} is not a power of two`)

  const byShard: number[][] = Array.from({ length: shardCount }, () => [])
  terms.forEach((term, t) => byShard[termShard(term, shardCount)].push(t))
  const shards = new Map<number, Uint8Array>()
  let largestShardBytes = 0
  for (let shard = 0; shard < shardCount; shard++) {
    const members = byShard[shard].sort((a, b) => compareTerms(terms[a], terms[b]))
    const bytes = new Uint8Array(members.reduce((sum, t) => sum + recordBytes[t], 0))
    let at = 0
    for (const t of members) {
      at = writeVarint(bytes, at, termBytes[t].length)
      bytes.set(termBytes[t], at)
      at += termBytes[t].length
      at = writeVarint(bytes, at, offsets[t + 1] - offsets[t])
      at = writeVarint(bytes, at, df[t])
      let previous = 0
      for (let p = offsets[t]; p < offsets[t + 1]; p++) {
        const number = numbers[docs[p]]
        at = writeVarint(bytes, at, number - previous)
        previous = number
        bytes[at++] = quantiseWeight(weights[p], quantisation)
      }
    }
    shards.set(shard, bytes)
    largestShardBytes = Math.max(largestShardBytes, bytes.length)
  }

  const docFiles = new Map<number, (SearchDocumentDisplay | null)[]>()
  documents.forEach((document, slot) => {
    const file = Math.floor(slot / docFileSize)
    if (!docFiles.has(file)) docFiles.set(file, [])
    docFiles.get(file)!.push(displayOf(document, leadLength))
  })

  const manifest: SearchManifest = {
    version: searchIndexVersion,
    tokenizerVersion,
    shardCount,
    docCount: documents.length,
    slotCount: documents.length,
    docFileSize,
    leadLength,
    types: [...searchDocumentTypes],
    scoring: {
      fieldBoosts: { ...scoring.fieldBoosts },
      k1: scoring.k1,
      b: scoring.b,
      referenceFieldLengths: { ...scoring.referenceFieldLengths },
    },
    quantisation,
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
  for (const group of indexFiles(index))
    for (const [file, data] of group) fs.writeFileSync(path.join(dir, file), data)
}

/**
 * The index's files by path relative to its folder, in the order a reader-safe writer puts them
 * in place: display files, then shards, then the manifest that points at them.
 */
export function indexFiles(index: BuiltSearchIndex): [string, string | Uint8Array][][] {
  return [
    [...index.docFiles].map(([file, entries]): [string, string] => [
      docFilePath(file),
      JSON.stringify(entries),
    ]),
    [...index.shards].map(([shard, bytes]): [string, Uint8Array] => [
      shardPath(shard, index.manifest.shardCount),
      bytes,
    ]),
    [['manifest.json', JSON.stringify(index.manifest)]],
  ]
}
