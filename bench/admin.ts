/**
 * `npm run bench:admin`: how fast the admin opens for editors on the reference corpus (10,000 news,
 * 1,000 lectures, 20,000 books, 300 exhibits; bench/seedReferenceCorpus.ts) in a temporary SQLite
 * database. The news get what editing leaves behind and the adapter-level seeding does not write:
 * one published version each, a dozen waiting for review (the dashboard's 发布审核 panel lists
 * them) and one article saved a few more times (the edit view measured). The admin runs as
 * `npm start` and the e2e tests run it: the production build (`next build`, made by build:cms when
 * the sources changed) served by cms/server/serveCms.mjs. Chromium (Debian's, headless) logs in
 * as the demo admin, then loads each view with a full page load (page.goto): 2 unmeasured loads,
 * then 10 measured ones; prints p50 / p95 / max per view. Asserts nothing.
 *
 * BENCH_ADMIN_DIR=<folder> keeps the database there and reuses it on the next run (the schema is
 * migrated, nothing reseeded); BENCH_CORPUS=small loads a small corpus (trial runs).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Client } from '@libsql/client'
import { chromium, type Browser, type Page } from '@playwright/test'
import type { Payload } from 'payload'
import { withoutSiteChanges } from '../cms/collections/SiteChanges/enqueueSiteChange'
import { generateReferenceCorpus, referenceSize, type CorpusSize } from './referenceCorpus'
import { chromiumLaunchOptions } from '../tests/helpers/chromium'
import { seedReferenceCorpus } from './seedReferenceCorpus'

const root = process.cwd()
const keptDir = process.env.BENCH_ADMIN_DIR ? path.resolve(process.env.BENCH_ADMIN_DIR) : null
const dir = keptDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-bench-admin-'))
fs.mkdirSync(dir, { recursive: true })
const databaseFile = path.join(dir, 'cms.db')
const port = Number(process.env.BENCH_PORT ?? 3950)
const adminLogin = { email: 'admin@hongse.example', password: 'hongse-demo-2026' }
Object.assign(process.env, {
  DATABASE_URL: `file:${databaseFile}`,
  MEDIA_DIR: path.join(dir, 'media'),
  PAYLOAD_SECRET: 'bench-admin-secret',
  PAYLOAD_JOBS_AUTORUN: 'false',
  DISABLE_PAYLOAD_HMR: 'true',
  DEMO_ADMIN_EMAIL: adminLogin.email,
  DEMO_ADMIN_PASSWORD: adminLogin.password,
})
process.env.PAYLOAD_LOG_LEVEL ??= 'warn'

const corpusSize: CorpusSize =
  process.env.BENCH_CORPUS === 'small'
    ? { news: 600, lectures: 60, books: 1000, exhibits: 72 }
    : referenceSize
const warmUps = 2
const runs = 10
/** News waiting for review, as the dashboard lists them. */
const pendingReviews = 12

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`
/** Nearest-rank quantile (p95 of 10 values is the 10th smallest). */
const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(values.length * q) - 1)]!

/** The Local API on the bench database, its schema migrated (imported after the environment is set). */
async function openBenchPayload(): Promise<Payload> {
  const { openPayload } = await import('../cms/scripts/openPayload')
  return openPayload()
}

/** Payload's SQLite adapter leaves its client open on destroy: close it too, to let go of the file. */
async function closePayload(payload: Payload): Promise<void> {
  await payload.destroy()
  ;(payload.db as unknown as { client?: Client }).client?.close()
}

/**
 * What editing leaves in the database beyond the seeded documents: a published version of every
 * news item (the seeding writes news at the adapter level, without versions), `pendingReviews` of
 * them submitted for review by the demo editor, and one article saved three more times through the
 * Local API. Returns that article's id.
 */
async function addEditingHistory(payload: Payload): Promise<number | string> {
  const client = (payload.db as unknown as { client?: Client }).client
  await client?.execute('PRAGMA synchronous = OFF')
  try {
    const { docs: editors } = await payload.find({
      collection: 'users',
      where: { roles: { contains: 'editor' } },
      limit: 1,
      depth: 0,
    })
    const editorId = editors[0]!.id
    const { docs: news } = await payload.db.find<Record<string, unknown>>({
      collection: 'news',
      limit: 0,
      pagination: false,
      sort: 'createdAt',
    })
    for (const [index, doc] of news.entries()) {
      const { id, ...data } = doc
      const pending = index >= news.length - pendingReviews
      const submittedAt = new Date(Date.now() - (news.length - index) * 3_600_000).toISOString()
      await payload.db.createVersion({
        collectionSlug: 'news',
        parent: id as number,
        autosave: false,
        createdAt: data.updatedAt as string,
        updatedAt: data.updatedAt as string,
        returning: false,
        versionData: {
          ...data,
          ...(pending && {
            _status: 'draft',
            review: { status: 'pending', submittedBy: editorId, submittedAt, approvals: [] },
          }),
        },
      })
    }
    const edited = news[Math.floor(news.length / 2)]!
    for (let save = 1; save <= 3; save++)
      await payload.update({
        collection: 'news',
        id: edited.id as number,
        context: withoutSiteChanges(),
        data: { summary: `${edited.summary as string}（第 ${save} 次修改）` },
        overrideAccess: true,
      })
    return edited.id as number
  } finally {
    await client?.execute('PRAGMA synchronous = FULL')
  }
}

/** The corpus, demo accounts and editing history; or, with BENCH_ADMIN_DIR, what an earlier run left. */
async function prepareDatabase(): Promise<{ editedNewsId: number | string }> {
  const stateFile = path.join(dir, 'bench-admin.json')
  if (keptDir && fs.existsSync(stateFile)) {
    const payload = await openBenchPayload() // migrates a kept database to the current schema
    await closePayload(payload)
    console.log(`  database: reused from ${dir}`)
    return JSON.parse(fs.readFileSync(stateFile, 'utf8'))
  }
  const corpusMedia = path.join(dir, 'corpus-media')
  let started = performance.now()
  const content = await generateReferenceCorpus(corpusMedia, corpusSize)
  console.log(`  corpus generated in ${seconds(started)}`)
  started = performance.now()
  const payload = await openBenchPayload()
  try {
    const { ensureDemoUsers } = await import('../cms/seed/ensureDemoUsers')
    await ensureDemoUsers(payload)
    const seeded = await seedReferenceCorpus(payload, content, corpusMedia, () => {})
    console.log(
      `  seeded in ${seconds(started)}: ${Object.entries(seeded.counts)
        .map(([name, count]) => `${name} ${count}`)
        .join(', ')}`,
    )
    started = performance.now()
    const editedNewsId = await addEditingHistory(payload)
    console.log(
      `  editing history in ${seconds(started)}: a version of each news item, ${pendingReviews} waiting for review, news ${editedNewsId} saved 3 more times`,
    )
    fs.writeFileSync(stateFile, JSON.stringify({ editedNewsId }))
    return { editedNewsId }
  } finally {
    await closePayload(payload)
    fs.rmSync(corpusMedia, { recursive: true, force: true })
  }
}

/** `node cms/server/serveCms.mjs` as start.ts runs it, ready once the login page answers. */
async function startAdmin(): Promise<ChildProcess> {
  const server = spawn(path.join(root, 'node_modules/.bin/node'), ['cms/server/serveCms.mjs'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CMS_PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' },
  })
  for (let attempt = 0; attempt < 480; attempt++) {
    if (server.exitCode !== null) throw new Error(`the CMS exited (code ${server.exitCode})`)
    try {
      if ((await fetch(`http://127.0.0.1:${port}/admin/login`)).ok) return server
    } catch {
      // not listening yet
    }
    await sleep(250)
  }
  server.kill('SIGTERM')
  throw new Error('the CMS did not answer within 2 minutes')
}

