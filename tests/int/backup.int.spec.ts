/**
 * Backup and restore on a real SQLite file and real media, through the real npm scripts: a backup
 * taken while five writers save restores to a consistent copy (every row identical to the
 * original's, every writer's documents a prefix of what it wrote); a backup at rest, after the
 * originals are wiped, restores every row of every table and every media file identically and
 * exports the same published content; damaged archives and a non-empty target are refused with a
 * clear message and a non-zero exit, leaving everything as it was.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { unpackVerified } from '../../cms/backup/restoreBackup'
import { generateImage } from '../../cms/seed/generateImage'
import { richTextFromParagraphs } from '../../cms/seed/lexical'
import {
  createUser,
  describeOnDatabase,
  startTestPayload,
  type TestPayload,
} from '../helpers/testPayload'

/** The npm scripts start Node, tsx and the Payload config: slow on a busy machine. */
const spawnTimeoutMs = 600_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const sha256 = (file: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')

/** Runs `npm run <script> -- <args>` like an operator would; resolves with its exit code and output. */
function npmRun(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
      cwd: process.cwd(),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('exit', (code) => resolve({ code, output }))
  })
}

/** Every row of every table, as JSON lines sorted, by table name. */
async function dumpDatabase(file: string, skip: string[] = []): Promise<Map<string, string[]>> {
  const client = createClient({ url: `file:${file}` })
  try {
    const tables = (
      await client.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
    ).rows.map((row) => String(row.name))
    const dump = new Map<string, string[]>()
    for (const table of tables.filter((name) => !skip.includes(name))) {
      const { rows, columns } = await client.execute(`SELECT * FROM "${table}"`)
      dump.set(
        table,
        rows
          .map((row) =>
            JSON.stringify(
              columns.map((column) =>
                row[column] instanceof ArrayBuffer
                  ? Buffer.from(row[column] as ArrayBuffer).toString('hex')
                  : row[column],
              ),
            ),
          )
          .sort(),
      )
    }
    return dump
  } finally {
    client.close()
  }
}

function mediaChecksums(dir: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      result[path.relative(dir, path.join(entry.parentPath, entry.name))] = sha256(
        path.join(entry.parentPath, entry.name),
      )
  }
  return result
}

/** Everything under `dir` (to prove a refused restore left nothing behind). */
const listing = (dir: string) =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String).sort() : []

