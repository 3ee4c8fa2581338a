/**
 * `npm run bench:publish`: publish-to-live latency on the reference corpus. Loads the corpus
 * (10,000 news, 100 speakers, 1,000 lectures, 20,000 books, 1 exhibition with 300 exhibits) into a
 * temporary SQLite database (bench/seedReferenceCorpus.ts), starts the publisher
 * (`tsx publisher/run.ts`) as a child process and times its first full build (until it reports
 * ready), then saves 20 edits of news through the Local API, as the admin would, one at a time
 * about a second apart: title edits, date moves (to now, to long ago), new items with a new tag,
 * unpublishes, deletes, tag changes and alt-text edits of a photo on three articles. An edit is live at the first moment (polled every
 * 10 ms) its article page shows it (or is gone) and the `site-changes` queue is empty, i.e. the
 * whole update (page, lists, feeds, search shards, journal) is done. Prints each edit with the
 * publisher's own breakdown from its log, p50/p95/max by kind and overall, and the full-build time;
 * checks once that the search index finds the last edited title. Asserts nothing else.
 *
 * BENCH_KEEP=1 keeps the temporary folder; BENCH_CORPUS=small loads a small corpus (trial runs).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import escapeHtml from 'escape-html'
import type { Payload } from 'payload'
import type { Client } from '@libsql/client'
import { richTextFromParagraphs } from '../cms/seed/lexical'
import type { SearchManifest } from '../shared/search/format'
import { openSearchIndex, type SearchSource } from '../shared/search/searchIndex'
import { generateReferenceCorpus, referenceSize, type CorpusSize } from './referenceCorpus'
import { seedReferenceCorpus } from './seedReferenceCorpus'
import type { FullBuildResult, PublisherMessage, UpdateResult } from '../publisher/messages'

const root = process.cwd()
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-bench-publish-'))
Object.assign(process.env, {
  DATABASE_URL: `file:${path.join(dir, 'cms.db')}`,
  MEDIA_DIR: path.join(dir, 'media'),
  SITE_RELEASES_DIR: path.join(dir, 'site'),
  SITE_CONTENT_FILE: path.join(dir, 'site-content.json'),
  PAYLOAD_SECRET: 'bench-publish-secret',
  SITE_URL: 'https://hongse.example',
  PAYLOAD_JOBS_AUTORUN: 'false',
  // No consistency full build in the middle of the measurements.
  SITE_FULL_BUILD_HOURS: '0',
  DISABLE_PAYLOAD_HMR: 'true',
})
process.env.PAYLOAD_LOG_LEVEL ??= 'warn'

const corpusSize: CorpusSize =
  process.env.BENCH_CORPUS === 'small'
    ? { news: 600, lectures: 60, books: 1000, exhibits: 72 }
    : referenceSize
const buildTimeoutMs = 30 * 60_000
const editTimeoutMs = 5 * 60_000
const pollMs = 10

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const secondsSince = (since: number) => ((performance.now() - since) / 1000).toFixed(1)
/** Nearest-rank quantile (p95 of 20 values is the 19th smallest). */
const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(values.length * q) - 1)]
const ms = (value: number) => `${Math.round(value)} ms`

/** A deterministic random sequence (mulberry32), so every run edits the same documents. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// ─── The publisher child process ─────────────────────────────────────────────────────────────

/** One update as the publisher reports it over IPC, with when it arrived. */
type UpdateLine = UpdateResult & { at: number }

class PublisherProcess {
  readonly lines: { at: number; stream: 'stdout' | 'stderr'; text: string }[] = []
  readonly updates: UpdateLine[] = []
  fullBuild: FullBuildResult | null = null
  private exited: { code: number | null; signal: NodeJS.Signals | null } | null = null

