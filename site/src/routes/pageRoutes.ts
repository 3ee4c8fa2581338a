/**
 * The route table of every content page: for each page family, its paths and the props its view
 * renders from. Views (site/src/views/) are pure functions of these props plus `Astro.locals`
 * (site settings and the page path), so the static build (pages/[...path].astro) and the
 * publisher's warm renderer (pages/render/[...path].astro) produce the same HTML from the same
 * content, and the publisher knows a page must be re-rendered exactly when its props change.
 *
 * Plain TypeScript (no `astro:` imports): the publisher imports it directly.
 */
import type { ClcClass } from '../../../shared/clc'
import { clcClasses } from '../../../shared/clc'
import type { BookEntry, ExhibitEntry, LectureEntry, NewsEntry, SpeakerEntry } from '../../../shared/siteContent'
import { bookLocations, lectureSeries, newsCategories, type BookLocation, type LectureSeries, type NewsCategory } from '../../../shared/vocabulary'
import { relatedNews, type ContentIndex, type ExhibitionWalk } from '../cms/buildContentIndex'
import { bookPageSize, lecturePageSize, newsPageSize, pageCount, type ListPage } from '../lib/pagination'
import * as urls from '../lib/urls'

/** The collections of the export a family reads (the site settings are read by every page). */
export const contentDependencies = ['news', 'exhibitions', 'exhibits', 'speakers', 'lectures', 'books'] as const
export type ContentDependency = (typeof contentDependencies)[number]

export interface PageRoute<V extends ViewName = ViewName> {
  view: V
  /** The page's URL path, with its trailing slash (`/news/page/2/`). */
  path: string
  props: ViewProps[V]
}

export type Neighbour = Pick<ExhibitEntry, 'slug' | 'title'> | null

/** Counts shown by every lecture list's browse bar. */
export interface LectureBrowse {
  series: { key: LectureSeries; label: string; count: number }[]
  years: { year: number; count: number }[]
}

/** A list page of lectures, each with its speaker (if published). */
export interface LecturePage extends ListPage<LectureEntry> {
  speakers: (SpeakerEntry | null)[]
}

export interface ViewProps {
  home: { latestNews: NewsEntry[]; lecture: LectureEntry | null; lectureSpeaker: SpeakerEntry | null; exhibition: ContentIndex['exhibitions'][number] | null; bookCount: number }
  newsList: { page: ListPage<NewsEntry> }
  newsCategory: { page: ListPage<NewsEntry>; category: NewsCategory }
  newsTag: { page: ListPage<NewsEntry>; tag: string }
  newsArticle: { item: NewsEntry; related: NewsEntry[] }
  exhibitions: { exhibitions: { exhibition: ContentIndex['exhibitions'][number]; exhibitCount: number }[] }
  exhibition: { walk: ExhibitionWalk }
  exhibit: { exhibit: ExhibitEntry; exhibition: ContentIndex['exhibitions'][number]; sectionTitle: string; previous: Neighbour; next: Neighbour }
  lectureList: { page: LecturePage; browse: LectureBrowse; order: 'newest' | 'oldest' }
  lectureSeries: { page: LecturePage; browse: LectureBrowse; series: LectureSeries }
  lectureYear: { page: LecturePage; browse: LectureBrowse; year: number }
  lecture: { lecture: LectureEntry; speaker: SpeakerEntry | null }
  speakers: { speakers: { speaker: SpeakerEntry; lectureCount: number }[] }
  speaker: { speaker: SpeakerEntry; lectures: LectureEntry[] }
  library: { bookCount: number; classes: { letter: ClcClass; name: string; count: number }[]; locations: { key: BookLocation; label: string; count: number }[] }
  libraryClass: { page: ListPage<BookEntry>; letter: ClcClass }
  libraryLocation: { page: ListPage<BookEntry>; location: BookLocation }
  book: { book: BookEntry }
}
export type ViewName = keyof ViewProps

export interface PageFamily<V extends ViewName = ViewName> {
  view: V
  /** What the family's props are computed from: a change elsewhere cannot change its pages. */
  dependsOn: readonly ContentDependency[]
  routes: (content: ContentIndex) => PageRoute<V>[]
}

