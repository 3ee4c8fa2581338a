/**
 * `npm run bench:search-update`: incremental updates of the search index on the reference corpus
 * (10,000 news, 1,000 lectures with transcripts, 20,000 books, 300 exhibits). Builds and writes
 * the index, opens a `SearchIndexUpdater` on it, then times 20 updates as a publisher makes them,
 * one document each: title edits, body edits, adds and deletes, of news, books, lectures and
 * exhibits. Prints p50/p95 milliseconds and the files written, by kind; then checks that the
 * ranking queries get the same results (keys and scores) as from a clean full build of the final
 * documents. Asserts nothing.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildSearchIndex, writeIndex, type SearchDocument } from '../shared/search/buildIndex'
import { documentKey, type SearchDocumentType, type SearchManifest } from '../shared/search/format'
import { openSearchIndex, type SearchSource } from '../shared/search/searchIndex'
import { searchDocumentsFromSiteContent } from '../shared/search/siteDocuments'
import { SearchIndexUpdater } from '../shared/search/updateIndex'
import { searchUrls } from '../site/src/lib/urls'
import { rankingQueries } from '../tests/helpers/searchRelevance'
import { generateReferenceCorpus } from './referenceCorpus'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-bench-search-update-'))
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`
const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]
const p50p95 = (values: number[]) =>
  `p50 ${quantile(values, 0.5).toFixed(0)} ms, p95 ${quantile(values, 0.95).toFixed(0)} ms`

function diskSource(folder: string): SearchSource {
  return {
    bytes: async (file) => fs.readFileSync(path.join(folder, file)),
    json: async (file) => JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')),
  }
}

/** Every result of the ranking queries, as (key, score), ties ordered by key (slots may differ). */
async function answers(folder: string): Promise<string> {
  const index = openSearchIndex(
    JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as SearchManifest,
    diskSource(folder),
  )
  const all: unknown[] = []
  for (const query of rankingQueries) {
    const { hits, total } = await index.search(query, { limit: 200 })
    const shown = (await index.documents(hits.map((hit) => hit.doc))).map((entry) => entry!)
    const ranked = hits.map((hit, i) => [documentKey(shown[i]), hit.score] as const)
    // The last score may be cut by the limit in either index: compare only the complete ties.
    const last = ranked.at(-1)?.[1]
    const complete = ranked.filter(([, score]) => hits.length < 200 || score !== last)
    all.push([query, total, complete.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))])
  }
  return JSON.stringify(all)
}

