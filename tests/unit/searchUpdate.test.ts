/**
 * Incremental updates of the search index (shared/search/updateIndex.ts): after every change the
 * index on disk must be the index a clean full build of the current documents makes — the same
 * semantics (terms, df, weight bytes, display data, N) and the same results with the same scores
 * through the browser's scorer reading the files — while rewriting only the files that change.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { books } from '../../cms/seed/data/books'
import { exhibits } from '../../cms/seed/data/exhibition'
import { lectures } from '../../cms/seed/data/lectures'
import { news } from '../../cms/seed/data/news'
import { buildSearchIndex, writeIndex, type SearchDocument } from '../../shared/search/buildIndex'
import {
  docFilePath,
  documentKey,
  searchDocumentTypes,
  shardPath,
  termShard,
  type SearchDocumentDisplay,
  type SearchDocumentType,
  type SearchManifest,
} from '../../shared/search/format'
import { openSearchIndex, type SearchSource } from '../../shared/search/searchIndex'
import { indexTokens } from '../../shared/search/tokenize'
import { SearchIndexUpdater } from '../../shared/search/updateIndex'
import { readIndexSemantics } from '../helpers/searchIndexSemantics'
import { random, rankingQueries, relevanceSet } from '../helpers/searchRelevance'

// ───────────── a generated corpus: demo sentences recombined ─────────────

const sentences = [
  ...news.flatMap((item) => item.paragraphs),
  ...exhibits.flatMap((item) => item.paragraphs),
  ...lectures.flatMap((item) => item.transcript),
  ...books.map((book) => book.summary),
]
  .flatMap((text) => text.split(/(?<=[。！？])/))
  .filter((sentence) => sentence.length >= 8)
const titles = [
  ...news.map((item) => item.title),
  ...exhibits.map((item) => item.title),
  ...lectures.map((item) => item.title),
  ...books.map((book) => book.title),
]

const next = random(20261128)
const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]
const some = (min: number, max: number) =>
  Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, () => pick(sentences)).join('')

function generate(
  n: number,
  type: SearchDocumentType = searchDocumentTypes[n % 7 < 3 ? 0 : n % 7 < 4 ? 1 : n % 7 < 5 ? 2 : 3],
): SearchDocument {
  const title = next() < 0.3 ? `${pick(titles)}（第${n}期）` : pick(titles)
  const body =
    type === 'book'
      ? [
          pick(books).authors.join(' '),
          pick(books).publisher,
          `97870200${String(n).padStart(5, '0')}`,
          pick(books).subjects.join(' '),
        ].join('\n')
      : some(type === 'lecture' ? 12 : 3, type === 'lecture' ? 24 : 9)
  return {
    id: `g${n}`,
    type,
    url: `/${type}/g${n}/`,
    title,
    fields: { title, summary: some(1, 2), body },
  }
}

const initialCount = 300
let current: SearchDocument[] = Array.from({ length: initialCount }, (_, n) => generate(n))
let generated = initialCount

// ───────────── helpers ─────────────

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'search-update-'))
const dir = path.join(root, 'updated')
const cleanDir = path.join(root, 'clean')
let updater: SearchIndexUpdater
const measured: Record<string, unknown> = {}

beforeAll(() => {
  writeIndex(buildSearchIndex(current), dir)
  updater = SearchIndexUpdater.open(dir)
})
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true })
  console.info(`search update measurements: ${JSON.stringify(measured)}`)
})

const readManifest = (folder: string) =>
  JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as SearchManifest

function fileSource(folder: string): SearchSource {
  return {
    bytes: async (file) => new Uint8Array(fs.readFileSync(path.join(folder, file))),
    json: async (file) => JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')),
  }
}

function* walk(folder: string): Generator<string> {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) yield* walk(full)
    else yield full
  }
}

/** Every file of the index: its inode (a rename gives a new one) and bytes. */
function snapshot(folder: string) {
  return new Map(
    [...walk(folder)].map((file) => [
      path.relative(folder, file),
      { ino: fs.statSync(file).ino, bytes: fs.readFileSync(file) },
    ]),
  )
}

