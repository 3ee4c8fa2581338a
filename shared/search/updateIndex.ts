/**
 * Incremental updates of a search index on disk (Node, in a long-running publisher): when
 * documents are published, edited or unpublished, `SearchIndexUpdater#apply` rewrites only the
 * shards whose bytes change, the display files of the slots that change and the manifest, and the
 * result is the index a full build (`buildSearchIndex`) of the new document set makes, up to the
 * slots documents sit in: the same terms, document frequencies, weight bytes, display data and
 * document count, so the same results with the same scores. That holds because nothing in a
 * posting depends on the other documents (see buildIndex.ts): a document's weights are computed
 * from its own text, document frequencies are counts, and N is in the manifest.
 *
 * A change can also go out as a delta (`prepare(change, { deltaBytes })`): the term changes are
 * written to one small file the manifest names, which the reader applies over the shards, instead
 * of rewriting every shard the documents' terms live in (a long article touches ~700 of 4,096).
 * Deltas accumulate; `prepareMerge` writes them into the shards (the publisher does so when idle),
 * and a change that would make the delta larger than `deltaBytes` merges at once.
 */
import fs from 'node:fs'
import path from 'node:path'
import { displayOf, documentTermWeights, type SearchDocument } from './buildIndex'
import {
  compareTerms,
  docFilePath,
  documentKey,
  documentNumber,
  quantiseWeight,
  searchDocumentTypes,
  searchIndexVersion,
  shardPath,
  readDeltaFile,
  shardRecords,
  termShard,
  varintLength,
  writeVarint,
  type SearchDocumentDisplay,
  type SearchManifest,
} from './format'
import { tokenizerVersion } from './tokenize'
import { writeFileAtomically } from '../writeFileAtomically'

export interface SearchIndexChange {
  /** The indexed versions of documents that changed or were removed. */
  previous: SearchDocument[]
  /** The new versions of documents that changed or were added. */
  next: SearchDocument[]
}

export interface SearchIndexUpdate {
  shardsWritten: number
  docFilesWritten: number
  milliseconds: number
}

type DocFile = (SearchDocumentDisplay | null)[]
/** A shard in memory: term → its record's bytes (term, posting count, df, postings). */
type ShardRecords = Map<string, Uint8Array>

/** What changes in one term's record: its df, and postings by document number (byte, or −1: removed). */
interface TermChange {
  dfDelta: number
  postings: Map<number, number>
  /** The byte the shard holds for a document (checked when the change is merged; absent: none). */
  expected: Map<number, number>
}

/** Options of `prepare`. */
export interface PrepareOptions {
  /**
   * Write the change as a delta while the delta file stays within this many bytes (else merge it
   * and the change into the shards). Without it, the change goes into the shards at once.
   */
  deltaBytes?: number
}

export function readManifest(dir: string): SearchManifest {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'),
  ) as SearchManifest
  if (manifest.version !== searchIndexVersion || manifest.tokenizerVersion !== tokenizerVersion) {
    throw new Error(
      `search: index in ${dir} has format ${manifest.version}/${manifest.tokenizerVersion}, this code ${searchIndexVersion}/${tokenizerVersion}: rebuild it`,
    )
  }
  if (manifest.types.join() !== searchDocumentTypes.join())
    throw new Error(`search: index in ${dir} has types ${manifest.types.join()}`)
  return manifest
}

/** The display files of every slot below `slotCount` (a missing file holds free slots). */
export function readDocFiles(dir: string, manifest: SearchManifest): Map<number, DocFile> {
  const files = new Map<number, DocFile>()
  for (let file = 0; file * manifest.docFileSize < manifest.slotCount; file++) {
    const full = path.join(dir, docFilePath(file))
    files.set(
      file,
      fs.existsSync(full) ? (JSON.parse(fs.readFileSync(full, 'utf8')) as DocFile) : [],
    )
  }
  return files
}

function parseShard(bytes: Uint8Array): ShardRecords {
  const records: ShardRecords = new Map()
  for (const { term, record, end } of shardRecords(bytes))
    records.set(term, bytes.subarray(record, end))
  return records
}

