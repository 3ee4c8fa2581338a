/**
 * The reference corpus of the site and search benchmarks: 10,000 news, 1,000 lectures with
 * transcripts, 20,000 books and 300 exhibits, as a site-content export. Text is recombined from
 * the demo content (deterministically), images come from a small generated pool.
 */
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { books as demoBooks } from '../cms/seed/data/books'
import { exhibition as demoExhibition, exhibits as demoExhibits } from '../cms/seed/data/exhibition'
import { lectures as demoLectures } from '../cms/seed/data/lectures'
import { news as demoNews } from '../cms/seed/data/news'
import { site as demoSite } from '../cms/seed/data/site'
import { speakers as demoSpeakers } from '../cms/seed/data/speakers'
import { demoIsbn } from '../cms/seed/demoIsbn'
import { generateImage, type ImageMotif } from '../cms/seed/generateImage'
import { parseTimestamp } from '../shared/dates'
import { clcClassOf } from '../shared/clc'
import type { ImageRef, ImageSizeName, SiteContent } from '../shared/siteContent'
import { slugify } from '../shared/slugify'

export interface CorpusSize {
  news: number
  lectures: number
  books: number
  exhibits: number
}
export const referenceSize: CorpusSize = {
  news: 10_000,
  lectures: 1_000,
  books: 20_000,
  exhibits: 300,
}

const sizeSpecs: [ImageSizeName, number, number | null][] = [
  ['thumbnail', 320, 240],
  ['card', 640, 400],
  ['cardLarge', 1280, 800],
  ['heroSmall', 800, null],
  ['hero', 1600, null],
  ['og', 1200, 630],
]

/** Writes `count` images with all their renditions into mediaDir and returns their refs. */
async function imagePool(mediaDir: string, count: number): Promise<ImageRef[]> {
  fs.mkdirSync(mediaDir, { recursive: true })
  const motifs: ImageMotif[] = ['mountain', 'building', 'star', 'wave', 'timeline', 'lecture']
  const pool: ImageRef[] = []
  for (let i = 0; i < count; i++) {
    const base = `corpus-${i + 1}`
    const original = await generateImage({ seed: 900 + i, motif: motifs[i % motifs.length] })
    fs.writeFileSync(path.join(mediaDir, `${base}.jpg`), original)
    const sizes: ImageRef['sizes'] = {}
    for (const [name, width, height] of sizeSpecs) {
      const h = height ?? Math.round((width * 1000) / 1600)
      const file = `${base}-${width}x${h}.webp`
      await sharp(original)
        .resize(width, h, { fit: 'cover' })
        .webp({ quality: 70 })
        .toFile(path.join(mediaDir, file))
      sizes[name] = { file, width, height: h, mimeType: 'image/webp' }
    }
    pool.push({
      file: `${base}.jpg`,
      width: 1600,
      height: 1000,
      mimeType: 'image/jpeg',
      alt: `示意图 ${i + 1}`,
      caption: null,
      focalX: 50,
      focalY: 50,
      sizes,
    })
  }
  return pool
}

const pick = <T>(list: readonly T[], i: number) => list[i % list.length]
const dayMs = 86_400_000