describeOnDatabase('backup and restore', () => {
  let t: TestPayload
  let work: string
  let databaseFile: string
  let env: Record<string, string>
  const writerTitle = (writer: number, n: number) => `并发写入者${writer}第${n}条`

  beforeAll(async () => {
    t = await startTestPayload()
    databaseFile = process.env.DATABASE_URL!.slice('file:'.length)
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-backup-test-'))
    env = {
      DATABASE_URL: process.env.DATABASE_URL!,
      MEDIA_DIR: t.mediaDir,
      PAYLOAD_SECRET: 'test-secret',
      PAYLOAD_LOG_LEVEL: 'warn',
      SITE_RELEASES_DIR: path.join(work, 'site'),
      BACKUP_DIR: path.join(work, 'backups'),
    }
    const p = t.payload
    await Promise.all([
      createUser(p, 'admin'),
      createUser(p, 'editor'),
      createUser(p, 'contributor'),
    ])
    const images = []
    for (const [seed, name] of [
      [1, '党员大会.jpg'],
      [2, 'cover.jpg'],
    ] as const) {
      const data = await generateImage({ seed, motif: 'star', width: 1200, height: 800 })
      images.push(
        await p.create({
          collection: 'media',
          data: { alt: `图片${seed}` },
          file: { data, mimetype: 'image/jpeg', name, size: data.length },
        }),
      )
    }
    for (let n = 0; n < 8; n++) {
      const news = await p.create({
        collection: 'news',
        data: {
          title: `楼宇党建第${n}期`,
          category: 'party-building',
          summary: '党员志愿者服务楼宇企业。',
          body: richTextFromParagraphs([`第${n}期正文。`]) as never,
          tags: ['志愿服务', `第${n}期`],
          cover: images[n % 2].id as number,
          _status: n < 6 ? 'published' : 'draft',
        },
      })
      // More versions: an edit, and a draft on top of a published one.
      await p.update({ collection: 'news', id: news.id, data: { summary: `修订后的摘要${n}` } })
      if (n % 3 === 0)
        await p.update({
          collection: 'news',
          id: news.id,
          data: { title: `楼宇党建第${n}期（草稿修改）`, _status: 'draft' },
          draft: true,
        })
    }
    for (let n = 0; n < 4; n++) {
      await p.create({
        collection: 'books',
        data: {
          title: `党史读本${n}`,
          authors: ['编写组'],
          clc: 'D2',
          copies: 2,
          available: 1,
          location: 'reading-room',
        } as never,
      })
    }
  })

  afterAll(async () => {
    await t?.close().catch(() => undefined)
    // close() stops at the destroy the wipe test already did: remove the database folder here too.
    if (databaseFile) fs.rmSync(path.dirname(databaseFile), { recursive: true, force: true })
    if (work) fs.rmSync(work, { recursive: true, force: true })
  })

  it(
    'takes a consistent backup while five writers save, and restores it identically into a fresh folder',
    async () => {
      let stop = false
      const written = Array.from({ length: 5 }, () => 0)
      const writers = written.map(async (_, writer) => {
        while (!stop) {
          await t.payload.create({
            collection: 'news',
            data: {
              title: writerTitle(writer, written[writer]),
              category: 'party-building',
              summary: '并发写入。',
              tags: [`写入者${writer}`],
              _status: 'published',
            },
          })
          written[writer]++
          // libsql answers a local file synchronously: let timers and child-process events run, as a server's I/O would.
          await new Promise((resolve) => setImmediate(resolve))
        }
      })
      const archive = path.join(work, 'concurrent.tar.gz')
      let before: number
      let during: number
      let backup: Awaited<ReturnType<typeof npmRun>>
      try {
        await sleep(300)
        before = written.reduce((a, b) => a + b, 0)
        backup = await npmRun('backup', ['--out', archive], env)
        during = written.reduce((a, b) => a + b, 0) - before
      } finally {
        stop = true
        await Promise.all(writers)
      }
      expect(backup.output).toContain('✔ backup')
      expect(backup.code).toBe(0)
      expect(during).toBeGreaterThan(5)

      const fresh = path.join(work, 'fresh')
      const restored = await npmRun('restore', [archive], {
        ...env,
        DATABASE_URL: `file:${fresh}/cms.db`,
        MEDIA_DIR: path.join(fresh, 'media'),
      })
      expect(restored.output).toContain('全部校验通过')
      expect(restored.code).toBe(0)

      // Every row of the snapshot is a row of the original, unchanged (the writers only added; the
      // site-status row took the backup's own status after the snapshot).
      const original = await dumpDatabase(databaseFile, ['site_status'])
      const copy = await dumpDatabase(path.join(fresh, 'cms.db'), ['site_status'])
      expect([...copy.keys()]).toEqual([...original.keys()])
      for (const [table, rows] of copy) {
        const originalRows = new Set(original.get(table))
        expect(
          rows.filter((row) => !originalRows.has(row)),
          table,
        ).toEqual([])
      }
      // The snapshot is one moment: each writer's documents are the first k it wrote.
      const client = createClient({ url: `file:${path.join(fresh, 'cms.db')}` })
      const titles = new Set(
        (await client.execute("SELECT title FROM news WHERE title LIKE '并发写入者%'")).rows.map(
          (row) => String(row.title),
        ),
      )
      expect((await client.execute('PRAGMA integrity_check')).rows[0][0]).toBe('ok')
      client.close()
      let inSnapshot = 0
      for (let writer = 0; writer < 5; writer++) {
        const count = [...titles].filter((title) =>
          title.startsWith(`并发写入者${writer}第`),
        ).length
        inSnapshot += count
        for (let n = 0; n < count; n++) expect(titles.has(writerTitle(writer, n))).toBe(true)
      }
      expect(inSnapshot).toBe(titles.size)
      expect(inSnapshot).toBeGreaterThanOrEqual(before)
      expect(mediaChecksums(path.join(fresh, 'media'))).toEqual(mediaChecksums(t.mediaDir))
    },
    spawnTimeoutMs,
  )

  it(
    'after a wipe, restores every row, version, user and media file and exports the same site',
    async () => {
      // The state to get back (before the backup: it records its own outcome in site-status afterwards).
      const rows = await dumpDatabase(databaseFile)
      const media = mediaChecksums(t.mediaDir)
      const exportBefore = path.join(work, 'export-before.json')
      expect((await npmRun('export', [], { ...env, SITE_CONTENT_FILE: exportBefore })).code).toBe(0)
      const archive = path.join(work, 'at-rest.tar.gz')
      expect((await npmRun('backup', ['--out', archive], env)).code).toBe(0)
      expect(rows.get('users')).toHaveLength(3)
      expect(rows.get('_news_v')!.length).toBeGreaterThan(20)
      expect(Object.keys(media).length).toBeGreaterThan(10)

      // Wipe: the database and the media folder are gone.
      await t.payload.destroy()
      ;(t.payload.db as unknown as { client?: { close(): void } }).client?.close()
      for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`])
        fs.rmSync(file, { force: true })
      fs.rmSync(t.mediaDir, { recursive: true, force: true })

      const restored = await npmRun('restore', [archive], env)
      expect(restored.code).toBe(0)
      expect(await dumpDatabase(databaseFile)).toEqual(rows)
      expect(mediaChecksums(t.mediaDir)).toEqual(media)

      const exportAfter = path.join(work, 'export-after.json')
      expect((await npmRun('export', [], { ...env, SITE_CONTENT_FILE: exportAfter })).code).toBe(0)
      const read = (file: string) => ({
        ...JSON.parse(fs.readFileSync(file, 'utf8')),
        generatedAt: null,
      })
      const [before, after] = [read(exportBefore), read(exportAfter)]
      expect(before.news.length).toBeGreaterThan(6)
      expect(after).toEqual(before)
    },
    spawnTimeoutMs,
  )

  it(
    'refuses a corrupt or truncated archive with a clear message and overwrites nothing, even with --force',
    async () => {
      const archive = path.join(work, 'at-rest.tar.gz')
      const bytes = fs.readFileSync(archive)
      const flipped = Buffer.from(bytes)
      flipped[Math.floor(flipped.length / 2)] ^= 0xff
      fs.writeFileSync(path.join(work, 'flipped.tar.gz'), flipped)
      fs.writeFileSync(
        path.join(work, 'truncated.tar.gz'),
        bytes.subarray(0, Math.floor(bytes.length * 0.8)),
      )
      const databaseBefore = sha256(databaseFile)
      const dataDirBefore = listing(path.dirname(databaseFile))

      const corrupt = await npmRun('restore', [path.join(work, 'flipped.tar.gz'), '--force'], env)
      expect(corrupt.code).not.toBe(0)
      expect(corrupt.output).toContain('备份文件已损坏，拒绝恢复（未做任何修改）')
      const truncated = await npmRun(
        'restore',
        [path.join(work, 'truncated.tar.gz'), '--force'],
        env,
      )
      expect(truncated.code).not.toBe(0)
      expect(truncated.output).toContain('备份文件不完整')

      expect(sha256(databaseFile)).toBe(databaseBefore)
      expect(listing(path.dirname(databaseFile))).toEqual(dataDirBefore)
    },
    spawnTimeoutMs,
  )

  it(
    'refuses to restore onto a database that holds data without --force, and moves it aside with --force',
    async () => {
      const archive = path.join(work, 'concurrent.tar.gz')
      const databaseBefore = sha256(databaseFile)
      const refused = await npmRun('restore', [archive], env)
      expect(refused.code).not.toBe(0)
      expect(refused.output).toContain('中已有数据，恢复会覆盖它，已拒绝。确认覆盖请加 --force')
      expect(sha256(databaseFile)).toBe(databaseBefore)

      const forced = await npmRun('restore', [archive, '--force'], env)
      expect(forced.code).toBe(0)
      const aside = fs
        .readdirSync(path.dirname(databaseFile))
        .filter((name) =>
          new RegExp(`^${path.basename(databaseFile)}\\.before-restore-\\d{8}T\\d{6}Z$`).test(name),
        )
      expect(aside).toHaveLength(1)
      expect(sha256(path.join(path.dirname(databaseFile), aside[0]))).toBe(databaseBefore)
      expect(sha256(databaseFile)).not.toBe(databaseBefore)
    },
    spawnTimeoutMs,
  )

  it(
    'a scheduled run keeps the newest BACKUP_KEEP archives and records its outcome in 网站状态, a failure too',
    async () => {
      const dir = path.join(work, 'scheduled')
      fs.mkdirSync(dir, { recursive: true })
      const old = [
        'hongse-backup-20260101T000000Z.tar.gz',
        'hongse-backup-20260102T000000Z.tar.gz',
        'hongse-backup-20260103T000000Z.tar.gz',
      ]
      for (const name of old) fs.writeFileSync(path.join(dir, name), 'old')
      const stale = path.join(dir, '.hongse-backup-20260103T000000Z.tar.gz.1234abcd.tmp')
      fs.writeFileSync(stale, 'interrupted')
      fs.utimesSync(stale, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000))
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a backup')

      const run = await npmRun('backup', ['--scheduled'], {
        ...env,
        BACKUP_DIR: dir,
        BACKUP_KEEP: '2',
      })
      expect(run.code).toBe(0)
      const left = fs.readdirSync(dir).sort()
      expect(left).toHaveLength(3)
      expect(left).toContain(old[2])
      expect(left).toContain('notes.txt')
      const client = createClient({ url: `file:${databaseFile}` })
      const status = async () =>
        (
          await client.execute(
            'SELECT last_backup_at, last_backup_file, last_backup_bytes, last_backup_failed_at, last_backup_error FROM site_status',
          )
        ).rows[0]
      const success = await status()
      const newest = left.find((name) => name !== old[2] && name !== 'notes.txt')!
      expect(success.last_backup_file).toBe(newest)
      expect(Number(success.last_backup_bytes)).toBe(fs.statSync(path.join(dir, newest)).size)

      // A backup that cannot write its archive (its folder is a file) fails, and says so.
      const failed = await npmRun('backup', ['--out', path.join(dir, 'notes.txt', 'x.tar.gz')], env)
      expect(failed.code).not.toBe(0)
      const failure = await status()
      client.close()
      expect(failure.last_backup_at).toBe(success.last_backup_at)
      expect(Date.parse(String(failure.last_backup_failed_at))).toBeGreaterThan(
        Date.parse(String(success.last_backup_at)),
      )
      expect(String(failure.last_backup_error)).toMatch(
        /^(路径中有同名文件，无法建立目录|路径中有一段不是目录)（.*(EEXIST|ENOTDIR)/,
      )
    },
    spawnTimeoutMs,
  )

  it(
    'detects a changed byte inside an uncompressed archive by its checksum',
    async () => {
      const tarBytes = zlib.gunzipSync(fs.readFileSync(path.join(work, 'at-rest.tar.gz')))
      // A byte inside the database file's data (the first entry, after its 512-byte header).
      tarBytes[512 + 4096] ^= 0x01
      fs.writeFileSync(path.join(work, 'plain.tar'), tarBytes)
      const staging = fs.mkdtempSync(path.join(work, 'staging-'))
      await expect(unpackVerified(path.join(work, 'plain.tar'), staging)).rejects.toThrow(
        /校验和（sha256）不符：database\/test\.db/,
      )
    },
    spawnTimeoutMs,
  )

  it(
    'explains how to back up MongoDB when mongodump is not installed',
    async () => {
      const result = await npmRun('backup', ['--out', path.join(work, 'mongo.tar.gz')], {
        ...env,
        DATABASE_URL: 'mongodb://127.0.0.1:1/hongse',
        PATH: `${path.join(process.cwd(), 'node_modules/.bin')}:/usr/bin:/bin`,
      })
      expect(result.code).not.toBe(0)
      expect(result.output).toContain('找不到 mongodump')
      expect(result.output).toContain('README “备份与恢复”')
      expect(fs.existsSync(path.join(work, 'mongo.tar.gz'))).toBe(false)
    },
    spawnTimeoutMs,
  )
})
