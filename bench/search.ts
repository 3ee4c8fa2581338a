/**
 * `npm run bench:search`: the site search on the reference corpus (10,000 news, 1,000 lectures
 * with transcripts, 20,000 books, 300 exhibits). Prints the index build time and size, relevance
 * (recall@10, precision@10, random substrings; the sets of tests/unit/searchIndex.test.ts), query
 * latency in Node, and in Chromium: a small site is built (for its pages and the search island's
 * code) and served by the project's static server on localhost with the reference index written
 * into it, and the header box is driven as a visitor would. For the first query (island code
 * included) and each later query of the 40 ranking queries: bytes and files downloaded, time from
 * the last keystroke to results on screen; also over a 40 ms / 10 Mbit/s link. The first query of
 * 40 new visitors (each ranking query once) is measured with gzip (the server made to answer as to a
 * browser that accepts only gzip: the budget is in gzipped bytes), then with brotli (what this
 * server sends Chromium): p50, p95 and max of every byte downloaded between focusing the box and the
 * results on screen (island code included), split into script, search index files and the rest,
 * and the time from the keystroke to results. Asserts nothing.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import type { IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { chromium, type Browser, type Page } from '@playwright/test'
import { buildSearchIndex, writeIndex } from '../shared/search/buildIndex'
import { openSearchIndex, type SearchIndex, type SearchSource } from '../shared/search/searchIndex'
import { slotOfDocument, type SearchManifest } from '../shared/search/format'
import { searchDocumentsFromSiteContent } from '../shared/search/siteDocuments'
import { createStaticServer } from '../site/server/staticServer'
import { searchUrls } from '../site/src/lib/urls'
import { chromiumLaunchOptions } from '../tests/helpers/chromium'
import { rankingQueries, recallAt10, relevanceSet } from '../tests/helpers/searchRelevance'
import { generateReferenceCorpus } from './referenceCorpus'

const root = process.cwd()
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-bench-search-'))
const outDir = path.join(dir, 'dist')
const searchDir = path.join(outDir, 'search')

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`
const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]
const p50p95 = (values: number[], unit = 'ms') =>
  `p50 ${quantile(values, 0.5).toFixed(1)} ${unit}, p95 ${quantile(values, 0.95).toFixed(1)} ${unit}`
/** Gzip as the static server sends it (level 6). */
const gz = (data: Buffer | Uint8Array | string) => zlib.gzipSync(data, { level: 6 }).length

function* walk(folder: string): Generator<string> {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) yield* walk(full)
    else yield full
  }
}

function diskSource(folder: string): SearchSource {
  return {
    bytes: async (file) => fs.readFileSync(path.join(folder, file)),
    json: async (file) => JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')),
  }
}

/** What a search costs in Node: score the query, fetch the display data of the first 6 results (as the header box). */
async function timedSearch(
  index: SearchIndex,
  query: string,
): Promise<{ ms: number; shardBytes: number }> {
  const started = performance.now()
  const { hits, fetchedBytes } = await index.search(query, { limit: 6 })
  await index.documents(hits.map((hit) => hit.doc))
  return { ms: performance.now() - started, shardBytes: fetchedBytes }
}

interface Download {
  pathname: string
  /** Response body as sent (compressed when the server compresses it). */
  body: number
  headers: number
}

/** Records every response of the page, with its transferred size. */
function recordDownloads(page: Page) {
  const pending: Promise<Download>[] = []
  page.on('requestfinished', (request) => {
    pending.push(
      request.sizes().then((sizes) => ({
        pathname: new URL(request.url()).pathname,
        body: sizes.responseBodySize,
        headers: sizes.responseHeadersSize,
      })),
    )
  })
  let taken = 0
  return {
    /** Downloads finished since the last call. */
    async since(): Promise<Download[]> {
      await new Promise((resolve) => setTimeout(resolve, 150))
      const done = await Promise.all(pending.slice(taken))
      taken = pending.length
      return done
    },
  }
}

