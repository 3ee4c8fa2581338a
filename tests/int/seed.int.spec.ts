import { afterAll, beforeAll, expect, it } from 'vitest'
import { clcClassOf } from '../../shared/clc'
import { chinaYear, parseTimestamp } from '../../shared/dates'
import { isValidIsbn } from '../../shared/isbn'
import { newsCategories } from '../../shared/vocabulary'
import { seedDemoContent, type SeedReport } from '../../cms/seed/seedDemoContent'
import { describeOnDatabase, startTestPayload, type TestPayload } from '../helpers/testPayload'

describeOnDatabase('demo content (npm run seed)', () => {
  let t: TestPayload
  let first: SeedReport
  beforeAll(async () => {
    t = await startTestPayload()
    first = await seedDemoContent(t.payload, () => undefined)
  }, 300_000)
  afterAll(() => t?.close())

  it('is idempotent: a second run creates nothing', async () => {
    const second = await seedDemoContent(t.payload, () => undefined)
    expect(Object.values(second).every(({ created }) => created === 0)).toBe(true)
    for (const key of Object.keys(first))
      expect(second[key].existing).toBe(first[key].created + first[key].existing)
  }, 120_000)

  it('queues one full build instead of a row per document', async () => {
    const { docs } = await t.payload.find({
      collection: 'site-changes',
      pagination: false,
      depth: 0,
    })
    expect(docs.map((row) => row.kind)).toEqual(['rebuild'])
  })

  it('has ≥ 40 news items across every category and four years', async () => {
    const { docs } = await t.payload.find({
      collection: 'news',
      pagination: false,
      draft: true,
      depth: 0,
    })
    expect(docs.length).toBeGreaterThanOrEqual(40)
    expect(new Set(docs.map((d) => d.category))).toEqual(new Set(Object.keys(newsCategories)))
    expect(new Set(docs.map((d) => chinaYear(d.publishedAt!))).size).toBeGreaterThanOrEqual(4)
    expect(docs.some((d) => d._status === 'draft')).toBe(true)
    expect(docs.every((d) => /^[a-z0-9-]+$/.test(d.slug!))).toBe(true)
  })

  it('has the 百年党史展 with ≥ 5 sections and ≥ 40 exhibits from 1921 to 2021', async () => {
    const { docs: exhibitions } = await t.payload.find({ collection: 'exhibitions', depth: 0 })
    const exhibition = exhibitions[0]
    expect(exhibition.title).toContain('百年党史展')
    expect(exhibition.sections!.length).toBeGreaterThanOrEqual(5)
    const { docs: exhibits } = await t.payload.find({
      collection: 'exhibits',
      pagination: false,
      depth: 0,
      sort: 'year',
    })
    expect(exhibits.length).toBeGreaterThanOrEqual(40)
    expect(exhibits[0].year).toBe(1921)
    expect(exhibits.at(-1)!.year).toBe(2021)
    const sectionIds = new Set(exhibition.sections!.map((s) => s.id))
    expect(exhibits.every((e) => sectionIds.has(e.section) && (e.images?.length ?? 0) > 0)).toBe(
      true,
    )
  })

  it('has ≥ 24 lectures with speakers, chapters and transcripts; lecture-length recordings, captions and timed transcripts', async () => {
    const { docs } = await t.payload.find({ collection: 'lectures', pagination: false, depth: 1 })
    expect(docs.length).toBeGreaterThanOrEqual(24)
    let recorded = 0
    for (const lecture of docs) {
      expect(typeof lecture.speaker === 'object' && lecture.speaker?.name).toBeTruthy()
      expect(lecture.chapters!.length).toBeGreaterThanOrEqual(3)
      expect(lecture.transcript!.length).toBeGreaterThan(500)
      const recording = typeof lecture.recording === 'object' ? lecture.recording : null
      if (!recording) continue
      recorded++
      // The file is as long as the lecture: every chapter starts within it.
      expect(recording.mimeType).toBe('audio/mpeg')
      expect(recording.duration).toBeCloseTo(lecture.durationMinutes! * 60, -1)
      const lastChapter = parseTimestamp(lecture.chapters!.at(-1)!.start)!
      expect(lastChapter).toBeLessThan(recording.duration!)
    }
    expect(recorded).toBeGreaterThanOrEqual(6)
    expect(docs.filter((lecture) => lecture.videoUrl).length).toBeGreaterThanOrEqual(3)
    // SRT captions arrive converted to WebVTT.
    const captioned = docs.filter((lecture) => lecture.captions)
    expect(captioned.length).toBeGreaterThanOrEqual(2)
    for (const lecture of captioned)
      expect(lecture.captions).toMatch(/^WEBVTT\n\n1\n00:00:02\.000 --> /)
    expect(
      docs.filter((lecture) => /^\[(\d:)?\d\d:\d\d\] /m.test(lecture.transcript ?? '')).length,
    ).toBeGreaterThanOrEqual(2)
  })

  it('has ≥ 300 books with valid, unique ISBNs across the CLC classes', async () => {
    const { docs } = await t.payload.find({ collection: 'books', pagination: false, depth: 0 })
    expect(docs.length).toBeGreaterThanOrEqual(300)
    const isbns = docs.map((b) => b.isbn).filter(Boolean) as string[]
    expect(isbns.length).toBeGreaterThan(250)
    expect(isbns.every(isValidIsbn)).toBe(true)
    expect(new Set(isbns).size).toBe(isbns.length)
    expect(docs.filter((b) => !b.isbn).every((b) => (b.year ?? 0) < 1987)).toBe(true)
    expect(new Set(docs.map((b) => clcClassOf(b.clc))).size).toBeGreaterThanOrEqual(20)
  })

  it('fills the site global with the work report figures', async () => {
    const site = await t.payload.findGlobal({ slug: 'site' })
    const figures = Object.fromEntries(site.figures!.map((f) => [f.label, f.value]))
    expect(Object.values(figures)).toEqual(expect.arrayContaining([14, 564, 78]))
    expect(site.navigation!.length).toBeGreaterThanOrEqual(5)
  })
})
