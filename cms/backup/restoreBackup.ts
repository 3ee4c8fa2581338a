/**
 * `npm run restore -- <archive>`: unpacks a backup into a staging folder beside the database,
 * proves it whole (every entry's size and sha256 against the manifest, nothing missing, nothing
 * extra), and only then swaps the database and the media folder in. A corrupt or truncated archive
 * is refused before anything is touched. Existing data is never overwritten without `force`, and
 * even then it is moved aside (`*.before-restore-<time>`), not deleted.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import zlib from 'node:zlib'
import { createClient } from '@libsql/client'
import { syncFolder } from './createBackup'
import { manifestFormat, manifestName, manifestVersion, type BackupManifest } from './manifest'
import { ArchiveFormatError, readTar } from './tarArchive'

export interface RestoreOptions {
  archive: string
  databaseFile: string
  mediaDir: string
  /** Overwrite a database that holds data, or a media folder that holds files. */
  force?: boolean
  /** Migration names this program knows: an archive from a newer schema is refused. */
  knownMigrations?: string[]
  /** The publisher's releases folder: a running publisher (its lock) means the system is up. */
  releasesDir?: string
}

export interface RestoreResult {
  manifest: BackupManifest
  /** Where the replaced database and media were moved, if there were any. */
  movedAside: string[]
  milliseconds: number
}

/** A refusal with a message for the operator (Chinese); the CLI prints it and exits non-zero. */
export class RestoreRefused extends Error {}

const maxManifestBytes = 256 * 1024 * 1024

/** True when the SQLite file holds any row beyond the migration list (an empty migrated database is empty). */
export async function databaseHasData(databaseFile: string): Promise<boolean> {
  if (!fs.existsSync(databaseFile) || fs.statSync(databaseFile).size === 0) return false
  const client = createClient({ url: `file:${databaseFile}` })
  try {
    await client.execute('PRAGMA busy_timeout = 10000')
    const tables = (
      await client.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'payload_migrations'",
      )
    ).rows
    for (const { name } of tables) {
      const row = (
        await client.execute(`SELECT 1 FROM "${String(name).replace(/"/g, '""')}" LIMIT 1`)
      ).rows[0]
      if (row) return true
    }
    return false
  } finally {
    client.close()
  }
}

/** Files in the media folder, ignoring dotfiles such as the repository's `.gitkeep`. */
function mediaHasFiles(dir: string): boolean {
  if (!fs.existsSync(dir)) return false
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .some((entry) => entry.isFile() && !entry.name.startsWith('.'))
}

function runningPublisher(releasesDir: string | undefined): number | null {
  if (!releasesDir) return null
  try {
    const pid = Number(fs.readFileSync(path.join(releasesDir, 'publisher.lock'), 'utf8'))
    if (!pid || pid === process.pid) return null
    process.kill(pid, 0)
    return pid
  } catch {
    return null
  }
}

/** An archive path that stays inside the staging folder: no absolute paths, no `..`. */
function safeEntryName(name: string): boolean {
  if (!name || name.startsWith('/') || name.includes('\\') || name.includes('\0')) return false
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
}

const damaged = (detail: string) =>
  new RestoreRefused(`备份文件已损坏，拒绝恢复（未做任何修改）：${detail}`)
const truncated = (detail: string) =>
  new RestoreRefused(`备份文件不完整（可能被截断或未写完），拒绝恢复（未做任何修改）：${detail}`)

/** Unpacks `archive` into `staging`, returning the manifest once every entry is proven intact. */
export async function unpackVerified(archive: string, staging: string): Promise<BackupManifest> {
  const actual = new Map<string, { size: number; sha256: string }>()
  let manifestBytes: Buffer | null = null
  const head = Buffer.alloc(2)
  const fd = fs.openSync(archive, 'r')
  const headBytes = fs.readSync(fd, head, 0, 2, 0)
  fs.closeSync(fd)
  if (headBytes < 2) throw truncated('文件为空')
  const gzipped = head[0] === 0x1f && head[1] === 0x8b
  const stream = fs
    .createReadStream(archive)
    .pipe(gzipped ? zlib.createGunzip() : new PassThrough())

  try {
    await readTar(stream, (name, size) => {
      if (!safeEntryName(name)) throw damaged(`条目名称不安全（${JSON.stringify(name)}）`)
      if (actual.has(name) || (name === manifestName && manifestBytes))
        throw damaged(`条目重复（${name}）`)
      if (name === manifestName) {
        if (size > maxManifestBytes) throw damaged('清单过大')
        const parts: Buffer[] = []
        return {
          data: (chunk) => void parts.push(Buffer.from(chunk)),
          end: () => void (manifestBytes = Buffer.concat(parts)),
        }
      }
      const file = path.join(staging, name)
      fs.mkdirSync(path.dirname(file), { recursive: true })
      const out = fs.openSync(file, 'wx')
      const hash = crypto.createHash('sha256')
      let written = 0
      return {
        data: (chunk) => {
          hash.update(chunk)
          written += chunk.length
          fs.writeSync(out, chunk)
        },
        end: () => {
          fs.fsyncSync(out)
          fs.closeSync(out)
          actual.set(name, { size: written, sha256: hash.digest('hex') })
        },
      }
    })
  } catch (error) {
    if (error instanceof RestoreRefused) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (error instanceof ArchiveFormatError)
      throw error.truncated ? truncated(error.message) : damaged(error.message)
    if (code === 'Z_BUF_ERROR' || /unexpected end of file/i.test((error as Error).message))
      throw truncated('压缩数据在中途结束')
    if (code?.startsWith('Z_')) throw damaged(`压缩数据校验失败（${(error as Error).message}）`)
    throw error
  }

  if (!manifestBytes) throw truncated('缺少清单 manifest.json（清单是归档的最后一项）')
  let manifest: BackupManifest
  try {
    manifest = JSON.parse((manifestBytes as Buffer).toString('utf8')) as BackupManifest
  } catch {
    throw damaged('清单 manifest.json 不是有效的 JSON')
  }
  if (
    manifest?.format !== manifestFormat ||
    manifest.version !== manifestVersion ||
    typeof manifest.files !== 'object' ||
    !manifest.database
  ) {
    throw damaged(
      `不是本系统的备份格式（format=${JSON.stringify(manifest?.format)}，version=${JSON.stringify(manifest?.version)}）`,
    )
  }
  for (const [name, expected] of Object.entries(manifest.files)) {
    const found = actual.get(name)
    if (!found) throw truncated(`清单列出的文件缺失：${name}`)
    if (found.size !== expected.size)
      throw damaged(`文件大小不符：${name}（应为 ${expected.size} 字节，实际 ${found.size} 字节）`)
    if (found.sha256 !== expected.sha256) throw damaged(`校验和（sha256）不符：${name}`)
  }
  for (const name of actual.keys())
    if (!(name in manifest.files)) throw damaged(`清单中没有的文件：${name}`)
  if (!manifest.database.entry?.startsWith('database/') || !actual.has(manifest.database.entry))
    throw damaged(`清单中的数据库条目不存在：${manifest.database.entry}`)
  return manifest
}