/** Every page of `items` split into fixed-size pages, at `base`, `base/page/2/`, …; props from `extra`. */
function pagedRoutes<V extends ViewName, T>(
  view: V,
  items: readonly T[],
  size: number,
  base: string,
  props: (page: ListPage<T>) => ViewProps[V],
): PageRoute<V>[] {
  const count = pageCount(items.length, size)
  return Array.from({ length: count }, (_, index) => {
    const page: ListPage<T> = { items: items.slice(index * size, (index + 1) * size), number: index + 1, count, total: items.length, base }
    return { view, path: urls.pagedUrl(base, index + 1), props: props(page) }
  })
}

/** A lecture's speaker, when it has one and the speaker is published. */
const speakerOf = (content: ContentIndex, lecture: LectureEntry | null): SpeakerEntry | null =>
  (lecture?.speakerId && content.speakersById.get(lecture.speakerId)) || null

function lecturePage(content: ContentIndex, page: ListPage<LectureEntry>): LecturePage {
  return { ...page, speakers: page.items.map((lecture) => speakerOf(content, lecture)) }
}

function lectureBrowse(content: ContentIndex): LectureBrowse {
  return {
    series: (Object.entries(lectureSeries) as [LectureSeries, string][]).map(([key, label]) => ({ key, label, count: content.lecturesBySeries.get(key)?.length ?? 0 })),
    years: [...content.lecturesByYear.entries()].sort(([a], [b]) => b - a).map(([year, items]) => ({ year, count: items.length })),
  }
}

const family = <V extends ViewName>(view: V, dependsOn: readonly ContentDependency[], routes: (content: ContentIndex) => PageRoute<V>[]): PageFamily<V> => ({
  view,
  dependsOn,
  routes,
})

