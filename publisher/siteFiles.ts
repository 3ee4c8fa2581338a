/** Writing into a live site folder: every file appears whole or not at all. */
import fs from 'node:fs'
import path from 'node:path'
import { isPublishableMediaName } from '../shared/siteFiles/mediaNames'
import { fileOfPath } from '../shared/siteFiles/urlToFile'
import { temporaryPathFor } from '../shared/writeFileAtomically'

/** The URL → file rule is shared with the static server (shared/siteFiles/urlToFile.ts). */

/** Errors that writing the same file again cannot fix (the name itself is refused). */
const permanentCodes = new Set([
  'ENAMETOOLONG',
  'EINVAL',
  'ENOTDIR',
  'EISDIR',
  'ELOOP',
  'ERR_INVALID_ARG_VALUE',
  'ERR_INVALID_ARG_TYPE',
])

export const isPermanentWriteError = (error: unknown): boolean =>
  permanentCodes.has((error as NodeJS.ErrnoException)?.code ?? '')

export interface StagedFilesOptions {
  /**
   * Tests only (ignored in production): while this file exists every write fails with ENOSPC,
   * as on a full disk.
   */
  noSpaceWhile?: string
}

interface Staged {
  group: number
  temporary: string
  file: string
  skip?: (error: Error) => void
  dropped?: boolean
}

/**
 * Files of one update, written to temporary files beside their targets as soon as each is ready
 * (while other pages still render), then all renamed into place at once by `commit`, group by
 * group (a search index's display files before its shards, its manifest last). `discard` removes
 * the temporary files of an update that failed: nothing of it was visible.
 */
export class StagedFiles {
  private staged: Staged[] = []
  private writes: Promise<void>[] = []
  private noSpaceWhile: string | undefined

  constructor(options: StagedFilesOptions = {}) {
    this.noSpaceWhile = process.env.NODE_ENV === 'production' ? undefined : options.noSpaceWhile
  }

  /**
   * Starts writing `data` beside `file`. When the name itself is refused (too long, invalid) and
   * `skip` is given, the file is left out and `skip` gets the error; any other failure fails
   * `commit`. Never leaves a rejection unhandled while other pages still render.
   */
  stage(
    group: number,
    file: string,
    data: string | Uint8Array,
    skip?: (error: Error) => void,
  ): void {
    this.stageWith(
      group,
      file,
      (temporary) =>
        fs.promises.writeFile(temporary, data).catch(async (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error
          // A new page in a new folder.
          await fs.promises.mkdir(path.dirname(file), { recursive: true })
          await fs.promises.writeFile(temporary, data)
        }),
      skip,
    )
  }

  /**
   * `stage`, with the temporary file written by `write` (a render thread that writes the page
   * itself). `write` creates the folder when it is missing.
   */
  stageWith(
    group: number,
    file: string,
    write: (temporary: string) => Promise<unknown>,
    skip?: (error: Error) => void,
  ): void {
    const entry: Staged = { group, temporary: '', file, skip }
    this.staged.push(entry)
    const written = (async () => {
      entry.temporary = temporaryPathFor(file)
      if (this.noSpaceWhile && fs.existsSync(this.noSpaceWhile)) {
        throw Object.assign(
          new Error(`ENOSPC: no space left on device, write '${entry.temporary}'（测试注入）`),
          { code: 'ENOSPC' },
        )
      }
      await write(entry.temporary)
    })().catch((error: Error) => {
      if (!skip || !isPermanentWriteError(error)) throw error
      entry.dropped = true
      skip(error)
    })
    written.catch(() => undefined) // handled in commit / discard
    this.writes.push(written)
  }

  /** Waits until the files staged so far are written (rejects with the first failure). */
  async settled(): Promise<void> {
    await Promise.all(this.writes)
  }

  get count(): number {
    return this.staged.length
  }

  /** Waits for every temporary file, then renames them into place, group by group. */
  async commit(concurrency = 32): Promise<void> {
    await Promise.all(this.writes)
    const kept = this.staged.filter((entry) => !entry.dropped)
    const groups = [...new Set(kept.map((entry) => entry.group))].sort((a, b) => a - b)
    for (const group of groups) {
      const entries = kept.filter((entry) => entry.group === group)
      let next = 0
      const worker = async () => {
        while (next < entries.length) {
          const entry = entries[next++]
          await fs.promises.rename(entry.temporary, entry.file).catch(async (error: Error) => {
            // A folder where the file should be, say: this file is left out, the others go live.
            if (!entry.skip || !isPermanentWriteError(error)) throw error
            await fs.promises.rm(entry.temporary, { force: true })
            entry.skip(error)
          })
        }
      }
      await Promise.all(Array.from({ length: Math.min(concurrency, entries.length) }, worker))
    }
    this.staged = []
  }

  async discard(): Promise<void> {
    await Promise.allSettled(this.writes)
    await Promise.all(
      this.staged.map(({ temporary }) =>
        temporary ? fs.promises.rm(temporary, { force: true }).catch(() => undefined) : undefined,
      ),
    )
    this.staged = []
  }
}

/** Removes a page's file and the folders it leaves empty (up to the site root). */
export function removePage(root: string, urlPath: string): boolean {
  const file = fileOfPath(root, urlPath)
  if (!fs.existsSync(file)) return false
  fs.rmSync(file)
  for (
    let dir = path.dirname(file);
    dir !== root && dir.startsWith(root);
    dir = path.dirname(dir)
  ) {
    try {
      fs.rmdirSync(dir)
    } catch {
      break
    }
  }
  return true
}

/**
 * Copies into `<root>/media/` the referenced media files (found by collectMediaReferences) the release lacks yet (a new cover, a
 * new image size). Files no page uses any more stay until the next full build.
 */
export function copyMissingMedia(
  root: string,
  names: Iterable<string>,
  mediaDir: string,
): string[] {
  const copied: string[] = []
  for (const name of names) {
    // Only allow-listed media types are published, as in a full build (copyUsedMedia).
    if (!isPublishableMediaName(name)) continue
    const target = path.join(root, 'media', name)
    if (fs.existsSync(target)) continue
    const source = path.join(mediaDir, name)
    if (!fs.existsSync(source)) throw new Error(`媒体文件缺失：${name}（MEDIA_DIR=${mediaDir}）`)
    fs.mkdirSync(path.dirname(target), { recursive: true })
    const temporary = temporaryPathFor(target)
    fs.copyFileSync(source, temporary)
    fs.renameSync(temporary, target)
    copied.push(name)
  }
  return copied
}
