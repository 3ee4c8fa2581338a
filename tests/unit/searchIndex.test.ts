import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import lunr from 'lunr'
import { afterAll, describe, expect, it } from 'vitest'
import { books } from '../../cms/seed/data/books'
import { exhibits } from '../../cms/seed/data/exhibition'
import { lectures } from '../../cms/seed/data/lectures'
import { news } from '../../cms/seed/data/news'
import { speakers } from '../../cms/seed/data/speakers'
import { demoIsbn } from '../../cms/seed/demoIsbn'
import { buildSearchIndex, computeTermWeights, defaultScoring, writeIndex, type SearchDocument } from '../../shared/search/buildIndex'
import { docFilePath, searchFields, shardPath, termShard, type SearchManifest } from '../../shared/search/format'
import { openSearchIndex, typeOfDocument, type SearchSource } from '../../shared/search/searchIndex'
import { searchDocumentsFromSiteContent, textOfHtml } from '../../shared/search/siteDocuments'
import type { SiteContent } from '../../shared/siteContent'
import { indexTokens, queryTokens } from '../../shared/search/tokenize'
import { rankingQueries, recallAt10, relevanceSet } from '../helpers/searchRelevance'

// ───────────── the corpus: the demo content (507 documents) ─────────────

const speakerNames = new Map(speakers.map((speaker) => [speaker.key, speaker.name]))
const corpus: SearchDocument[] = [
  ...books.map((book, i): SearchDocument => {
    const title = book.subtitle ? `${book.title}：${book.subtitle}` : book.title
    const isbn = book.year >= 1987 ? demoIsbn(i) : ''
    return {
      id: `book-${i + 1}`,
      type: 'book',
      url: `/library/book-${i + 1}/`,
      title,
      fields: {
        title,
        summary: book.summary,
        body: [book.authors.join(' '), book.publisher, isbn, book.subjects.join(' '), book.clc].join('\n'),
      },
    }
  }),
  ...news
    .filter((item) => item.status === 'published')
    .map((item, i): SearchDocument => ({
      id: `news-${i + 1}`,
      type: 'news',
      url: `/news/news-${i + 1}/`,
      title: item.title,
      fields: { title: item.title, summary: item.summary, body: [...item.paragraphs, item.tags.join(' ')].join('\n') },
    })),
  ...exhibits.map((item, i): SearchDocument => ({
    id: `exhibit-${i + 1}`,
    type: 'exhibit',
    url: `/exhibitions/bai-nian-dang-shi-zhan/exhibit-${i + 1}/`,
    title: item.title,
    fields: { title: item.title, summary: item.caption, body: [...item.paragraphs, ...item.imageCaptions].join('\n') },
  })),
  ...lectures.map((item, i): SearchDocument => ({
    id: `lecture-${i + 1}`,
    type: 'lecture',
    url: `/lectures/lecture-${i + 1}/`,
    title: item.title,
    fields: {
      title: item.title,
      summary: item.summary,
      body: [
        speakerNames.get(item.speakerKey) ?? '',
        ...item.chapters.map((chapter) => chapter.title),
        ...item.transcript,
        item.tags.join(' '),
      ].join('\n'),
    },
  })),
]

const built = buildSearchIndex(corpus)
/** Index document n is `documents[n]`; lunr gets ref `String(n)`. */
const { documents, manifest } = built

/** The index files, as the builder made them, by path. */
const files = new Map<string, Uint8Array | unknown>()
for (const [shard, bytes] of built.shards) files.set(shardPath(shard, manifest.shardCount), bytes)
for (const [file, entries] of built.docFiles) files.set(docFilePath(file), entries)

/** Reads from memory and logs what was read. */
function memorySource(log: string[] = []): SearchSource {
  const read = (file: string) => {
    log.push(file)
    if (!files.has(file)) throw new Error(`no ${file}`)
    return files.get(file)
  }
  return { bytes: async (file) => read(file) as Uint8Array, json: async (file) => structuredClone(read(file)) }
}

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-index-'))
/** Figures measured by the tests, printed once at the end (the README quotes them). */
const measured: Record<string, unknown> = {}
afterAll(() => {
  fs.rmSync(tempDir, { recursive: true, force: true })
  console.info(`search index measurements: ${JSON.stringify(measured)}`)
})

function fileSource(dir: string): SearchSource {
  return {
    bytes: async (file) => new Uint8Array(fs.readFileSync(path.join(dir, file))),
    json: async (file) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')),
  }
}

// ───────────── the same corpus in a stock lunr index, with our tokenizer ─────────────