export const pageFamilies: PageFamily[] = [
  family('home', ['news', 'lectures', 'speakers', 'exhibitions', 'books'], (content) => {
    const lecture = content.lectures[0] ?? null
    return [
      {
        view: 'home',
        path: urls.homeUrl,
        props: {
          latestNews: content.news.slice(0, 6),
          lecture,
          lectureSpeaker: speakerOf(content, lecture),
          exhibition: content.exhibitions[0] ?? null,
          bookCount: content.books.length,
        },
      },
    ]
  }),
  family('newsList', ['news'], (content) => pagedRoutes('newsList', content.news, newsPageSize, urls.newsListUrl, (page) => ({ page }))),
  family('newsCategory', ['news'], (content) =>
    (Object.keys(newsCategories) as NewsCategory[]).flatMap((category) =>
      pagedRoutes('newsCategory', content.newsByCategory.get(category) ?? [], newsPageSize, urls.newsCategoryUrl(category), (page) => ({ page, category })),
    ),
  ),
  family('newsTag', ['news'], (content) =>
    [...content.newsByTag.entries()]
      .filter(([tag]) => urls.isLinkableTag(tag))
      .flatMap(([tag, items]) => pagedRoutes('newsTag', items, newsPageSize, urls.newsTagUrl(tag), (page) => ({ page, tag }))),
  ),
  family('newsArticle', ['news'], (content) =>
    content.news.map((item) => ({ view: 'newsArticle', path: urls.newsUrl(item.slug), props: { item, related: relatedNews(content, item) } })),
  ),
  family('exhibitions', ['exhibitions', 'exhibits'], (content) => [
    {
      view: 'exhibitions',
      path: urls.exhibitionsUrl,
      props: {
        exhibitions: content.exhibitions.map((exhibition) => ({ exhibition, exhibitCount: content.exhibitionWalks.get(exhibition.id)?.exhibits.length ?? 0 })),
      },
    },
  ]),
  family('exhibition', ['exhibitions', 'exhibits'], (content) =>
    content.exhibitions.map((exhibition) => ({ view: 'exhibition', path: urls.exhibitionUrl(exhibition.slug), props: { walk: content.exhibitionWalks.get(exhibition.id)! } })),
  ),
  family('exhibit', ['exhibitions', 'exhibits'], (content) =>
    [...content.exhibitionWalks.values()].flatMap(({ exhibition, exhibits }) => {
      const sectionTitles = new Map(exhibition.sections.map((section) => [section.id, section.title]))
      return exhibits.map((exhibit, index) => ({
        view: 'exhibit' as const,
        path: urls.exhibitUrl(exhibition.slug, exhibit.slug),
        props: {
          exhibit,
          exhibition,
          sectionTitle: sectionTitles.get(exhibit.sectionId) ?? '',
          previous: exhibits[index - 1] ?? null,
          next: exhibits[index + 1] ?? null,
        },
      }))
    }),
  ),
  family('lectureList', ['lectures', 'speakers'], (content) => {
    const browse = lectureBrowse(content)
    return [
      ...pagedRoutes('lectureList', content.lectures, lecturePageSize, urls.lecturesUrl, (page) => ({ page: lecturePage(content, page), browse, order: 'newest' as const })),
      ...pagedRoutes('lectureList', [...content.lectures].reverse(), lecturePageSize, urls.lecturesOldestUrl, (page) => ({
        page: lecturePage(content, page),
        browse,
        order: 'oldest' as const,
      })),
    ]
  }),
  family('lectureSeries', ['lectures', 'speakers'], (content) => {
    const browse = lectureBrowse(content)
    return (Object.keys(lectureSeries) as LectureSeries[]).flatMap((series) =>
      pagedRoutes('lectureSeries', content.lecturesBySeries.get(series) ?? [], lecturePageSize, urls.lectureSeriesUrl(series), (page) => ({
        page: lecturePage(content, page),
        browse,
        series,
      })),
    )
  }),
  family('lectureYear', ['lectures', 'speakers'], (content) => {
    const browse = lectureBrowse(content)
    return [...content.lecturesByYear.entries()].flatMap(([year, lectures]) =>
      pagedRoutes('lectureYear', lectures, lecturePageSize, urls.lectureYearUrl(year), (page) => ({ page: lecturePage(content, page), browse, year })),
    )
  }),
  family('lecture', ['lectures', 'speakers'], (content) =>
    content.lectures.map((lecture) => ({
      view: 'lecture',
      path: urls.lectureUrl(lecture.slug),
      props: { lecture, speaker: speakerOf(content, lecture) },
    })),
  ),
  family('speakers', ['speakers', 'lectures'], (content) => [
    {
      view: 'speakers',
      path: urls.speakersUrl,
      props: { speakers: content.speakers.map((speaker) => ({ speaker, lectureCount: content.lecturesBySpeaker.get(speaker.id)?.length ?? 0 })) },
    },
  ]),
  family('speaker', ['speakers', 'lectures'], (content) =>
    content.speakers.map((speaker) => ({
      view: 'speaker',
      path: urls.speakerUrl(speaker.slug),
      props: { speaker, lectures: content.lecturesBySpeaker.get(speaker.id) ?? [] },
    })),
  ),
  family('library', ['books'], (content) => [
    {
      view: 'library',
      path: urls.libraryUrl,
      props: {
        bookCount: content.books.length,
        classes: (Object.entries(clcClasses) as [ClcClass, string][]).map(([letter, name]) => ({ letter, name, count: content.booksByClass.get(letter)?.length ?? 0 })),
        locations: (Object.entries(bookLocations) as [BookLocation, string][]).map(([key, label]) => ({ key, label, count: content.booksByLocation.get(key)?.length ?? 0 })),
      },
    },
  ]),
  family('libraryClass', ['books'], (content) =>
    [...content.booksByClass.entries()].flatMap(([letter, books]) =>
      pagedRoutes('libraryClass', books, bookPageSize, urls.libraryClassUrl(letter), (page) => ({ page, letter })),
    ),
  ),
  family('libraryLocation', ['books'], (content) =>
    (Object.keys(bookLocations) as BookLocation[]).flatMap((location) =>
      pagedRoutes('libraryLocation', content.booksByLocation.get(location) ?? [], bookPageSize, urls.libraryLocationUrl(location), (page) => ({ page, location })),
    ),
  ),
  family('book', ['books'], (content) => content.books.map((book) => ({ view: 'book', path: urls.bookUrl(book.slug), props: { book } }))),
] as PageFamily[]

/** Every content page of the site. */
export function allPageRoutes(content: ContentIndex): PageRoute[] {
  return pageFamilies.flatMap((pageFamily) => pageFamily.routes(content))
}

/** The `[...path]` parameter of a page path: `/news/x/` → `news/x`, `/` → undefined. */
export function pathParam(path: string): string | undefined {
  const trimmed = decodeURIComponent(path).replace(/^\/|\/$/g, '')
  return trimmed === '' ? undefined : trimmed
}