function serialiseShard(records: ShardRecords): Uint8Array {
  const terms = [...records.keys()].sort(compareTerms)
  let size = 0
  for (const term of terms) size += records.get(term)!.length
  const bytes = new Uint8Array(size)
  let at = 0
  for (const term of terms) {
    const record = records.get(term)!
    bytes.set(record, at)
    at += record.length
  }
  return bytes
}

const encoder = new TextEncoder()
const emptyRecordBody = new Uint8Array([0, 0])

/** Where `readDelta` stopped: just after the varint it read. */
let cursor = 0

/** The varint at `offset` (no allocation: the position after it is left in `cursor`). */
function readDelta(bytes: Uint8Array, offset: number): number {
  let value = 0
  let scale = 1
  let byte: number
  do {
    byte = bytes[offset++]
    value += (byte & 0x7f) * scale
    scale *= 128
  } while (byte & 0x80)
  cursor = offset
  return value
}

/**
 * A term's record (whole: term, count, df, postings) with `change` applied, or null when no
 * posting is left. Postings are merged in one pass: runs of unchanged postings are copied as they
 * are (only the first of a run is re-encoded, its delta being from another document), so a long
 * list costs a scan and a copy.
 */
function editRecord(
  term: string,
  record: Uint8Array | undefined,
  change: TermChange,
  checked: boolean,
): Uint8Array | null {
  let body: Uint8Array = emptyRecordBody
  if (record) {
    const length = readDelta(record, 0)
    body = record.subarray(cursor + length)
  }
  const count = readDelta(body, 0)
  const df = readDelta(body, cursor)
  let p = cursor
  // An inserted posting takes at most 6 bytes; a removed one may lengthen the next delta by 1.
  const out = new Uint8Array(body.length - p + change.postings.size * 7)
  let o = 0
  let outLast = 0
  let outCount = 0
  let inLeft = count
  let inPrevious = 0
  const emit = (number: number, byte: number) => {
    o = writeVarint(out, o, number - outLast)
    out[o++] = byte
    outLast = number
    outCount++
  }
  /** Moves the input postings numbered below `limit` to the output: the first re-encoded, the rest copied. */
  const copyBelow = (limit: number) => {
    if (inLeft === 0) return
    let number = inPrevious + readDelta(body, p)
    if (number >= limit) return
    emit(number, body[cursor])
    p = cursor + 1
    inPrevious = number
    inLeft--
    const runStart = p
    let run = 0
    while (inLeft > 0) {
      number = inPrevious + readDelta(body, p)
      if (number >= limit) break
      p = cursor + 1
      inPrevious = number
      inLeft--
      run++
    }
    if (run > 0) {
      out.set(body.subarray(runStart, p), o)
      o += p - runStart
      outCount += run
      outLast = inPrevious
    }
  }
  const numbers = [...change.postings.keys()].sort((a, b) => a - b)
  // Whether the shard already holds every posting of the change (merged before a crash).
  let held = numbers.length > 0
  for (const number of numbers) {
    copyBelow(number)
    let existing = -1
    if (inLeft > 0 && inPrevious + readDelta(body, p) === number) {
      existing = body[cursor]
      p = cursor + 1
      inPrevious = number
      inLeft--
    }
    const expected = change.expected.get(number) ?? -1
    if (checked && existing !== expected) {
      throw new Error(
        `search: the index does not hold what the previous version of document ${number} gives for “${term}” (${existing < 0 ? 'no posting' : `byte ${existing}`}, expected ${expected < 0 ? 'none' : `byte ${expected}`}): was the index built from other versions?`,
      )
    }
    const byte = change.postings.get(number)!
    if (byte >= 0 ? existing !== byte : existing >= 0) held = false
    if (byte >= 0) emit(number, byte)
  }
  // A change's postings always differ from the shard it was made against, so a record that
  // already holds them all has had the change: merging it again must not count its df twice.
  if (held) return record ?? null
  copyBelow(Infinity)
  const newDf = df + change.dfDelta
  if (outCount === 0) {
    if (newDf !== 0) throw new Error(`search: “${term}” would have df ${newDf} and no posting`)
    return null
  }
  if (newDf < outCount)
    throw new Error(`search: “${term}” would have df ${newDf} for ${outCount} postings`)
  const termBytes = encoder.encode(term)
  const result = new Uint8Array(
    varintLength(termBytes.length) +
      termBytes.length +
      varintLength(outCount) +
      varintLength(newDf) +
      o,
  )
  let r = writeVarint(result, 0, termBytes.length)
  result.set(termBytes, r)
  r = writeVarint(result, r + termBytes.length, outCount)
  r = writeVarint(result, r, newDf)
  result.set(out.subarray(0, o), r)
  return result
}