console.log(
  `bench:search-update (Node ${process.versions.node}, ${os.cpus().length} cores) in ${dir}`,
)
try {
  let started = performance.now()
  const content = await generateReferenceCorpus(path.join(dir, 'media'))
  let documents: SearchDocument[] = searchDocumentsFromSiteContent(content, searchUrls)
  console.log(`  corpus: ${documents.length} documents (generated in ${seconds(started)})`)
  started = performance.now()
  const index = buildSearchIndex(documents)
  const indexDir = path.join(dir, 'search')
  writeIndex(index, indexDir)
  console.log(
    `  full build + write: ${seconds(started)}; ${index.manifest.shardCount} shards, ${index.stats.postingCount} postings`,
  )

  // The time spent replacing files (fs.writeFileSync and fs.renameSync, which the updater calls),
  // to tell the disk's share of each update from the computing's.
  let fileMs = 0
  for (const name of ['writeFileSync', 'renameSync'] as const) {
    const original = fs[name] as (...args: unknown[]) => unknown
    ;(fs as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      const at = performance.now()
      try {
        return original(...args)
      } finally {
        fileMs += performance.now() - at
      }
    }
  }

  started = performance.now()
  const updater = SearchIndexUpdater.open(indexDir)
  console.log(
    `  SearchIndexUpdater.open: ${(performance.now() - started).toFixed(0)} ms (manifest and ${Math.ceil(index.manifest.slotCount / index.manifest.docFileSize)} display files)`,
  )

  // 20 updates: each kind on news, news, book, lecture, exhibit, spread over the corpus.
  const kinds = ['title edit', 'body edit', 'add', 'delete'] as const
  const types: SearchDocumentType[] = ['news', 'news', 'book', 'lecture', 'exhibit']
  const ofType = (type: SearchDocumentType) =>
    documents.filter((document) => document.type === type)
  const runs: {
    kind: (typeof kinds)[number]
    type: SearchDocumentType
    ms: number
    fileMs: number
    shards: number
    docFiles: number
  }[] = []
  let added = 0
  for (let round = 0; round < types.length; round++) {
    for (const kind of kinds) {
      const type = types[round]
      const candidates = ofType(type)
      const document =
        candidates[Math.floor(((round * 4 + kinds.indexOf(kind) + 1) * candidates.length) / 23)]
      let change: { previous: SearchDocument[]; next: SearchDocument[] }
      if (kind === 'title edit') {
        const title = `${document.title}（修订）`
        change = {
          previous: [document],
          next: [{ ...document, title, fields: { ...document.fields, title } }],
        }
      } else if (kind === 'body edit') {
        const body = `${document.fields.body}\n编者按：本文于近日更新，补充了活动的后续进展。`
        change = {
          previous: [document],
          next: [{ ...document, fields: { ...document.fields, body } }],
        }
      } else if (kind === 'add') {
        const id = `bench-${++added}`
        const title = `${document.title}（新）`
        change = {
          previous: [],
          next: [
            {
              ...document,
              id,
              url: `${document.url}${id}/`,
              title,
              fields: { ...document.fields, title },
            },
          ],
        }
      } else {
        change = { previous: [document], next: [] }
      }
      fileMs = 0
      const done = updater.apply(change)
      runs.push({
        kind,
        type,
        ms: done.milliseconds,
        fileMs,
        shards: done.shardsWritten,
        docFiles: done.docFilesWritten,
      })
      const removed = new Set(change.previous.map(documentKey))
      documents = [...documents.filter((other) => !removed.has(documentKey(other))), ...change.next]
    }
  }
  console.log(
    '  updates (kind, type: ms, of which replacing files, shards written, display files written):',
  )
  for (const run of runs) {
    console.log(
      `    ${run.kind.padEnd(10)} ${run.type.padEnd(7)} ${run.ms.toFixed(0).padStart(5)} ms (files ${run.fileMs.toFixed(0).padStart(4)} ms) ${String(run.shards).padStart(5)} shards ${run.docFiles} docs`,
    )
  }
  console.log(
    `  all 20: ${p50p95(runs.map((run) => run.ms))}; shards written p50 ${quantile(
      runs.map((run) => run.shards),
      0.5,
    )}, max ${Math.max(...runs.map((run) => run.shards))}`,
  )
  console.log(
    `    without replacing files (computing, reading shards): ${p50p95(runs.map((run) => run.ms - run.fileMs))}`,
  )
  const perFile = runs.map((run) => run.fileMs / (run.shards + run.docFiles + 1))
  console.log(
    `    replacing a file (write + rename): p50 ${quantile(perFile, 0.5).toFixed(2)} ms, p95 ${quantile(perFile, 0.95).toFixed(2)} ms`,
  )
  for (const kind of kinds) {
    const some = runs.filter((run) => run.kind === kind)
    console.log(
      `    ${kind.padEnd(10)} ${p50p95(some.map((run) => run.ms))}; shards written ${some.map((run) => run.shards).join(', ')}`,
    )
  }

  started = performance.now()
  const cleanDir = path.join(dir, 'clean')
  writeIndex(buildSearchIndex(documents), cleanDir)
  const same = (await answers(indexDir)) === (await answers(cleanDir))
  console.log(
    `  ${rankingQueries.length} ranking queries, updated index against a clean full build of the final ${documents.length} documents: ${same ? 'the same results and scores' : 'DIFFERENT RESULTS'} (${seconds(started)})`,
  )
  if (!same) process.exitCode = 1
  console.log('✔ bench:search-update: done')
} catch (error) {
  console.error(`✘ bench:search-update: ${(error as Error).stack ?? error}`)
  process.exitCode = 1
} finally {
  if (!process.env.BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true })
}
