import type { Payload } from 'payload'

type MigrationList = { name: string; up: (args: never) => Promise<void> }[]

/**
 * Brings the database schema up to date from the committed migrations (SQLite); MongoDB has no
 * schema to migrate. Refuses, instead of prompting, a database that a dev-mode push has touched.
 */
export async function migrateDatabase(payload: Payload): Promise<void> {
  const migrations = (payload.db as { prodMigrations?: MigrationList }).prodMigrations
  if (!migrations?.length) return
  const pushedInDevMode = await payload.db
    .count({ collection: 'payload-migrations', where: { batch: { equals: -1 } } } as never)
    .then((result) => result.totalDocs > 0)
    .catch(() => false)
  if (pushedInDevMode) {
    throw new Error(
      '数据库曾以开发模式（schema push）修改过，不能安全地执行迁移。请备份后改用新的数据库文件，或按 README 的“数据库结构”一节处理。',
    )
  }
  await payload.db.migrate({ migrations: migrations as never })
}