/** `text` padded with spaces to `width` columns, a CJK character taking two. */
const padColumns = (text: string, width: number) =>
  text +
  ' '.repeat(
    Math.max(0, width - Array.from(text).reduce((n, c) => n + (c.charCodeAt(0) > 0xff ? 2 : 1), 0)),
  )

const sum = (downloads: Download[]) => downloads.reduce((n, download) => n + download.body, 0)
const isScript = (d: Download) => d.pathname.endsWith('.js')
const isIndexFile = (d: Download) => d.pathname.startsWith('/search/') && !isScript(d)
/** p50, p95 and max of `values`. */
const spread = (values: number[], format: (value: number) => string) =>
  `p50 ${format(quantile(values, 0.5))}, p95 ${format(quantile(values, 0.95))}, max ${format(Math.max(...values))}`
const kbValue = (value: number) => kb(value)
const msValue = (value: number) => `${value.toFixed(0)} ms`

/** Marks, in the page, the last input event and when the header box shows results (by its data-query). */
async function watchResults(page: Page) {
  await page.evaluate(() => {
    const state = window as unknown as {
      inputAt: number
      shown: { query: string | null; at: number } | null
    }
    document.addEventListener('input', () => (state.inputAt = performance.now()), true)
    const form = document.querySelector('.site-search')!
    new MutationObserver(() => {
      const query = form.getAttribute('data-query')
      requestAnimationFrame(() => (state.shown = { query, at: performance.now() }))
    }).observe(form, { attributes: true, attributeFilter: ['data-query'] })
  })
}

/** Replaces the box's text with `query` in one input event (as an input method commits it); ms from it to results on screen. */
async function typeAndWait(page: Page, query: string): Promise<number> {
  const box = page.locator('#site-search')
  await box.selectText()
  await page.keyboard.insertText(query)
  await page.waitForFunction(
    (q) => (window as unknown as { shown?: { query: string } }).shown?.query === q,
    query,
    { timeout: 30_000 },
  )
  return page.evaluate(() => {
    const state = window as unknown as { inputAt: number; shown: { at: number } }
    return state.shown.at - state.inputAt
  })
}

/** One visitor: opens the home page, focuses the header box, types the queries one after another. */
async function browse(
  browser: Browser,
  baseUrl: string,
  queries: string[],
  options: { throttle?: boolean; waitAfterFocus?: number } = {},
) {
  const context = await browser.newContext({ locale: 'zh-CN' })
  const page = await context.newPage()
  if (options.throttle) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 40,
      downloadThroughput: 10e6 / 8,
      uploadThroughput: 10e6 / 8,
    })
  }
  const downloads = recordDownloads(page)
  await page.goto(`${baseUrl}/`)
  await page.waitForLoadState('load')
  const beforeFocus = await downloads.since()
  const inlineJs = await page.$$eval(
    'script:not([src]):not([type="application/ld+json"])',
    (scripts) => scripts.map((s) => s.textContent ?? ''),
  )
  await watchResults(page)
  await page.locator('#site-search').focus()
  if (options.waitAfterFocus) await page.waitForTimeout(options.waitAfterFocus)
  const perQuery: { query: string; ms: number; downloads: Download[] }[] = []
  for (const query of queries) {
    const ms = await typeAndWait(page, query)
    perQuery.push({ query, ms, downloads: await downloads.since() })
  }
  await context.close()
  return { beforeFocus, inlineJsGz: inlineJs.reduce((n, code) => n + gz(code), 0), perQuery }
}

