/**
 * Loads the reference corpus (bench/referenceCorpus.ts) into a CMS database, all published, so the
 * publisher's export reads it exactly as the public may. Media go through the Local API (Payload
 * generates every image size), and so do the small collections (site settings, speakers, the
 * exhibition and its exhibits, lectures): their hooks set slugs and resolve exhibit sections as for
 * an editor. News (10,000) and books (20,000) are written at the adapter level
 * (`payload.db.create`: no hooks, no validation, no versions), so this module supplies what the
 * hooks would have set: slug, `_status`, `publishedAt`, and the books' derived `clcClass` and
 * `inStock`. The Local API saves queue nothing (`withoutSiteChanges`): the publisher, started
 * afterwards, publishes everything in its first full build.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Client } from '@libsql/client'
import type { Payload } from 'payload'
import { withoutSiteChanges } from '../cms/collections/SiteChanges/enqueueSiteChange'
import { exportSiteEntry } from '../cms/export/exportSiteContent'
import { site as demoSite } from '../cms/seed/data/site'
import { generateMp3 } from '../cms/seed/generateAudio'
import { richTextFromParagraphs } from '../cms/seed/lexical'
import { clcClassOf } from '../shared/clc'
import type { ImageRef, SiteContent } from '../shared/siteContent'

type Id = number | string

export interface SeedSummary {
  counts: Record<string, number>
  seconds: Record<string, number>
  totalSeconds: number
}

/** The paragraphs of `<p>…</p>` HTML as the corpus writes it (plain text inside, no attributes). */
function paragraphsOf(html: string): string[] {
  return [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((match) => match[1])
}

/** The SQLite client of the adapter, when the database is SQLite (for the bulk-load pragmas). */
function sqliteClient(payload: Payload): Client | null {
  const client = (payload.db as unknown as { client?: Client }).client
  return payload.db.name === 'sqlite' && client ? client : null
}

/**
 * Writes `content` into the database of `payload`. `corpusMediaDir` holds the corpus's image
 * files (generateReferenceCorpus's media folder); they are uploaded into the CMS's MEDIA_DIR.
 */
export async function seedReferenceCorpus(
  payload: Payload,
  content: SiteContent,
  corpusMediaDir: string,
  log: (line: string) => void = console.log,
): Promise<SeedSummary> {
  const seconds: Record<string, number> = {}
  const startedAll = performance.now()
  let stepStarted = performance.now()
  const step = (name: string, count: number) => {
    seconds[name] = (performance.now() - stepStarted) / 1000
    log(`    ${name.padEnd(12)} ${String(count).padStart(6)} in ${seconds[name].toFixed(1)} s`)
    stepStarted = performance.now()
  }

  // A bulk load: this connection need not wait for the disk on every commit (the publisher's own
  // connection, opened later, keeps the configured durability).
  const client = sqliteClient(payload)
  await client?.execute('PRAGMA synchronous = OFF')
  try {
    // Media: every image the corpus uses, uploaded so Payload writes its sizes, and one recording.
    const images = new Map<string, ImageRef>()
    const collect = (image: ImageRef | null) => {
      if (image && !images.has(image.file)) images.set(image.file, image)
    }
    content.news.forEach((item) => collect(item.cover))
    content.speakers.forEach((speaker) => collect(speaker.photo))
    content.exhibitions.forEach((exhibition) => collect(exhibition.cover))
    content.exhibits.forEach((exhibit) => exhibit.images.forEach((row) => collect(row.image)))
    content.lectures.forEach((lecture) => collect(lecture.poster))
    content.books.forEach((book) => collect(book.cover))
    const mediaIds = new Map<string, Id>()
    for (const image of [...images.values()].sort((a, b) =>
      a.file.localeCompare(b.file, 'en', { numeric: true }),
    )) {
      const data = fs.readFileSync(path.join(corpusMediaDir, image.file))
      const doc = await payload.create({
        context: withoutSiteChanges(),
        collection: 'media',
        data: {
          alt: image.alt,
          caption: image.caption ?? undefined,
          credit: '基准测试语料，由程序生成',
        },
        file: { data, mimetype: 'image/jpeg', name: image.file, size: data.length },
      })
      if (!doc.sizes?.card?.filename)
        throw new Error(`media ${image.file}: Payload generated no image sizes`)
      mediaIds.set(image.file, doc.id)
    }
    const recordingFiles = new Set(
      content.lectures
        .map((lecture) => lecture.recording?.file)
        .filter((file): file is string => Boolean(file)),
    )
    for (const file of recordingFiles) {
      const data = generateMp3({ seconds: 6, seed: 1 })
      const doc = await payload.create({
        context: withoutSiteChanges(),
        collection: 'media',
        data: { alt: '讲座录音（基准测试）' },
        file: { data, mimetype: 'audio/mpeg', name: file, size: data.length },
      })
      mediaIds.set(file, doc.id)
    }
    const media = (image: { file: string } | null | undefined): number | undefined => {
      if (!image) return undefined
      const id = mediaIds.get(image.file)
      if (id === undefined) throw new Error(`no media document for ${image.file}`)
      return id as number
    }
    step('media', mediaIds.size)

    // Site settings, as the demo seed fills them.
    await payload.updateGlobal({
      slug: 'site',
      context: withoutSiteChanges(),
      data: { ...demoSite, story: richTextFromParagraphs(demoSite.story) as never },
    })
    step('site', 1)

    const speakerIds = new Map<string, Id>()
    for (const speaker of content.speakers) {
      const doc = await payload.create({
        context: withoutSiteChanges(),
        collection: 'speakers',
        data: {
          name: speaker.name,
          slug: speaker.slug,
          title: speaker.title,
          bio: speaker.bio,
          photo: media(speaker.photo),
        },
      })
      speakerIds.set(speaker.id, doc.id)
    }
    step('speakers', speakerIds.size)

    // Exhibitions: their section rows get ids from Payload; exhibits point at them by id.
    const exhibitionIds = new Map<string, Id>()
    const sectionIds = new Map<string, string>()
    for (const exhibition of content.exhibitions) {
      const doc = await payload.create({
        context: withoutSiteChanges(),
        collection: 'exhibitions',
        data: {
          title: exhibition.title,
          slug: exhibition.slug,
          intro: exhibition.intro,
          venue: exhibition.venue,
          openedAt: exhibition.openedAt ?? undefined,
          cover: media(exhibition.cover),
          sections: exhibition.sections.map(({ title, intro }) => ({ title, intro })),
          _status: 'published',
        },
      })
      exhibitionIds.set(exhibition.id, doc.id)
      exhibition.sections.forEach((section, index) => {
        const id = doc.sections?.[index]?.id
        if (!id)
          throw new Error(`exhibition ${exhibition.slug}: section ${section.title} has no id`)
        sectionIds.set(section.id, id)
      })
    }
    step('exhibitions', exhibitionIds.size)

    for (const exhibit of content.exhibits) {
      await payload.create({
        context: withoutSiteChanges(),
        collection: 'exhibits',
        data: {
          title: exhibit.title,
          slug: exhibit.slug,
          exhibition: exhibitionIds.get(exhibit.exhibitionId) as number,
          section: sectionIds.get(exhibit.sectionId) ?? exhibit.sectionId,
          year: exhibit.year,
          date: exhibit.date ?? undefined,
          order: exhibit.order,
          caption: exhibit.caption,
          images: exhibit.images.map((row) => ({
            image: media(row.image) as number,
            caption: row.caption,
          })),
          body: richTextFromParagraphs(paragraphsOf(exhibit.bodyHtml)) as never,
          _status: 'published',
        },
      })
    }
    step('exhibits', content.exhibits.length)

    for (const lecture of content.lectures) {
      await payload.create({
        context: withoutSiteChanges(),
        collection: 'lectures',
        data: {
          title: lecture.title,
          slug: lecture.slug,
          series: lecture.series,
          episode: lecture.episode ?? undefined,
          speaker: lecture.speakerId ? (speakerIds.get(lecture.speakerId) as number) : undefined,
          date: lecture.date,
          durationMinutes: lecture.durationMinutes ?? undefined,
          recording: media(lecture.recording),
          videoUrl: lecture.videoUrl ?? undefined,
          poster: media(lecture.poster),
          summary: lecture.summary,
          chapters: lecture.chapters.map(({ start, title }) => ({ start, title })),
          transcript: lecture.transcript,
          attachments: [],
          tags: lecture.tags,
          _status: 'published',
        },
      })
    }
    step('lectures', content.lectures.length)

    // News and books: adapter level, with what the hooks would set supplied here.
    for (const item of content.news) {
      await payload.db.create({
        collection: 'news',
        returning: false,
        data: {
          title: item.title,
          slug: item.slug,
          summary: item.summary,
          cover: media(item.cover) ?? null,
          body: richTextFromParagraphs(paragraphsOf(item.bodyHtml)),
          category: item.category,
          tags: item.tags,
          publishedAt: item.publishedAt,
          _status: 'published',
          createdAt: item.updatedAt,
          updatedAt: item.updatedAt,
        },
      })
    }
    step('news', content.news.length)

    for (const book of content.books) {
      await payload.db.create({
        collection: 'books',
        returning: false,
        data: {
          title: book.title,
          subtitle: book.subtitle,
          slug: book.slug,
          authors: book.authors,
          publisher: book.publisher,
          year: book.year,
          isbn: book.isbn,
          clc: book.clc,
          clcClass: clcClassOf(book.clc),
          callNumber: book.callNumber,
          subjects: book.subjects,
          summary: book.summary,
          cover: media(book.cover) ?? null,
          location: book.location,
          copies: book.copies,
          available: book.available,
          inStock: book.available > 0,
          createdAt: book.updatedAt,
          updatedAt: book.updatedAt,
        },
      })
    }
    step('books', content.books.length)
  } finally {
    await client?.execute('PRAGMA synchronous = FULL')
  }

  const collections = [
    'media',
    'speakers',
    'exhibitions',
    'exhibits',
    'lectures',
    'news',
    'books',
    'site-changes',
  ] as const
  const counts: Record<string, number> = {}
  for (const collection of collections)
    counts[collection] = (await payload.count({ collection, overrideAccess: true })).totalDocs
  await checkExport(payload, content)
  return { counts, seconds, totalSeconds: (performance.now() - startedAll) / 1000 }
}

/**
 * A few entries read back as the publisher reads them (public access, depth 1) and compared with
 * the corpus: the documents written without hooks must export like the others.
 */
async function checkExport(payload: Payload, content: SiteContent): Promise<void> {
  const problems: string[] = []
  const check = (label: string, ok: boolean) => {
    if (!ok) problems.push(label)
  }
  for (const position of [0, Math.floor(content.news.length / 2), content.news.length - 1]) {
    const expected = content.news[position]
    const { docs } = await payload.find({
      collection: 'news',
      where: { slug: { equals: expected.slug } },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
    const entry = docs[0] && (await exportSiteEntry(payload, 'news', String(docs[0].id)))
    if (!entry) {
      problems.push(`news ${expected.slug}: not exported`)
      continue
    }
    check(`news ${expected.slug}: title`, entry.title === expected.title)
    check(
      `news ${expected.slug}: publishedAt`,
      Date.parse(entry.publishedAt) === Date.parse(expected.publishedAt),
    )
    check(
      `news ${expected.slug}: tags`,
      JSON.stringify(entry.tags) === JSON.stringify(expected.tags),
    )
    check(
      `news ${expected.slug}: body`,
      entry.bodyHtml.includes(paragraphsOf(expected.bodyHtml)[0]),
    )
    check(
      `news ${expected.slug}: cover`,
      expected.cover === null ? entry.cover === null : entry.cover?.sizes.card !== undefined,
    )
  }
  for (const position of [0, content.books.length - 1]) {
    const expected = content.books[position]
    const { docs } = await payload.find({
      collection: 'books',
      where: { slug: { equals: expected.slug } },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
    const entry = docs[0] && (await exportSiteEntry(payload, 'books', String(docs[0].id)))
    if (!entry) {
      problems.push(`book ${expected.slug}: not exported`)
      continue
    }
    check(
      `book ${expected.slug}: clcClass`,
      entry.clcClass === expected.clcClass && entry.clcClass !== null,
    )
    check(
      `book ${expected.slug}: authors`,
      JSON.stringify(entry.authors) === JSON.stringify(expected.authors),
    )
    check(`book ${expected.slug}: isbn`, entry.isbn === expected.isbn)
  }
  {
    const expected = content.lectures[0]
    const { docs } = await payload.find({
      collection: 'lectures',
      where: { slug: { equals: expected.slug } },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
    const entry = docs[0] && (await exportSiteEntry(payload, 'lectures', String(docs[0].id)))
    check(
      `lecture ${expected.slug}: exported with speaker, recording and poster`,
      Boolean(
        entry?.speakerId && entry.recording?.mimeType === 'audio/mpeg' && entry.poster?.sizes.hero,
      ),
    )
    check(`lecture ${expected.slug}: chapters`, entry?.chapters.length === expected.chapters.length)
  }
  {
    const expected = content.exhibits[0]
    const { docs } = await payload.find({
      collection: 'exhibits',
      where: { slug: { equals: expected.slug } },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
    const entry = docs[0] && (await exportSiteEntry(payload, 'exhibits', String(docs[0].id)))
    const exhibition = entry && (await exportSiteEntry(payload, 'exhibitions', entry.exhibitionId))
    check(
      `exhibit ${expected.slug}: in a section of its exhibition`,
      Boolean(exhibition?.sections.some((section) => section.id === entry?.sectionId)),
    )
    check(`exhibit ${expected.slug}: images`, entry?.images.length === expected.images.length)
  }
  if (problems.length > 0)
    throw new Error(`the seeded content does not export as expected: ${problems.join('; ')}`)
}