/** The slot holding document `key` (from the display files). */
function slotOfKey(folder: string, key: string): number | undefined {
  const manifest = readManifest(folder)
  for (let slot = 0; slot < manifest.slotCount; slot++) {
    const file = JSON.parse(
      fs.readFileSync(
        path.join(folder, docFilePath(Math.floor(slot / manifest.docFileSize))),
        'utf8',
      ),
    ) as (SearchDocumentDisplay | null)[]
    const entry = file[slot % manifest.docFileSize]
    if (entry && documentKey(entry) === key) return slot
  }
  return undefined
}

/** What the browser's scorer answers, reading the files: per query, total, counts and (key, score) ranked. */
async function answers(folder: string, queries: readonly string[]) {
  const index = openSearchIndex(readManifest(folder), fileSource(folder))
  const result: unknown[] = []
  for (const query of queries) {
    for (const options of [
      { match: 'all' as const },
      { match: 'any' as const },
      { types: ['news', 'lecture'] as SearchDocumentType[] },
    ]) {
      const found = await index.search(query, { limit: Infinity, ...options })
      const shown = (await index.documents(found.hits.map((hit) => hit.doc))).map((entry, i) => {
        if (!entry) throw new Error(`no display data for ${found.hits[i].doc}`)
        return entry
      })
      found.hits.forEach((hit, i) => {
        if (i > 0) expect(hit.score).toBeLessThanOrEqual(found.hits[i - 1].score)
        expect(shown[i].type).toBe(readManifest(folder).types[hit.doc & 3])
      })
      // Equal scores are ordered by document number, which depends on the slots: by key here.
      const ranked = found.hits
        .map((hit, i) => ({ key: documentKey(shown[i]), score: hit.score }))
        .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1))
      result.push({ query, options, total: found.total, counts: found.counts, ranked })
    }
  }
  return result
}

/** The first differences between two semantics, for a readable failure. */
function differences(
  a: ReturnType<typeof readIndexSemantics>,
  b: ReturnType<typeof readIndexSemantics>,
): string[] {
  const found: string[] = []
  if (JSON.stringify(a.manifest) !== JSON.stringify(b.manifest))
    found.push(`manifest ${JSON.stringify(a.manifest)} ≠ ${JSON.stringify(b.manifest)}`)
  for (const term of new Set([...Object.keys(a.terms), ...Object.keys(b.terms)])) {
    if (JSON.stringify(a.terms[term]) !== JSON.stringify(b.terms[term]))
      found.push(`“${term}”: ${JSON.stringify(a.terms[term])} ≠ ${JSON.stringify(b.terms[term])}`)
    if (found.length > 5) break
  }
  for (const key of new Set([...Object.keys(a.documents), ...Object.keys(b.documents)])) {
    if (JSON.stringify(a.documents[key]) !== JSON.stringify(b.documents[key]))
      found.push(
        `${key}: ${JSON.stringify(a.documents[key])} ≠ ${JSON.stringify(b.documents[key])}`,
      )
    if (found.length > 10) break
  }
  return found
}

/** Queries over the current documents: the ranking queries, title phrases of `touched`, random substrings. */
function queriesFor(touched: readonly SearchDocument[], seed: number): string[] {
  const phrases = touched.flatMap((document) => {
    const chars = Array.from(document.title.replace(/[^\p{Script=Han}]/gu, ''))
    return chars.length >= 4
      ? [chars.slice(0, 4).join(''), chars.slice(-3).join(''), chars[1]]
      : chars.length
        ? [chars.join('')]
        : []
  })
  return [
    ...rankingQueries.slice(0, 20),
    ...phrases,
    ...relevanceSet(current)
      .randomSubstrings(seed, 15)
      .map((sample) => sample.query),
  ]
}