/** Moves `target` (and its SQLite companions) aside under a `.before-restore-<time>` name. */
function moveAside(target: string, stamp: string, companions: string[] = []): string | null {
  if (!fs.existsSync(target)) return null
  const aside = `${target}.before-restore-${stamp}`
  fs.renameSync(target, aside)
  for (const suffix of companions)
    if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, aside + suffix)
  return aside
}

/** Verifies `archive`, then puts its database and media in place of the current ones. */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const started = performance.now()
  if (!fs.existsSync(options.archive) || !fs.statSync(options.archive).isFile())
    throw new RestoreRefused(`找不到备份文件：${options.archive}`)
  const publisher = runningPublisher(options.releasesDir)
  if (publisher)
    throw new RestoreRefused(
      `系统正在运行（发布服务 PID ${publisher}）：请先停止 npm start（或 CMS 与发布服务），再恢复。`,
    )
  if (!options.force) {
    if (await databaseHasData(options.databaseFile)) {
      throw new RestoreRefused(
        `目标数据库 ${options.databaseFile} 中已有数据，恢复会覆盖它，已拒绝。确认覆盖请加 --force（原数据库会被改名保留）。`,
      )
    }
    if (mediaHasFiles(options.mediaDir)) {
      throw new RestoreRefused(
        `媒体目录 ${options.mediaDir} 中已有文件，恢复会替换它，已拒绝。确认覆盖请加 --force（原目录会被改名保留）。`,
      )
    }
  }

  const databaseDir = path.dirname(options.databaseFile)
  fs.mkdirSync(databaseDir, { recursive: true })
  const staging = fs.mkdtempSync(path.join(databaseDir, '.restore-'))
  try {
    const manifest = await unpackVerified(options.archive, staging)
    if (manifest.database.kind !== 'sqlite') {
      throw new RestoreRefused(
        `这是 ${manifest.database.kind} 数据库（${manifest.database.name}）的备份：请按 README “备份与恢复”一节用 mongorestore 恢复数据库，媒体目录在归档的 media/ 下。`,
      )
    }
    const unknown = options.knownMigrations
      ? manifest.database.migrations.filter((name) => !options.knownMigrations!.includes(name))
      : []
    if (unknown.length > 0) {
      throw new RestoreRefused(
        `备份来自更新版本的程序（本程序不认识的数据库迁移：${unknown.join('、')}），请先升级程序再恢复。`,
      )
    }

    const stamp = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z')
    const movedAside: string[] = []
    const databaseAside = moveAside(options.databaseFile, stamp, ['-wal', '-shm', '-journal'])
    if (databaseAside) movedAside.push(databaseAside)
    fs.renameSync(path.join(staging, manifest.database.entry), options.databaseFile)
    syncFolder(databaseDir)

    const stagedMedia = path.join(staging, 'media')
    fs.mkdirSync(stagedMedia, { recursive: true })
    const mediaAside = moveAside(options.mediaDir, stamp)
    if (mediaAside) movedAside.push(mediaAside)
    fs.mkdirSync(path.dirname(options.mediaDir), { recursive: true })
    try {
      fs.renameSync(stagedMedia, options.mediaDir)
    } catch (error) {
      // Another file system (MEDIA_DIR elsewhere): copy instead of rename.
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
      fs.cpSync(stagedMedia, options.mediaDir, { recursive: true })
    }
    return { manifest, movedAside, milliseconds: performance.now() - started }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
}
