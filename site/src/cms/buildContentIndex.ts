import { clcClassOf, type ClcClass } from '../../../shared/clc'
import { byNumericId, compareText, newestFirst } from '../../../shared/contentOrder'
import { chinaYear } from '../../../shared/dates'
import type {
  BookEntry,
  ExhibitEntry,
  ExhibitionEntry,
  LectureEntry,
  NewsEntry,
  SiteContent,
  SpeakerEntry,
} from '../../../shared/siteContent'
import type { BookLocation, LectureSeries, NewsCategory } from '../../../shared/vocabulary'

/** The export's collections and settings, as the pages see them (redirects are not shown on pages). */
export type ContentLists = Omit<SiteContent, 'version' | 'generatedAt' | 'redirects'>

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
  /** Each news item's position in `news` (newest first). */
  newsPosition: Map<NewsEntry, number>
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
    .sort(
      (a, b) =>
        sectionOrder.get(a.sectionId)! - sectionOrder.get(b.sectionId)! ||
        a.order - b.order ||
        byNumericId(a, b),
    )
  const position = new Map(walk.map((exhibit, index) => [exhibit.id, index]))
  const bySection = groupBy(walk, (exhibit) => exhibit.sectionId)
  const byYear = groupBy(walk, (exhibit) => exhibit.year)
  return {
    exhibition,
    exhibits: walk,
    sections: exhibition.sections.map((section) => ({
      section,
      exhibits: bySection.get(section.id) ?? [],
    })),
    timeline: [...byYear.entries()]
      .sort(([a], [b]) => a - b)
      .map(([year, items]) => ({
        year,
        exhibits: items.sort(
          (a, b) =>
            compareText(a.date ?? '', b.date ?? '') || position.get(a.id)! - position.get(b.id)!,
        ),
      })),
  }
}

/**
 * `groups`, with each group equal (the same items in the same order) to its group in `previous`
 * replaced by that array: pages made from an unchanged list (a tag no update touched) can then
 * be recognised by the list's identity and reused (see `newsRoutes`).
 */
function keepUnchangedGroups<K, T>(groups: Map<K, T[]>, previous: Map<K, T[]> | undefined) {
  if (!previous) return groups
  for (const [key, group] of groups) {
    const before = previous.get(key)
    if (before && before.length === group.length && group.every((item, i) => item === before[i]))
      groups.set(key, before)
  }
  return groups
}

/**
 * Sorts the lists and builds every lookup the pages need, once per build (no per-page scans).
 * Every order is total (a date or key, then the id), so the input order never shows: a full
 * build and the publisher's incrementally updated content give the same pages.
 */
export function buildContentIndex(
  lists: ContentLists,
  previous?: { lists: ContentLists; index: ContentIndex },
): ContentIndex {
  // The publisher rebuilds the index on every update: collections it did not change (the same
  // input array) keep their sorted lists and lookups.
  const reuse = <K extends keyof ContentLists, T>(keys: K[], build: () => T): T =>
    previous && keys.every((key) => previous.lists[key] === lists[key])
      ? (previous.index as unknown as T)
      : build()
  const newsPart = reuse(['news'], () => {
    const news = [...lists.news].sort(newestFirst((item) => item.publishedAt))
    return {
      news,
      newsPosition: new Map(news.map((item, position) => [item, position])),
      newsBySlug: new Map(news.map((item) => [item.slug, item])),
      newsByCategory: keepUnchangedGroups(
        groupBy(news, (item) => item.category),
        previous?.index.newsByCategory,
      ),
      newsByTag: keepUnchangedGroups(
        groupBy(news, (item) => item.tags),
        previous?.index.newsByTag,
      ),
    }
  })
  const lecturePart = reuse(['lectures'], () => {
    const lectures = [...lists.lectures].sort(newestFirst((item) => item.date))
    return {
      lectures,
      lecturesBySpeaker: groupBy(lectures, (lecture) => lecture.speakerId),
      lecturesBySeries: groupBy(lectures, (lecture) => lecture.series),
      lecturesByYear: groupBy(lectures, (lecture) => chinaYear(lecture.date)),
    }
  })
  const bookPart = reuse(['books'], () => {
    const callNumbers = new Intl.Collator('en', { numeric: true })
    const books = [...lists.books].sort(
      (a, b) =>
        callNumbers.compare(a.callNumber ?? a.clc, b.callNumber ?? b.clc) || byNumericId(a, b),
    )
    return {
      books,
      booksByClass: groupBy(books, (book) => clcClassOf(book.clcClass ?? book.clc)),
      booksByLocation: groupBy(books, (book) => book.location),
    }
  })
  const exhibitionPart = reuse(['exhibitions', 'exhibits'], () => {
    const exhibitions = [...lists.exhibitions].sort(newestFirst((item) => item.openedAt))
    const exhibitsByExhibition = groupBy(lists.exhibits, (exhibit) => exhibit.exhibitionId)
    return {
      exhibitions,
      exhibitionWalks: new Map(
        exhibitions.map((exhibition) => [
          exhibition.id,
          walkExhibition(exhibition, exhibitsByExhibition.get(exhibition.id) ?? []),
        ]),
      ),
    }
  })
  const speakerPart = reuse(['speakers'], () => {
    // Slugs are the pinyin of the names: sorting by them is the order Chinese readers expect.
    const speakers = [...lists.speakers].sort(
      (a, b) => compareText(a.slug, b.slug) || byNumericId(a, b),
    )
    return { speakers, speakersById: new Map(speakers.map((speaker) => [speaker.id, speaker])) }
  })
  return {
    site: lists.site,
    exhibits: lists.exhibits,
    news: newsPart.news,
    newsPosition: newsPart.newsPosition,
    newsBySlug: newsPart.newsBySlug,
    newsByCategory: newsPart.newsByCategory,
    newsByTag: newsPart.newsByTag,
    lectures: lecturePart.lectures,
    lecturesBySpeaker: lecturePart.lecturesBySpeaker,
    lecturesBySeries: lecturePart.lecturesBySeries,
    lecturesByYear: lecturePart.lecturesByYear,
    books: bookPart.books,
    booksByClass: bookPart.booksByClass,
    booksByLocation: bookPart.booksByLocation,
    exhibitions: exhibitionPart.exhibitions,
    exhibitionWalks: exhibitionPart.exhibitionWalks,
    speakers: speakerPart.speakers,
    speakersById: speakerPart.speakersById,
  }
}