function buildLunr(docs: readonly SearchDocument[]): lunr.Index {
  const builder = new lunr.Builder()
  builder.pipeline.reset()
  builder.searchPipeline.reset()
  builder.tokenizer = ((text?: string) =>
    indexTokens(text ?? '').map((token) => new lunr.Token(token, {}))) as unknown as typeof lunr.tokenizer
  builder.ref('ref')
  for (const field of searchFields) builder.field(field, { boost: defaultScoring.fieldBoosts[field] })
  docs.forEach((doc, n) => builder.add({ ref: String(n), ...doc.fields }))
  return builder.build()
}
const lunrIndex = buildLunr(documents)

/** lunr.Index#query with one clause per term: what our search must rank like. */
function lunrSearch(terms: string[], match: 'all' | 'any' = 'all') {
  const presence = match === 'all' ? lunr.Query.presence.REQUIRED : lunr.Query.presence.OPTIONAL
  return lunrIndex
    .query((query) => {
      for (const term of terms) query.term(term, { presence, usePipeline: false })
    })
    .map((result) => ({ doc: Number(result.ref), score: result.score }))
}

// ───────────── helpers ─────────────

const relevance = relevanceSet(documents)
const { contains, docsContaining } = relevance

/**
 * Largest relative error of `1 + w` for a dequantised weight w: half a byte step of ln(1 + w) when
 * a term's range spans the whole scale (ranges are narrower, errors smaller).
 */
const halfStep = Math.expm1(Math.log1p(manifest.quantisation.maxWeight) / 255 / 2)

describe('search index: build', () => {
  it('numbers documents by type and records the ranges in the manifest', () => {
    expect(manifest.docCount).toBe(corpus.length)
    expect(corpus.length).toBeGreaterThanOrEqual(200)
    let first = 0
    for (const type of ['news', 'exhibit', 'lecture', 'book'] as const) {
      expect(manifest.types[type].first).toBe(first)
      for (let n = first; n < first + manifest.types[type].count; n++) expect(documents[n].type).toBe(type)
      first += manifest.types[type].count
    }
    expect(first).toBe(corpus.length)
  })
  it('sizes the shard count to the corpus (a power of two) and keeps the manifest small', () => {
    expect(Number.isInteger(Math.log2(manifest.shardCount))).toBe(true)
    expect(manifest.shardCount).toBeLessThan(4096)
    expect(buildSearchIndex(corpus.slice(0, 5)).manifest.shardCount).toBeLessThan(manifest.shardCount)
    expect(JSON.stringify(manifest).length).toBeLessThan(600)
  })
  it('computes every (term, document) weight exactly as lunr.Builder does', () => {
    const weights = computeTermWeights(documents)
    const { invertedIndex, fieldVectors } = lunrIndex as unknown as {
      invertedIndex: Record<string, { _index: number } & Record<string, Record<string, unknown>>>
      fieldVectors: Record<string, { elements: number[] }>
    }
    const components = new Map<string, Map<number, number>>()
    for (const [fieldRef, vector] of Object.entries(fieldVectors)) {
      const map = new Map<number, number>()
      for (let i = 0; i < vector.elements.length; i += 2) map.set(vector.elements[i], vector.elements[i + 1])
      components.set(fieldRef, map)
    }
    expect(weights.terms.length).toBe(Object.keys(invertedIndex).length)
    let checked = 0
    weights.terms.forEach((term, t) => {
      const posting = invertedIndex[term]
      const lunrDocs = new Set(searchFields.flatMap((field) => Object.keys(posting[field])))
      const ours = weights.docs.subarray(weights.offsets[t], weights.offsets[t + 1])
      expect([...ours].map(String).sort()).toEqual([...lunrDocs].sort())
      ours.forEach((doc, p) => {
        let expected = 0
        for (const field of searchFields) expected += components.get(`${field}/${doc}`)!.get(posting._index) ?? 0
        if (weights.weights[weights.offsets[t] + p] !== expected)
          expect([term, doc, weights.weights[weights.offsets[t] + p]]).toEqual([term, doc, expected])
        checked++
      })
    })
    expect(checked).toBe(weights.docs.length)
  })
  it('writes manifest, shards and display files that read back the same', async () => {
    writeIndex(built, tempDir)
    expect(JSON.parse(fs.readFileSync(path.join(tempDir, 'manifest.json'), 'utf8'))).toEqual(manifest)
    expect(fs.readdirSync(path.join(tempDir, 'shards'))).toHaveLength(manifest.shardCount)
    expect(fs.readdirSync(path.join(tempDir, 'docs'))).toHaveLength(Math.ceil(manifest.docCount / manifest.docFileSize))
    const fromDisk = openSearchIndex(
      JSON.parse(fs.readFileSync(path.join(tempDir, 'manifest.json'), 'utf8')) as SearchManifest,
      fileSource(tempDir),
    )
    const inMemory = openSearchIndex(manifest, memorySource())
    for (const query of rankingQueries) {
      const [a, b] = await Promise.all([fromDisk.search(query, { limit: Infinity }), inMemory.search(query, { limit: Infinity })])
      expect(a.hits, query).toEqual(b.hits)
      const top = a.hits.slice(0, 10).map((hit) => hit.doc)
      expect(await fromDisk.documents(top)).toEqual(await inMemory.documents(top))
    }
  })
})

