/**
 * `npm run restore -- <archive> [--force]`: verifies a backup archive completely, then puts its
 * database and media in place (cms/backup/restoreBackup.ts). Refuses a damaged archive, and a
 * database that holds data unless `--force`. Run it with the system stopped; on the next
 * `npm start` the publisher compares the published content with the live site and updates it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadEnvironment } from './loadEnvironment'
import { parseArguments, runScript } from './openPayload'

loadEnvironment()

/**
 * The committed migrations, by file name (importing them would load the database adapter, which
 * takes seconds): an archive whose database ran a migration not among them is from newer code.
 */
function migrationNames(): string[] {
  return fs
    .readdirSync(path.join(process.cwd(), 'cms/database/migrations'))
    .filter((name) => /^\d{8}_\d{6}_.+\.ts$/.test(name))
    .map((name) => name.slice(0, -'.ts'.length))
}

await runScript('restore', async () => {
  const { values, positionals } = parseArguments(
    () =>
      parseArgs({ options: { force: { type: 'boolean' } }, allowPositionals: true, strict: true }),
    '用法：npm run restore -- <备份文件.tar.gz> [--force]',
  )
  if (positionals.length !== 1)
    throw new Error('用法：npm run restore -- <备份文件.tar.gz> [--force]')
  const [
    { databaseUrl, mediaDir },
    { isMongoUrl },
    { sqliteFilePath },
    { restoreBackup },
    { siteReleasesDir },
  ] = await Promise.all([
    import('../settings'),
    import('../database/databaseKind'),
    import('../backup/databaseFile'),
    import('../backup/restoreBackup'),
    import('../../publisher/settings'),
  ])
  const url = databaseUrl()
  if (isMongoUrl(url)) {
    throw new Error(
      'DATABASE_URL 指向 MongoDB：npm run restore 只恢复 SQLite。请按 README “备份与恢复”一节用 mongorestore 恢复数据库，并把归档中的 media/ 放回媒体目录。',
    )
  }
  const result = await restoreBackup({
    archive: path.resolve(positionals[0]),
    databaseFile: sqliteFilePath(url)!,
    mediaDir: mediaDir(),
    force: values.force,
    knownMigrations: migrationNames(),
    releasesDir: siteReleasesDir(),
  })
  const { manifest } = result
  const documents = Object.entries(manifest.database.counts)
    .filter(([name]) => !name.includes(' ') && !name.startsWith('payload-'))
    .map(([name, count]) => `${name} ${count}`)
    .join('，')
  return (
    `已从 ${path.basename(positionals[0])}（${manifest.createdAt}）恢复：${documents}；媒体文件 ${manifest.media.entries} 个，全部校验通过` +
    `（${(result.milliseconds / 1000).toFixed(1)} 秒）。${result.movedAside.length ? `原数据已改名保留：${result.movedAside.join('，')}。` : ''}` +
    `下次 npm start 时发布服务会核对并更新公开网站。`
  )
})