/** Applies a change and checks the result against a clean full build of `current` (already updated). */
async function applyAndCompare(
  change: { previous: SearchDocument[]; next: SearchDocument[] },
  seed: number,
  options: { deltaBytes?: number } = {},
) {
  const done = updater.apply(change, options)
  expect(
    [...walk(dir)].filter((file) => !/\.(bin|json)$/.test(file)),
    'temporary files left',
  ).toEqual([])
  writeIndex(buildSearchIndex(current), cleanDir)
  const updated = readIndexSemantics(dir)
  const clean = readIndexSemantics(cleanDir)
  if (JSON.stringify(updated) !== JSON.stringify(clean))
    expect(differences(updated, clean)).toEqual(['the JSON differs'])
  expect(updated.manifest.docCount).toBe(current.length)
  const queries = queriesFor([...change.previous, ...change.next], seed)
  expect(await answers(dir, queries)).toEqual(await answers(cleanDir, queries))
  return done
}

const withTitle = (document: SearchDocument, title: string): SearchDocument => ({
  ...document,
  title,
  fields: { ...document.fields, title },
})
const replace = (document: SearchDocument) =>
  (current = current.map((other) =>
    documentKey(other) === documentKey(document) ? document : other,
  ))
const remove = (...documents: SearchDocument[]) => {
  const keys = new Set(documents.map(documentKey))
  current = current.filter((document) => !keys.has(documentKey(document)))
}
const shardsOf = (texts: string[], shardCount: number) =>
  new Set(texts.flatMap((text) => indexTokens(text)).map((term) => termShard(term, shardCount)))

// ───────────── the tests (in order: each starts from the index the previous one left) ─────────────