function describeDownloads(downloads: Download[]) {
  const kinds: [string, (d: Download) => boolean][] = [
    ['island JS', (d) => d.pathname.endsWith('.js')],
    ['manifest', (d) => d.pathname.endsWith('manifest.json')],
    ['shards', (d) => d.pathname.includes('/shards/')],
    ['display files', (d) => d.pathname.includes('/docs/')],
  ]
  return kinds
    .map(([label, test]) => {
      const some = downloads.filter(test)
      return some.length ? `${label} ${kb(sum(some))} (${some.length})` : null
    })
    .filter(Boolean)
    .join(', ')
}

console.log(`bench:search (Node ${process.versions.node}, ${os.cpus().length} cores) in ${dir}`)
let server: ReturnType<typeof createStaticServer> | undefined
let browser: Browser | undefined
let acceptEncoding: 'gzip' | 'br' | undefined
try {
  let started = performance.now()
  const mediaDir = path.join(dir, 'media')
  const content = await generateReferenceCorpus(mediaDir)
  const documents = searchDocumentsFromSiteContent(content, searchUrls)
  const characters = documents.reduce(
    (n, doc) => n + doc.fields.title.length + doc.fields.summary.length + doc.fields.body.length,
    0,
  )
  console.log(
    `  corpus: ${documents.length} documents, ${(characters / 1e6).toFixed(2)} M characters (generated in ${seconds(started)})`,
  )

  // ── index build and size ──
  started = performance.now()
  const index = buildSearchIndex(documents)
  const { stats, manifest } = index
  console.log(
    `  build (buildSearchIndex): ${seconds(started)}, ${stats.termCount} terms, ${stats.postingCount} postings; process peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
  )

  // A small site for the pages and the island's code (the index does not change them), then the reference index in it.
  const small = await generateReferenceCorpus(mediaDir, {
    news: 24,
    lectures: 12,
    books: 24,
    exhibits: 12,
  })
  const smallFile = path.join(dir, 'small-content.json')
  fs.writeFileSync(smallFile, JSON.stringify(small))
  started = performance.now()
  const build = spawnSync(
    path.join(root, 'node_modules/.bin/astro'),
    ['build', '--root', 'site', '--outDir', outDir, '--silent'],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        SITE_CONTENT_FILE: smallFile,
        MEDIA_DIR: mediaDir,
        SITE_URL: 'http://localhost',
        CMS_URL: '',
      },
    },
  )
  if (build.status !== 0) throw new Error(`astro build failed:\n${build.stdout}\n${build.stderr}`)
  console.log(
    `  small site for the browser (${small.news.length + small.books.length + small.lectures.length + small.exhibits.length} documents) built in ${seconds(started)}`,
  )
  started = performance.now()
  writeIndex(index, searchDir)
  console.log(`  write (writeIndex): ${seconds(started)}`)

  const indexFiles = [...walk(searchDir)].filter((file) => /\.(bin|json)$/.test(file))
  const size = (files: string[]) => {
    const contents = files.map((file) => fs.readFileSync(file))
    return {
      count: files.length,
      raw: contents.reduce((n, b) => n + b.length, 0),
      gz: contents.reduce((n, b) => n + gz(b), 0),
      sizes: contents.map((b) => b.length),
    }
  }
  const shards = size(indexFiles.filter((file) => file.endsWith('.bin')))
  const docs = size(indexFiles.filter((file) => file.includes(`${path.sep}docs${path.sep}`)))
  const all = size(indexFiles)
  console.log(`  index: ${all.count} files, ${mb(all.raw)} (${mb(all.gz)} gzipped file by file)`)
  console.log(
    `    shards: ${shards.count}, ${mb(shards.raw)} (${mb(shards.gz)} gzipped); median ${kb(quantile(shards.sizes, 0.5))}, p90 ${kb(quantile(shards.sizes, 0.9))}, largest ${kb(Math.max(...shards.sizes))}`,
  )
  console.log(
    `    display files: ${docs.count} of ${manifest.docFileSize} documents, ${mb(docs.raw)} (${mb(docs.gz)} gzipped); manifest ${fs.statSync(path.join(searchDir, 'manifest.json')).size} bytes`,
  )

  // ── relevance ──
  started = performance.now()
  const session = openSearchIndex(manifest, diskSource(searchDir))
  // index.documents is in slot order: a hit's slot is its position there.
  const relevance = relevanceSet(index.documents)
  const titleQueries = relevance.titleQueries()
  let recall = 0
  for (const { query, relevant } of titleQueries)
    recall += recallAt10(
      relevant,
      (await session.search(query, { limit: 10 })).hits.map((hit) => slotOfDocument(hit.doc)),
    )
  const commonQueries = relevance.commonQueries()
  let precision = 0
  for (const query of commonQueries) {
    const { hits } = await session.search(query, { limit: 10 })
    precision +=
      hits.filter((hit) => relevance.contains(slotOfDocument(hit.doc), query)).length / 10
  }
  const substrings = relevance.randomSubstrings(777, 500)
  let substringsFound = 0
  for (const { query, source } of substrings)
    if (
      (await session.search(query, { limit: Infinity })).hits.some(
        (hit) => slotOfDocument(hit.doc) === source,
      )
    )
      substringsFound++
  const cutting = substrings.filter((sample) => sample.cutsWord).length
  console.log(`  relevance (${seconds(started)}):`)
  console.log(
    `    recall@10 ${(recall / titleQueries.length).toFixed(3)} (${titleQueries.length} distinctive title phrases)`,
  )
  console.log(
    `    precision@10 ${(precision / commonQueries.length).toFixed(3)} (${commonQueries.length} phrases in ≥ 10 documents)`,
  )
  console.log(
    `    random 2–8 character substrings: source found ${(substringsFound / substrings.length).toFixed(3)} (${substrings.length}, ${cutting} of them cutting a number or word)`,
  )

  // ── Node ──
  const cold: number[] = []
  const coldBytes: number[] = []
  for (const query of rankingQueries) {
    const { ms, shardBytes } = await timedSearch(
      openSearchIndex(manifest, diskSource(searchDir)),
      query,
    )
    cold.push(ms)
    coldBytes.push(shardBytes)
  }
  const warm = openSearchIndex(manifest, diskSource(searchDir))
  for (const query of rankingQueries) await timedSearch(warm, query)
  const cached: number[] = []
  for (const query of rankingQueries) cached.push((await timedSearch(warm, query)).ms)
  console.log(`  Node, ${rankingQueries.length} queries, search + display data of 6 results:`)
  console.log(
    `    first time (shards and display files read from disk): ${p50p95(cold)}; shard bytes p50 ${kb(quantile(coldBytes, 0.5))}, p95 ${kb(quantile(coldBytes, 0.95))}, max ${kb(Math.max(...coldBytes))} (uncompressed)`,
  )
  console.log(`    again (all in memory): ${p50p95(cached)}`)

  // ── Chromium ──
  server = createStaticServer(outDir)
  // Set: answer as to a browser that accepts only this encoding (the budget is in gzipped bytes).
  server.prependListener('request', (req: IncomingMessage) => {
    if (acceptEncoding) req.headers['accept-encoding'] = acceptEncoding
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`
  browser = await chromium.launch(chromiumLaunchOptions)
  const manifestFromDisk = JSON.parse(
    fs.readFileSync(path.join(searchDir, 'manifest.json'), 'utf8'),
  ) as SearchManifest
  console.log(
    `  Chromium (headless, static server on localhost, ${manifestFromDisk.shardCount} shards), the header box, ${rankingQueries.length} queries in a row:`,
  )
  const visit = await browse(browser, baseUrl, rankingQueries)
  const searchBefore = visit.beforeFocus.filter(
    (d) => d.pathname.endsWith('.js') || d.pathname.startsWith('/search/'),
  )
  console.log(
    `    before the box is focused: ${searchBefore.length} search or script files downloaded; inline script ${kb(visit.inlineJsGz)} gzipped`,
  )
  const [first, ...later] = visit.perQuery
  console.log(
    `    first query “${first.query}” typed right after focusing: ${kb(sum(first.downloads))} in ${first.downloads.length} files (${describeDownloads(first.downloads)}) + ${kb(first.downloads.reduce((n, d) => n + d.headers, 0))} of headers; results ${first.ms.toFixed(0)} ms after the keystroke (island loaded meanwhile)`,
  )
  console.log('    later queries (bytes downloaded, files, time from keystroke to results):')
  for (const { query, ms, downloads } of later) {
    console.log(
      `      ${padColumns(query, 16)} ${kb(sum(downloads)).padStart(8)} ${String(downloads.length).padStart(3)} files ${ms.toFixed(0).padStart(4)} ms`,
    )
  }
  const laterBytes = later.map(({ downloads }) => sum(downloads) / 1024)
  console.log(
    `    later queries: ${p50p95(later.map((q) => q.ms))}; bytes ${p50p95(laterBytes, 'KB')}, max ${Math.max(...laterBytes).toFixed(1)} KB`,
  )
  for (const encoding of ['gzip', 'br'] as const) {
    acceptEncoding = encoding
    const firsts: {
      query: string
      ms: number
      bytes: number
      script: number
      index: number
      files: number
    }[] = []
    for (const query of rankingQueries) {
      const { perQuery } = await browse(browser, baseUrl, [query])
      const { downloads, ms } = perQuery[0]
      firsts.push({
        query,
        ms,
        bytes: sum(downloads),
        script: sum(downloads.filter(isScript)),
        index: sum(downloads.filter(isIndexFile)),
        files: downloads.length,
      })
    }
    const heaviest = firsts.reduce((a, b) => (b.bytes > a.bytes ? b : a))
    const slowest = firsts.reduce((a, b) => (b.ms > a.ms ? b : a))
    console.log(
      `    first query of ${firsts.length} new visitors (each ranking query once, typed right after focusing), ${encoding === 'gzip' ? 'gzipped' : 'brotli'}:`,
    )
    console.log(
      `      all downloads: ${spread(
        firsts.map((f) => f.bytes),
        kbValue,
      )} (heaviest “${heaviest.query}”, ${heaviest.files} files)`,
    )
    console.log(
      `        scripts ${spread(
        firsts.map((f) => f.script),
        kbValue,
      )}; search index files ${spread(
        firsts.map((f) => f.index),
        kbValue,
      )}; other (pages' images) ${spread(
        firsts.map((f) => f.bytes - f.script - f.index),
        kbValue,
      )}`,
    )
    console.log(
      `      keystroke → results: ${spread(
        firsts.map((f) => f.ms),
        msValue,
      )} (slowest “${slowest.query}”)`,
    )
  }
  acceptEncoding = undefined
  const firstAfterFocus: number[] = []
  for (let run = 0; run < 3; run++)
    firstAfterFocus.push(
      (await browse(browser, baseUrl, [rankingQueries[run * 7]], { waitAfterFocus: 1000 }))
        .perQuery[0].ms,
    )
  console.log(
    `    first query typed 1 s after focusing (island already loaded), 3 visitors: ${firstAfterFocus.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}`,
  )
  const throttled = await browse(browser, baseUrl, rankingQueries.slice(0, 10), { throttle: true })
  console.log(
    `    over a 40 ms / 10 Mbit/s link: first query ${throttled.perQuery[0].ms.toFixed(0)} ms (${kb(sum(throttled.perQuery[0].downloads))}), later ${p50p95(throttled.perQuery.slice(1).map((q) => q.ms))}`,
  )
  console.log('✔ bench:search: done')
} catch (error) {
  console.error(`✘ bench:search: ${(error as Error).stack ?? error}`)
  process.exitCode = 1
} finally {
  await browser?.close()
  server?.close()
  if (!process.env.BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true })
}
