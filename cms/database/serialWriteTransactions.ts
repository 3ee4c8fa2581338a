import { randomUUID } from 'node:crypto'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { drizzle } from '@payloadcms/db-sqlite/drizzle/libsql'
import { APIError, type DatabaseAdapterObj } from 'payload'
import { WriteLock, WriteLockTimeout } from './writeLock'

/**
 * All-or-nothing writes on SQLite: every Payload operation (the document, its array, hasMany and
 * relationship rows, its versions and the `site-changes` row its hooks write with `req`) runs in
 * one transaction that commits or rolls back whole.
 *
 * Why not the adapter's own `transactionOptions`: libsql runs statements synchronously, and each
 * `client.transaction()` moves the client to a new connection (without the busy timeout). Two
 * overlapping transactions in one process then make the second connection's busy handler sleep on
 * the event loop while the first cannot finish: the process freezes until the timeout.
 *
 * Instead, one dedicated write connection per process, and an async lock around it: a transaction
 * takes the lock, runs `BEGIN IMMEDIATE` (the SQLite write lock, taken up front so it can never
 * fail half-way), and releases it after COMMIT or ROLLBACK. Reads outside transactions stay on the
 * adapter's own connection and never wait (WAL: they see the last committed state). A write
 * outside any transaction (Payload's job bookkeeping runs with `disableTransaction`) is sent to
 * the write connection under the same lock, so the process never has two connections wanting the
 * write lock. Other processes (the publisher, scripts) wait for it through the busy timeout.
 */
export function withSerialWriteTransactions(adapterObject: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObject,
    init: (args) => {
      const adapter = adapterObject.init(args)
      installSerialWriteTransactions(adapter as unknown as SQLiteAdapter)
      return adapter
    },
  }
}

/** How long an operation waits for another one's write before answering 503 (a holder never takes this long). */
const lockTimeoutMs = Number(process.env.DATABASE_WRITE_LOCK_TIMEOUT_MS ?? 60_000)

type Writer = SQLiteAdapter['drizzle']
type Session = { db: Writer; resolve: () => Promise<void>; reject: () => Promise<void> }
type Statement = string | { sql: string }
const routedClient = Symbol('routedThroughWriteLock')