/**
 * The positions (in `news`) of every item of a list, in its (newest-first) order; once per list
 * and index (a list array outlives an index when an update leaves it unchanged, its positions
 * may not).
 */
const listPositions = new WeakMap<ContentIndex['newsPosition'], WeakMap<NewsEntry[], Int32Array>>()
function positionsOf(index: ContentIndex, list: NewsEntry[]): Int32Array {
  let lists = listPositions.get(index.newsPosition)
  if (!lists) listPositions.set(index.newsPosition, (lists = new WeakMap()))
  let positions = lists.get(list)
  if (!positions) {
    positions = Int32Array.from(list, (entry) => index.newsPosition.get(entry)!)
    lists.set(list, positions)
  }
  return positions
}

/** Where `position` is (or would be) in a list's increasing positions. */
function indexIn(positions: Int32Array, position: number): number {
  let [low, high] = [0, positions.length]
  while (low < high) {
    const middle = (low + high) >>> 1
    if (positions[middle] < position) low = middle + 1
    else high = middle
  }
  return low
}

/** Scores by news position, reused between calls (kept all zero between them). */
let scratch = new Int32Array(0)

/** Candidates either side of an article in each of its tags' lists and in its category's list. */
export const relatedWindow = { tag: 12, category: 6 }

/**
 * Up to `count` other news items: same tags first (more shared tags rank higher), then the same
 * category; within a rank the nearest in time, then the newer. Candidates are the items near the
 * article: the 12 either side of it in each of its tags' lists and the 6 either side in its
 * category's (`relatedWindow`). Nearness keeps updates small: adding or removing an item changes the related news
 * of its neighbours only, never of every article that shares a tag. Runs for every article of
 * every build and update, so it works on positions in typed arrays and keeps the best few in one
 * pass.
 */
export function relatedNews(index: ContentIndex, item: NewsEntry, count = 4): NewsEntry[] {
  if (scratch.length < index.news.length) scratch = new Int32Array(index.news.length)
  const self = index.newsPosition.get(item) ?? -1
  const touched: number[] = []
  const add = (list: NewsEntry[] | undefined, window: number, points: number) => {
    if (!list) return
    const positions = positionsOf(index, list)
    const at = indexIn(positions, self)
    const end = Math.min(positions.length, at + window + 1)
    for (let i = Math.max(0, at - window); i < end; i++) {
      const position = positions[i]
      if (position === self) continue
      if (scratch[position] === 0) touched.push(position)
      scratch[position] += points
    }
  }
  for (const tag of item.tags) add(index.newsByTag.get(tag), relatedWindow.tag, 2)
  add(index.newsByCategory.get(item.category), relatedWindow.category, 1)
  // Best first: higher score, then nearer the article, then newer (a lower position).
  const beats = (position: number, other: number) =>
    scratch[position] - scratch[other] ||
    Math.abs(other - self) - Math.abs(position - self) ||
    other - position
  const best: number[] = []
  for (const position of touched) {
    let at = best.length
    // Move left past every kept item this one beats.
    while (at > 0 && beats(position, best[at - 1]) > 0) at--
    if (at >= count) continue
    best.splice(at, 0, position)
    if (best.length > count) best.pop()
  }
  const related = best.map((position) => index.news[position])
  for (const position of touched) scratch[position] = 0
  return related
}