const sameDisplay = (
  a: SearchDocumentDisplay | null | undefined,
  b: SearchDocumentDisplay | null | undefined,
) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** A display file without trailing free slots (as a full build writes its last file). */
function trimmed(file: DocFile): DocFile {
  let end = file.length
  while (end > 0 && !file[end - 1]) end--
  return file.slice(0, end).map((entry) => entry ?? null)
}

/**
 * Keeps an index on disk up to date, one change (a few documents) at a time. Holds the manifest,
 * the display data and the slot of every document, and the shards it has read (read when a change
 * first touches them). Nothing else may write the index meanwhile; after a failed write the
 * updater refuses further changes (open the index again, or rebuild it).
 */
export class SearchIndexUpdater {
  private manifest: SearchManifest
  private readonly docFiles: Map<number, DocFile>
  /** Document key (`type:id`) → slot. */
  private readonly slots = new Map<string, number>()
  /** Free slots below `slotCount`, ascending. */
  private free: number[] = []
  private readonly shards = new Map<number, ShardRecords>()
  private failed: Error | null = null
  /** Changes in the delta file, not yet in the shards (term → change against the shards). */
  private delta = new Map<string, TermChange>()
  /**
   * Whether the delta's `expected` bytes are known (they are not for a delta read from disk:
   * its merge then checks only the df).
   */
  private deltaChecked = true

  private constructor(
    private readonly dir: string,
    manifest: SearchManifest,
  ) {
    this.manifest = manifest
    this.docFiles = readDocFiles(dir, manifest)
    for (let slot = 0; slot < manifest.slotCount; slot++) {
      const entry = this.display(slot)
      if (!entry) {
        this.free.push(slot)
        continue
      }
      const key = documentKey(entry)
      if (this.slots.has(key))
        throw new Error(`search: ${key} is in slots ${this.slots.get(key)} and ${slot} of ${dir}`)
      this.slots.set(key, slot)
    }
    if (this.slots.size !== manifest.docCount) {
      throw new Error(
        `search: ${dir} holds ${this.slots.size} documents, its manifest says ${manifest.docCount}`,
      )
    }
    if (manifest.delta) {
      for (const [term, entry] of readDeltaFile(
        new Uint8Array(fs.readFileSync(path.join(dir, manifest.delta))),
      )) {
        const postings = new Map<number, number>(entry.set)
        for (const number of entry.removed) postings.set(number, -1)
        this.delta.set(term, { dfDelta: entry.df, postings, expected: new Map() })
      }
      this.deltaChecked = false
    }
  }

  /** Whether changes wait in the delta file for `prepareMerge`. */
  get hasDelta(): boolean {
    return this.manifest.delta !== undefined
  }

  /** Reads an index written by writeIndex (manifest + docs files; shards read lazily when needed). */
  static open(dir: string): SearchIndexUpdater {
    return new SearchIndexUpdater(dir, readManifest(dir))
  }

  /** Documents in the index. */
  get documentCount(): number {
    return this.manifest.docCount
  }

  /** Whether the document with this key (`type:id`) is in the index. */
  has(key: string): boolean {
    return this.slots.has(key)
  }

  private display(slot: number): SearchDocumentDisplay | null {
    return (
      this.docFiles.get(Math.floor(slot / this.manifest.docFileSize))?.[
        slot % this.manifest.docFileSize
      ] ?? null
    )
  }

  private shard(shard: number): ShardRecords {
    let records = this.shards.get(shard)
    if (!records) {
      records = parseShard(
        new Uint8Array(
          fs.readFileSync(path.join(this.dir, shardPath(shard, this.manifest.shardCount))),
        ),
      )
      this.shards.set(shard, records)
    }
    return records
  }

