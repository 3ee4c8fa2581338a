/**
 * Audit-log benchmark: the writer's rate (recordAuditEntry, one entry a call), then 100,000 entries
 * over two years from 20 people, and the admin list's queries on them as an admin runs them
 * (Local API with access control, a page of 50 newest first plus the total the list shows):
 * unfiltered, deep pages, and filtered by person, action, collection, date and a document's
 * history. Prints p50 / p95 / max per query; asserts nothing. BENCH_AUDIT_ENTRIES changes the size.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Where } from 'payload'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-bench-audit-'))
process.env.DATABASE_URL = `file:${path.join(dir, 'bench.db')}`
process.env.MEDIA_DIR = path.join(dir, 'media')
process.env.PAYLOAD_SECRET ??= 'bench-secret'
process.env.PAYLOAD_JOBS_AUTORUN = 'false'
process.env.PAYLOAD_LOG_LEVEL ??= 'warn'
const total = Number(process.env.BENCH_AUDIT_ENTRIES ?? 100_000)
const runs = 25

const report = (label: string, value: string) => console.log(`  ${label}: ${value}`)

const actions = [
  ['update', 30],
  ['create', 12],
  ['publish', 10],
  ['login', 20],
  ['logout', 8],
  ['submit', 5],
  ['approve', 4],
  ['return', 1],
  ['unpublish', 2],
  ['delete', 2],
  ['loginFailed', 3],
  ['import', 1],
  ['backup', 1],
  ['rebuild', 1],
] as const
const collections = ['news', 'news', 'news', 'books', 'books', 'lectures', 'exhibits', 'media']

/** A deterministic pseudo-random sequence, so runs compare. */
function random(seed: number) {
  let state = seed
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32
    return state / 2 ** 32
  }
}

