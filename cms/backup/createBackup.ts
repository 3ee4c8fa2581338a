/**
 * `npm run backup`: one archive (`.tar.gz`) holding an online snapshot of the SQLite database, the
 * media folder and a manifest. The snapshot is `VACUUM INTO` on a connection of its own: one read
 * transaction, so it is consistent while editors keep saving (WAL lets writers go on beside it).
 * Files are hashed in the same pass that archives them and the manifest comes last, so it describes
 * exactly the bytes written. The archive appears under its final name only when complete.
 */
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import zlib from 'node:zlib'
import { createClient } from '@libsql/client'
import { temporaryPathFor } from '../../shared/writeFileAtomically'
import { mongoDatabaseName } from './databaseFile'
import {
  manifestFormat,
  manifestName,
  manifestVersion,
  mediaEntry,
  type BackupManifest,
  type ManifestFile,
} from './manifest'
import { archiveEnd, entryHeader, entryPadding } from './tarArchive'

export interface CreateBackupOptions {
  /** The live database: a SQLite file, or a MongoDB URL (dumped with `mongodump`, which must be on PATH). */
  database: { kind: 'sqlite'; file: string } | { kind: 'mongodb'; url: string }
  mediaDir: string
  /** The archive to write (its folder is created). */
  file: string
  /** Collection slugs to count in the manifest. */
  collections: string[]
  /** gzip level (1 fast … 9 small). */
  gzipLevel?: number
}

export interface BackupResult {
  file: string
  bytes: number
  milliseconds: number
  /** Of which the database snapshot (VACUUM INTO, or mongodump). */
  snapshotMilliseconds: number
  manifest: BackupManifest
}

/** `hongse-backup-20261202T181500Z.tar.gz`: sorts by time, and says what it is. */
export function backupFileName(date = new Date()): string {
  return `hongse-backup-${date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}.tar.gz`
}

export const backupFilePattern = /^hongse-backup-\d{8}T\d{6}Z(-\d+)?\.tar\.gz$/

