import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import crypto from 'node:crypto'
import zlib from 'node:zlib'
import { nextBackupDue } from '../../cms/backup/backupSchedule'
import { restoreBackup } from '../../cms/backup/restoreBackup'
import { pruneBackups } from '../../cms/backup/pruneBackups'
import { archiveEnd, entryHeader, entryPadding, readTar } from '../../cms/backup/tarArchive'

/** Every temporary folder of this file, under one root removed at the end. */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-backup-unit-'))
const temporaryDir = (name: string) => fs.mkdtempSync(path.join(root, name))
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

const files: [string, Buffer][] = [
  ['manifest.json', Buffer.from('{}')],
  ['media/empty.txt', Buffer.alloc(0)],
  ['media/exactly-one-block.bin', Buffer.alloc(512, 7)],
  [`media/${'长'.repeat(60)}-党员大会-1200x630.webp`, Buffer.from('中文名字的文件')],
  [`media/${'a/'.repeat(70)}deep.jpg`, Buffer.alloc(70_000, 1)],
]

function archive(entries: [string, Buffer][]): Buffer {
  return Buffer.concat([
    ...entries.flatMap(([name, data]) => [
      entryHeader(name, data.length, 0),
      data,
      entryPadding(data.length),
    ]),
    archiveEnd(),
  ])
}

async function read(bytes: Buffer, chunk = 1000): Promise<[string, Buffer][]> {
  const pieces: Buffer[] = []
  for (let i = 0; i < bytes.length; i += chunk) pieces.push(bytes.subarray(i, i + chunk))
  const found: [string, Buffer][] = []
  await readTar(Readable.from(pieces), (name) => {
    const parts: Buffer[] = []
    return {
      data: (piece) => void parts.push(Buffer.from(piece)),
      end: () => void found.push([name, Buffer.concat(parts)]),
    }
  })
  return found
}

describe('backup archives (tar)', () => {
  it('reads back every entry, long and Chinese names included, in any chunking', async () => {
    const bytes = archive(files)
    expect(await read(bytes, 1000)).toEqual(files)
    expect(await read(bytes, 7)).toEqual(files)
    expect(await read(bytes, 1 << 20)).toEqual(files)
  })

  it('is a tar the system tool reads with the same names', () => {
    const file = path.join(temporaryDir('hongse-tar-'), 'a.tar')
    fs.writeFileSync(file, archive(files))
    const listed = spawnSync('tar', ['-tf', file], { encoding: 'utf8' })
    expect(listed.stdout.trim().split('\n')).toEqual(files.map(([name]) => name))
  })

  it('refuses a damaged header and an archive cut short', async () => {
    const bytes = archive(files)
    const damaged = Buffer.from(bytes)
    damaged[10] ^= 0x20
    await expect(read(damaged)).rejects.toThrow('tar 头部校验和不符')
    await expect(read(bytes.subarray(0, 2048))).rejects.toThrow('归档在结束标记之前中断')
  })
})

describe('backup schedule and retention', () => {
  it('is due an interval after the newest archive, never before the start delay', () => {
    const dir = temporaryDir('hongse-schedule-')
    const now = Date.parse('2026-12-02T12:00:00Z')
    expect(nextBackupDue(dir, 24, now, 60_000)).toBe(now + 60_000)
    const file = path.join(dir, 'hongse-backup-20261202T060000Z.tar.gz')
    fs.writeFileSync(file, '')
    fs.utimesSync(file, new Date('2026-12-02T06:00:00Z'), new Date('2026-12-02T06:00:00Z'))
    expect(nextBackupDue(dir, 24, now, 60_000)).toBe(Date.parse('2026-12-03T06:00:00Z'))
    expect(nextBackupDue(dir, 2, now, 60_000)).toBe(now + 60_000)
  })

  it('keeps the newest N archives and nothing else of ours, leaving other files alone', () => {
    const dir = temporaryDir('hongse-prune-')
    const names = [
      'hongse-backup-20261201T000000Z.tar.gz',
      'hongse-backup-20261202T000000Z.tar.gz',
      'hongse-backup-20261130T000000Z.tar.gz',
      'other.tar.gz',
    ]
    for (const name of names) fs.writeFileSync(path.join(dir, name), '')
    const removed = pruneBackups(dir, 2).map((file) => path.basename(file))
    expect(removed).toEqual(['hongse-backup-20261130T000000Z.tar.gz'])
    expect(fs.readdirSync(dir).sort()).toEqual([
      'hongse-backup-20261201T000000Z.tar.gz',
      'hongse-backup-20261202T000000Z.tar.gz',
      'other.tar.gz',
    ])
  })
})

