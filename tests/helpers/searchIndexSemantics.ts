/**
 * A test oracle for the search index: `readIndexSemantics(dir)` describes an index without its
 * slots, so a test can compare an incrementally updated index with a fresh build.
 */
import fs from 'node:fs'
import path from 'node:path'
import {
  compareTerms,
  documentKey,
  readDeltaFile,
  readVarint,
  shardPath,
  shardRecords,
  slotOfDocument,
  termShard,
  type SearchDocumentDisplay,
  type SearchManifest,
} from '../../shared/search/format'
import { readDocFiles, readManifest } from '../../shared/search/updateIndex'

/** An index as what it answers, without slots: see `readIndexSemantics`. */
export interface SearchIndexSemantics {
  /** The manifest's values that affect results. */
  manifest: Pick<
    SearchManifest,
    'version' | 'tokenizerVersion' | 'docCount' | 'types' | 'scoring' | 'quantisation'
  >
  /** Per term (sorted): lunr's df and, per document key (sorted), the posting's weight byte. */
  terms: Record<string, { df: number; postings: Record<string, number> }>
  /** Per document key (sorted): its display data. */
  documents: Record<string, SearchDocumentDisplay>
}

/**
 * Reads a whole index and describes it canonically and independently of slot numbers and file
 * layout (JSON-able, keys sorted), so that two indexes answer every query alike exactly when
 * their descriptions are equal. Checks the structure on the way (terms in their shard, in order,
 * postings ascending, every posting's document present with the type its number says). A delta
 * file the manifest names is applied over the shards, as the reader does.
 */
export function readIndexSemantics(dir: string): SearchIndexSemantics {
  const manifest = readManifest(dir)
  const docFiles = readDocFiles(dir, manifest)
  const keyOfSlot = new Map<number, string>()
  const documents = new Map<string, SearchDocumentDisplay>()
  for (let slot = 0; slot < manifest.slotCount; slot++) {
    const entry = docFiles.get(Math.floor(slot / manifest.docFileSize))?.[
      slot % manifest.docFileSize
    ]
    if (!entry) continue
    const key = documentKey(entry)
    if (documents.has(key)) throw new Error(`search: ${key} is twice in ${dir}`)
    keyOfSlot.set(slot, key)
    documents.set(key, entry)
  }
  if (documents.size !== manifest.docCount)
    throw new Error(
      `search: ${dir} holds ${documents.size} documents, its manifest says ${manifest.docCount}`,
    )
  // The shards' records (checked for structure), then the delta applied over them.
  const records = new Map<string, { df: number; postings: Map<number, number> }>()
  for (let shard = 0; shard < manifest.shardCount; shard++) {
    const bytes = new Uint8Array(
      fs.readFileSync(path.join(dir, shardPath(shard, manifest.shardCount))),
    )
    let previousTerm: string | null = null
    for (const { term, start } of shardRecords(bytes)) {
      if (termShard(term, manifest.shardCount) !== shard)
        throw new Error(`search: “${term}” is in shard ${shard}`)
      if (previousTerm !== null && compareTerms(previousTerm, term) >= 0)
        throw new Error(`search: shard ${shard} is out of order at “${term}”`)
      previousTerm = term
      const at = { offset: start }
      const count = readVarint(bytes, at)
      const df = readVarint(bytes, at)
      if (count === 0 || df < count)
        throw new Error(`search: “${term}” has ${count} postings and df ${df}`)
      const postings = new Map<number, number>()
      let number = 0
      for (let p = 0; p < count; p++) {
        const delta = readVarint(bytes, at)
        if (p > 0 && delta === 0)
          throw new Error(`search: “${term}” lists document ${number} twice`)
        number += delta
        postings.set(number, bytes[at.offset++])
      }
      records.set(term, { df, postings })
    }
  }
  if (manifest.delta) {
    const changes = readDeltaFile(new Uint8Array(fs.readFileSync(path.join(dir, manifest.delta))))
    for (const [term, change] of changes) {
      const record = records.get(term) ?? { df: 0, postings: new Map<number, number>() }
      // As the reader does: a record that already holds the change has had it merged in.
      const held =
        change.set.size + change.removed.size > 0 &&
        [...change.set].every(([number, byte]) => record.postings.get(number) === byte) &&
        [...change.removed].every((number) => !record.postings.has(number))
      if (held) continue
      record.df += change.df
      for (const number of change.removed) record.postings.delete(number)
      for (const [number, byte] of change.set) record.postings.set(number, byte)
      if (record.postings.size === 0 && record.df === 0) records.delete(term)
      else records.set(term, record)
    }
  }
  const terms = new Map<string, { df: number; postings: Record<string, number> }>()
  for (const [term, { df, postings: byNumber }] of records) {
    if (byNumber.size === 0 || df < byNumber.size)
      throw new Error(`search: “${term}” has ${byNumber.size} postings and df ${df}`)
    const postings: [string, number][] = []
    for (const [number, byte] of byNumber) {
      const key = keyOfSlot.get(slotOfDocument(number))
      if (!key || !key.startsWith(`${manifest.types[number & 3]}:`))
        throw new Error(`search: “${term}” lists document ${number}, which is not in the index`)
      postings.push([key, byte])
    }
    postings.sort((a, b) => compareTerms(a[0], b[0]))
    terms.set(term, { df, postings: Object.fromEntries(postings) })
  }
  const sortedObject = <T>(map: Map<string, T>) =>
    Object.fromEntries([...map].sort((a, b) => compareTerms(a[0], b[0])))
  return {
    manifest: {
      version: manifest.version,
      tokenizerVersion: manifest.tokenizerVersion,
      docCount: manifest.docCount,
      types: manifest.types,
      scoring: manifest.scoring,
      quantisation: manifest.quantisation,
    },
    terms: sortedObject(terms),
    documents: sortedObject(documents),
  }
}