describe('search index: query', () => {
  it('fetches only the shards of the query terms, each once', async () => {
    const log: string[] = []
    const index = openSearchIndex(manifest, memorySource(log))
    const first = await index.search('百年党史展')
    const shards = new Set(first.terms.map((term) => shardPath(termShard(term, manifest.shardCount), manifest.shardCount)))
    expect(new Set(log)).toEqual(shards)
    expect(log).toHaveLength(shards.size)
    expect(first.fetchedBytes).toBe([...shards].reduce((sum, file) => sum + (files.get(file) as Uint8Array).length, 0))
    const again = await index.search('百年党史展')
    expect(again.fetchedBytes).toBe(0)
    expect(log).toHaveLength(shards.size)
    expect(again.hits).toEqual(first.hits)
  })
  it('returns display data for results, in order', async () => {
    const index = openSearchIndex(manifest, memorySource())
    const { hits } = await index.search('共产党宣言')
    const shown = await index.documents(hits.map((hit) => hit.doc))
    expect(shown.slice(0, 3)).toContainEqual({
      id: 'book-1',
      type: 'book',
      url: '/library/book-1/',
      title: '共产党宣言',
      lead: '马克思和恩格斯为共产主义者同盟起草的纲领性文献，系统阐述了科学社会主义的基本原理，是马克思主义诞生的标志。',
    })
    shown.forEach((entry, i) => {
      expect(entry.id).toBe(documents[hits[i].doc].id)
      expect(Array.from(entry.lead).length).toBeLessThanOrEqual(121)
    })
  })
  it('filters by type, limits, and matches nothing for unknown terms or empty queries', async () => {
    const index = openSearchIndex(manifest, memorySource())
    const all = await index.search('党史', { limit: Infinity })
    const lectureHits = await index.search('党史', { limit: Infinity, types: ['lecture'] })
    expect(lectureHits.hits.length).toBeGreaterThan(0)
    expect(lectureHits.hits).toEqual(all.hits.filter((hit) => documents[hit.doc].type === 'lecture'))
    for (const type of ['news', 'exhibit', 'lecture', 'book'] as const) {
      const ofType = all.hits.filter((hit) => documents[hit.doc].type === type)
      expect(all.counts[type]).toBe(ofType.length)
      expect(lectureHits.counts[type]).toBe(ofType.length)
      for (const hit of ofType) expect(typeOfDocument(manifest, hit.doc)).toBe(type)
    }
    expect(lectureHits.total).toBe(lectureHits.counts.lecture)
    const five = await index.search('党史', { limit: 5 })
    expect(five.hits).toEqual(all.hits.slice(0, 5))
    expect(five.total).toBe(all.total)
    // Small limits pick the best as they come, large ones sort: the same ranking either way.
    for (const query of rankingQueries) {
      const every = await index.search(query, { limit: Infinity })
      for (const limit of [0, 1, 8, 64, 65]) {
        const some = await index.search(query, { limit })
        expect(some.hits, `${query} limit ${limit}`).toEqual(every.hits.slice(0, limit))
        expect(some.total).toBe(every.total)
      }
    }
    expect((await index.search('党史 量子纠缠')).total).toBe(0)
    expect((await index.search('量子纠缠', { match: 'any' })).total).toBe(0)
    expect((await index.search('，。')).hits).toEqual([])
  })
  it('refuses an index built by another tokenizer version', () => {
    expect(() => openSearchIndex({ ...manifest, tokenizerVersion: -1 }, memorySource())).toThrow(/rebuild/)
  })
})

