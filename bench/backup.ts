/**
 * `npm run bench:backup`: backup and restore of the reference corpus (10,000 news, 1,000 lectures,
 * 20,000 books, 300 exhibits, their media with every generated size; bench/seedReferenceCorpus.ts)
 * in a temporary folder. Measures, in this process, the backup (VACUUM INTO snapshot, then the
 * archive with every file hashed) at gzip levels 6 (the default) and 1, and the restore of the
 * default archive into a fresh folder (unpack, verify every sha256, swap in); then once each the
 * real `npm run backup` and `npm run restore` end to end (process start, config load and the
 * 网站状态 record included). Checks the restored document counts against the manifest.
 *
 * BENCH_KEEP=1 keeps the temporary folder; BENCH_CORPUS=small loads a small corpus (trial runs).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Client } from '@libsql/client'
import type { Payload } from 'payload'
import { generateReferenceCorpus, referenceSize, type CorpusSize } from './referenceCorpus'
import { seedReferenceCorpus } from './seedReferenceCorpus'

const root = process.cwd()
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-bench-backup-'))
const databaseFile = path.join(dir, 'cms.db')
Object.assign(process.env, {
  DATABASE_URL: `file:${databaseFile}`,
  MEDIA_DIR: path.join(dir, 'media'),
  SITE_RELEASES_DIR: path.join(dir, 'site'),
  BACKUP_DIR: path.join(dir, 'backups'),
  PAYLOAD_SECRET: 'bench-backup-secret',
  PAYLOAD_JOBS_AUTORUN: 'false',
  DISABLE_PAYLOAD_HMR: 'true',
})
process.env.PAYLOAD_LOG_LEVEL ??= 'warn'

const corpusSize: CorpusSize =
  process.env.BENCH_CORPUS === 'small'
    ? { news: 600, lectures: 60, books: 1000, exhibits: 72 }
    : referenceSize
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

function folderBytes(folder: string): { files: number; bytes: number } {
  let files = 0
  let bytes = 0
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    files++
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size
  }
  return { files, bytes }
}

async function seed(): Promise<string[]> {
  const [{ getPayload }, { default: config }, { migrateDatabase }] = await Promise.all([
    import('payload'),
    import('../cms/payload.config'),
    import('../cms/database/migrateDatabase'),
  ])
  const corpusMedia = path.join(dir, 'corpus-media')
  let started = performance.now()
  const content = await generateReferenceCorpus(corpusMedia, corpusSize)
  console.log(
    `  corpus: ${content.news.length} news, ${content.lectures.length} lectures, ${content.books.length} books, ${content.exhibits.length} exhibits (generated in ${seconds(performance.now() - started)})`,
  )
  started = performance.now()
  const payload: Payload = await getPayload({ config })
  await migrateDatabase(payload)
  try {
    const seeded = await seedReferenceCorpus(payload, content, corpusMedia, () => {})
    console.log(
      `  seeded in ${seconds(performance.now() - started)}: ${Object.entries(seeded.counts)
        .map(([name, count]) => `${name} ${count}`)
        .join(', ')}`,
    )
    return payload.config.collections.map((collection) => collection.slug)
  } finally {
    await payload.destroy()
    ;(payload.db as unknown as { client?: Client }).client?.close()
    fs.rmSync(corpusMedia, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  console.log(
    `bench:backup (Node ${process.versions.node}, ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}) in ${dir}`,
  )
  const collections = await seed()
  const { createBackup } = await import('../cms/backup/createBackup')
  const { restoreBackup } = await import('../cms/backup/restoreBackup')
  const media = folderBytes(process.env.MEDIA_DIR!)
  console.log(
    `  database ${mb(fs.statSync(databaseFile).size)} (+ WAL ${mb(fs.existsSync(`${databaseFile}-wal`) ? fs.statSync(`${databaseFile}-wal`).size : 0)}), media ${media.files} files ${mb(media.bytes)}`,
  )

  // Levels alternate, twice each: the first run also warms the page cache, and this machine is shared.
  const results: Record<string, { ms: number[]; snapshotMs: number[]; bytes: number }> = {}
  for (const [round, level] of [6, 1, 6, 1].entries()) {
    const file = path.join(dir, 'backups', `level-${level}.tar.gz`)
    fs.rmSync(file, { force: true })
    const result = await createBackup({
      database: { kind: 'sqlite', file: databaseFile },
      mediaDir: process.env.MEDIA_DIR!,
      file,
      collections,
      gzipLevel: level,
    })
    results[level] ??= { ms: [], snapshotMs: [], bytes: result.bytes }
    results[level].ms.push(result.milliseconds)
    results[level].snapshotMs.push(result.snapshotMilliseconds)
    console.log(
      `  backup ${round + 1}, gzip level ${level}${level === 6 ? ' (default)' : ''}: ${seconds(result.milliseconds)} (snapshot ${seconds(result.snapshotMilliseconds)}, ` +
        `archive and hashes ${seconds(result.milliseconds - result.snapshotMilliseconds)}), archive ${mb(result.bytes)} (${result.manifest.media.entries} media files, ${Object.keys(result.manifest.files).length} entries hashed)`,
    )
  }
  const fresh = path.join(dir, 'fresh')
  const restored = await restoreBackup({
    archive: path.join(dir, 'backups', 'level-6.tar.gz'),
    databaseFile: path.join(fresh, 'cms.db'),
    mediaDir: path.join(fresh, 'media'),
  })
  console.log(
    `  restore into a fresh folder (unpack, verify every sha256, swap in): ${seconds(restored.milliseconds)}`,
  )
  const { createClient } = await import('@libsql/client')
  const client = createClient({ url: `file:${path.join(fresh, 'cms.db')}` })
  const mismatched: string[] = []
  for (const [name, expected] of Object.entries(restored.manifest.database.counts)) {
    const table = name.endsWith(' (versions)')
      ? `_${name.replace(' (versions)', '').replace(/-/g, '_')}_v`
      : name.replace(/-/g, '_')
    const count = Number((await client.execute(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n)
    if (count !== expected) mismatched.push(`${name}: ${count} ≠ ${expected}`)
  }
  client.close()
  if (mismatched.length) throw new Error(`restored counts differ: ${mismatched.join('; ')}`)
  console.log(
    `  restored counts equal the manifest: ${Object.entries(restored.manifest.database.counts)
      .filter(([name]) => !name.startsWith('payload-'))
      .map(([name, count]) => `${name} ${count}`)
      .join(', ')}`,
  )

  // The real scripts, end to end, as an operator runs them.
  const cli = (args: string[], env: Record<string, string> = {}) => {
    const started = performance.now()
    const result = spawnSync('npm', ['run', '--silent', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    })
    if (result.status !== 0)
      throw new Error(
        `npm run ${args.join(' ')} exited ${result.status}: ${result.stderr || result.stdout}`,
      )
    return { ms: performance.now() - started, line: result.stdout.trim().split('\n').pop() }
  }
  const archive = path.join(dir, 'backups', 'cli.tar.gz')
  const backupCli = cli(['backup', '--', '--out', archive])
  console.log(`  npm run backup, end to end: ${seconds(backupCli.ms)} (${backupCli.line})`)
  const restoreCli = cli(['restore', '--', archive], {
    DATABASE_URL: `file:${path.join(dir, 'fresh-cli', 'cms.db')}`,
    MEDIA_DIR: path.join(dir, 'fresh-cli', 'media'),
  })
  console.log(`  npm run restore, end to end: ${seconds(restoreCli.ms)}`)
  console.log(
    `  summary: backup ${results[6].ms.map(seconds).join(' / ')} → ${mb(results[6].bytes)} (level 1: ${results[1].ms.map(seconds).join(' / ')} → ${mb(results[1].bytes)}); restore ${seconds(restored.milliseconds)}; ` +
      `CLI end to end: backup ${seconds(backupCli.ms)}, restore ${seconds(restoreCli.ms)}`,
  )
}

let exitCode = 1
try {
  await main()
  console.log('✔ bench:backup: done')
  exitCode = 0
} catch (error) {
  console.error(
    `✘ bench:backup: ${error instanceof Error ? (process.env.DEBUG ? error.stack : error.message) : String(error)}`,
  )
} finally {
  if (process.env.BENCH_KEEP) console.log(`  kept ${dir}`)
  // On exit, not here: something still closing (the SQLite client's files) recreates the empty folder.
  else process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }))
}
process.exit(exitCode)
