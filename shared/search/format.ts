/**
 * The search index's file format, shared by the builder (Node) and the reader (browser): the
 * manifest, where a term's shard lives, the varint coding of postings and the one-byte weights.
 * See README.md in this folder for the layout.
 */

export const searchIndexVersion = 1

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
}

/** Small enough to inline in the search page (a few hundred bytes). */
export interface SearchManifest {
  version: typeof searchIndexVersion
  /** `tokenizerVersion` of the tokenizer that built the index; the reader must use the same. */
  tokenizerVersion: number
  /** A power of two; a term lives in shard `termShard(term, shardCount)`. */
  shardCount: number
  docCount: number
  /** Documents per display file: document n is entry `n % docFileSize` of file `n / docFileSize`. */
  docFileSize: number
  /** Documents are numbered by type: ids `first … first + count - 1` are of that type. */
  types: Record<SearchDocumentType, { first: number; count: number }>
  /** The lunr settings the weights were computed with (for the record; the reader needs none). */
  scoring: { fieldBoosts: Record<SearchField, number>; k1: number; b: number }
  /** See `termRange`, `quantiseWeight`, `weightTable`. */
  quantisation: { kind: 'log-term-range'; rangeLevels: typeof rangeLevels; levels: typeof weightLevels; maxWeight: number }
}

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

/**
 * Weights are quantised on a log scale, `l = ln(1 + w)`, in two steps: each term records the range
 * `[lo, hi]` its weights span, as two 16-bit steps of the whole index's scale `0 … ln(1 + maxWeight)`,
 * and each posting one byte, 0 … 255 across that range. A term's weights are much closer to each
 * other than to the index's extremes, so the byte is spent where the term's documents differ.
 */
export const rangeLevels = 65535
export const weightLevels = 255

/** The term's range `[lo, hi]` in 16-bit steps: `lo` rounded down, `hi` up, so it holds every weight. */
export function termRange(minWeight: number, maxTermWeight: number, maxWeight: number): [number, number] {
  const scale = rangeLevels / Math.log1p(maxWeight)
  return [Math.max(0, Math.floor(Math.log1p(minWeight) * scale)), Math.min(rangeLevels, Math.ceil(Math.log1p(maxTermWeight) * scale))]
}

/** The posting byte of `weight` for a term with range `[lo, hi]`. */
export function quantiseWeight(weight: number, lo: number, hi: number, maxWeight: number): number {
  if (hi <= lo) return 0
  const step = Math.log1p(maxWeight) / rangeLevels
  const q = Math.round((weightLevels * (Math.log1p(weight) - lo * step)) / ((hi - lo) * step))
  return Math.min(weightLevels, Math.max(0, q))
}

/** The weights the 256 posting bytes of a term with range `[lo, hi]` stand for. */
export function weightTable(lo: number, hi: number, maxWeight: number): Float64Array {
  const step = Math.log1p(maxWeight) / rangeLevels
  const table = new Float64Array(weightLevels + 1)
  for (let q = 0; q <= weightLevels; q++) table[q] = Math.expm1((lo + ((hi - lo) * q) / weightLevels) * step)
  return table
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