  /**
   * previous: the old versions of documents that changed or were removed (as SearchDocument),
   * next: the new versions of documents that changed or were added. A document's key is `${type}:${id}`.
   * Recomputes only what differs (a title edit must touch only the shards of terms whose
   * weight for that document changed), writes each changed file atomically (temp file + rename),
   * docs files before shards, manifest last, deletes nothing else. Returns what it did.
   */
  apply(
    change: { previous: SearchDocument[]; next: SearchDocument[] },
    options: PrepareOptions = {},
  ): SearchIndexUpdate {
    const prepared = this.prepare(change, options)
    try {
      for (const group of prepared.files)
        for (const [file, data] of group) writeFileAtomically(file, data)
    } catch (error) {
      this.failed = error as Error
      throw error
    }
    return prepared.commit()
  }

  /**
   * Works out an update: the files to write, in groups to be written in order (display files,
   * shards, manifest), and `commit`, to call once they are written, which keeps the new state.
   * Everything is computed in memory first, so an error leaves the index as it was.
   */
  prepare(
    change: { previous: SearchDocument[]; next: SearchDocument[] },
    options: PrepareOptions = {},
  ): {
    files: [string, string | Uint8Array][][]
    commit: () => SearchIndexUpdate
  } {
    const started = performance.now()
    if (this.failed)
      throw new Error(
        `search: an earlier update failed (${this.failed.message}); open the index again`,
      )
    const { manifest } = this
    const previous = documentsByKey(change.previous, 'previous')
    const next = documentsByKey(change.next, 'next')
    const slots = this.assignSlots(previous, next)
    const numberOf = (document: SearchDocument) =>
      documentNumber(slots.slotOf.get(documentKey(document))!, document.type)
    const checked = this.deltaChecked || this.delta.size === 0
    const terms = withDelta(this.delta, changedTerms(previous, next, numberOf, manifest), checked)
    const deltaBytes =
      options.deltaBytes === undefined || !mayFit(terms, options.deltaBytes)
        ? null
        : encodeDelta(terms)
    const asDelta =
      deltaBytes !== null && deltaBytes.length > 0 && deltaBytes.length <= options.deltaBytes!
    const newShards = asDelta ? new Map() : this.editShards(byShard(terms, manifest), checked)
    const newDocFiles = this.editDisplays(previous, next, slots.slotOf)
    const removed = [...previous.keys()].filter((key) => !next.has(key)).length
    const added = [...next.keys()].filter((key) => !previous.has(key)).length
    const deltaFile = asDelta ? `delta/${contentName(deltaBytes!)}.bin` : undefined
    const newManifest: SearchManifest = {
      ...manifest,
      docCount: manifest.docCount - removed + added,
      slotCount: slots.slotCount,
    }
    if (deltaFile) newManifest.delta = deltaFile
    else delete newManifest.delta

    const files: [string, string | Uint8Array][][] = [
      [...newDocFiles].map(([file, entries]): [string, string] => [
        path.join(this.dir, docFilePath(file)),
        JSON.stringify(entries),
      ]),
      deltaFile
        ? [[path.join(this.dir, deltaFile), deltaBytes!]]
        : [...newShards].map(([shard, { bytes }]): [string, Uint8Array] => [
            path.join(this.dir, shardPath(shard, manifest.shardCount)),
            bytes,
          ]),
      [[path.join(this.dir, 'manifest.json'), JSON.stringify(newManifest)]],
    ]
    const commit = (): SearchIndexUpdate => {
      for (const [shard, { records }] of newShards) this.shards.set(shard, records)
      for (const [file, entries] of newDocFiles) this.docFiles.set(file, entries)
      for (const key of previous.keys()) if (!next.has(key)) this.slots.delete(key)
      for (const key of next.keys()) this.slots.set(key, slots.slotOf.get(key)!)
      this.free = [...slots.free].filter((slot) => slot < slots.slotCount).sort((a, b) => a - b)
      const replaced = manifest.delta
      this.manifest = newManifest
      this.delta = asDelta ? terms : new Map()
      this.deltaChecked = asDelta ? checked : true
      this.removeOldDeltas(replaced)
      return {
        shardsWritten: newShards.size,
        docFilesWritten: newDocFiles.size,
        milliseconds: performance.now() - started,
      }
    }
    return { files, commit }
  }

