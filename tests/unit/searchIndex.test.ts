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
import {
  buildSearchIndex,
  computeTermWeights,
  defaultScoring,
  documentTermWeights,
  writeIndex,
  type SearchDocument,
} from '../../shared/search/buildIndex'
import {
  docFilePath,
  documentNumber,
  inverseDocumentFrequency,
  quantiseWeight,
  readVarint,
  searchDocumentTypes,
  searchFields,
  shardPath,
  shardRecords,
  slotOfDocument,
  termShard,
  type SearchManifest,
} from '../../shared/search/format'
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
        body: [
          book.authors.join(' '),
          book.publisher,
          isbn,
          book.subjects.join(' '),
          book.clc,
        ].join('\n'),
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
      fields: {
        title: item.title,
        summary: item.summary,
        body: [...item.paragraphs, item.tags.join(' ')].join('\n'),
      },
    })),
  ...exhibits.map((item, i): SearchDocument => ({
    id: `exhibit-${i + 1}`,
    type: 'exhibit',
    url: `/exhibitions/bai-nian-dang-shi-zhan/exhibit-${i + 1}/`,
    title: item.title,
    fields: {
      title: item.title,
      summary: item.caption,
      body: [...item.paragraphs, ...item.imageCaptions].join('\n'),
    },
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
/** Slot s holds `documents[s]` (the input order); lunr gets ref `String(s)`. */
const { documents, manifest } = built
/** The slot of a hit: what the relevance set and lunr number documents by. */
const slotOf = (hit: { doc: number }) => slotOfDocument(hit.doc)

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
  return {
    bytes: async (file) => read(file) as Uint8Array,
    json: async (file) => structuredClone(read(file)),
  }
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

/**
 * lunr.Builder with our tokenizer and boosts, its average field lengths pinned to the reference
 * lengths (set right after it computes them, before it computes the field vectors).
 */
function buildLunr(docs: readonly SearchDocument[]): lunr.Index {
  const builder = new lunr.Builder()
  const pinned = builder as unknown as {
    calculateAverageFieldLengths(): void
    averageFieldLength: Record<string, number>
  }
  const calculateAverageFieldLengths = pinned.calculateAverageFieldLengths
  pinned.calculateAverageFieldLengths = function (this: typeof pinned) {
    calculateAverageFieldLengths.call(this)
    this.averageFieldLength = { ...defaultScoring.referenceFieldLengths }
  }
  builder.pipeline.reset()
  builder.searchPipeline.reset()
  builder.tokenizer = ((text?: string) =>
    indexTokens(text ?? '').map(
      (token) => new lunr.Token(token, {}),
    )) as unknown as typeof lunr.tokenizer
  builder.ref('ref')
  for (const field of searchFields)
    builder.field(field, { boost: defaultScoring.fieldBoosts[field] })
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
 * A dequantised weight w' is within half a step of the log scale: |w' − w| ≤ (scale + w)·halfStep.
 */
const { scale: weightScale, maxWeight, levels } = manifest.quantisation
const halfStep = Math.expm1(Math.log1p(maxWeight / weightScale) / levels / 2)
const termWeights = computeTermWeights(documents)
const termIds = new Map(termWeights.terms.map((term, t) => [term, t]))
const idfOf = (term: string) =>
  inverseDocumentFrequency(termWeights.df[termIds.get(term)!], documents.length)

describe('search index: build', () => {
  it('gives documents slots in input order and numbers holding their type', () => {
    expect(manifest.docCount).toBe(corpus.length)
    expect(manifest.slotCount).toBe(corpus.length)
    expect(corpus.length).toBeGreaterThanOrEqual(200)
    expect(documents).toEqual(corpus)
    expect(manifest.types).toEqual(searchDocumentTypes)
    documents.forEach((document, slot) => {
      const number = documentNumber(slot, document.type)
      expect(number & 3).toBe(searchDocumentTypes.indexOf(document.type))
      expect(slotOfDocument(number)).toBe(slot)
      expect(typeOfDocument(manifest, number)).toBe(document.type)
      expect(
        built.docFiles.get(Math.floor(slot / manifest.docFileSize))![slot % manifest.docFileSize],
      ).toMatchObject({
        id: document.id,
        type: document.type,
        title: document.title,
      })
    })
  })
  it('sizes the shard count to the corpus (a power of two) and keeps the manifest small', () => {
    expect(Number.isInteger(Math.log2(manifest.shardCount))).toBe(true)
    expect(manifest.shardCount).toBeLessThan(4096)
    expect(buildSearchIndex(corpus.slice(0, 5)).manifest.shardCount).toBeLessThan(
      manifest.shardCount,
    )
    expect(JSON.stringify(manifest).length).toBeLessThan(600)
  })
  it('computes every weight and document frequency as lunr.Builder does with the reference field lengths', () => {
    const { invertedIndex, fieldVectors } = lunrIndex as unknown as {
      invertedIndex: Record<string, { _index: number } & Record<string, Record<string, unknown>>>
      fieldVectors: Record<string, { elements: number[] }>
    }
    const components = new Map<string, Map<number, number>>()
    for (const [fieldRef, vector] of Object.entries(fieldVectors)) {
      const map = new Map<number, number>()
      for (let i = 0; i < vector.elements.length; i += 2)
        map.set(vector.elements[i], vector.elements[i + 1])
      components.set(fieldRef, map)
    }
    const { terms, df, offsets, docs, weights } = termWeights
    expect(terms.length).toBe(Object.keys(invertedIndex).length)
    let checked = 0
    let largestDifference = 0
    terms.forEach((term, t) => {
      const posting = invertedIndex[term]
      // lunr.idf's document frequency: a document once per field holding the term.
      expect(df[t]).toBe(
        searchFields.reduce((n, field) => n + Object.keys(posting[field]).length, 0),
      )
      const idf = (lunr as unknown as { idf(posting: object, documentCount: number): number }).idf(
        posting,
        documents.length,
      )
      expect(idfOf(term)).toBe(idf)
      const lunrDocs = new Set(searchFields.flatMap((field) => Object.keys(posting[field])))
      const ours = docs.subarray(offsets[t], offsets[t + 1])
      expect([...ours].map(String).sort()).toEqual([...lunrDocs].sort())
      ours.forEach((doc, p) => {
        let expected = 0
        let fields = 0
        for (const field of searchFields) {
          const component = components.get(`${field}/${doc}`)!.get(posting._index)
          if (component !== undefined) {
            expected += component
            fields++
          }
        }
        // lunr rounds each field's idf × score to 3 decimals; the index applies idf at query time.
        const difference = Math.abs(idf * weights[offsets[t] + p] - expected)
        largestDifference = Math.max(largestDifference, difference)
        if (difference > 0.0005 * fields + 1e-9)
          expect([term, doc, idf * weights[offsets[t] + p]]).toEqual([term, doc, expected])
        checked++
      })
    })
    expect(checked).toBe(docs.length)
    measured.largestDifferenceFromLunrFieldVectors = largestDifference
  })
  it("computes one document's weights (for the updater) exactly as the full build does", () => {
    const { terms, df, offsets, docs, weights } = termWeights
    const perDocument = documents.map((document) => documentTermWeights(document))
    const fieldCounts = new Uint32Array(terms.length)
    terms.forEach((term, t) => {
      for (let p = offsets[t]; p < offsets[t + 1]; p++) {
        const entry = perDocument[docs[p]].get(term)!
        expect(entry.weight).toBe(weights[p])
        fieldCounts[t] += entry.fields
      }
    })
    expect([...fieldCounts]).toEqual([...df])
    expect(perDocument.reduce((n, map) => n + map.size, 0)).toBe(docs.length)
  })
  it('stores per term its posting count and df, and per posting the number delta and the weight byte', () => {
    let postings = 0
    for (const [shard, bytes] of built.shards) {
      for (const { term, start } of shardRecords(bytes)) {
        expect(termShard(term, manifest.shardCount)).toBe(shard)
        const t = termIds.get(term)!
        const at = { offset: start }
        const count = readVarint(bytes, at)
        expect(count).toBe(termWeights.offsets[t + 1] - termWeights.offsets[t])
        expect(readVarint(bytes, at)).toBe(termWeights.df[t])
        let number = 0
        for (let p = termWeights.offsets[t]; p < termWeights.offsets[t + 1]; p++) {
          number += readVarint(bytes, at)
          const slot = termWeights.docs[p]
          if (number !== documentNumber(slot, documents[slot].type))
            expect([term, number]).toEqual([term, documentNumber(slot, documents[slot].type)])
          if (bytes[at.offset] !== quantiseWeight(termWeights.weights[p], manifest.quantisation))
            expect([term, slot, bytes[at.offset]]).toBe(null)
          at.offset++
          postings++
        }
      }
    }
    expect(postings).toBe(termWeights.docs.length)
  })
  it('writes manifest, shards and display files that read back the same', async () => {
    writeIndex(built, tempDir)
    expect(JSON.parse(fs.readFileSync(path.join(tempDir, 'manifest.json'), 'utf8'))).toEqual(
      manifest,
    )
    expect(fs.readdirSync(path.join(tempDir, 'shards'))).toHaveLength(manifest.shardCount)
    expect(fs.readdirSync(path.join(tempDir, 'docs'))).toHaveLength(
      Math.ceil(manifest.docCount / manifest.docFileSize),
    )
    const fromDisk = openSearchIndex(
      JSON.parse(fs.readFileSync(path.join(tempDir, 'manifest.json'), 'utf8')) as SearchManifest,
      fileSource(tempDir),
    )
    const inMemory = openSearchIndex(manifest, memorySource())
    for (const query of rankingQueries) {
      const [a, b] = await Promise.all([
        fromDisk.search(query, { limit: Infinity }),
        inMemory.search(query, { limit: Infinity }),
      ])
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
    const shards = new Set(
      first.terms.map((term) =>
        shardPath(termShard(term, manifest.shardCount), manifest.shardCount),
      ),
    )
    expect(new Set(log)).toEqual(shards)
    expect(log).toHaveLength(shards.size)
    expect(first.fetchedBytes).toBe(
      [...shards].reduce((sum, file) => sum + (files.get(file) as Uint8Array).length, 0),
    )
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
      if (!entry) throw new Error(`no display data for hit ${i}`)
      expect(entry.id).toBe(documents[slotOf(hits[i])].id)
      expect(Array.from(entry.lead).length).toBeLessThanOrEqual(121)
    })
  })
  it('filters by type, limits, and matches nothing for unknown terms or empty queries', async () => {
    const index = openSearchIndex(manifest, memorySource())
    const all = await index.search('党史', { limit: Infinity })
    const lectureHits = await index.search('党史', { limit: Infinity, types: ['lecture'] })
    expect(lectureHits.hits.length).toBeGreaterThan(0)
    expect(lectureHits.hits).toEqual(
      all.hits.filter((hit) => documents[slotOf(hit)].type === 'lecture'),
    )
    for (const type of ['news', 'exhibit', 'lecture', 'book'] as const) {
      const ofType = all.hits.filter((hit) => documents[slotOf(hit)].type === type)
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
    expect(() => openSearchIndex({ ...manifest, tokenizerVersion: -1 }, memorySource())).toThrow(
      /rebuild/,
    )
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
          ours.hits.map(slotOf).sort((a, b) => a - b),
          query,
        ).toEqual(theirs.map((hit) => hit.doc).sort((a, b) => a - b))
        const lunrScore = new Map(theirs.map((hit) => [hit.doc, hit.score]))
        const present = terms.filter((term) => termIds.has(term))
        const root = Math.sqrt(present.length)
        const idfSum = present.reduce((sum, term) => sum + idfOf(term), 0)
        // Each weight is off by at most (scale + w)·halfStep, so a score Σ idf·w / √n by at most
        // (score + scale·Σ idf / √n)·halfStep; lunr's own rounding (3 decimals, per field and
        // term) by at most 0.0015·n / √n.
        const maxError = (doc: number) =>
          (lunrScore.get(doc)! + 0.0015 * root + (weightScale * idfSum) / root) * halfStep +
          0.0015 * root +
          1e-9
        for (let i = 0; i < ours.hits.length; i++) {
          const { score } = ours.hits[i]
          const doc = slotOf(ours.hits[i])
          if (i > 0) expect(score).toBeLessThanOrEqual(ours.hits[i - 1].score)
          expect(Math.abs(score - lunrScore.get(doc)!), `${query} doc ${doc}`).toBeLessThanOrEqual(
            maxError(doc),
          )
        }
        for (let i = 0; i < Math.min(10, theirs.length); i++) {
          slots++
          const [mine, lunrs] = [slotOf(ours.hits[i]), theirs[i].doc]
          // The same document, or one lunr scores exactly alike (a tie lunr orders arbitrarily).
          if (mine === lunrs || lunrScore.get(mine) === theirs[i].score) {
            sameSlots++
            continue
          }
          // Otherwise a near tie: lunr's scores of the two documents closer than quantisation can tell.
          expect(
            Math.abs(lunrScore.get(mine)! - theirs[i].score),
            `${query} slot ${i}`,
          ).toBeLessThanOrEqual(maxError(mine) + maxError(lunrs))
        }
      }
      measured[`top10SlotsIdenticalToLunr_${match}`] = `${sameSlots}/${slots}`
      expect(slots).toBeGreaterThan(300)
      // One byte on a fixed scale for all weights (see README, Weight quantisation): 86 % and 84 %.
      expect(sameSlots / slots).toBeGreaterThanOrEqual(0.8)
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
      recall += recallAt10(relevant, (await index.search(query, { limit: 10 })).hits.map(slotOf))
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
      precision += hits.filter((hit) => contains(slotOf(hit), query)).length / 10
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
      const results = new Set(hits.map(slotOf))
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
        Object.entries(precision).map(([kind, [sum, n]]) => [
          kind,
          `${(sum / n).toFixed(3)} (${n} queries)`,
        ]),
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
      const results = new Set((await index.search(query, { limit: Infinity })).hits.map(slotOf))
      if (results.has(source)) found++
      else missed.push(query)
      if (docsContaining(query).every((doc) => results.has(doc))) allFound++
    }
    const cutting = samples.filter((sample) => sample.cutsWord)
    let cutFound = 0
    for (const { query, source } of cutting)
      if (
        (await index.search(query, { limit: Infinity })).hits.some((hit) => slotOf(hit) === source)
      )
        cutFound++
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
      news: [
        {
          id: '1',
          slug: 'a',
          title: '新闻',
          summary: '摘要',
          bodyHtml: '<p>正文</p>',
          tags: ['标签'],
        },
      ],
      exhibitions: [{ id: '9', slug: 'zhan' }],
      exhibits: [
        {
          id: '2',
          slug: 'b',
          exhibitionId: '9',
          title: '展品',
          caption: '说明',
          bodyHtml: '<p>展文</p>',
          images: [{ caption: '图' }],
        },
      ],
      speakers: [{ id: '7', name: '张明远' }],
      lectures: [
        {
          id: '3',
          slug: 'c',
          title: '讲座',
          summary: '提要',
          speakerId: '7',
          chapters: [{ title: '开场' }],
          transcript: '讲稿',
          tags: [],
        },
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
      {
        id: '1',
        type: 'news',
        url: '/news/a/',
        title: '新闻',
        fields: { title: '新闻', summary: '摘要', body: '正文\n标签' },
      },
      {
        id: '2',
        type: 'exhibit',
        url: '/x/zhan/b/',
        title: '展品',
        fields: { title: '展品', summary: '说明', body: '展文\n图' },
      },
      {
        id: '3',
        type: 'lecture',
        url: '/l/c/',
        title: '讲座',
        fields: { title: '讲座', summary: '提要', body: '张明远\n开场\n讲稿' },
      },
      {
        id: '4',
        type: 'book',
        url: '/b/d/',
        title: '书名：副题',
        fields: {
          title: '书名：副题',
          summary: '简介',
          body: '甲 乙\n人民出版社\n9787020002207\n党史\nD2/1',
        },
      },
    ])
  })
})