function installSerialWriteTransactions(adapter: SQLiteAdapter): void {
  const lock = new WriteLock(lockTimeoutMs)
  // Opened on first need: in production the adapter's connect() already runs migrations in transactions.
  let writer: Promise<Writer> | undefined
  const openedWriter = () =>
    (writer ??= openWriter(adapter).catch((error) => {
      writer = undefined
      throw error
    }))
  const sessions = () => adapter.sessions as unknown as Record<string, Session>

  const connect = adapter.connect!
  adapter.connect = async function (this: SQLiteAdapter, options) {
    await connect.call(this, options)
    this.client = routeWritesThroughLock(this.client, lock, await openedWriter())
    this.drizzle = drizzle(this.client, {
      logger: this.logger || false,
      schema: this.schema,
    }) as Writer
  }

  const destroy = adapter.destroy
  adapter.destroy = async function (this: SQLiteAdapter) {
    await destroy?.call(this)
    const closing = writer
    writer = undefined
    ;(await closing)?.$client.close()
  }

  adapter.beginTransaction = async function (this: SQLiteAdapter) {
    await this.initializing
    const db = await openedWriter()
    const release = await acquire(lock)
    try {
      await db.$client.execute('BEGIN IMMEDIATE')
    } catch (error) {
      release()
      // Another process held the write lock for the whole busy timeout.
      if (/SQLITE_BUSY|database is locked/i.test(String((error as Error).message))) throw busy()
      throw error
    }
    const end = async (statement: 'COMMIT' | 'ROLLBACK') => {
      try {
        await db.$client.execute(statement)
      } catch (error) {
        // A failed COMMIT leaves the transaction open: undo it before the next holder starts.
        if (statement === 'COMMIT') await db.$client.execute('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        release()
      }
    }
    const id = randomUUID()
    sessions()[id] = { db, resolve: () => end('COMMIT'), reject: () => end('ROLLBACK') }
    return id
  }

  // Unlike the drizzle default, a failed COMMIT is an error of the operation, not swallowed.
  adapter.commitTransaction = async function (incomingID) {
    const id = String(await incomingID)
    const session = sessions()[id]
    if (!session) return
    delete sessions()[id]
    await session.resolve()
  }

  adapter.rollbackTransaction = async function (incomingID) {
    const id = String(await incomingID)
    const session = sessions()[id]
    if (!session) return
    delete sessions()[id]
    await session.reject()
  }
}

const busy = () => new APIError('数据库正忙，请稍后重试。', 503, undefined, true)

async function acquire(lock: WriteLock): Promise<() => void> {
  try {
    return await lock.acquire()
  } catch (error) {
    if (error instanceof WriteLockTimeout) throw busy()
    throw error
  }
}

/** The write connection, configured like the adapter's (busy timeout, synchronous, foreign keys). */
async function openWriter(adapter: SQLiteAdapter): Promise<Writer> {
  const writer = drizzle({
    connection: adapter.clientConfig,
    logger: adapter.logger || false,
    schema: adapter.schema,
  }) as Writer
  const foreignKeys = await adapter.client.execute('PRAGMA foreign_keys')
  await writer.$client.execute(
    `PRAGMA foreign_keys = ${Number(Object.values(foreignKeys.rows[0] ?? {})[0] ?? 0) ? 'ON' : 'OFF'}`,
  )
  if (adapter.busyTimeout > 0)
    await writer.$client.execute(`PRAGMA busy_timeout = ${adapter.busyTimeout}`)
  if (adapter.wal) await writer.$client.execute(`PRAGMA synchronous = ${adapter.wal.synchronous}`)
  // 64 MB of page cache (SQLite's default is 2 MB): a large transaction (an import's 10,000
  // books, their audit entries and queue rows) keeps its pages in memory instead of spilling them.
  await writer.$client.execute('PRAGMA cache_size = -65536')
  return writer
}

const isRead = (statement: Statement) =>
  /^\s*select\b/i.test(typeof statement === 'string' ? statement : statement.sql)

/** The adapter's client, with every statement but a plain SELECT sent to the write connection under the lock. */
function routeWritesThroughLock(
  client: SQLiteAdapter['client'],
  lock: WriteLock,
  writer: Writer,
): SQLiteAdapter['client'] {
  if ((client as unknown as Record<symbol, boolean>)[routedClient]) return client
  const target = writer.$client
  const locked = <T>(work: () => Promise<T>) =>
    acquire(lock).then(async (release) => {
      try {
        return await work()
      } finally {
        release()
      }
    })
  return new Proxy(client, {
    get(original, property) {
      if (property === routedClient) return true
      if (property === 'execute') {
        const execute = (on: SQLiteAdapter['client'], statement: Statement, args?: unknown) =>
          (on.execute as (statement: Statement, args?: unknown) => ReturnType<typeof on.execute>)(
            statement,
            args,
          )
        return (statement: Statement, args?: unknown) =>
          isRead(statement)
            ? execute(original, statement, args)
            : locked(() => execute(target, statement, args))
      }
      if (property === 'batch') {
        return (statements: Statement[], mode?: never) =>
          statements.every(isRead)
            ? original.batch(statements as never, mode)
            : locked(() => target.batch(statements as never, mode))
      }
      if (property === 'executeMultiple')
        return (sql: string) => locked(() => target.executeMultiple(sql))
      if (property === 'migrate')
        return (statements: Statement[]) => locked(() => target.migrate(statements as never))
      const value = Reflect.get(original, property, original)
      // libsql's client keeps its connection in private fields: call its methods on the client itself.
      return typeof value === 'function' ? value.bind(original) : value
    },
  })
}
