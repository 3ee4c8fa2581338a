/**
 * The fallback when an index on disk cannot take an incremental update (an update cut short left
 * it behind the content): a whole new index, as files for the caller to stage beside the pages,
 * and the cleanup of the files the new index no longer has, to run once they are in place.
 */
import fs from 'node:fs'
import path from 'node:path'
import { buildSearchIndex, indexFiles, type SearchDocument } from './buildIndex'

export interface IndexRebuild {
  /** Absolute paths and contents, in the order a reader-safe writer puts them in place. */
  groups: [string, string | Uint8Array][][]
  shardCount: number
  /** Removes the shard and display files of earlier indexes (after the new files are in place). */
  removeStaleFiles: () => void
}

export function rebuildIndexFiles(documents: SearchDocument[], dir: string): IndexRebuild {
  const index = buildSearchIndex(documents)
  const groups = indexFiles(index).map((group) =>
    group.map(([file, data]): [string, string | Uint8Array] => [path.join(dir, file), data]),
  )
  const kept = new Set(groups.flat().map(([file]) => file))
  return {
    groups,
    shardCount: index.manifest.shardCount,
    removeStaleFiles: () => {
      for (const folder of ['shards', 'docs']) {
        const full = path.join(dir, folder)
        for (const name of fs.existsSync(full) ? fs.readdirSync(full) : []) {
          if (!kept.has(path.join(full, name))) fs.rmSync(path.join(full, name), { force: true })
        }
      }
    },
  }
}