describe('search index: incremental updates equal a full build', () => {
  it('starts from a full build of a few hundred documents', () => {
    const semantics = readIndexSemantics(dir)
    expect(Object.keys(semantics.documents).sort()).toEqual(current.map(documentKey).sort())
    expect(semantics.manifest.docCount).toBe(initialCount)
    expect(Object.keys(semantics.terms).length).toBeGreaterThan(10_000)
    measured.shardCount = readManifest(dir).shardCount
  })

  it('a title edit rewrites only the shards of the title terms whose weight changed, and one display file', async () => {
    const { shardCount } = readManifest(dir)
    const before = snapshot(dir)
    // A news item with a long body: its terms are in most shards, its title's in a few.
    const old = current.find(
      (document) => document.type === 'news' && document.fields.body.length > 300,
    )!
    const edited = withTitle(old, `${old.title}获评先进`)
    replace(edited)
    const done = await applyAndCompare({ previous: [old], next: [edited] }, 1)
    const after = snapshot(dir)
    const rewritten = [...after]
      .filter(([file, { ino }]) => before.get(file)?.ino !== ino)
      .map(([file]) => file)
    const shards = rewritten.filter((file) => file.startsWith('shards'))
    expect(shards).toHaveLength(done.shardsWritten)
    expect(rewritten.filter((file) => file.startsWith('docs'))).toHaveLength(done.docFilesWritten)
    expect(rewritten.sort()).toEqual(
      [...shards, ...rewritten.filter((file) => file.startsWith('docs')), 'manifest.json'].sort(),
    )
    for (const file of shards)
      expect(after.get(file)!.bytes.equals(before.get(file)!.bytes), file).toBe(false)
    expect(done.docFilesWritten).toBe(1)
    const titleShards = shardsOf([old.title, edited.title], shardCount)
    const documentShards = shardsOf(
      [edited.fields.title, edited.fields.summary, edited.fields.body],
      shardCount,
    )
    expect(done.shardsWritten).toBeGreaterThan(0)
    expect(done.shardsWritten).toBeLessThanOrEqual(titleShards.size)
    expect(done.shardsWritten).toBeLessThan(documentShards.size / 3)
    expect(done.shardsWritten).toBeLessThan(shardCount / 4)
    measured.titleEdit = {
      shardsWritten: done.shardsWritten,
      titleShards: titleShards.size,
      documentShards: documentShards.size,
      shardCount,
    }
  })

  it('body and summary edits', async () => {
    const lecture = current.find((document) => document.type === 'lecture')!
    const longer = {
      ...lecture,
      fields: { ...lecture.fields, body: `${lecture.fields.body}${pick(sentences)}` },
    }
    replace(longer)
    const body = await applyAndCompare({ previous: [lecture], next: [longer] }, 2)
    expect(body.docFilesWritten).toBe(0)
    const book = current.find((document) => document.type === 'book')!
    const summary = {
      ...book,
      fields: { ...book.fields, summary: `新版简介：${book.fields.summary}` },
    }
    replace(summary)
    const edit = await applyAndCompare({ previous: [book], next: [summary] }, 3)
    expect(edit.docFilesWritten).toBe(1)
    measured.bodyEdit = body
  })

  it('adds take the next slots; deletes free theirs (the last slot shrinks the slot count)', async () => {
    const added = Array.from({ length: 5 }, () => generate(generated++))
    current.push(...added)
    const done = await applyAndCompare({ previous: [], next: added }, 4)
    expect(done.docFilesWritten).toBeGreaterThanOrEqual(1)
    expect(readManifest(dir).slotCount).toBe(initialCount + 5)
    expect(slotOfKey(dir, documentKey(added[0]))).toBe(initialCount)

    const deleted = [current[7], current[120], current.at(-1)!]
    const slots = deleted.map((document) => slotOfKey(dir, documentKey(document))!)
    expect(slots).toEqual([7, 120, initialCount + 4])
    remove(...deleted)
    await applyAndCompare({ previous: deleted, next: [] }, 5)
    expect(readManifest(dir).slotCount).toBe(initialCount + 4)
    expect(readManifest(dir).docCount).toBe(initialCount + 2)
    for (const document of deleted) expect(slotOfKey(dir, documentKey(document))).toBeUndefined()
    measured.addAndDelete = { added: done }
  })

  it('a re-added document takes the lowest free slot, and so do new ones; then the next slot', async () => {
    // news g7 was deleted above: published again (with new text), it goes to the lowest hole.
    const again = { ...generate(9999, 'news'), id: 'g7', url: '/news/g7/' }
    const key = documentKey(again)
    expect(updater.has(key)).toBe(false)
    current.push(again)
    await applyAndCompare({ previous: [], next: [again] }, 6)
    expect(slotOfKey(dir, key)).toBe(7)
    const two = [generate(generated++), generate(generated++)]
    current.push(...two)
    await applyAndCompare({ previous: [], next: two }, 7)
    expect(two.map((document) => slotOfKey(dir, documentKey(document)))).toEqual([
      120,
      initialCount + 4,
    ])
  })

  it('edits, deletes and adds in one change, with a freed slot reused at once', async () => {
    const edited = current[30]
    const newVersion = withTitle(
      { ...edited, fields: { ...edited.fields, body: some(2, 4) } },
      '重新编辑的标题：党史学习教育',
    )
    const deleted = [current[40], current[41]]
    const added = [generate(generated++, deleted[0].type), generate(generated++)]
    replace(newVersion)
    remove(...deleted)
    current.push(...added)
    const deletedSlot = slotOfKey(dir, documentKey(deleted[0]))
    await applyAndCompare({ previous: [edited, ...deleted], next: [newVersion, ...added] }, 8)
    expect(slotOfKey(dir, documentKey(added[0]))).toBe(deletedSlot)
  })

  it('a term whose last posting goes disappears from its shard', async () => {
    const rare = {
      ...generate(generated++, 'book'),
      title: '䶵䶶䶷之书',
      fields: { title: '䶵䶶䶷之书', summary: '孤本。', body: '' },
    }
    current.push(rare)
    await applyAndCompare({ previous: [], next: [rare] }, 9)
    expect(readIndexSemantics(dir).terms['䶵䶶䶷']?.df).toBe(1)
    remove(rare)
    await applyAndCompare({ previous: [rare], next: [] }, 10)
    expect(readIndexSemantics(dir).terms['䶵䶶䶷']).toBeUndefined()
    expect(readIndexSemantics(dir).terms['䶵']).toBeUndefined()
  })

  it('an unchanged document rewrites no shard and no display file', async () => {
    const same = current[50]
    const done = await applyAndCompare(
      { previous: [same], next: [{ ...same, fields: { ...same.fields } }] },
      11,
    )
    expect(done).toMatchObject({ shardsWritten: 0, docFilesWritten: 0 })
  })

  it('deletes and re-adds many documents', async () => {
    const many = current.filter((_, i) => i % 9 === 4)
    remove(...many)
    await applyAndCompare({ previous: many, next: [] }, 12)
    const back = many.map((document) => withTitle(document, `${document.title}（修订）`))
    current.push(...back)
    await applyAndCompare({ previous: [], next: back }, 13)
    expect(readManifest(dir).slotCount).toBeLessThanOrEqual(current.length + 2)
  })

  it('refuses changes that do not fit the index, and writes nothing then', () => {
    const before = snapshot(dir)
    const present = current[60]
    expect(() => updater.apply({ previous: [], next: [present] })).toThrow(/already/)
    expect(() => updater.apply({ previous: [generate(123456)], next: [] })).toThrow(
      /not in the index/,
    )
    // A previous version that is not the indexed one (same display data, other body).
    const stale = {
      ...present,
      fields: { ...present.fields, body: `${present.fields.body}并非索引中的版本。` },
    }
    expect(() => updater.apply({ previous: [stale], next: [] })).toThrow(/previous version/)
    expect(() =>
      updater.apply({
        previous: [],
        next: [present, present].map((document) => ({ ...document, id: 'twice' })),
      }),
    ).toThrow(/twice/)
    const after = snapshot(dir)
    expect([...after].filter(([file, { ino }]) => before.get(file)?.ino !== ino)).toEqual([])
    // And it still works.
    const edited = withTitle(present, `${present.title}·续`)
    replace(edited)
    expect(updater.apply({ previous: [present], next: [edited] }).shardsWritten).toBeGreaterThan(0)
    expect(JSON.stringify(readIndexSemantics(dir))).toBe(
      (writeIndex(buildSearchIndex(current), cleanDir),
      JSON.stringify(readIndexSemantics(cleanDir))),
    )
  })

  it('a reopened updater carries on from the files', async () => {
    updater = SearchIndexUpdater.open(dir)
    const added = generate(generated++, 'lecture')
    const deleted = current[3]
    current.push(added)
    remove(deleted)
    await applyAndCompare({ previous: [deleted], next: [added] }, 14)
    expect(slotOfKey(dir, documentKey(added))).toBe(3)
  })
})