describe('search index: ranking equals lunr.Index#query', () => {
  for (const match of ['all', 'any'] as const) {
    it(`matches the same documents with lunr's scores up to quantisation, ${rankingQueries.length} queries, match ${match}`, async () => {
      const index = openSearchIndex(manifest, memorySource())
      let slots = 0
      let sameSlots = 0
      for (const query of rankingQueries) {
        const terms = queryTokens(query)
        const ours = await index.search(query, { limit: Infinity, match })
        const theirs = lunrSearch(terms, match)
        expect(ours.terms).toEqual(terms)
        expect(
          ours.hits.map((hit) => hit.doc).sort((a, b) => a - b),
          query,
        ).toEqual(theirs.map((hit) => hit.doc).sort((a, b) => a - b))
        const lunrScore = new Map(theirs.map((hit) => [hit.doc, hit.score]))
        const present = terms.filter((term) => term in (lunrIndex as unknown as { invertedIndex: object }).invertedIndex).length
        // Each weight is off by at most half a log step: |w' - w| ≤ (1 + w)·halfStep, so a score by
        // at most (score·√n + n)·halfStep / √n = (score + √n)·halfStep.
        const maxError = (doc: number) => (lunrScore.get(doc)! + Math.sqrt(present)) * halfStep + 1e-9
        for (let i = 0; i < ours.hits.length; i++) {
          const { doc, score } = ours.hits[i]
          if (i > 0) expect(score).toBeLessThanOrEqual(ours.hits[i - 1].score)
          expect(Math.abs(score - lunrScore.get(doc)!), `${query} doc ${doc}`).toBeLessThanOrEqual(maxError(doc))
        }
        for (let i = 0; i < Math.min(10, theirs.length); i++) {
          slots++
          const [mine, lunrs] = [ours.hits[i].doc, theirs[i].doc]
          // The same document, or one lunr scores exactly alike (a tie lunr orders arbitrarily).
          if (mine === lunrs || lunrScore.get(mine) === theirs[i].score) {
            sameSlots++
            continue
          }
          // Otherwise a near tie: lunr's scores of the two documents closer than quantisation can tell.
          expect(Math.abs(lunrScore.get(mine)! - theirs[i].score), `${query} slot ${i}`).toBeLessThanOrEqual(
            maxError(mine) + maxError(lunrs),
          )
        }
      }
      measured[`top10SlotsIdenticalToLunr_${match}`] = `${sameSlots}/${slots}`
      expect(slots).toBeGreaterThan(300)
      expect(sameSlots / slots).toBeGreaterThanOrEqual(match === 'all' ? 0.95 : 0.9)
    })
  }
})

describe('search index: relevance', () => {
  const titleQueries = relevance.titleQueries()
  const commonQueries = relevance.commonQueries()

  it(`finds the documents whose title holds a distinctive phrase in the top 10 (recall@10 ≥ 0.95, ${titleQueries.length} queries)`, async () => {
    expect(titleQueries.length).toBeGreaterThanOrEqual(40)
    const index = openSearchIndex(manifest, memorySource())
    let recall = 0
    for (const { query, relevant } of titleQueries) {
      recall += recallAt10(relevant, (await index.search(query, { limit: 10 })).hits.map((hit) => hit.doc))
    }
    measured.titleRecallAt10 = recall / titleQueries.length
    expect(recall / titleQueries.length).toBeGreaterThanOrEqual(0.95)
  })

  it(`fills the top 10 with documents containing the query (precision@10 ≥ 0.9, ${commonQueries.length} queries with ≥ 10 matching documents)`, async () => {
    expect(commonQueries.length).toBeGreaterThanOrEqual(40)
    const index = openSearchIndex(manifest, memorySource())
    let precision = 0
    for (const query of commonQueries) {
      const { hits } = await index.search(query, { limit: 10 })
      expect(hits, query).toHaveLength(10)
      precision += hits.filter((hit) => contains(hit.doc, query)).length / 10
    }
    measured.precisionAt10 = precision / commonQueries.length
    expect(precision / commonQueries.length).toBeGreaterThanOrEqual(0.9)
  })

  it('finds every document containing a random 2–8 character substring that cuts no word (250)', async () => {
    const index = openSearchIndex(manifest, memorySource())
    let found = 0
    let allFound = 0
    // Precision over all results: the share of them containing the substring as it stands, for
    // substrings of one run (no space or punctuation) and for those of several runs, which match
    // documents holding the runs anywhere.
    const precision = { oneRun: [0, 0], severalRuns: [0, 0] }
    for (const { query, source } of relevance.randomSubstrings(20260101, 250, true)) {
      const { hits } = await index.search(query, { limit: Infinity })
      const results = new Set(hits.map((hit) => hit.doc))
      const relevant = docsContaining(query)
      if (results.has(source)) found++
      if (relevant.every((doc) => results.has(doc))) allFound++
      const kind = /^[\p{L}\p{N}]+$/u.test(query) ? precision.oneRun : precision.severalRuns
      kind[0] += relevant.length / results.size
      kind[1]++
    }
    measured.alignedSubstrings = {
      sourceFound: found / 250,
      allContainingFound: allFound / 250,
      precisionOfAllResults: Object.fromEntries(
        Object.entries(precision).map(([kind, [sum, n]]) => [kind, `${(sum / n).toFixed(3)} (${n} queries)`]),
      ),
    }
    // Every query term is an index token of any text holding the substring, so this is exact.
    expect(found).toBe(250)
    expect(allFound).toBe(250)
  })

  it('finds the source of ≥ 95% of arbitrary random 2–8 character substrings, numbers and Latin words cut anywhere (1,000)', async () => {
    const index = openSearchIndex(manifest, memorySource())
    const samples = relevance.randomSubstrings(777, 1000)
    let found = 0
    let allFound = 0
    const missed: string[] = []
    for (const { query, source } of samples) {
      const results = new Set((await index.search(query, { limit: Infinity })).hits.map((hit) => hit.doc))
      if (results.has(source)) found++
      else missed.push(query)
      if (docsContaining(query).every((doc) => results.has(doc))) allFound++
    }
    const cutting = samples.filter((sample) => sample.cutsWord)
    let cutFound = 0
    for (const { query, source } of cutting) if ((await index.search(query, { limit: Infinity })).hits.some((hit) => hit.doc === source)) cutFound++
    measured.arbitrarySubstrings = {
      sourceFound: found / samples.length,
      allContainingFound: allFound / samples.length,
      cuttingANumberOrWord: `${cutFound}/${cutting.length} found`,
      missed,
    }
    expect(cutting.length).toBeGreaterThan(30)
    expect(found / samples.length).toBeGreaterThanOrEqual(0.95)
    expect(cutFound / cutting.length).toBeGreaterThanOrEqual(0.95)
  })
})

