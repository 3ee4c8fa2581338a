import type { Payload } from 'payload'
import { withoutSiteChanges } from '../collections/SiteChanges/enqueueSiteChange'
import { chinaYear } from '../../shared/dates'
import type { NewsCategory } from '../../shared/vocabulary'
import { books } from './data/books'
import { exhibition, exhibits } from './data/exhibition'
import { lectures } from './data/lectures'
import { news } from './data/news'
import { site } from './data/site'
import { speakers } from './data/speakers'
import { demoIsbn } from './demoIsbn'
import { ensureMedia } from './ensureMedia'
import { demoCaptionsSrt, timestampedTranscript } from './demoTimeline'
import { generateLectureMp3 } from './generateAudio'
import { generateImage, type ImageMotif } from './generateImage'
import { generatePdf } from './generatePdf'
import { richTextFromParagraphs } from './lexical'

type Id = number | string
export type SeedReport = Record<string, { created: number; existing: number }>

/** China Standard Time 10:00 on the given day, as an ISO timestamp. */
const morningOf = (date: string) => new Date(`${date}T10:00:00+08:00`).toISOString()

const newsMotifs: Record<NewsCategory, ImageMotif> = {
  'party-building': 'star',
  'red-collar-lecture': 'lecture',
  volunteer: 'wave',
  'joint-meeting': 'building',
  'business-services': 'building',
  'party-history': 'timeline',
  governance: 'mountain',
}
const sectionMotifs: ImageMotif[] = ['star', 'mountain', 'building', 'wave', 'timeline', 'book']

async function existingTitles(
  payload: Payload,
  collection: 'news' | 'exhibits' | 'lectures' | 'books',
  field = 'title',
) {
  const { docs } = await payload.find({
    collection,
    depth: 0,
    pagination: false,
    draft: true,
    select: { [field]: true } as never,
  })
  return new Set(docs.map((doc) => (doc as unknown as Record<string, string>)[field]))
}

/**
 * Fills an empty (or partly filled) database with the demo content. Idempotent: documents are
 * matched by title (books also by ISBN) and media by file name, and what exists is left alone.
 */