describe('search index: changes as a delta, merged later, equal a full build', () => {
  const deltaBytes = 64 * 1024
  const shardFiles = () =>
    new Map(
      [...walk(path.join(dir, 'shards'))].map((file) => [file, fs.statSync(file).ino] as const),
    )

  it('a delta rewrites no shard: the reader applies it over them', async () => {
    const shardsBefore = shardFiles()
    const [first, second] = [current[10], current[11]]
    const edited = withTitle(first, `${first.title}·增补`)
    const bodyEdited = {
      ...second,
      fields: { ...second.fields, body: `${second.fields.body}${some(2, 3)}` },
    }
    replace(edited)
    replace(bodyEdited)
    let done = await applyAndCompare(
      { previous: [first, second], next: [edited, bodyEdited] },
      21,
      { deltaBytes },
    )
    expect(done.shardsWritten).toBe(0)
    expect(readManifest(dir).delta).toMatch(/^delta\/[0-9a-f]{16}\.bin$/)
    // Removed, added, and a freed slot taken again, on top of the delta.
    const deleted = current[20]
    const added = [generate(generated++, 'news'), generate(generated++, 'book')]
    remove(deleted)
    current.push(...added)
    done = await applyAndCompare({ previous: [deleted], next: added }, 22, { deltaBytes })
    expect(done.shardsWritten).toBe(0)
    expect(shardFiles()).toEqual(shardsBefore)
    // An edit back to the shard's version leaves nothing of it in the delta.
    const restored = withTitle(edited, first.title)
    replace(restored)
    await applyAndCompare({ previous: [edited], next: [restored] }, 23, { deltaBytes })
    expect(fs.readdirSync(path.join(dir, 'delta')).length).toBeLessThanOrEqual(2)
  })

  it('a reopened updater reads the delta and carries on', async () => {
    updater = SearchIndexUpdater.open(dir)
    expect(updater.hasDelta).toBe(true)
    const deleted = current[30]
    remove(deleted)
    const done = await applyAndCompare({ previous: [deleted], next: [] }, 24, { deltaBytes })
    expect(done.shardsWritten).toBe(0)
  })

  it('merging writes the delta into the shards step by step, then drops it', async () => {
    let steps = 0
    for (let merge = updater.prepareMerge(16); merge; merge = updater.prepareMerge(16)) {
      for (const group of merge.files)
        for (const [file, data] of group) {
          fs.mkdirSync(path.dirname(file), { recursive: true })
          fs.writeFileSync(file, data)
        }
      expect(merge.commit().shardsWritten).toBeLessThanOrEqual(16)
      steps++
      // Every step leaves an index that answers as a full build does.
      writeIndex(buildSearchIndex(current), cleanDir)
      expect(JSON.stringify(readIndexSemantics(dir))).toBe(
        JSON.stringify(readIndexSemantics(cleanDir)),
      )
    }
    expect(steps).toBeGreaterThan(1)
    expect(readManifest(dir).delta).toBeUndefined()
    expect(fs.readdirSync(path.join(dir, 'delta')).length).toBeLessThanOrEqual(1)
    expect(updater.prepareMerge()).toBeNull()
    writeIndex(buildSearchIndex(current), cleanDir)
    expect(JSON.stringify(readIndexSemantics(dir))).toBe(
      JSON.stringify(readIndexSemantics(cleanDir)),
    )
  })

  it('a merge cut short (the shards written, the manifest still naming the delta) counts nothing twice: not in the reader, not when merged again', async () => {
    const before = current[45]
    const edited = {
      ...before,
      fields: { ...before.fields, body: `${before.fields.body}${some(45, 12)}` },
    }
    replace(edited)
    await applyAndCompare({ previous: [before], next: [edited] }, 27, { deltaBytes })
    const merge = updater.prepareMerge(4)!
    expect(merge.files.length).toBeGreaterThan(1)
    // The first group (shards) is written; the process dies before the manifest is.
    for (const [file, data] of merge.files[0]) fs.writeFileSync(file, data)
    expect(readManifest(dir).delta).toBeDefined()
    writeIndex(buildSearchIndex(current), cleanDir)
    expect(JSON.stringify(readIndexSemantics(dir))).toBe(
      JSON.stringify(readIndexSemantics(cleanDir)),
    )
    const queries = queriesFor([before, edited], 28)
    expect(await answers(dir, queries)).toEqual(await answers(cleanDir, queries))
    // The restarted publisher opens the index and merges the whole delta again.
    updater = SearchIndexUpdater.open(dir)
    for (let step = updater.prepareMerge(4); step; step = updater.prepareMerge(4)) {
      for (const group of step.files)
        for (const [file, data] of group) {
          fs.mkdirSync(path.dirname(file), { recursive: true })
          fs.writeFileSync(file, data)
        }
      step.commit()
    }
    expect(readManifest(dir).delta).toBeUndefined()
    expect(JSON.stringify(readIndexSemantics(dir))).toBe(
      JSON.stringify(readIndexSemantics(cleanDir)),
    )
    expect(await answers(dir, queries)).toEqual(await answers(cleanDir, queries))
  })

  it('a change that would make the delta too large goes into the shards at once', async () => {
    const before = current[40]
    const small = withTitle(before, `${before.title}·小`)
    replace(small)
    expect(
      (await applyAndCompare({ previous: [before], next: [small] }, 25, { deltaBytes }))
        .shardsWritten,
    ).toBe(0)
    const many = current.filter((_, i) => i % 5 === 1).slice(0, 40)
    const edited = many.map((document) => withTitle(document, `${document.title}（再版）`))
    for (const document of edited) replace(document)
    const done = await applyAndCompare({ previous: many, next: edited }, 26, { deltaBytes: 2048 })
    expect(done.shardsWritten).toBeGreaterThan(0)
    expect(readManifest(dir).delta).toBeUndefined()
  })
})

it('docs files and shards keep their paths', () => {
  expect(docFilePath(3)).toBe('docs/3.json')
  expect(shardPath(10, 256)).toBe('shards/0a.bin')
})