const tableOf = (slug: string) => slug.replace(/-/g, '_')
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`

/** Consistent copy of a live SQLite database (WAL mode; waits through the busy timeout). */
export async function snapshotSqlite(databaseFile: string, snapshotFile: string): Promise<void> {
  if (!fs.existsSync(databaseFile)) throw new Error(`数据库文件不存在：${databaseFile}`)
  const client = createClient({ url: `file:${databaseFile}` })
  try {
    await client.execute('PRAGMA busy_timeout = 10000')
    await client.execute({ sql: 'VACUUM INTO ?', args: [snapshotFile] })
  } finally {
    client.close()
  }
}

/**
 * A MongoDB database as one gzipped `mongodump` archive (the tool must be on PATH; `--oplog` is
 * left out because it needs a replica set and the whole server).
 */
async function dumpMongo(url: string, archiveFile: string): Promise<void> {
  const result = spawnSync('mongodump', [`--uri=${url}`, `--archive=${archiveFile}`, '--gzip'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  })
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT')
    throw new Error(mongoWithoutTools)
  if (result.status !== 0)
    throw new Error(
      `mongodump 失败（退出码 ${result.status}）：${result.stderr.trim().split('\n').slice(-3).join(' ')}`,
    )
}

export const mongoWithoutTools =
  'DATABASE_URL 指向 MongoDB，但找不到 mongodump（MongoDB Database Tools）。请安装后重试，或按 README “备份与恢复”一节手工备份：mongodump --uri=… --archive=… --gzip，再加上媒体目录（MEDIA_DIR）。'

/** Migrations and document counts, read from the snapshot itself (so they match what is archived). */
async function describeSnapshot(
  snapshotFile: string,
  collections: string[],
): Promise<Pick<BackupManifest['database'], 'migrations' | 'counts'>> {
  const client = createClient({ url: `file:${snapshotFile}` })
  try {
    const tables = new Set(
      (await client.execute("SELECT name FROM sqlite_master WHERE type = 'table'")).rows.map(
        (row) => String(row.name),
      ),
    )
    const migrations = tables.has('payload_migrations')
      ? (await client.execute('SELECT name FROM payload_migrations ORDER BY id')).rows.map((row) =>
          String(row.name),
        )
      : []
    const counts: Record<string, number> = {}
    for (const slug of collections) {
      for (const [label, table] of [
        [slug, tableOf(slug)],
        [`${slug} (versions)`, `_${tableOf(slug)}_v`],
      ]) {
        if (!tables.has(table)) continue
        counts[label] = Number(
          (await client.execute(`SELECT count(*) AS n FROM ${quoted(table)}`)).rows[0].n,
        )
      }
    }
    return { migrations, counts }
  } finally {
    client.close()
  }
}

/** Every file under `dir`, relative, sorted (empty when the folder does not exist). */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort()
}

/**
 * One archive entry from a file on disk: exactly `size` bytes (the size when it was opened; a file
 * growing meanwhile is cut there, one shrinking is padded), hashed as written.
 */
async function* fileEntry(
  name: string,
  file: string,
  files: Record<string, ManifestFile>,
): AsyncGenerator<Buffer> {
  const handle = await fs.promises.open(file, 'r')
  try {
    const { size, mtimeMs } = await handle.stat()
    const hash = crypto.createHash('sha256')
    yield entryHeader(name, size, mtimeMs)
    let position = 0
    const buffer = Buffer.alloc(1 << 20)
    while (position < size) {
      const { bytesRead } = await handle.read(
        buffer,
        0,
        Math.min(buffer.length, size - position),
        position,
      )
      const chunk =
        bytesRead > 0 ? Buffer.from(buffer.subarray(0, bytesRead)) : Buffer.alloc(size - position)
      hash.update(chunk)
      position += chunk.length
      yield chunk
    }
    yield entryPadding(size)
    files[name] = { size, sha256: hash.digest('hex') }
  } finally {
    await handle.close()
  }
}

/** Writes the archive (temporary file, fsync, rename) and returns its manifest. */
export async function createBackup(options: CreateBackupOptions): Promise<BackupResult> {
  const started = performance.now()
  fs.mkdirSync(path.dirname(options.file), { recursive: true })
  const temporary = temporaryPathFor(options.file)
  const snapshot = `${temporary}.db`
  // A backup stopped by a signal (npm start shutting down) exits through process.exit: no temporaries left.
  const removeTemporaries = () => {
    fs.rmSync(temporary, { force: true })
    fs.rmSync(snapshot, { force: true })
  }
  process.once('exit', removeTemporaries)
  try {
    const { database } = options
    let described: Pick<BackupManifest['database'], 'migrations' | 'counts'> = {
      migrations: [],
      counts: {},
    }
    let name: string
    if (database.kind === 'sqlite') {
      await snapshotSqlite(database.file, snapshot)
      described = await describeSnapshot(snapshot, options.collections)
      name = path.basename(database.file)
    } else {
      await dumpMongo(database.url, snapshot)
      name = mongoDatabaseName(database.url)
    }
    const snapshotMilliseconds = performance.now() - started
    const databaseEntry =
      database.kind === 'sqlite' ? `database/${name}` : 'database/mongodump.archive.gz'
    const mediaFiles = listFiles(options.mediaDir)
    const files: Record<string, ManifestFile> = {}
    const createdAt = new Date().toISOString()
    let manifest: BackupManifest | undefined

    async function* entries(): AsyncGenerator<Buffer> {
      yield* fileEntry(databaseEntry, snapshot, files)
      for (const relative of mediaFiles) {
        // A file deleted since the listing (a media document removed meanwhile) is left out.
        if (!fs.existsSync(path.join(options.mediaDir, relative))) continue
        yield* fileEntry(mediaEntry(relative), path.join(options.mediaDir, relative), files)
      }
      const mediaNames = Object.keys(files).filter((name) => name.startsWith('media/'))
      manifest = {
        format: manifestFormat,
        version: manifestVersion,
        createdAt,
        database: { kind: database.kind, name, entry: databaseEntry, ...described },
        media: {
          entries: mediaNames.length,
          bytes: mediaNames.reduce((sum, name) => sum + files[name].size, 0),
        },
        files,
      }
      const json = Buffer.from(JSON.stringify(manifest, null, 2))
      yield entryHeader(manifestName, json.length)
      yield json
      yield entryPadding(json.length)
      yield archiveEnd()
    }

    await pipeline(
      entries,
      zlib.createGzip({ level: options.gzipLevel ?? 6 }),
      fs.createWriteStream(temporary),
    )
    const handle = await fs.promises.open(temporary, 'r+')
    await handle.sync()
    await handle.close()
    fs.renameSync(temporary, options.file)
    syncFolder(path.dirname(options.file))
    return {
      file: options.file,
      bytes: fs.statSync(options.file).size,
      milliseconds: performance.now() - started,
      snapshotMilliseconds,
      manifest: manifest!,
    }
  } finally {
    process.off('exit', removeTemporaries)
    removeTemporaries()
  }
}

/** Makes a rename durable (the folder's entry), where the platform allows opening folders. */
export function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r')
    fs.fsyncSync(fd)
    fs.closeSync(fd)
  } catch {
    // not supported here (Windows): the rename itself is still atomic
  }
}