interface View {
  name: string
  path: string
  /** The view's main content: visible when the view has shown what an editor came for. */
  ready: string
}

/**
 * Set in every page before its scripts: records, in ms since navigation start, when the main
 * content of the view at this path (CSS selector by path) is first visible. Plain JavaScript:
 * a function compiled by tsx would call its `__name` helper, which the page does not have.
 */
function watchForContent(readyByPath: Record<string, string>): string {
  return `{
    const selector = ${JSON.stringify(readyByPath)}[location.pathname]
    const observer = new MutationObserver(() => {
      if (!selector || window.__benchReadyAt !== undefined) return
      if (document.querySelector(selector)?.checkVisibility()) {
        window.__benchReadyAt = performance.now()
        observer.disconnect()
      }
    })
    observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true })
  }`
}

interface Load {
  /** The measure: ms from navigation start until the view is loaded (see loadOnce). */
  ms: number
  /** The server's first byte of the page (its render, mostly). */
  firstByte: number
  /** The document's load event done (scripts run, page hydrated). */
  loadEvent: number
}

/**
 * One full load of `view`, in ms from navigation start until (1) its main content is visible,
 * (2) the document's load event has run (the admin's scripts executed, the page hydrated) and
 * (3) every request the page started before both has finished (the panels' own reads).
 */