  private constructor(readonly child: ChildProcess) {
    const follow = (stream: NodeJS.ReadableStream | null, name: 'stdout' | 'stderr') => {
      let rest = ''
      stream?.setEncoding('utf8')
      stream?.on('data', (chunk: string) => {
        const parts = (rest + chunk).split('\n')
        rest = parts.pop() ?? ''
        for (const text of parts) this.line(name, text)
      })
      stream?.on('end', () => rest && this.line(name, rest))
    }
    follow(child.stdout, 'stdout')
    follow(child.stderr, 'stderr')
    child.on('exit', (code, signal) => {
      this.exited = { code, signal }
    })
    child.on('message', (message: PublisherMessage) => {
      if (message.type === 'update') this.updates.push({ ...message.result, at: performance.now() })
      if (message.type === 'fullBuild') this.fullBuild = message.result
    })
  }

  static start(): PublisherProcess {
    // Its own process group: a failure can end it together with an `astro build` it started.
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['publisher/run.ts'], {
      cwd: root,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: true,
    })
    return new PublisherProcess(child)
  }

  private line(stream: 'stdout' | 'stderr', raw: string) {
    const text = raw.trimEnd()
    if (!text) return
    const at = performance.now()
    this.lines.push({ at, stream, text })
    // Shown as it comes; the figures come from the publisher's messages, not from these lines.
    console.log(`    publisher ${stream === 'stderr' ? '(stderr) ' : ''}│ ${text}`)
  }

  get running(): boolean {
    return this.exited === null && this.child.exitCode === null && this.child.signalCode === null
  }

  describeExit(): string {
    const tail = this.lines
      .slice(-15)
      .map((line) => `      ${line.text}`)
      .join('\n')
    return `the publisher exited (${this.exited?.signal ?? `code ${this.exited?.code}`})${tail ? `; its last output:\n${tail}` : ''}`
  }

  /** Resolves with the served folder once the publisher says it is ready. */
  ready(timeoutMs: number): Promise<{ servedDir: string; socket: string }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the publisher was not ready after ${timeoutMs / 1000} s`)),
        timeoutMs,
      )
      this.child.on('message', (message: PublisherMessage) => {
        if (message.type !== 'ready') return
        clearTimeout(timer)
        resolve({ servedDir: message.servedDir, socket: message.socket ?? '' })
      })
      this.child.once('exit', () => {
        clearTimeout(timer)
        // Let the last output lines arrive before describing them.
        setTimeout(() => reject(new Error(this.describeExit())), 100)
      })
      this.child.once('error', (error) => {
        clearTimeout(timer)
        reject(error)
      })
    })
  }

  /** SIGTERM (the publisher finishes its update and closes), then the whole group if it lingers. */
  async stop(graceMs = 20_000): Promise<void> {
    const pid = this.child.pid
    if (this.running) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()))
      this.child.kill('SIGTERM')
      await Promise.race([exited, sleep(graceMs)])
    }
    // Anything of its group still alive (a build it started, a stuck process): end it.
    if (pid) {
      try {
        process.kill(-pid, 'SIGKILL')
      } catch {
        // the group is gone
      }
    }
  }
}

// ─── Payload in the bench process ────────────────────────────────────────────────────────────

async function openBenchPayload(key: string): Promise<Payload> {
  const [{ getPayload }, { default: config }, { migrateDatabase }] = await Promise.all([
    import('payload'),
    import('../cms/payload.config'),
    import('../cms/database/migrateDatabase'),
  ])
  const payload = await getPayload({ config, key })
  await migrateDatabase(payload)
  return payload
}

/** Payload's SQLite adapter leaves its client open on destroy: close it too, to really let go of the file. */
async function closePayload(payload: Payload): Promise<void> {
  await payload.destroy()
  ;(payload.db as unknown as { client?: Client }).client?.close()
}

// ─── Edits ───────────────────────────────────────────────────────────────────────────────────

type EditKind =
  | 'title'
  | 'date → now'
  | 'date → 2008'
  | 'add'
  | 'unpublish'
  | 'delete'
  | 'tag change'
  | 'media alt'
const editKinds: EditKind[] = [
  'title',
  'date → now',
  'date → 2008',
  'add',
  'unpublish',
  'delete',
  'tag change',
  'media alt',
]
const plan: EditKind[] = [
  ...Array<EditKind>(6).fill('title'),
  ...Array<EditKind>(2).fill('date → now'),
  ...Array<EditKind>(2).fill('date → 2008'),
  ...Array<EditKind>(4).fill('add'),
  ...Array<EditKind>(2).fill('unpublish'),
  ...Array<EditKind>(2).fill('delete'),
  ...Array<EditKind>(3).fill('tag change'),
  ...Array<EditKind>(3).fill('media alt'),
]

interface NewsRef {
  id: number | string
  slug: string
  title: string
}

interface EditResult {
  n: number
  kind: EditKind
  slug: string
  title: string
  saveMs: number
  /** Save returned → the article page shows the change. */
  pageMs: number
  /** Save returned → page shows it and the queue is empty (the whole update is done). */
  liveMs: number
  update: UpdateLine | null
  updates: number
}

async function main(): Promise<number> {
  console.log(
    `bench:publish (Node ${process.versions.node}, ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}) in ${dir}`,
  )

  // 1. The corpus, into the database.
  let started = performance.now()
  const corpusMedia = path.join(dir, 'corpus-media')
  const content = await generateReferenceCorpus(corpusMedia, corpusSize)
  console.log(
    `  corpus: ${content.news.length} news, ${content.speakers.length} speakers, ${content.lectures.length} lectures, ${content.books.length} books, ` +
      `${content.exhibitions.length} exhibition${content.exhibitions.length === 1 ? '' : 's'} with ${content.exhibits.length} exhibits (generated in ${secondsSince(started)} s)`,
  )
  console.log(
    '  seeding the database (media, site, speakers, exhibition, exhibits, lectures: Local API; news, books: payload.db.create):',
  )
  let payload = await openBenchPayload('bench-seed')
  try {
    const seeded = await seedReferenceCorpus(payload, content, corpusMedia, console.log)
    console.log(
      `  seeded in ${seeded.totalSeconds.toFixed(1)} s: ${Object.entries(seeded.counts)
        .map(([collection, count]) => `${collection} ${count}`)
        .join(', ')}; sample entries export as expected`,
    )
  } finally {
    await closePayload(payload)
  }

  // 2. The publisher, from scratch: its first full build.
  started = performance.now()
  const publisher = PublisherProcess.start()
  const stopPublisher = () => publisher.stop()
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`✘ bench:publish: ${signal}, stopping`)
    void publisher.stop(5000).finally(() => {
      if (!process.env.BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true })
      process.exit(130)
    })
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    console.log('  publisher started (tsx publisher/run.ts), first full build:')
    const { servedDir } = await publisher.ready(buildTimeoutMs)
    const readyMs = performance.now() - started
    const release = JSON.parse(
      fs.readFileSync(path.join(path.dirname(servedDir), 'release.json'), 'utf8'),
    ) as { pages: number; durationMs: number }
    // The publisher's own figure: snapshot export + astro build + opening the warm renderer.
    const fullBuild = {
      readyMs,
      pages: release.pages,
      releaseMs: release.durationMs,
      publisherMs: publisher.fullBuild?.milliseconds ?? null,
    }
    console.log(
      `  full build: ready after ${(readyMs / 1000).toFixed(1)} s from spawn, ${release.pages} pages ` +
        `(astro build of the release ${(release.durationMs / 1000).toFixed(1)} s → ${Math.round(release.pages / (release.durationMs / 1000))} pages/s)`,
    )

    // 3. Edits through the Local API, as the admin saves them; hooks queue them for the publisher.
    payload = await openBenchPayload('bench-edits')
    try {
      const results = await runEdits(payload, publisher, servedDir)
      report(results, fullBuild)
      return (await checkSearch(servedDir, results)) ? 0 : 1
    } finally {
      await closePayload(payload)
    }
  } finally {
    await stopPublisher()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

async function runEdits(
  payload: Payload,
  publisher: PublisherProcess,
  servedDir: string,
): Promise<EditResult[]> {
  const next = random(20261128)
  const order = [...plan]
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  const { docs } = await payload.find({
    collection: 'news',
    where: { _status: { equals: 'published' } },
    depth: 0,
    pagination: false,
    select: { slug: true, title: true },
    overrideAccess: true,
  })
  const candidates = docs.map((doc) => ({
    id: doc.id,
    slug: doc.slug ?? String(doc.id),
    title: doc.title,
  })) as NewsRef[]
  const used = new Set<string>()
  const pick = (): NewsRef => {
    for (;;) {
      const doc = candidates[Math.floor(next() * candidates.length)]
      if (!used.has(String(doc.id))) {
        used.add(String(doc.id))
        return doc
      }
    }
  }
  const coverId = (
    await payload.find({
      collection: 'media',
      where: { mimeType: { contains: 'image' } },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
  ).docs[0]?.id
  const queued = async () =>
    (await payload.count({ collection: 'site-changes', overrideAccess: true })).totalDocs

  // A photo on three articles, as an editor's new upload would be: its alt text is edited below
  // (the corpus's own images are each on hundreds of pages).
  const coverDoc = await payload.findByID({ collection: 'media', id: coverId!, depth: 0 })
  const photoData = fs.readFileSync(path.join(process.env.MEDIA_DIR!, coverDoc.filename!))
  const photo = await payload.create({
    collection: 'media',
    data: { alt: '楼宇党群服务站的活动照片' },
    file: {
      data: photoData,
      mimetype: coverDoc.mimeType!,
      name: `bench-photo${path.extname(coverDoc.filename!)}`,
      size: photoData.length,
    },
  })
  const withPhoto = [pick(), pick(), pick()]
  for (const doc of withPhoto)
    await payload.update({ collection: 'news', id: doc.id, data: { cover: photo.id } })
  for (let waited = 0; (await queued()) > 0 && waited < editTimeoutMs; waited += 100)
    await sleep(100)
  const pageFile = (slug: string) => path.join(servedDir, 'news', slug, 'index.html')
  const read = (file: string) => {
    try {
      return fs.readFileSync(file, 'utf8')
    } catch {
      return null
    }
  }

  console.log(
    `  ${order.length} edits of news, one at a time, ~1 s apart (live = article page shows it and the queue is empty; polled every ${pollMs} ms):`,
  )
  console.log(
    '      #  kind          save   page   live │ publisher: total (比对 + 渲染并暂存 pages ms + 上线)  pages removed files shards │ article',
  )
  const results: EditResult[] = []
  let added = 0
  for (const [index, kind] of order.entries()) {
    if (!publisher.running) throw new Error(publisher.describeExit())
    const updatesBefore = publisher.updates.length
    const saveStarted = performance.now()
    let target: NewsRef
    let shows: (html: string | null) => boolean
    if (kind === 'title') {
      const doc = pick()
      const title = `${doc.title.replace(/（\d+）$/, '')}（修订${index + 1}）`
      await payload.update({ collection: 'news', id: doc.id, data: { title } })
      target = { ...doc, title }
      shows = (html) => html !== null && html.includes(escapeHtml(title))
    } else if (kind === 'date → now' || kind === 'date → 2008') {
      const doc = pick()
      const when =
        kind === 'date → now' ? new Date() : new Date(Date.UTC(2008, index % 12, 1 + index, 2))
      const saved = await payload.update({
        collection: 'news',
        id: doc.id,
        data: { publishedAt: when.toISOString() },
      })
      target = doc
      shows = (html) => html !== null && html.includes(`datetime="${saved.publishedAt}"`)
    } else if (kind === 'tag change') {
      const doc = pick()
      const tag = `基准标签${index + 1}`
      await payload.update({ collection: 'news', id: doc.id, data: { tags: ['开放日', tag] } })
      target = doc
      shows = (html) => html !== null && html.includes(escapeHtml(tag))
    } else if (kind === 'media alt') {
      const alt = `楼宇党群服务站的活动照片（修订${index + 1}）`
      await payload.update({ collection: 'media', id: photo.id, data: { alt } })
      target = withPhoto[index % withPhoto.length]
      shows = (html) => html !== null && html.includes(escapeHtml(alt))
    } else if (kind === 'add') {
      added++
      const title = `基准测试新发布第${added}条：楼宇党群服务中心开放日（${index + 1}）`
      const saved = await payload.create({
        collection: 'news',
        data: {
          title,
          category: 'party-building',
          summary: '楼宇党群服务中心向入驻企业开放，党员志愿者介绍服务事项。',
          body: richTextFromParagraphs([
            '楼宇党群服务中心举办开放日活动，入驻企业的党员和职工参观了服务站点。',
            '党员志愿者现场介绍了政务服务终端和便民服务事项。',
          ]) as never,
          tags: [`基准新标签${added}`, '开放日'],
          cover: coverId as number | undefined,
          _status: 'published',
        },
      })
      target = { id: saved.id, slug: saved.slug ?? String(saved.id), title }
      shows = (html) => html !== null && html.includes(escapeHtml(title))
    } else {
      const doc = pick()
      if (kind === 'unpublish')
        await payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' } })
      else await payload.delete({ collection: 'news', id: doc.id })
      target = doc
      shows = (html) => html === null
    }
    const saved = performance.now()

    const file = pageFile(target.slug)
    let pageAt: number | null = null
    for (;;) {
      if (pageAt === null && shows(read(file))) pageAt = performance.now()
      if (pageAt !== null && (await queued()) === 0) break
      if (performance.now() - saved > editTimeoutMs) {
        throw new Error(
          `edit ${index + 1} (${kind} of /news/${target.slug}/) not live after ${editTimeoutMs / 1000} s (page ${pageAt === null ? 'unchanged' : 'changed'}, ${await queued()} queued)`,
        )
      }
      if (!publisher.running) throw new Error(publisher.describeExit())
      await sleep(pollMs)
    }
    const live = performance.now()
    // The publisher reports its update before it empties the queue; its message may still be on the way.
    while (publisher.updates.length === updatesBefore && performance.now() - live < 3000)
      await sleep(5)
    const updates = publisher.updates.slice(updatesBefore)
    const result: EditResult = {
      n: index + 1,
      kind,
      slug: target.slug,
      title: target.title,
      saveMs: saved - saveStarted,
      pageMs: pageAt! - saved,
      liveMs: live - saved,
      update: updates.at(-1) ?? null,
      updates: updates.length,
    }
    results.push(result)
    const u = result.update
    const breakdown = u
      ? `${String(Math.round(u.milliseconds)).padStart(5)} (${u.timings.plan} + ${u.pages} p ${u.timings.render} + ${u.timings.write})`.padEnd(
          31,
        ) +
        `${String(u.pages).padStart(5)} ${String(u.removed).padStart(7)} ${String(u.files).padStart(5)} ${String(u.shards).padStart(6)}`
      : '(no update line)'.padEnd(56)
    console.log(
      `    ${String(result.n).padStart(3)}  ${kind.padEnd(12)} ${String(Math.round(result.saveMs)).padStart(5)} ${String(Math.round(result.pageMs)).padStart(6)} ${String(Math.round(result.liveMs)).padStart(6)} │ ` +
        `${breakdown}${updates.length > 1 ? ` (+${updates.length - 1} more)` : ''} │ /news/${target.slug}/`,
    )
    await sleep(1000)
  }
  return results
}

function report(
  results: EditResult[],
  fullBuild: { readyMs: number; pages: number; releaseMs: number; publisherMs: number | null },
) {
  const summary = (values: number[]) =>
    `p50 ${ms(quantile(values, 0.5))}, p95 ${ms(quantile(values, 0.95))}, max ${ms(Math.max(...values))}`
  console.log('  publish-to-live latency (save returned → live), by kind:')
  for (const kind of editKinds) {
    const some = results.filter((result) => result.kind === kind)
    if (some.length === 0) continue
    const updates = some.map((result) => result.update).filter((u): u is UpdateLine => u !== null)
    const written = updates.map((u) => u.pages + u.removed + u.files + u.shards)
    const range = (values: number[]) =>
      Math.min(...values) === Math.max(...values)
        ? String(values[0])
        : `${Math.min(...values)}–${Math.max(...values)}`
    console.log(
      `    ${kind.padEnd(12)} ${String(some.length).padStart(2)}×: ${summary(some.map((result) => result.liveMs))} (${some.map((result) => Math.round(result.liveMs)).join(', ')})` +
        (updates.length
          ? `; pages ${range(updates.map((u) => u.pages))}, files written or removed ${range(written)}`
          : ''),
    )
  }
  const live = results.map((result) => result.liveMs)
  const updates = results.map((result) => result.update).filter((u): u is UpdateLine => u !== null)
  const sum = (pick: (u: UpdateLine) => number) => updates.reduce((n, u) => n + pick(u), 0)
  console.log(
    `  all ${results.length} edits: ${summary(live)} (page visible: ${summary(results.map((result) => result.pageMs))}; save itself: ${summary(results.map((result) => result.saveMs))})`,
  )
  if (updates.length > 0) {
    const outside = results
      .filter((result) => result.update)
      .map((result) => result.liveMs - Math.round(result.update!.milliseconds))
    console.log(
      `  publisher's logged update time: ${summary(updates.map((u) => Math.round(u.milliseconds)))}; of all ${sum((u) => Math.round(u.milliseconds))} ms: 比对 (plan) ${sum((u) => u.timings.plan)}, ` +
        `渲染并暂存 (render ${sum((u) => u.pages)} pages, writing each to a temporary file) ${sum((u) => u.timings.render)}, 上线 (renames into place) ${sum((u) => u.timings.write)}; ` +
        `outside the logged update (queue poll, reading the document, status writes, emptying the queue, this poll): p50 ${ms(quantile(outside, 0.5))}, max ${ms(Math.max(...outside))}`,
    )
  }
  console.log(
    `  full build: ${(fullBuild.readyMs / 1000).toFixed(1)} s from spawn to ready (${fullBuild.pages} pages; ` +
      `${fullBuild.publisherMs === null ? '' : `publisher's 全量构建 ${(fullBuild.publisherMs / 1000).toFixed(1)} s, of which `}astro build ${(fullBuild.releaseMs / 1000).toFixed(1)} s)`,
  )
}

