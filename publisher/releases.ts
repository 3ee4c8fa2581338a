/**
 * Site releases on disk:
 *
 *   <SITE_RELEASES_DIR>/current -> releases/<id>        (a symlink, swapped by rename)
 *   <SITE_RELEASES_DIR>/releases/<id>/public/           the static site (what is served)
 *   <SITE_RELEASES_DIR>/releases/<id>/public.render/    its warm renderer (never served)
 *   <SITE_RELEASES_DIR>/releases/<id>/content.json      the content it was built from
 *   <SITE_RELEASES_DIR>/releases/<id>/journal.jsonl     changes applied to it since
 *   <SITE_RELEASES_DIR>/releases/<id>/release.json      when, how long, how many pages, source hash
 *
 * A full build writes a new release folder and swaps the symlink; incremental updates write into
 * the current release, file by file, atomically.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { siteUrl } from '../cms/settings'
import { siteContentVersion, type SiteContent } from '../shared/siteContent'
import type { EntryChange } from './siteState'
import { writeFileAtomically } from '../shared/writeFileAtomically'

const repoRoot = path.resolve(import.meta.dirname, '..')

export interface ReleaseInfo {
  id: string
  builtAt: string
  durationMs: number
  pages: number
  sourceHash: string
  reason: string
  /** The `SITE_URL` it was built with. */
  siteUrl: string
}

/** A journal line: one document's new public version, or new site settings. */
export type JournalRecord = EntryChange | { site: SiteContent['site'] }

export class Release {
  constructor(public readonly dir: string) {}
  get id() {
    return path.basename(this.dir)
  }
  get publicDir() {
    return path.join(this.dir, 'public')
  }
  get renderDir() {
    return path.join(this.dir, 'public.render')
  }
  get searchDir() {
    return path.join(this.publicDir, 'search')
  }
  info(): ReleaseInfo | null {
    try {
      return JSON.parse(fs.readFileSync(path.join(this.dir, 'release.json'), 'utf8')) as ReleaseInfo
    } catch {
      return null
    }
  }

  /** The content the release shows: its build snapshot with its journal replayed. */
  readContent(): SiteContent {
    const content = JSON.parse(
      fs.readFileSync(path.join(this.dir, 'content.json'), 'utf8'),
    ) as SiteContent
    // Releases built before redirects and share images existed.
    content.redirects ??= []
    content.site.shareImage ??= null
    const journal = path.join(this.dir, 'journal.jsonl')
    if (!fs.existsSync(journal)) return content
    for (const line of fs.readFileSync(journal, 'utf8').split('\n')) {
      if (!line.trim()) continue
      let record: JournalRecord
      try {
        record = JSON.parse(line) as JournalRecord
      } catch {
        break // a line cut short by a crash: the changes after it were never acknowledged
      }
      if ('site' in record) {
        content.site = record.site
        continue
      }
      const list = content[record.collection] as { id: string }[]
      const at = list.findIndex((entry) => entry.id === record.id)
      if (at >= 0 && record.entry) list[at] = record.entry
      else if (at >= 0) list.splice(at, 1)
      else if (record.entry) list.push(record.entry)
    }
    return content
  }

  /** Records applied changes (after their files are written, before the queue forgets them). */
  appendJournal(records: JournalRecord[]): void {
    if (records.length === 0) return
    const fd = fs.openSync(path.join(this.dir, 'journal.jsonl'), 'a')
    try {
      fs.writeSync(fd, records.map((record) => JSON.stringify(record)).join('\n') + '\n')
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  }
}

/** Hash of everything that changes what `astro build` produces besides content. */
export function siteSourceHash(): string {
  const hash = crypto.createHash('sha256')
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (
        ['node_modules', 'dist', '.astro', 'server'].includes(entry.name) ||
        entry.name.endsWith('.render')
      )
        continue
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else files.push(full)
    }
  }
  walk(path.join(repoRoot, 'site'))
  walk(path.join(repoRoot, 'shared'))
  files.push(path.join(repoRoot, 'package-lock.json'))
  for (const file of files.sort())
    hash.update(path.relative(repoRoot, file)).update('\0').update(fs.readFileSync(file))
  hash.update(`SITE_URL=${siteUrl()}`)
  return hash.digest('hex')
}

export class Releases {
  constructor(public readonly root: string) {
    fs.mkdirSync(path.join(root, 'releases'), { recursive: true })
  }

