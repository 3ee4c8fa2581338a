import { clcClassOf, type ClcClass } from '../../../shared/clc'
import { chinaYear } from '../../../shared/dates'
import type { BookEntry, ExhibitEntry, ExhibitionEntry, LectureEntry, NewsEntry, SiteContent, SpeakerEntry } from '../../../shared/siteContent'
import type { BookLocation, LectureSeries, NewsCategory } from '../../../shared/vocabulary'

/** The export's collections and settings, as the pages see them. */
export type ContentLists = Omit<SiteContent, 'version' | 'generatedAt'>

/** An exhibition with its exhibits walked in order (section order, then `order`). */
export interface ExhibitionWalk {
  exhibition: ExhibitionEntry
  sections: { section: ExhibitionEntry['sections'][number]; exhibits: ExhibitEntry[] }[]
  /** All exhibits in walking order. */
  exhibits: ExhibitEntry[]
  /** Years ascending, each with its exhibits (by date, then walking order). */
  timeline: { year: number; exhibits: ExhibitEntry[] }[]
}

export interface ContentIndex extends ContentLists {
  newsBySlug: Map<string, NewsEntry>
  newsByCategory: Map<NewsCategory, NewsEntry[]>
  newsByTag: Map<string, NewsEntry[]>
  exhibitionWalks: Map<string, ExhibitionWalk>
  speakersById: Map<string, SpeakerEntry>
  lecturesBySpeaker: Map<string, LectureEntry[]>
  lecturesBySeries: Map<LectureSeries, LectureEntry[]>
  lecturesByYear: Map<number, LectureEntry[]>
  booksByClass: Map<ClcClass, BookEntry[]>
  booksByLocation: Map<BookLocation, BookEntry[]>
}

/** Ids in numeric order when they are numbers (SQLite), else by code unit (MongoDB ObjectIds). */
const byNumericId = (a: { id: string }, b: { id: string }) =>
  a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
/** ISO timestamps compare as plain strings; `localeCompare` costs a second over 10,000 pages. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
/** Newest first; equal dates by id, so every build orders alike. */
export const newestFirst = <T extends { id: string }>(date: (item: T) => string) => (a: T, b: T) =>
  compareText(date(b), date(a)) || byNumericId(a, b)

function groupBy<T, K>(items: T[], keysOf: (item: T) => K | K[] | null | undefined): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const item of items) {
    const keys = keysOf(item)
    for (const key of Array.isArray(keys) ? keys : keys == null ? [] : [keys]) {
      const group = groups.get(key)
      if (group) group.push(item)
      else groups.set(key, [item])
    }
  }
  return groups
}

function walkExhibition(exhibition: ExhibitionEntry, exhibits: ExhibitEntry[]): ExhibitionWalk {
  const sectionOrder = new Map(exhibition.sections.map((section, index) => [section.id, index]))
  const walk = exhibits
    .filter((exhibit) => sectionOrder.has(exhibit.sectionId))
    .sort((a, b) => sectionOrder.get(a.sectionId)! - sectionOrder.get(b.sectionId)! || a.order - b.order || byNumericId(a, b))
  const position = new Map(walk.map((exhibit, index) => [exhibit.id, index]))
  const bySection = groupBy(walk, (exhibit) => exhibit.sectionId)
  const byYear = groupBy(walk, (exhibit) => exhibit.year)
  return {
    exhibition,
    exhibits: walk,
    sections: exhibition.sections.map((section) => ({ section, exhibits: bySection.get(section.id) ?? [] })),
    timeline: [...byYear.entries()]
      .sort(([a], [b]) => a - b)
      .map(([year, items]) => ({
        year,
        exhibits: items.sort((a, b) => compareText(a.date ?? '', b.date ?? '') || position.get(a.id)! - position.get(b.id)!),
      })),
  }
}

/** Sorts the lists and builds every lookup the pages need, once per build (no per-page scans). */
export function buildContentIndex(lists: ContentLists): ContentIndex {
  const news = [...lists.news].sort(newestFirst((item) => item.publishedAt))
  const lectures = [...lists.lectures].sort(newestFirst((item) => item.date))
  const callNumbers = new Intl.Collator('en', { numeric: true })
  const books = [...lists.books].sort((a, b) => callNumbers.compare(a.callNumber ?? a.clc, b.callNumber ?? b.clc) || byNumericId(a, b))
  const exhibitsByExhibition = groupBy(lists.exhibits, (exhibit) => exhibit.exhibitionId)
  return {
    ...lists,
    news,
    lectures,
    books,
    newsBySlug: new Map(news.map((item) => [item.slug, item])),
    newsByCategory: groupBy(news, (item) => item.category),
    newsByTag: groupBy(news, (item) => item.tags),
    exhibitionWalks: new Map(
      lists.exhibitions.map((exhibition) => [exhibition.id, walkExhibition(exhibition, exhibitsByExhibition.get(exhibition.id) ?? [])]),
    ),
    speakersById: new Map(lists.speakers.map((speaker) => [speaker.id, speaker])),
    lecturesBySpeaker: groupBy(lectures, (lecture) => lecture.speakerId),
    lecturesBySeries: groupBy(lectures, (lecture) => lecture.series),
    lecturesByYear: groupBy(lectures, (lecture) => chinaYear(lecture.date)),
    booksByClass: groupBy(books, (book) => clcClassOf(book.clcClass ?? book.clc)),
    booksByLocation: groupBy(books, (book) => book.location),
  }
}

/**
 * Up to `count` other news items: same tags first (more shared tags rank higher), then the same
 * category, newest first within a rank.
 */
export function relatedNews(index: ContentIndex, item: NewsEntry, count = 4): NewsEntry[] {
  const scores = new Map<NewsEntry, number>()
  for (const tag of item.tags) {
    for (const other of (index.newsByTag.get(tag) ?? []).slice(0, 50)) {
      if (other !== item) scores.set(other, (scores.get(other) ?? 0) + 2)
    }
  }
  for (const other of (index.newsByCategory.get(item.category) ?? []).slice(0, 20)) {
    if (other !== item) scores.set(other, (scores.get(other) ?? 0) + 1)
  }
  return [...scores.entries()]
    .sort(([a, x], [b, y]) => y - x || newestFirst<NewsEntry>((n) => n.publishedAt)(a, b))
    .slice(0, count)
    .map(([other]) => other)
}
