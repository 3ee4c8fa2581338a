/**
 * The search index's file format, shared by the builder and the updater (Node) and the reader
 * (browser): the manifest, document numbers, where a term's shard lives, the varint coding of
 * postings and the one-byte weights. See README.md in this folder for the layout.
 */

/** 2: document-local weights (idf at query time), fixed quantisation scale, stable document numbers. */
export const searchIndexVersion = 2

/** The document types; a document's number holds the type's index in its low two bits. */
export const searchDocumentTypes = ['news', 'exhibit', 'lecture', 'book'] as const
export type SearchDocumentType = (typeof searchDocumentTypes)[number]

/** The indexed fields, in the order lunr is given them. */
export const searchFields = ['title', 'summary', 'body'] as const
export type SearchField = (typeof searchFields)[number]

/** What a result shows: kept in small JSON files, fetched only for the results on screen. */
export interface SearchDocumentDisplay {
  /** The document's id in the site content. */
  id: string
  type: SearchDocumentType
  url: string
  title: string
  /** The first characters of the summary (or body), for the result snippet. */
  lead: string
  /**
   * A lecture's timed transcript (Podcasting 2.0 JSON, `{ segments: [{ startTime, body }] }`):
   * a hit inside it links to its time (`#t=`). Absent for everything else.
   */
  moments?: string
}

/**
 * How a (term, document) weight is computed: lunr's BM25 (field boosts, k1, b), except that a
 * field's length is compared with a fixed reference length instead of the corpus average, so a
 * document's weights depend on the document alone and an index can be updated one document at a
 * time.
 */
export interface SearchScoring {
  /** lunr field boosts: title ≫ summary > body. */
  fieldBoosts: Record<SearchField, number>
  /** lunr's BM25 parameters (its defaults). */
  k1: number
  b: number
  /** L_f in tfnorm: the field length (in index tokens) whose weights BM25 leaves unnormalised. */
  referenceFieldLengths: Record<SearchField, number>
}

/** Small enough to inline in the search page (a few hundred bytes). */
export interface SearchManifest {
  version: typeof searchIndexVersion
  /** `tokenizerVersion` of the tokenizer that built the index; the reader must use the same. */
  tokenizerVersion: number
  /** A power of two; a term lives in shard `termShard(term, shardCount)`. */
  shardCount: number
  /** Documents in the index: lunr's N in the idf. */
  docCount: number
  /**
   * Slots `0 … slotCount − 1` may hold a document (some may be free): document numbers are below
   * `4 × slotCount`, and the reader's per-document arrays have `slotCount` entries.
   */
  slotCount: number
  /** Slots per display file: slot s is entry `s % docFileSize` of file `s / docFileSize` (null when free). */
  docFileSize: number
  /** Characters of summary (or body) in a display entry's lead (for the updater). */
  leadLength: number
  /** Document number n = slot × 4 + type index: its type is `types[n & 3]`. */
  types: readonly SearchDocumentType[]
  /** The weights' formula (for the record and the updater; the reader needs none of it). */
  scoring: SearchScoring
  /** See `quantiseWeight` and `weightTable`. */
  quantisation: SearchQuantisation
  /**
   * The delta file (`delta/<hash>.bin`): changes published but not yet merged into the shards,
   * which the reader applies over them (see `readDeltaFile`). Absent when the shards are current.
   */
  delta?: string
}

/**
 * A document's number: its slot (stable while the document is in the index) and its type, so a
 * type filter is `number & 3` and a display entry is found by `number >> 2`.
 */
export function documentNumber(slot: number, type: SearchDocumentType): number {
  const index = searchDocumentTypes.indexOf(type)
  if (index < 0) throw new Error(`search: unknown document type ${JSON.stringify(type)}`)
  return slot * 4 + index
}

/** The slot of document number `doc`. */
export const slotOfDocument = (doc: number): number => Math.floor(doc / 4)

/** A document's key in the index (and in `SearchIndexUpdater#apply`): `type:id`. */
export const documentKey = (document: { type: string; id: string }): string =>
  `${document.type}:${document.id}`

/**
 * FNV-1a over the term's UTF-16 code units, masked to the shard count (a power of two). Cheap,
 * dependency-free and identical in Node and browsers.
 */
export function termShard(term: string, shardCount: number): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) & (shardCount - 1)
}

/** `shards/0a3.bin`: lower-case hex, as many digits as the largest shard id needs. */
export function shardPath(shard: number, shardCount: number): string {
  const digits = Math.max(1, (shardCount - 1).toString(16).length)
  return `shards/${shard.toString(16).padStart(digits, '0')}.bin`
}

export function docFilePath(file: number): string {
  return `docs/${file}.json`
}

/** The order of terms in a shard: by UTF-16 code units. */
export const compareTerms = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * One byte per posting on a fixed log scale: `q = round(255 · ln(1 + w/scale) / ln(1 + maxWeight/scale))`,
 * read back as `scale · expm1(q · ln(1 + maxWeight/scale) / 255)`. `maxWeight` is the bound of a
 * document-local weight, Σ boosts × (k1 + 1), so the scale depends on the scoring settings only,
 * never on the documents: a weight's byte is the same whatever else is in the index.
 */