/** The search index on disk finds the last new title, and no longer finds the last removed article. */
async function checkSearch(servedDir: string, results: EditResult[]): Promise<boolean> {
  const folder = path.join(servedDir, 'search')
  const source: SearchSource = {
    bytes: async (file) => fs.readFileSync(path.join(folder, file)),
    json: async (file) => JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')),
  }
  const index = openSearchIndex(
    JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as SearchManifest,
    source,
  )
  const find = async (title: string) => {
    const { hits } = await index.search(title, { limit: 50 })
    return (await index.documents(hits.map((hit) => hit.doc))).filter(
      (document) => document !== null,
    )
  }
  let ok = true
  const edited = results.filter((result) => result.kind === 'title' || result.kind === 'add').at(-1)
  if (edited) {
    const found = (await find(edited.title)).some(
      (document) => document.url === `/news/${edited.slug}/` && document.title === edited.title,
    )
    console.log(
      `  search index: last edited title "${edited.title}" ${found ? 'found' : 'NOT FOUND'} (edit ${edited.n}, ${edited.kind})`,
    )
    ok &&= found
  }
  const removed = results
    .filter((result) => result.kind === 'delete' || result.kind === 'unpublish')
    .at(-1)
  if (removed) {
    const still = (await find(removed.title)).some(
      (document) => document.url === `/news/${removed.slug}/`,
    )
    console.log(
      `  search index: last removed article /news/${removed.slug}/ ${still ? 'STILL FOUND' : 'no longer found'} (edit ${removed.n}, ${removed.kind})`,
    )
    ok &&= !still
  }
  return ok
}

let exitCode = 1
try {
  exitCode = await main()
  console.log(
    exitCode === 0
      ? '✔ bench:publish: done'
      : '✘ bench:publish: the search index does not match the edits',
  )
} catch (error) {
  console.error(
    `✘ bench:publish: ${error instanceof Error ? (process.env.DEBUG ? error.stack : error.message) : String(error)}`,
  )
} finally {
  if (process.env.BENCH_KEEP) console.log(`  kept ${dir}`)
  else fs.rmSync(dir, { recursive: true, force: true })
}
process.exit(exitCode)