async function loadOnce(page: Page, view: View): Promise<Load> {
  await page.goto(`http://localhost:${port}${view.path}`, { waitUntil: 'load' })
  await page.locator(view.ready).first().waitFor({ state: 'visible', timeout: 60_000 })
  await page.waitForLoadState('networkidle')
  const load = await page.evaluate(() => {
    const contentAt = (window as unknown as { __benchReadyAt?: number }).__benchReadyAt
    if (contentAt === undefined) return null
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
    const ready = Math.max(contentAt, navigation!.loadEventEnd)
    const requests = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
    const lastResponse = Math.max(
      0,
      ...requests.filter((entry) => entry.startTime <= ready).map((entry) => entry.responseEnd),
    )
    return {
      ms: Math.max(ready, lastResponse),
      firstByte: navigation!.responseStart,
      loadEvent: navigation!.loadEventEnd,
    }
  })
  if (!load) throw new Error(`${view.name}: the page never showed ${view.ready} to its observer`)
  return load
}

async function measure(browser: Browser, views: View[]): Promise<void> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await context.addInitScript({
    content: watchForContent(Object.fromEntries(views.map((view) => [view.path, view.ready]))),
  })
  const page = await context.newPage()
  await page.goto(`http://localhost:${port}/admin/login`)
  await page.getByLabel('电子邮件').fill(adminLogin.email)
  await page.getByLabel('密码').fill(adminLogin.password)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL(/\/admin$/, { timeout: 60_000 })

  console.log(
    `  load = navigation start (full page load) → the view's main content visible, the load event run and every request started before both finished; ${warmUps} unmeasured loads, then ${runs} measured:`,
  )
  const summary: string[] = []
  for (const view of views) {
    for (let i = 0; i < warmUps; i++) await loadOnce(page, view)
    const loads: Load[] = []
    for (let i = 0; i < runs; i++) loads.push(await loadOnce(page, view))
    const times = loads.map((load) => load.ms)
    const median = (key: keyof Load) =>
      quantile(
        loads.map((load) => load[key]),
        0.5,
      ).toFixed(0)
    console.log(
      `    ${view.name.padEnd(10)} p50 ${quantile(times, 0.5).toFixed(0)} ms, p95 ${quantile(times, 0.95).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms` +
        ` (p50 of the server's first byte ${median('firstByte')} ms, of the load event ${median('loadEvent')} ms; load average ${os.loadavg()[0]!.toFixed(1)})`,
    )
    console.log(`      ${times.map((t) => t.toFixed(0)).join(' ')}`)
    summary.push(`${view.name} p95 ${quantile(times, 0.95).toFixed(0)} ms`)
  }
  console.log(`  summary: ${summary.join(', ')} (target ≤ 1500 ms each)`)
  await context.close()
}

let exitCode = 1
let server: ChildProcess | null = null
let browser: Browser | null = null
try {
  console.log(
    `bench:admin (Node ${process.versions.node}, ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}) in ${dir}`,
  )
  const { buildCmsIfNeeded } = await import('../cms/scripts/buildCms')
  const build = buildCmsIfNeeded()
  console.log(
    `  admin: production build (next build${build.built ? `, rebuilt in ${build.seconds.toFixed(0)} s` : ', sources unchanged'}) served by cms/server/serveCms.mjs, as npm start and the e2e tests`,
  )
  const { editedNewsId } = await prepareDatabase()
  let started = performance.now()
  server = await startAdmin()
  console.log(`  CMS answering after ${seconds(started)}`)
  browser = await chromium.launch(chromiumLaunchOptions)
  started = performance.now()
  await measure(browser, [
    { name: 'dashboard', path: '/admin', ready: '.site-status[aria-busy="false"]' },
    { name: 'news list', path: '/admin/collections/news', ready: '.table tbody tr' },
    {
      name: 'news edit',
      path: `/admin/collections/news/${editedNewsId}`,
      ready: '#field-title',
    },
    { name: 'books list', path: '/admin/collections/books', ready: '.table tbody tr' },
  ])
  console.log(`  measured in ${seconds(started)}`)
  console.log('✔ bench:admin: done')
  exitCode = 0
} catch (error) {
  console.error(
    `✘ bench:admin: ${error instanceof Error ? (process.env.DEBUG ? error.stack : error.message) : String(error)}`,
  )
} finally {
  await browser?.close()
  server?.kill('SIGTERM')
  if (keptDir) console.log(`  kept ${dir}`)
  // On exit, not here: something still closing (the SQLite client's files) recreates the empty folder.
  else process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }))
}
process.exit(exitCode)
