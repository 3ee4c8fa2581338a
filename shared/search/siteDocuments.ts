/**
 * The site content export → the documents the search indexes: which text of each collection goes
 * into the title, summary and body fields. URLs come from the caller (the site's `lib/urls`), so
 * this module does not fix the URL contract.
 */
import type { LectureEntry, SiteContent } from '../siteContent'
import type { SearchDocument } from './buildIndex'

export interface SearchUrls {
  news: (slug: string) => string
  exhibit: (exhibitionSlug: string, slug: string) => string
  lecture: (slug: string) => string
  book: (slug: string) => string
  /** A lecture's timed transcript file, when it has one. */
  lectureMoments?: (lecture: LectureEntry) => string | null
}

const blockTag =
  /<\/?(?:p|div|h[1-6]|li|ul|ol|blockquote|pre|figure|figcaption|table|thead|tbody|tr|td|th|hr|br|img)\b[^>]*>/gi
const anyTag = /<[^>]*>/g
const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

/** Text of the export's safe HTML: block boundaries become line breaks (no n-gram spans them). */
export function textOfHtml(html: string): string {
  return html
    .replace(blockTag, '\n')
    .replace(anyTag, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1] === 'x' || name[1] === 'X'
            ? parseInt(name.slice(2), 16)
            : parseInt(name.slice(1), 10)
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff
          ? String.fromCodePoint(code)
          : ' '
      }
      return entities[name.toLowerCase()] ?? entity
    })
    .replace(/[^\S\n]*\n\s*/g, '\n')
    .trim()
}

const lines = (...parts: (string | null | undefined)[]) =>
  parts.filter((part) => part && part.trim()).join('\n')

/** Every published news item, exhibit, lecture and book as a search document. */
export function searchDocumentsFromSiteContent(
  content: SiteContent,
  urls: SearchUrls,
): SearchDocument[] {
  const documents: SearchDocument[] = []
  for (const item of content.news) {
    documents.push({
      id: item.id,
      type: 'news',
      url: urls.news(item.slug),
      title: item.title,
      fields: {
        title: item.title,
        summary: item.summary,
        body: lines(textOfHtml(item.bodyHtml), item.tags.join(' ')),
      },
    })
  }
  const exhibitionSlugs = new Map(
    content.exhibitions.map((exhibition) => [exhibition.id, exhibition.slug]),
  )
  for (const item of content.exhibits) {
    const exhibitionSlug = exhibitionSlugs.get(item.exhibitionId)
    if (!exhibitionSlug) continue
    documents.push({
      id: item.id,
      type: 'exhibit',
      url: urls.exhibit(exhibitionSlug, item.slug),
      title: item.title,
      fields: {
        title: item.title,
        summary: item.caption,
        body: lines(textOfHtml(item.bodyHtml), ...item.images.map((image) => image.caption)),
      },
    })
  }
  const speakerNames = new Map(content.speakers.map((speaker) => [speaker.id, speaker.name]))
  for (const item of content.lectures) {
    const moments = urls.lectureMoments?.(item)
    documents.push({
      id: item.id,
      type: 'lecture',
      url: urls.lecture(item.slug),
      title: item.title,
      ...(moments ? { moments } : {}),
      fields: {
        title: item.title,
        summary: item.summary,
        body: lines(
          item.speakerId ? speakerNames.get(item.speakerId) : null,
          item.chapters.map((chapter) => chapter.title).join('\n'),
          // Without a typed transcript, what the captions say is the transcript.
          item.transcript.trim()
            ? item.transcript
            : item.captions.map((cue) => cue.text).join('\n'),
          item.tags.join(' '),
        ),
      },
    })
  }
  for (const item of content.books) {
    const title = item.subtitle ? `${item.title}：${item.subtitle}` : item.title
    documents.push({
      id: item.id,
      type: 'book',
      url: urls.book(item.slug),
      title,
      fields: {
        title,
        summary: item.summary,
        body: lines(
          item.authors.join(' '),
          item.publisher,
          item.isbn,
          item.subjects.join(' '),
          item.callNumber ?? item.clc,
        ),
      },
    })
  }
  return documents
}