describe('restore refusals before anything is touched', () => {
  /** A gzipped archive whose manifest describes its entries (optionally altered). */
  /** The manifest as these tests bend it (deliberately looser than the real type). */
  type LooseManifest = {
    database: { kind: string; name: string; entry: string; migrations: string[]; counts: object }
    files: Record<string, { size: number; sha256: string }>
    [key: string]: unknown
  }
  function backupOf(
    entries: [string, Buffer][],
    alter: (manifest: LooseManifest) => void = () => {},
  ): string {
    const files = Object.fromEntries(
      entries.map(([name, data]) => [
        name,
        { size: data.length, sha256: crypto.createHash('sha256').update(data).digest('hex') },
      ]),
    )
    const manifest: LooseManifest = {
      format: 'hongse-backup',
      version: 1,
      createdAt: '2026-12-02T00:00:00.000Z',
      database: {
        kind: 'sqlite',
        name: 'cms.db',
        entry: 'database/cms.db',
        migrations: ['20261128_044644_initial'],
        counts: {},
      },
      media: { entries: 0, bytes: 0 },
      files,
    }
    alter(manifest)
    const dir = temporaryDir('hongse-restore-unit-')
    const file = path.join(dir, 'backup.tar.gz')
    fs.writeFileSync(
      file,
      zlib.gzipSync(
        archive([...entries, ['manifest.json', Buffer.from(JSON.stringify(manifest))]]),
      ),
    )
    return file
  }
  const target = () => {
    const dir = temporaryDir('hongse-restore-target-')
    return { dir, databaseFile: path.join(dir, 'cms.db'), mediaDir: path.join(dir, 'media') }
  }
  const database: [string, Buffer] = [
    'database/cms.db',
    Buffer.from('not really sqlite, only bytes to check'),
  ]

  it('refuses an archive from newer code (an unknown migration)', async () => {
    const archive = backupOf([database], (manifest) =>
      manifest.database.migrations.push('20991231_000000_future'),
    )
    const into = target()
    await expect(
      restoreBackup({ archive, ...into, knownMigrations: ['20261128_044644_initial'] }),
    ).rejects.toThrow('备份来自更新版本的程序')
    expect(fs.readdirSync(into.dir)).toEqual([])
  })

  it('points a MongoDB archive to mongorestore', async () => {
    const archive = backupOf(
      [['database/mongodump.archive.gz', Buffer.from('dump')]],
      (manifest) => {
        manifest.database = {
          ...manifest.database,
          kind: 'mongodb',
          name: 'hongse',
          entry: 'database/mongodump.archive.gz',
        }
      },
    )
    const into = target()
    await expect(restoreBackup({ archive, ...into })).rejects.toThrow('mongorestore')
    expect(fs.readdirSync(into.dir)).toEqual([])
  })

  it('refuses entries outside the archive folder, extra entries and missing ones', async () => {
    const into = target()
    await expect(
      restoreBackup({ archive: backupOf([database, ['../evil.txt', Buffer.from('x')]]), ...into }),
    ).rejects.toThrow('条目名称不安全')
    await expect(
      restoreBackup({
        archive: backupOf(
          [database],
          (manifest) => (manifest.files['media/gone.jpg'] = { size: 1, sha256: '00' }),
        ),
        ...into,
      }),
    ).rejects.toThrow('清单列出的文件缺失：media/gone.jpg')
    await expect(
      restoreBackup({
        archive: backupOf(
          [database, ['media/extra.jpg', Buffer.from('x')]],
          (manifest) => delete manifest.files['media/extra.jpg'],
        ),
        ...into,
      }),
    ).rejects.toThrow('清单中没有的文件：media/extra.jpg')
    expect(fs.existsSync(path.join(into.dir, '..', 'evil.txt'))).toBe(false)
    expect(fs.readdirSync(into.dir)).toEqual([])
  })
})
