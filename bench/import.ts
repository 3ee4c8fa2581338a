/**
 * `npm run bench:import`: 汇书房 import throughput. On a temporary SQLite database with the
 * publisher running in-process (its first full build done beforehand), imports 10,000 new books
 * from each format in turn (.xlsx, CSV, CNMARC), each as one transaction, and times reading and
 * planning, writing, and the publisher's one update that puts them on the site: rows per second
 * with publishing included (target: 10,000 rows under 30 s on 2 cores). Then a second import of
 * the same sheet (nothing changes), and the export of the whole catalogue to CSV, .xlsx and JSON.
 * Prints figures; asserts only that every row arrived.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { catalogue, marcBooks, toCnmarc, toCsv, toXlsx } from '../tests/helpers/bookCatalogue'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-bench-import-'))
Object.assign(process.env, {
  DATABASE_URL: `file:${path.join(dir, 'cms.db')}`,
  MEDIA_DIR: path.join(dir, 'media'),
  PAYLOAD_SECRET: 'bench-import-secret',
  SITE_URL: 'https://hongse.example',
  PAYLOAD_JOBS_AUTORUN: 'false',
  DISABLE_PAYLOAD_HMR: 'true',
})
process.env.PAYLOAD_LOG_LEVEL ??= 'warn'
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1)
const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000)

const { openPayload } = await import('../cms/scripts/openPayload')
const { prepareBookImport } = await import('../cms/bookImport/importBooks')
const { applyImport } = await import('../cms/bookImport/applyImport')
const { Publisher } = await import('../publisher/publisher')
const { exportCollection } = await import('../cms/collectionExport/exportCollection')
const { createLocalReq } = await import('payload')

const payload = await openPayload()
await payload.updateGlobal({
  slug: 'site',
  data: { siteName: '红色山高', slogan: '党建引领', navigation: [{ label: '首页', href: '/' }] },
})
const publisher = new Publisher({
  payload,
  releasesDir: path.join(dir, 'releases'),
  mediaDir: path.join(dir, 'media'),
  fullBuildIntervalHours: 0,
  log: () => undefined,
})
let started = performance.now()
await publisher.start({ watch: false })
console.log(`publisher first full build (empty catalogue): ${seconds(started)} s`)

const results: string[] = []

async function measure(label: string, fileName: string, bytes: Buffer) {
  const t0 = performance.now()
  const { plan } = await prepareBookImport(payload, { bytes, fileName, choices: {} })
  const t1 = performance.now()
  const result = await applyImport(payload, plan, { mode: 'valid' })
  const t2 = performance.now()
  const update = await publisher.drainQueue()
  const t3 = performance.now()
  const total = (t3 - t0) / 1000
  const s = (ms: number) => (ms / 1000).toFixed(1)
  // Publish = reading the changes from the database, then the update's plan, render and write.
  const steps = update
    ? `; read ${s(t3 - t2 - update.milliseconds)}, plan ${s(update.timings.plan)}, render ${s(update.timings.render)}, write ${s(update.timings.write)}`
    : ''
  results.push(
    `| ${label} | ${plan.rows.length} | ${s(t1 - t0)} s | ${s(t2 - t1)} s | ${s(t3 - t2)} s (${update?.pages ?? 0} pages${steps}) | **${total.toFixed(1)} s** | ${Math.round(plan.rows.length / total)} |`,
  )
  console.log(results.at(-1))
  return result
}

const sheet = catalogue(rows, { firstIndex: 0 })
const xlsx = await toXlsx(sheet)
const created = await measure('.xlsx', 'books.xlsx', xlsx)
await measure('CSV (GBK)', 'books.csv', toCsv(catalogue(rows, { firstIndex: rows }), 'gbk'))
await measure('CNMARC (.mrc)', 'books.mrc', toCnmarc(marcBooks(rows, 2 * rows)))
const again = await measure('.xlsx again (nothing changes)', 'books.xlsx', xlsx)
if (created.created !== rows || again.unchanged !== rows) throw new Error('rows went missing')

console.log('\n| file | rows | read + check | write (one transaction) | publish | total | rows/s |')
console.log('| --- | --- | --- | --- | --- | --- | --- |')
for (const line of results) console.log(line)
const { totalDocs } = await payload.count({ collection: 'books' })
console.log(`\nexport of the whole catalogue (${totalDocs} books):`)
const req = await createLocalReq({}, payload)
for (const format of ['csv', 'xlsx', 'json'] as const) {
  started = performance.now()
  const exported = await exportCollection({
    req,
    collection: 'books',
    format,
    overrideAccess: true,
  })
  let bytes = 0
  for await (const chunk of exported.body) bytes += chunk.length
  console.log(`  ${format}: ${seconds(started)} s, ${(bytes / 1048576).toFixed(1)} MB`)
}

await publisher.stop()
await payload.destroy()
fs.rmSync(dir, { recursive: true, force: true })
process.exit(0)