function pickAction(next: () => number): string {
  const weight = actions.reduce((sum, [, w]) => sum + w, 0)
  let roll = next() * weight
  for (const [action, w] of actions) if ((roll -= w) < 0) return action
  return 'update'
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!

console.log(
  `bench:audit (Node ${process.versions.node}, ${os.cpus().length} cores, SQLite at ${dir})`,
)
try {
  const [{ openPayload }, { recordAudit, recordAuditEntry }, { createLocalReq }] =
    await Promise.all([
      import('../cms/scripts/openPayload'),
      import('../cms/audit/recordAudit'),
      import('payload'),
    ])
  const payload = await openPayload()
  const people = []
  for (let i = 0; i < 20; i++)
    people.push({
      ...(await payload.create({
        collection: 'users',
        data: {
          email: `person${i}@bench.example`,
          password: 'bench-password-1',
          name: `同事${i}`,
          roles: [i === 0 ? 'admin' : i < 6 ? 'editor' : 'contributor'],
        },
      })),
      collection: 'users' as const,
    })
  const admin = people[0]!

  // The writer as hooks call it (outside a transaction here: one commit per entry, the slow case).
  const writes = 1000
  let started = performance.now()
  for (let i = 0; i < writes; i++)
    await recordAuditEntry(payload, {
      action: 'update',
      actor: people[i % people.length],
      targetCollection: 'news',
      documentId: i,
      documentTitle: `基准新闻 ${i}`,
      summary: '保存草稿（标题、摘要）',
      changes: [{ field: 'title', label: '标题', before: '旧标题', after: `新标题 ${i}` }],
    })
  let seconds = (performance.now() - started) / 1000
  report(
    `recordAuditEntry, ${writes} entries, one commit each`,
    `${(writes / seconds).toFixed(0)} entries/s`,
  )

  // As the hooks write: inside the change's transaction (here 1,000 changes in one), the cost a save pays.
  const req = await createLocalReq({ user: people[1] }, payload)
  req.transactionID = (await payload.db.beginTransaction()) ?? undefined
  started = performance.now()
  for (let i = 0; i < writes; i++)
    await recordAudit(req, {
      action: 'publish',
      targetCollection: 'news',
      documentId: i,
      documentTitle: `基准新闻 ${i}`,
      summary: '发布（标题）',
      changes: [{ field: 'title', label: '标题', before: '旧标题', after: `新标题 ${i}` }],
    })
  await payload.db.commitTransaction(req.transactionID!)
  seconds = (performance.now() - started) / 1000
  report(
    `recordAudit inside a transaction, ${writes} entries`,
    `${((seconds * 1000) / writes).toFixed(2)} ms an entry`,
  )

  // The rest straight into the table, 1,000 rows a statement, spread over two years, oldest first
  // (a fixture: how fast it loads is not the point; the writer's rate is measured above).
  const next = random(13)
  const now = Date.now()
  const span = 2 * 365 * 24 * 3600 * 1000
  const db = payload.db as unknown as {
    drizzle: { insert: (table: unknown) => { values: (rows: object[]) => Promise<unknown> } }
    tables: Record<string, unknown>
  }
  started = performance.now()
  for (let written = 2 * writes; written < total;) {
    const rows = []
    for (const end = Math.min(total, written + 1000); written < end; written++) {
      const at = new Date(now - span + (span * written) / total).toISOString()
      const person = people[Math.floor(next() * people.length)]!
      const documentId = String(Math.floor(next() * 5000))
      rows.push({
        action: pickAction(next),
        actor: person.id,
        actorName: `${person.name}（${person.email}）`,
        targetCollection: collections[Math.floor(next() * collections.length)]!,
        documentId,
        documentTitle: `文档 ${documentId}`,
        summary: '修改（标题、正文）',
        changes: JSON.stringify([{ field: 'title', label: '标题', before: '旧', after: '新' }]),
        clientAddress: '10.0.0.1',
        createdAt: at,
        updatedAt: at,
      })
    }
    await db.drizzle.insert(db.tables.audit_log).values(rows)
  }
  seconds = (performance.now() - started) / 1000
  report(
    `load ${total - 2 * writes} more entries (fixture, 1,000 rows a statement)`,
    `${((total - 2 * writes) / seconds).toFixed(0)} entries/s (${seconds.toFixed(1)} s)`,
  )
  const { totalDocs } = await payload.count({ collection: 'audit-log' })
  report('entries in the log', totalDocs.toLocaleString('en'))

  const monthAgo = new Date(now - 30 * 24 * 3600 * 1000).toISOString()
  const queries: { label: string; where?: Where; page?: number }[] = [
    { label: 'newest first, page 1' },
    { label: 'newest first, page 200', page: 200 },
    { label: 'by person', where: { actor: { equals: people[7]!.id } } },
    { label: 'by action (审核退回, rare)', where: { action: { equals: 'return' } } },
    { label: 'by collection', where: { targetCollection: { equals: 'lectures' } } },
    { label: 'last 30 days', where: { createdAt: { greater_than: monthAgo } } },
    {
      label: 'person + action + last 30 days',
      where: {
        and: [
          { actor: { equals: people[3]!.id } },
          { action: { equals: 'publish' } },
          { createdAt: { greater_than: monthAgo } },
        ],
      },
    },
    {
      label: "one document's history",
      where: {
        and: [{ targetCollection: { equals: 'news' } }, { documentId: { equals: '42' } }],
      },
    },
  ]
  console.log(`  admin list queries (50 a page, -createdAt, with total; ${runs} runs each):`)
  for (const { label, where, page } of queries) {
    const times: number[] = []
    let found = 0
    for (let run = 0; run < runs; run++) {
      const start = performance.now()
      const result = await payload.find({
        collection: 'audit-log',
        where,
        page,
        limit: 50,
        sort: '-createdAt',
        depth: 0,
        user: admin,
        overrideAccess: false,
      })
      times.push(performance.now() - start)
      found = result.totalDocs
    }
    times.sort((a, b) => a - b)
    report(
      `    ${label} (${found.toLocaleString('en')} match)`,
      `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`,
    )
  }
  await payload.destroy()
  console.log('✔ bench:audit: done')
} catch (error) {
  console.error(`✘ bench:audit: ${(error as Error).stack ?? error}`)
  process.exitCode = 1
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
process.exit(process.exitCode ?? 0)
