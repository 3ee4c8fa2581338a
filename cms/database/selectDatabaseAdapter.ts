import fs from 'node:fs'
import path from 'node:path'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'
import { projectRoot } from '../settings'
import { isMongoUrl } from './databaseKind'
import { indexHasManyParents } from './indexHasManyParents'
import { indexNewestVersions } from './indexNewestVersions'
import { migrations } from './migrations'
import { withSerialWriteTransactions } from './serialWriteTransactions'

export { isMongoUrl }

/** `file:data/cms.db` (relative to the project) → an absolute `file:` URL, creating its folder. */
export function sqliteFileUrl(url: string): string {
  if (!url.startsWith('file:')) return url
  const file = path.resolve(projectRoot, url.slice('file:'.length))
  fs.mkdirSync(path.dirname(file), { recursive: true })
  return `file:${file}`
}

/**
 * SQLite (embedded default) or MongoDB, chosen by the URL. SQLite's schema comes only from the
 * committed migrations, never from a dev push; MongoDB needs none. On SQLite every operation is one
 * transaction, serialised inside the process (see serialWriteTransactions).
 */
export function selectDatabaseAdapter(url: string): DatabaseAdapterObj {
  if (isMongoUrl(url)) return mongooseAdapter({ url })
  return withSerialWriteTransactions(
    sqliteAdapter({
      client: { url: sqliteFileUrl(url) },
      push: false,
      afterSchemaInit: [indexHasManyParents, indexNewestVersions],
      migrationDir: path.resolve(projectRoot, 'cms/database/migrations'),
      prodMigrations: migrations,
      wal: true,
      busyTimeout: 10_000,
      logger: process.env.SQL_LOG === '1',
    }),
  )
}
