/**
 * `npm run backup [-- --out <file>]`: one archive of the database, the media folder and a manifest
 * (cms/backup/createBackup.ts), by default into BACKUP_DIR. `--scheduled` (the scheduler in
 * `npm start`) also keeps only the newest BACKUP_KEEP archives there. The outcome is recorded in
 * the 网站状态 panel.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadEnvironment } from './loadEnvironment'
import { parseArguments, runScript } from './openPayload'

loadEnvironment()
// Stopped (npm start shutting down): exit, so the backup's exit handler removes its temporary files.
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => process.exit(1))

await runScript('backup', async () => {
  const { values } = parseArguments(
    () =>
      parseArgs({
        options: { out: { type: 'string' }, scheduled: { type: 'boolean' } },
        strict: true,
      }),
    '用法：npm run backup [-- --out <文件.tar.gz>]',
  )
  const [
    { databaseUrl, mediaDir },
    { isMongoUrl },
    { sqliteFilePath },
    { createBackup, backupFileName },
    { backupDir, backupKeep },
    { pruneBackups },
    { describeFailure },
  ] = await Promise.all([
    import('../settings'),
    import('../database/databaseKind'),
    import('../backup/databaseFile'),
    import('../backup/createBackup'),
    import('../backup/backupSettings'),
    import('../backup/pruneBackups'),
    import('../backup/describeFailure'),
  ])
  const url = databaseUrl()
  const file = path.resolve(values.out ?? path.join(backupDir(), backupFileName()))
  const config = await (await import('../payload.config')).default
  const collections = config.collections.map((collection) => collection.slug)
  const database = isMongoUrl(url)
    ? { kind: 'mongodb' as const, url }
    : { kind: 'sqlite' as const, file: sqliteFilePath(url)! }

  let summary: string
  try {
    const result = await createBackup({ database, mediaDir: mediaDir(), file, collections })
    const pruned =
      values.scheduled && !values.out ? pruneBackups(path.dirname(file), backupKeep()) : []
    const { counts } = result.manifest.database
    summary =
      `${file.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), file) : file}（${(result.bytes / 1048576).toFixed(1)} MB，${(result.milliseconds / 1000).toFixed(1)} 秒；` +
      `${['news', 'exhibits', 'lectures', 'books', 'media', 'users'].map((slug) => `${slug} ${counts[slug] ?? '—'}`).join('，')}；` +
      `媒体文件 ${result.manifest.media.entries} 个${pruned.length ? `；按 BACKUP_KEEP 删除旧备份 ${pruned.length} 个` : ''}）`
    await record(
      {
        at: new Date().toISOString(),
        file: path.basename(file),
        bytes: result.bytes,
        durationMs: Math.round(result.milliseconds),
        error: null,
      },
      { action: 'backup', summary: `${values.scheduled ? '定时备份' : '备份'}：${summary}` },
    )
  } catch (error) {
    const message = describeFailure(error)
    // Not into a database that is not there (opening it would create it) or unreachable.
    if (database.kind === 'sqlite' && fs.existsSync(database.file))
      await record(
        { failedAt: new Date().toISOString(), error: message },
        {
          action: 'backupFailed',
          summary: `${values.scheduled ? '定时备份' : '备份'}失败：${message}`,
        },
      )
    throw new Error(message, { cause: error })
  }
  return summary
})

/**
 * The outcome into the 网站状态 panel and the audit log (by the system: no one signs in to run
 * it); a backup is not failed because they could not be told.
 */
async function record(
  update: Parameters<typeof import('../backup/recordBackupStatus').recordBackupStatus>[1],
  entry: { action: 'backup' | 'backupFailed'; summary: string },
): Promise<void> {
  try {
    process.env.PAYLOAD_JOBS_AUTORUN ??= 'false'
    process.env.PAYLOAD_LOG_LEVEL ??= 'warn'
    const [{ getPayload }, { default: config }, { recordBackupStatus }, { recordAuditEntry }] =
      await Promise.all([
        import('payload'),
        import('../payload.config'),
        import('../backup/recordBackupStatus'),
        import('../audit/recordAudit'),
      ])
    const payload = await getPayload({ config })
    await recordBackupStatus(payload, update)
    await recordAuditEntry(payload, { ...entry, targetCollection: 'system' })
    await payload.destroy()
  } catch (error) {
    console.warn(`⚠ 备份状态未写入网站状态面板：${(error as Error).message}`)
  }
}