describe('search documents from the site content export', () => {
  it('takes the text of rich-text HTML, block boundaries as line breaks', () => {
    expect(
      textOfHtml(
        '<p>党建<strong>引领</strong>发展</p><p>第二段&amp;&#x4e2d;&nbsp;</p><figure><img src="a.webp" alt="x"><figcaption>图注</figcaption></figure>',
      ),
    ).toBe('党建引领发展\n第二段&中\n图注')
  })
  it('maps each collection to title, summary and body', () => {
    const content = {
      news: [{ id: '1', slug: 'a', title: '新闻', summary: '摘要', bodyHtml: '<p>正文</p>', tags: ['标签'] }],
      exhibitions: [{ id: '9', slug: 'zhan' }],
      exhibits: [
        { id: '2', slug: 'b', exhibitionId: '9', title: '展品', caption: '说明', bodyHtml: '<p>展文</p>', images: [{ caption: '图' }] },
      ],
      speakers: [{ id: '7', name: '张明远' }],
      lectures: [
        { id: '3', slug: 'c', title: '讲座', summary: '提要', speakerId: '7', chapters: [{ title: '开场' }], transcript: '讲稿', tags: [] },
      ],
      books: [
        {
          id: '4',
          slug: 'd',
          title: '书名',
          subtitle: '副题',
          summary: '简介',
          authors: ['甲', '乙'],
          publisher: '人民出版社',
          isbn: '9787020002207',
          subjects: ['党史'],
          callNumber: 'D2/1',
          clc: 'D2',
        },
      ],
    } as unknown as SiteContent
    const urls = {
      news: (slug: string) => `/news/${slug}/`,
      exhibit: (e: string, slug: string) => `/x/${e}/${slug}/`,
      lecture: (slug: string) => `/l/${slug}/`,
      book: (slug: string) => `/b/${slug}/`,
    }
    expect(searchDocumentsFromSiteContent(content, urls)).toEqual([
      { id: '1', type: 'news', url: '/news/a/', title: '新闻', fields: { title: '新闻', summary: '摘要', body: '正文\n标签' } },
      { id: '2', type: 'exhibit', url: '/x/zhan/b/', title: '展品', fields: { title: '展品', summary: '说明', body: '展文\n图' } },
      { id: '3', type: 'lecture', url: '/l/c/', title: '讲座', fields: { title: '讲座', summary: '提要', body: '张明远\n开场\n讲稿' } },
      {
        id: '4',
        type: 'book',
        url: '/b/d/',
        title: '书名：副题',
        fields: { title: '书名：副题', summary: '简介', body: '甲 乙\n人民出版社\n9787020002207\n党史\nD2/1' },
      },
    ])
  })
})