export async function generateReferenceCorpus(
  mediaDir: string,
  size: CorpusSize = referenceSize,
): Promise<SiteContent> {
  const images = await imagePool(mediaDir, 12)
  const start = Date.parse('2019-01-01T02:00:00Z')
  const slugs = new Set<string>()
  const uniqueSlug = (title: string, i: number) => {
    let slug = slugify(title) || `item-${i}`
    if (slugs.has(slug)) slug = `${slug}-${i}`
    slugs.add(slug)
    return slug
  }
  const paragraphs = (source: string[], i: number) =>
    source.map((p, n) => (n === 0 ? `${p}（第${i + 1}期）` : p))

  const news = Array.from({ length: size.news }, (_, i) => {
    const source = pick(demoNews, i)
    const title = `${source.title}（${Math.floor(i / demoNews.length) + 1}）`
    return {
      id: String(i + 1),
      slug: uniqueSlug(title, i),
      updatedAt: new Date(start + i * 3_600_000).toISOString(),
      title,
      category: source.category,
      summary: source.summary,
      tags: source.tags,
      publishedAt: new Date(start + (i * 7 * dayMs) / 24).toISOString(),
      cover: i % 5 === 4 ? null : pick(images, i),
      bodyHtml: paragraphs(source.paragraphs, i)
        .map((p) => `<p>${p}</p>`)
        .join(''),
    }
  })

  const speakers = Array.from({ length: 100 }, (_, i) => {
    const source = pick(demoSpeakers, i)
    const name = i < demoSpeakers.length ? source.name : `${source.name}${i}`
    return {
      id: String(i + 1),
      slug: uniqueSlug(name, i),
      updatedAt: new Date(start).toISOString(),
      name,
      title: source.title,
      bio: source.bio,
      photo: pick(images, i),
    }
  })

  const lectures = Array.from({ length: size.lectures }, (_, i) => {
    const source = pick(demoLectures, i)
    const title = `${source.title}（${Math.floor(i / demoLectures.length) + 1}）`
    return {
      id: String(i + 1),
      slug: uniqueSlug(title, i),
      updatedAt: new Date(start).toISOString(),
      title,
      series: source.series,
      date: new Date(start + i * 2 * dayMs).toISOString(),
      episode: i + 1,
      speakerId: String((i % speakers.length) + 1),
      durationMinutes: source.durationMinutes,
      recording: {
        file: 'corpus-recording.mp3',
        alt: '讲座录音',
        mimeType: 'audio/mpeg',
        filesize: 48_000,
        duration: null,
      },
      videoUrl: null,
      poster: pick(images, i),
      summary: source.summary,
      chapters: source.chapters.map(({ start: at, title: chapter }) => ({
        start: at,
        seconds: parseTimestamp(at) ?? 0,
        title: chapter,
      })),
      transcript: paragraphs(source.transcript, i).join('\n\n'),
      captions: [],
      attachments: [],
      tags: source.tags,
    }
  })
  fs.copyFileSync(path.join(mediaDir, 'corpus-1.jpg'), path.join(mediaDir, 'corpus-recording.mp3'))

  const books = Array.from({ length: size.books }, (_, i) => {
    const source = pick(demoBooks, i)
    const edition = Math.floor(i / demoBooks.length) + 1
    const title = edition === 1 ? source.title : `${source.title}（第${edition}版）`
    return {
      id: String(i + 1),
      slug: uniqueSlug(title, i),
      updatedAt: new Date(start).toISOString(),
      title,
      subtitle: source.subtitle ?? null,
      authors: source.authors,
      publisher: source.publisher,
      year: source.year,
      isbn: source.year >= 1987 ? demoIsbn(i) : null,
      clc: source.clc,
      clcClass: clcClassOf(source.clc),
      callNumber: `${source.clc}/${i + 1}`,
      subjects: source.subjects,
      summary: source.summary,
      cover: null,
      location: source.location,
      copies: source.copies,
      available: source.available,
    }
  })

  const exhibitionCount = Math.max(1, Math.ceil(size.exhibits / demoExhibits.length))
  const exhibitions = Array.from({ length: exhibitionCount }, (_, e) => ({
    id: String(e + 1),
    slug: e === 0 ? 'bai-nian-dang-shi-zhan' : `bai-nian-dang-shi-zhan-${e + 1}`,
    updatedAt: new Date(start).toISOString(),
    title: e === 0 ? demoExhibition.title : `${demoExhibition.title}（第${e + 1}展）`,
    intro: demoExhibition.intro,
    venue: demoExhibition.venue,
    openedAt: `${demoExhibition.openedAt}T02:00:00.000Z`,
    cover: pick(images, e),
    sections: demoExhibition.sections.map((section) => ({
      id: `${e + 1}-${section.key}`,
      title: section.title,
      intro: section.intro,
    })),
  }))
  const exhibits = Array.from({ length: size.exhibits }, (_, i) => {
    const source = pick(demoExhibits, i)
    const e = Math.floor(i / demoExhibits.length)
    const title = e === 0 ? source.title : `${source.title}（${e + 1}）`
    return {
      id: String(i + 1),
      slug: uniqueSlug(title, i),
      updatedAt: new Date(start).toISOString(),
      title,
      year: source.year,
      exhibitionId: String(e + 1),
      sectionId: `${e + 1}-${source.sectionKey}`,
      date: source.date ? `${source.date}T02:00:00.000Z` : null,
      order: (i % demoExhibits.length) * 10,
      caption: source.caption,
      images: source.imageCaptions.map((caption, n) => ({ image: pick(images, i + n), caption })),
      bodyHtml: source.paragraphs.map((p) => `<p>${p}</p>`).join(''),
    }
  })

  return {
    version: 1,
    generatedAt: new Date(start).toISOString(),
    site: {
      siteName: demoSite.siteName,
      slogan: demoSite.slogan,
      storyHtml: demoSite.story.map((p) => `<p>${p}</p>`).join(''),
      figures: demoSite.figures.map((f) => ({ ...f, unit: f.unit ?? '' })),
      navigation: demoSite.navigation,
      footer: demoSite.footer,
      contact: demoSite.contact,
      shareImage: null,
    },
    redirects: [],
    news,
    exhibitions,
    exhibits,
    speakers,
    lectures,
    books,
  }
}