  /**
   * Merges the delta into the shards: the terms of at most `maxShards` shards each time (so an
   * update waiting for the publisher waits for one step), the rest staying in a smaller delta.
   * Null when there is no delta.
   */
  prepareMerge(maxShards = Infinity): {
    files: [string, string | Uint8Array][][]
    commit: () => SearchIndexUpdate
  } | null {
    if (!this.hasDelta) return null
    if (this.failed)
      throw new Error(
        `search: an earlier update failed (${this.failed.message}); open the index again`,
      )
    const started = performance.now()
    const { manifest } = this
    const grouped = byShard(this.delta, manifest)
    const merging = new Map([...grouped].slice(0, maxShards))
    const newShards = this.editShards(merging, this.deltaChecked)
    const rest = new Map(this.delta)
    for (const terms of merging.values()) for (const term of terms.keys()) rest.delete(term)
    const deltaBytes = encodeDelta(rest)
    const deltaFile = rest.size > 0 ? `delta/${contentName(deltaBytes)}.bin` : undefined
    const newManifest: SearchManifest = { ...manifest }
    if (deltaFile) newManifest.delta = deltaFile
    else delete newManifest.delta
    const files: [string, string | Uint8Array][][] = [
      [...newShards].map(([shard, { bytes }]): [string, Uint8Array] => [
        path.join(this.dir, shardPath(shard, manifest.shardCount)),
        bytes,
      ]),
      deltaFile ? [[path.join(this.dir, deltaFile), deltaBytes]] : [],
      [[path.join(this.dir, 'manifest.json'), JSON.stringify(newManifest)]],
    ]
    const commit = (): SearchIndexUpdate => {
      for (const [shard, { records }] of newShards) this.shards.set(shard, records)
      const replaced = manifest.delta
      this.manifest = newManifest
      this.delta = rest
      if (rest.size === 0) this.deltaChecked = true
      this.removeOldDeltas(replaced)
      return {
        shardsWritten: newShards.size,
        docFilesWritten: 0,
        milliseconds: performance.now() - started,
      }
    }
    return { files, commit }
  }

  /**
   * Removes delta files but the live one and the one it replaced (a reader that opened the
   * previous manifest a moment ago may still fetch that one).
   */
  private removeOldDeltas(replaced: string | undefined): void {
    const folder = path.join(this.dir, 'delta')
    if (!fs.existsSync(folder)) return
    const keep = new Set([this.manifest.delta, replaced].filter(Boolean))
    for (const name of fs.readdirSync(folder))
      if (!keep.has(`delta/${name}`)) fs.rmSync(path.join(folder, name), { force: true })
  }

  /**
   * Slots: the removed documents free theirs, then the added take the lowest free ones. Checks
   * that each previous version is the indexed one and that no added document is indexed already.
   */
  private assignSlots(previous: Map<string, SearchDocument>, next: Map<string, SearchDocument>) {
    const slotOf = new Map<string, number>()
    const free = new Set(this.free)
    for (const [key, document] of previous) {
      const slot = this.slots.get(key)
      if (slot === undefined)
        throw new Error(`search: ${key} is not in the index, so it has no previous version`)
      const stored = this.display(slot)
      if (!sameDisplay(stored, displayOf(document, this.manifest.leadLength))) {
        throw new Error(
          `search: the previous version of ${key} is not the indexed one (its display data differ)`,
        )
      }
      slotOf.set(key, slot)
      if (!next.has(key)) free.add(slot)
    }
    const freeSlots = [...free].sort((a, b) => a - b)
    let nextSlot = this.manifest.slotCount
    let taken = 0
    for (const key of next.keys()) {
      if (previous.has(key)) continue
      if (this.slots.has(key))
        throw new Error(`search: ${key} is in the index already: give its previous version`)
      const slot = taken < freeSlots.length ? freeSlots[taken++] : nextSlot++
      free.delete(slot)
      slotOf.set(key, slot)
    }
    let slotCount = nextSlot
    while (slotCount > 0 && free.has(slotCount - 1)) slotCount--
    return { slotOf, free, slotCount }
  }