  /**
   * Claims the releases folder for this process: two publishers writing one site would apply each
   * change twice. A lock left by a process that no longer runs is taken over.
   */
  lock(): () => void {
    const file = path.join(this.root, 'publisher.lock')
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(file, String(process.pid), { flag: 'wx' })
        return () => {
          if (fs.readFileSync(file, 'utf8') === String(process.pid))
            fs.rmSync(file, { force: true })
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
        const holder = Number(fs.readFileSync(file, 'utf8'))
        if (holder && holder !== process.pid && isRunning(holder)) {
          throw new Error(
            `另一个发布服务（PID ${holder}）正在更新 ${this.root}：同一网站只能运行一个发布服务。`,
            { cause: error },
          )
        }
        fs.rmSync(file, { force: true })
      }
    }
    throw new Error(`无法锁定 ${this.root}`)
  }

  /**
   * Removes what a publisher killed mid-work leaves behind: a swap's link not yet renamed into
   * place, release folders whose build never finished or was never swapped in (and their orphaned
   * `astro build`), and the temporary files of an update cut short in the current release.
   * Returns how many it removed.
   */
  removeLeftovers(): number {
    let removed = 0
    const current = this.current()
    for (const name of fs.readdirSync(this.root)) {
      if (/^current\.[0-9a-f]+$/.test(name)) removed += remove(path.join(this.root, name))
    }
    for (const name of fs.readdirSync(path.join(this.root, 'releases'))) {
      const release = new Release(path.join(this.root, 'releases', name))
      if (name === current?.id) continue
      const info = release.info()
      // Kept: earlier releases (the previous one stays for a swap back). Removed: builds that never
      // finished, and finished ones the publisher died before swapping in.
      if (info && (!current || info.builtAt <= (current.info()?.builtAt ?? ''))) continue
      stopOrphanBuild(path.join(release.dir, buildPidFile))
      removed += remove(release.dir)
    }
    if (current) {
      for (const entry of fs.readdirSync(current.dir, { withFileTypes: true, recursive: true })) {
        if (entry.isFile() && isTemporaryFile(entry.name))
          removed += remove(path.join(entry.parentPath, entry.name))
      }
    }
    return removed
  }

  /** The folder the static server serves (through the `current` link, so a swap needs no restart). */
  get servedDir() {
    return path.join(this.root, 'current', 'public')
  }

  current(): Release | null {
    try {
      const target = fs.readlinkSync(path.join(this.root, 'current'))
      const release = new Release(path.resolve(this.root, target))
      return release.info() ? release : null
    } catch {
      return null
    }
  }

  /**
   * Builds a new release from `content` with `astro build` in a child process (low priority, so
   * the publisher and the servers stay responsive), without touching the live one.
   */
  async build(content: SiteContent, reason: string): Promise<Release> {
    const started = Date.now()
    const id =
      new Date(started).toISOString().replace(/[-:]/g, '').replace(/\..*/, '') +
      `-${crypto.randomBytes(2).toString('hex')}`
    const release = new Release(path.join(this.root, 'releases', id))
    fs.mkdirSync(release.dir, { recursive: true })
    writeFileAtomically(
      path.join(release.dir, 'content.json'),
      JSON.stringify({ ...content, version: siteContentVersion }),
    )
    try {
      await runAstroBuild({
        contentFile: path.join(release.dir, 'content.json'),
        outDir: release.publicDir,
        pidFile: path.join(release.dir, buildPidFile),
      })
    } catch (error) {
      fs.rmSync(release.dir, { recursive: true, force: true })
      throw error
    }
    const pages = countPages(release.publicDir)
    const info: ReleaseInfo = {
      id,
      builtAt: new Date().toISOString(),
      durationMs: Date.now() - started,
      pages,
      sourceHash: siteSourceHash(),
      reason,
      siteUrl: siteUrl(),
    }
    writeFileAtomically(path.join(release.dir, 'release.json'), JSON.stringify(info, null, 2))
    return release
  }

  /** Makes `release` the served one (one atomic rename) and deletes all but it and the previous. */
  swap(release: Release): void {
    const previous = this.current()
    const link = path.join(this.root, `current.${crypto.randomBytes(4).toString('hex')}`)
    fs.symlinkSync(path.relative(this.root, release.dir), link, 'dir')
    fs.renameSync(link, path.join(this.root, 'current'))
    const keep = new Set([release.id, previous?.id])
    for (const name of fs.readdirSync(path.join(this.root, 'releases'))) {
      if (!keep.has(name))
        fs.rmSync(path.join(this.root, 'releases', name), { recursive: true, force: true })
    }
  }
}

const buildPidFile = 'build.pid'

/** Ends the `astro build` a killed publisher left running (its process id, if it still is astro). */
function stopOrphanBuild(pidFile: string): void {
  const pid = Number(fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8') : 0)
  if (!pid || !isRunning(pid)) return
  let command: string
  try {
    command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')
  } catch {
    return // not Linux, or gone: leave it alone rather than kill a stranger
  }
  if (!command.includes('astro')) return
  try {
    process.kill(pid, 'SIGKILL')
  } catch {
    // already gone
  }
}

/** The names `temporaryPathFor` gives (`.<name>.<8 hex>.tmp`). */
export const isTemporaryFile = (name: string) => /^\..+\.[0-9a-f]{8}\.tmp$/.test(name)

function remove(target: string): number {
  fs.rmSync(target, { recursive: true, force: true })
  return 1
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function countPages(dir: string): number {
  let count = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile() && entry.name.endsWith('.html')) count++
  return count
}

function runAstroBuild({
  contentFile,
  outDir,
  pidFile,
}: {
  contentFile: string
  outDir: string
  pidFile: string
}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(repoRoot, 'node_modules/.bin/astro'),
      ['build', '--root', 'site', '--silent'],
      {
        cwd: repoRoot,
        env: { ...process.env, SITE_CONTENT_FILE: contentFile, SITE_OUT_DIR: outDir, CMS_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    // Read by the next publisher if this one is killed: its build must not outlive it.
    if (child.pid) fs.writeFileSync(pidFile, String(child.pid))
    let output = ''
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      fs.rmSync(pidFile, { force: true })
      if (code === 0) resolve()
      else
        reject(
          new Error(
            `astro build 失败（${signal ?? `退出码 ${code}`}）：${output.trim().split('\n').slice(-8).join('\n')}`,
          ),
        )
    })
  })
}