export interface SearchQuantisation {
  kind: 'log-fixed'
  levels: typeof weightLevels
  maxWeight: number
  scale: number
}
export const weightLevels = 255

/** `scale` of the log scale: measured, see README.md (Weight quantisation). */
export const weightScale = 1

/** The quantisation of an index scored with `scoring`. */
export function quantisationFor(scoring: SearchScoring): SearchQuantisation {
  const boosts = searchFields.reduce((sum, field) => sum + (scoring.fieldBoosts[field] || 1), 0)
  return {
    kind: 'log-fixed',
    levels: weightLevels,
    maxWeight: boosts * (scoring.k1 + 1),
    scale: weightScale,
  }
}

/** The posting byte of `weight`. */
export function quantiseWeight(weight: number, quantisation: SearchQuantisation): number {
  const { levels, maxWeight, scale } = quantisation
  const q = Math.round((levels * Math.log1p(weight / scale)) / Math.log1p(maxWeight / scale))
  return Math.min(levels, Math.max(0, q))
}

/** The weights the 256 posting bytes stand for. */
export function weightTable(quantisation: SearchQuantisation): Float64Array {
  const { levels, maxWeight, scale } = quantisation
  const table = new Float64Array(levels + 1)
  const top = Math.log1p(maxWeight / scale)
  for (let q = 0; q <= levels; q++) table[q] = scale * Math.expm1((top * q) / levels)
  return table
}

/**
 * lunr.idf: `ln(1 + |(N − df + 0.5) / (df + 0.5)|)`, with lunr's document frequency (a document
 * counts once per field holding the term, so df may exceed N).
 */
export function inverseDocumentFrequency(df: number, documentCount: number): number {
  const x = (documentCount - df + 0.5) / (df + 0.5)
  return Math.log(1 + Math.abs(x))
}

/** Unsigned LEB128: 7 bits a byte, low bits first, high bit set on all but the last. */
export function writeVarint(out: Uint8Array, offset: number, value: number): number {
  while (value >= 0x80) {
    out[offset++] = (value & 0x7f) | 0x80
    value >>>= 7
  }
  out[offset++] = value
  return offset
}

export function varintLength(value: number): number {
  let length = 1
  while (value >= 0x80) {
    value >>>= 7
    length++
  }
  return length
}

/** Reads a varint at `at.offset` and moves past it. */
export function readVarint(bytes: Uint8Array, at: { offset: number }): number {
  let value = 0
  let shift = 0
  let byte: number
  do {
    byte = bytes[at.offset++]
    value += (byte & 0x7f) * 2 ** shift
    shift += 7
  } while (byte & 0x80)
  return value
}

/**
 * A shard's term records, in order: the term, where its record begins (`record`, at the term's
 * length) and where its posting count begins (`start`, after the term), and where it ends. Record:
 * varint term length, the term in UTF-8, varint posting count n, varint df, then n × (varint
 * document-number delta, 1 weight byte).
 */
export function* shardRecords(
  bytes: Uint8Array,
): Generator<{ term: string; record: number; start: number; end: number }> {
  const decoder = new TextDecoder()
  const at = { offset: 0 }
  while (at.offset < bytes.length) {
    const record = at.offset
    const length = readVarint(bytes, at)
    const term = decoder.decode(bytes.subarray(at.offset, at.offset + length))
    at.offset += length
    const start = at.offset
    const count = readVarint(bytes, at)
    readVarint(bytes, at) // df
    let offset = at.offset
    for (let p = 0; p < count; p++) {
      while (bytes[offset++] & 0x80);
      offset++
    }
    at.offset = offset
    yield { term, record, start, end: offset }
  }
}

/** What the delta file says about one term: its df change, and postings set or removed. */
export interface TermDelta {
  /** Added to the df in the term's shard record. */
  df: number
  /** Document number → weight byte: replaces the shard's posting for that document, or adds one. */
  set: Map<number, number>
  /** Documents whose posting in the shard no longer counts. */
  removed: Set<number>
}

/**
 * The delta file: records in term order, each the term (varint length, UTF-8), varint count of
 * postings set s, varint count of postings removed r, zigzag varint df change, then s × (varint
 * document-number delta, weight byte) and r × (varint document-number delta), numbers ascending.
 */
export function readDeltaFile(bytes: Uint8Array): Map<string, TermDelta> {
  const decoder = new TextDecoder()
  const at = { offset: 0 }
  const terms = new Map<string, TermDelta>()
  while (at.offset < bytes.length) {
    const length = readVarint(bytes, at)
    const term = decoder.decode(bytes.subarray(at.offset, at.offset + length))
    at.offset += length
    const setCount = readVarint(bytes, at)
    const removedCount = readVarint(bytes, at)
    const zigzag = readVarint(bytes, at)
    const entry: TermDelta = {
      df: zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2,
      set: new Map(),
      removed: new Set(),
    }
    let number = 0
    for (let p = 0; p < setCount; p++) {
      number += readVarint(bytes, at)
      entry.set.set(number, bytes[at.offset++])
    }
    number = 0
    for (let p = 0; p < removedCount; p++) {
      number += readVarint(bytes, at)
      entry.removed.add(number)
    }
    terms.set(term, entry)
  }
  return terms
}