  /** The new bytes of every shard a changed term lives in (read from disk the first time). */
  private editShards(
    byShard: Map<number, Map<string, TermChange>>,
    checked: boolean,
  ): Map<number, { records: ShardRecords; bytes: Uint8Array }> {
    const newShards = new Map<number, { records: ShardRecords; bytes: Uint8Array }>()
    for (const [shard, terms] of byShard) {
      const records: ShardRecords = new Map(this.shard(shard))
      for (const [term, termChange] of terms) {
        const record = editRecord(term, records.get(term), termChange, checked)
        if (record) records.set(term, record)
        else records.delete(term)
      }
      newShards.set(shard, { records, bytes: serialiseShard(records) })
    }
    return newShards
  }

  /** The new contents of every display file with a slot whose display data change. */
  private editDisplays(
    previous: Map<string, SearchDocument>,
    next: Map<string, SearchDocument>,
    slotOf: Map<string, number>,
  ): Map<number, DocFile> {
    const { docFileSize, leadLength } = this.manifest
    const newDocFiles = new Map<number, DocFile>()
    const setDisplay = (slot: number, entry: SearchDocumentDisplay | null) => {
      const file = Math.floor(slot / docFileSize)
      if (!newDocFiles.has(file)) newDocFiles.set(file, [...(this.docFiles.get(file) ?? [])])
      const entries = newDocFiles.get(file)!
      while (entries.length <= slot % docFileSize) entries.push(null)
      entries[slot % docFileSize] = entry
    }
    for (const key of previous.keys()) if (!next.has(key)) setDisplay(slotOf.get(key)!, null)
    for (const [key, document] of next) {
      const display = displayOf(document, leadLength)
      if (!sameDisplay(this.display(slotOf.get(key)!), display))
        setDisplay(slotOf.get(key)!, display)
    }
    for (const [file, entries] of newDocFiles) newDocFiles.set(file, trimmed(entries))
    return newDocFiles
  }
}

/** Documents by key (`type:id`); a document twice, or of an unknown type, is an error. */
function documentsByKey(documents: SearchDocument[], which: string): Map<string, SearchDocument> {
  const map = new Map<string, SearchDocument>()
  for (const document of documents) {
    const key = documentKey(document)
    if (!searchDocumentTypes.includes(document.type))
      throw new Error(`search: unknown document type in ${key}`)
    if (map.has(key)) throw new Error(`search: ${key} is twice in ${which}`)
    map.set(key, document)
  }
  return map
}

/**
 * What each term loses and gains (its df, and its postings by document number). Postings whose
 * byte stays the same are dropped, so a title edit touches only the terms whose weight for that
 * document changed.
 */
function changedTerms(
  previous: Map<string, SearchDocument>,
  next: Map<string, SearchDocument>,
  numberOf: (document: SearchDocument) => number,
  manifest: SearchManifest,
): Map<string, TermChange> {
  const changes = new Map<string, TermChange>()
  const termChange = (term: string) => {
    let entry = changes.get(term)
    if (!entry)
      changes.set(term, (entry = { dfDelta: 0, postings: new Map(), expected: new Map() }))
    return entry
  }
  for (const document of previous.values()) {
    const number = numberOf(document)
    for (const [term, { weight, fields }] of documentTermWeights(document, manifest.scoring)) {
      const entry = termChange(term)
      const byte = quantiseWeight(weight, manifest.quantisation)
      entry.dfDelta -= fields
      entry.expected.set(number, byte)
      entry.postings.set(number, -1)
    }
  }
  for (const document of next.values()) {
    const number = numberOf(document)
    for (const [term, { weight, fields }] of documentTermWeights(document, manifest.scoring)) {
      const entry = termChange(term)
      entry.dfDelta += fields
      entry.postings.set(number, quantiseWeight(weight, manifest.quantisation))
    }
  }
  return changes
}