export async function seedDemoContent(
  payload: Payload,
  log: (line: string) => void = console.log,
): Promise<SeedReport> {
  const report: SeedReport = {}
  const count = (key: string, created: boolean) => {
    report[key] ??= { created: 0, existing: 0 }
    report[key][created ? 'created' : 'existing']++
  }
  const image = async (
    filename: string,
    alt: string,
    seed: number,
    motif: ImageMotif,
    size?: { width: number; height: number },
  ) => {
    const before = await payload.count({
      collection: 'media',
      where: { filename: { equals: filename } },
    })
    const id = await ensureMedia(payload, {
      filename,
      alt,
      mimetype: 'image/jpeg',
      data: () => generateImage({ seed, motif, ...size }),
    })
    count('media', before.totalDocs === 0)
    return id
  }
  const file = async (filename: string, alt: string, mimetype: string, data: () => Buffer) => {
    const before = await payload.count({
      collection: 'media',
      where: { filename: { equals: filename } },
    })
    const id = await ensureMedia(payload, { filename, alt, mimetype, data })
    count('media', before.totalDocs === 0)
    return id
  }

  // 网站设置: filled once; later edits by admins are kept.
  const current = await payload.findGlobal({ slug: 'site', depth: 0 })
  if (!current.story) {
    await payload.updateGlobal({
      context: withoutSiteChanges(),
      slug: 'site',
      data: { ...site, story: richTextFromParagraphs(site.story) as never },
    })
    count('site', true)
  } else count('site', false)

  // 百年党史展 and its exhibits.
  const exhibitionCover = await image(
    'exhibition-cover.jpg',
    '百年党史展主视觉：金色时间轴贯穿红色背景的抽象图案',
    1921,
    'timeline',
  )
  let exhibitionDoc = (
    await payload.find({
      collection: 'exhibitions',
      where: { title: { equals: exhibition.title } },
      limit: 1,
      draft: true,
      depth: 0,
    })
  ).docs[0]
  count('exhibitions', !exhibitionDoc)
  exhibitionDoc ??= await payload.create({
    context: withoutSiteChanges(),
    collection: 'exhibitions',
    data: {
      title: exhibition.title,
      intro: exhibition.intro,
      venue: exhibition.venue,
      openedAt: morningOf(exhibition.openedAt),
      cover: exhibitionCover as number,
      sections: exhibition.sections.map(({ title, intro }) => ({ title, intro })),
      _status: 'published',
    },
  })
  const sectionIds = new Map(
    exhibition.sections.map((section, index) => [
      section.key,
      exhibitionDoc.sections?.[index]?.id ?? section.title,
    ]),
  )
  const exhibitImages: Id[] = []
  for (let i = 0; i < 12; i++) {
    const motif = sectionMotifs[i % sectionMotifs.length]
    exhibitImages.push(
      await image(
        `exhibit-illustration-${i + 1}.jpg`,
        `展板插图（示意）：红金配色的${motifNames[motif]}图案`,
        100 + i,
        motif,
      ),
    )
  }
  const knownExhibits = await existingTitles(payload, 'exhibits')
  const orderInSection = new Map<string, number>()
  for (const [index, exhibit] of exhibits.entries()) {
    const order = (orderInSection.get(exhibit.sectionKey) ?? 0) + 1
    orderInSection.set(exhibit.sectionKey, order)
    if (knownExhibits.has(exhibit.title)) {
      count('exhibits', false)
      continue
    }
    await payload.create({
      context: withoutSiteChanges(),
      collection: 'exhibits',
      data: {
        title: exhibit.title,
        exhibition: exhibitionDoc.id,
        section: sectionIds.get(exhibit.sectionKey) ?? exhibit.sectionKey,
        year: exhibit.year,
        date: exhibit.date ? morningOf(exhibit.date) : undefined,
        order: order * 10,
        caption: exhibit.caption,
        images: exhibit.imageCaptions.map((caption, n) => ({
          image: exhibitImages[(index * 3 + n) % exhibitImages.length] as number,
          caption,
        })),
        body: richTextFromParagraphs(exhibit.paragraphs) as never,
        _status: 'published',
      },
    })
    count('exhibits', true)
  }

  // 主讲人 and 红领讲堂.
  const speakerIds = new Map<string, Id>()
  for (const [index, speaker] of speakers.entries()) {
    const existing = (
      await payload.find({
        collection: 'speakers',
        where: { name: { equals: speaker.name } },
        limit: 1,
        depth: 0,
      })
    ).docs[0]
    count('speakers', !existing)
    const photo = await image(
      `speaker-${speaker.key}.jpg`,
      `${speaker.name}的头像（示意图）`,
      500 + index,
      'portrait',
      { width: 600, height: 600 },
    )
    const doc =
      existing ??
      (await payload.create({
        collection: 'speakers',
        context: withoutSiteChanges(),
        data: {
          name: speaker.name,
          title: speaker.title,
          bio: speaker.bio,
          photo: photo as number,
        },
      }))
    speakerIds.set(speaker.key, doc.id)
  }
  const posters = new Map<string, Id>()
  for (const [index, series] of ['red-collar', 'party-history', 'ideology', 'policy'].entries()) {
    posters.set(
      series,
      await image(
        `lecture-poster-${series}.jpg`,
        '讲座海报（示意图）：讲台与听众的抽象图案',
        700 + index,
        'lecture',
      ),
    )
  }
  const slides = await file(
    'lecture-slides-sample.pdf',
    '讲座课件（演示 PDF）',
    'application/pdf',
    () => generatePdf('Lecture slides (demo)'),
  )
  const knownLectures = await existingTitles(payload, 'lectures')
  let recordedCount = 0
  for (const [index, lecture] of lectures.entries()) {
    // Demo recordings are lecture-length (1 KB a second): six lectures have one, three an external
    // video; the others' recordings are not in yet. Two come with SRT captions, two with a
    // transcript timed in [mm:ss] lines, two with a plain transcript.
    const external = index % 9 === 4
    const recorded = !external && index % 4 === 0
    const seconds = lecture.durationMinutes * 60
    const recording = recorded
      ? await file(
          `lecture-${index + 1}-recording.mp3`,
          `讲座录音：${lecture.title}（演示音频）`,
          'audio/mpeg',
          () => generateLectureMp3({ seconds, seed: index }),
        )
      : undefined
    if (knownLectures.has(lecture.title)) {
      count('lectures', false)
      continue
    }
    const timing = recorded ? recordedCount++ % 3 : -1
    await payload.create({
      context: withoutSiteChanges(),
      collection: 'lectures',
      data: {
        title: lecture.title,
        series: lecture.series,
        episode: lecture.episode,
        speaker: speakerIds.get(lecture.speakerKey) as number,
        date: new Date(`${lecture.date}T14:30:00+08:00`).toISOString(),
        durationMinutes: lecture.durationMinutes,
        recording: recording as number | undefined,
        videoUrl: external ? `https://video.example.org/hongling/${index + 1}` : undefined,
        poster: posters.get(lecture.series) as number,
        summary: lecture.summary,
        chapters: lecture.chapters,
        transcript:
          timing === 1
            ? timestampedTranscript(lecture.transcript, seconds)
            : lecture.transcript.join('\n\n'),
        captions: timing === 0 ? demoCaptionsSrt(lecture.transcript, seconds) : undefined,
        attachments: index % 3 === 0 ? [slides as number] : [],
        tags: lecture.tags,
        _status: 'published',
      },
    })
    count('lectures', true)
  }

  // 活动新闻: covers by category; some without a cover (the site shows its fallback).
  const covers = new Map<string, Id[]>()
  for (const [index, [category, motif]] of Object.entries(newsMotifs).entries()) {
    covers.set(category, [
      await image(
        `news-${category}-1.jpg`,
        `新闻配图（示意）：${motifNames[motif]}图案`,
        300 + index * 2,
        motif,
      ),
      await image(
        `news-${category}-2.jpg`,
        `新闻配图（示意）：${motifNames[motif]}图案`,
        301 + index * 2,
        motif,
      ),
    ])
  }
  const knownNews = await existingTitles(payload, 'news')
  for (const [index, item] of news.entries()) {
    if (knownNews.has(item.title)) {
      count('news', false)
      continue
    }
    const categoryCovers = covers.get(item.category) ?? []
    const cover = index % 5 === 4 ? undefined : categoryCovers[index % categoryCovers.length]
    const inlineImage =
      index % 4 === 1 ? categoryCovers[(index + 1) % categoryCovers.length] : undefined
    const published = item.status === 'published'
    await payload.create({
      context: withoutSiteChanges(),
      collection: 'news',
      draft: !published,
      data: {
        title: item.title,
        summary: item.summary,
        category: item.category,
        tags: item.tags,
        cover: cover as number | undefined,
        body: richTextFromParagraphs(item.paragraphs, inlineImage) as never,
        publishedAt: morningOf(item.publishedAt),
        _status: published ? 'published' : 'draft',
      },
    })
    count('news', true)
  }

  // 汇书房 catalogue.
  const knownBooks = await existingTitles(payload, 'books')
  const shelfNumbers = new Map<string, number>()
  for (const [index, book] of books.entries()) {
    const shelf = (shelfNumbers.get(book.clc) ?? 0) + 1
    shelfNumbers.set(book.clc, shelf)
    if (knownBooks.has(book.title)) {
      count('books', false)
      continue
    }
    await payload.create({
      context: withoutSiteChanges(),
      collection: 'books',
      data: {
        ...book,
        isbn: book.year >= 1987 ? demoIsbn(index) : undefined,
        callNumber: `${book.clc}/${shelf}`,
      },
    })
    count('books', true)
  }

  for (const [key, { created, existing }] of Object.entries(report)) {
    log(
      `  ${key.padEnd(12)} 新建 ${String(created).padStart(4)}，已存在 ${String(existing).padStart(4)}`,
    )
  }
  // The writes above queued nothing (one row per document would mean hundreds of small updates):
  // one full build publishes them all. Before the publisher's first start it is that start's build.
  if (Object.values(report).some(({ created }) => created > 0)) {
    await payload.create({
      collection: 'site-changes',
      data: { kind: 'rebuild' },
      overrideAccess: true,
    })
  }
  return report
}

const motifNames: Record<ImageMotif, string> = {
  mountain: '群山剪影',
  building: '楼宇剪影',
  star: '五角星与光环',
  wave: '飘带波纹',
  book: '书架',
  portrait: '人像剪影',
  lecture: '讲台与听众',
  timeline: '时间轴',
}

/** Years the demo news spans, for the summary line. */
export function newsYears(): number[] {
  return [...new Set(news.map((item) => chinaYear(morningOf(item.publishedAt))))].sort()
}