/**
 * `delta` followed by `change`, as changes against the shards: df changes add up, a document's
 * later posting wins, and what the shard holds (`expected`) is kept from the first. Postings that
 * end where the shard is, and terms left with nothing to change, drop out. When `checked` is false
 * (a delta read from disk), a missing `expected` means unknown rather than no posting.
 */
function withDelta(
  delta: Map<string, TermChange>,
  change: Map<string, TermChange>,
  checked: boolean,
): Map<string, TermChange> {
  const result = new Map<string, TermChange>()
  for (const [term, entry] of delta)
    result.set(term, {
      dfDelta: entry.dfDelta,
      postings: new Map(entry.postings),
      expected: new Map(entry.expected),
    })
  for (const [term, entry] of change) {
    let combined = result.get(term)
    if (!combined)
      result.set(term, (combined = { dfDelta: 0, postings: new Map(), expected: new Map() }))
    combined.dfDelta += entry.dfDelta
    for (const [number, byte] of entry.postings) {
      if (!combined.postings.has(number) && entry.expected.has(number))
        combined.expected.set(number, entry.expected.get(number)!)
      combined.postings.set(number, byte)
    }
  }
  for (const [term, entry] of result) {
    for (const [number, byte] of entry.postings) {
      const known = entry.expected.has(number) || checked
      if (known && (entry.expected.get(number) ?? -1) === byte) {
        entry.postings.delete(number)
        entry.expected.delete(number)
      }
    }
    if (entry.postings.size === 0 && entry.dfDelta === 0) result.delete(term)
  }
  return result
}

/** Term changes grouped by the shard each term lives in. */
function byShard(
  terms: Map<string, TermChange>,
  manifest: SearchManifest,
): Map<number, Map<string, TermChange>> {
  const shards = new Map<number, Map<string, TermChange>>()
  for (const [term, entry] of terms) {
    const shard = termShard(term, manifest.shardCount)
    if (!shards.has(shard)) shards.set(shard, new Map())
    shards.get(shard)!.set(term, entry)
  }
  return shards
}

/**
 * False when the delta file of `terms` is surely larger than `bytes` (each term takes at least
 * four bytes, each posting one): an import's change is not encoded only to be thrown away.
 */
function mayFit(terms: Map<string, TermChange>, bytes: number): boolean {
  let least = 0
  for (const entry of terms.values()) {
    least += 4 + entry.postings.size
    if (least > bytes) return false
  }
  return true
}

/** The delta file of `terms` (format: `readDeltaFile`); empty when there is nothing. */
function encodeDelta(terms: Map<string, TermChange>): Uint8Array {
  const parts: Uint8Array[] = []
  let size = 0
  for (const term of [...terms.keys()].sort(compareTerms)) {
    const entry = terms.get(term)!
    const numbers = [...entry.postings.keys()].sort((a, b) => a - b)
    const set = numbers.filter((number) => entry.postings.get(number)! >= 0)
    const removed = numbers.filter((number) => entry.postings.get(number)! < 0)
    const termBytes = encoder.encode(term)
    const out = new Uint8Array(termBytes.length + 20 + set.length * 7 + removed.length * 6)
    let o = writeVarint(out, 0, termBytes.length)
    out.set(termBytes, o)
    o += termBytes.length
    o = writeVarint(out, o, set.length)
    o = writeVarint(out, o, removed.length)
    o = writeVarint(out, o, entry.dfDelta >= 0 ? entry.dfDelta * 2 : -entry.dfDelta * 2 - 1)
    let last = 0
    for (const number of set) {
      o = writeVarint(out, o, number - last)
      out[o++] = entry.postings.get(number)!
      last = number
    }
    last = 0
    for (const number of removed) {
      o = writeVarint(out, o, number - last)
      last = number
    }
    parts.push(out.subarray(0, o))
    size += o
  }
  const bytes = new Uint8Array(size)
  let at = 0
  for (const part of parts) {
    bytes.set(part, at)
    at += part.length
  }
  return bytes
}

/** A name from the bytes (FNV-1a, hex): a new delta never takes the name of an old one. */
function contentName(bytes: Uint8Array): string {
  let a = 0x811c9dc5
  let b = 0x01000193
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193)
    b = Math.imul(b ^ bytes[i], 0x5bd1e995)
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`
}
