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
import {
  publicCollections,
  type BookEntry,
  type ExhibitEntry,
  type LectureEntry,
  type NewsEntry,
  type PublicCollection,
  type SpeakerEntry,
} from '../../../shared/siteContent'
import {
  bookLocations,
  lectureSeries,
  newsCategories,
  type BookLocation,
  type LectureSeries,
  type NewsCategory,
} from '../../../shared/vocabulary'
import { relatedNews, type ContentIndex, type ExhibitionWalk } from '../cms/buildContentIndex'
import {
  bookPageSize,
  lecturePageSize,
  newsPageSize,
  pageCount,
  type ListPage,
} from '../lib/pagination'
import { newsListPages, type NewsListPage, type PeriodLength } from '../lib/newsArchive'
import * as urls from '../lib/urls'

/** The collections of the export a family can read (the site settings are read by every page). */
export const contentDependencies = publicCollections
export type ContentDependency = PublicCollection

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

/** A page of a lecture list, each lecture with its speaker (if published). */
export interface LectureListPageData extends ListPage<LectureEntry> {
  speakers: (SpeakerEntry | null)[]
}

export interface ViewProps {
  home: {
    latestNews: NewsEntry[]
    lecture: LectureEntry | null
    lectureSpeaker: SpeakerEntry | null
    exhibition: ContentIndex['exhibitions'][number] | null
    bookCount: number
  }
  newsList: { page: NewsListPage }
  newsCategory: { page: NewsListPage; category: NewsCategory }
  newsTag: { page: NewsListPage; tag: string }
  newsArticle: { item: NewsEntry; related: NewsEntry[] }
  exhibitions: {
    exhibitions: { exhibition: ContentIndex['exhibitions'][number]; exhibitCount: number }[]
  }
  exhibition: { walk: ExhibitionWalk }
  exhibit: {
    exhibit: ExhibitEntry
    exhibition: ContentIndex['exhibitions'][number]
    sectionTitle: string
    previous: Neighbour
    next: Neighbour
  }
  lectureList: { page: LectureListPageData; browse: LectureBrowse; order: 'newest' | 'oldest' }
  lectureSeries: { page: LectureListPageData; browse: LectureBrowse; series: LectureSeries }
  lectureYear: { page: LectureListPageData; browse: LectureBrowse; year: number }
  lecture: { lecture: LectureEntry; speaker: SpeakerEntry | null }
  speakers: { speakers: { speaker: SpeakerEntry; lectureCount: number }[] }
  speaker: { speaker: SpeakerEntry; lectures: LectureEntry[] }
  library: {
    bookCount: number
    classes: { letter: ClcClass; name: string; count: number }[]
    locations: { key: BookLocation; label: string; count: number }[]
  }
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
  /**
   * For a family of one page per document: that document's page alone (null when it has none),
   * equal to its route in `routes`. The draft preview renders one page without the whole family.
   */
  routeFor?: (content: ContentIndex, id: string) => PageRoute<V> | null
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
    const page: ListPage<T> = {
      items: items.slice(index * size, (index + 1) * size),
      number: index + 1,
      count,
      total: items.length,
      base,
    }
    return { view, path: urls.pagedUrl(base, index + 1), props: props(page) }
  })
}

/** How each news list is divided (lib/newsArchive.ts): tags are thin, so by year. */
export const newsPeriods: Record<'newsList' | 'newsCategory' | 'newsTag', PeriodLength> = {
  newsList: 'month',
  newsCategory: 'month',
  newsTag: 'year',
}

const newsRoutesOfList = new WeakMap<readonly NewsEntry[], Map<string, PageRoute[]>>()

/**
 * A news list's front page and period pages (lib/newsArchive.ts); props from `props`. Computed
 * once per list array: the content index keeps the array of a list an update did not change, so
 * the publisher recomputes only the lists a change is in.
 */
function newsRoutes<V extends 'newsList' | 'newsCategory' | 'newsTag'>(
  view: V,
  items: readonly NewsEntry[],
  base: string,
  props: (page: NewsListPage) => ViewProps[V],
): PageRoute<V>[] {
  let byBase = newsRoutesOfList.get(items)
  if (!byBase) newsRoutesOfList.set(items, (byBase = new Map()))
  const key = `${view} ${base}`
  let routes = byBase.get(key) as PageRoute<V>[] | undefined
  if (!routes) {
    routes = newsListPages(items, newsPageSize, base, newsPeriods[view]).map(({ path, page }) => ({
      view,
      path,
      props: props(page),
    }))
    byBase.set(key, routes)
  }
  return routes
}

const lastArticleRoute = new WeakMap<NewsEntry, PageRoute<'newsArticle'>>()

/**
 * An article's page. The route object of the last computation is returned again when the related
 * news are the same, so the publisher (which fingerprints route objects once) re-examines only the
 * articles whose related news changed.
 */
function articleRoute(content: ContentIndex, item: NewsEntry): PageRoute<'newsArticle'> {
  const related = relatedNews(content, item)
  const last = lastArticleRoute.get(item)
  if (
    last &&
    last.props.related.length === related.length &&
    related.every((entry, i) => entry === last.props.related[i])
  )
    return last
  const route: PageRoute<'newsArticle'> = {
    view: 'newsArticle',
    path: urls.newsUrl(item.slug),
    props: { item, related },
  }
  lastArticleRoute.set(item, route)
  return route
}

/** A lecture's speaker, when it has one and the speaker is published. */
const speakerOf = (content: ContentIndex, lecture: LectureEntry | null): SpeakerEntry | null =>
  (lecture?.speakerId && content.speakersById.get(lecture.speakerId)) || null

function lecturePage(content: ContentIndex, page: ListPage<LectureEntry>): LectureListPageData {
  return { ...page, speakers: page.items.map((lecture) => speakerOf(content, lecture)) }
}

function lectureBrowse(content: ContentIndex): LectureBrowse {
  return {
    series: (Object.entries(lectureSeries) as [LectureSeries, string][]).map(([key, label]) => ({
      key,
      label,
      count: content.lecturesBySeries.get(key)?.length ?? 0,
    })),
    years: [...content.lecturesByYear.entries()]
      .sort(([a], [b]) => b - a)
      .map(([year, items]) => ({ year, count: items.length })),
  }
}

const family = <V extends ViewName>(
  view: V,
  dependsOn: readonly ContentDependency[],
  routes: (content: ContentIndex) => PageRoute<V>[],
): PageFamily<V> => ({
  view,
  dependsOn,
  routes,
})

/** A family of one page per document of `documents`, each computed by `route`. */
const documentFamily = <V extends ViewName, T extends { id: string }>(
  view: V,
  dependsOn: readonly ContentDependency[],
  documents: (content: ContentIndex) => readonly T[],
  route: (content: ContentIndex, document: T) => PageRoute<V>,
): PageFamily<V> => ({
  view,
  dependsOn,
  routes: (content) => documents(content).map((document) => route(content, document)),
  routeFor: (content, id) => {
    const document = documents(content).find((candidate) => candidate.id === id)
    return document ? route(content, document) : null
  },
})

/** An exhibit's page: its place in its exhibition's walk gives its section and neighbours. */
function exhibitRoute(
  { exhibition, exhibits }: ExhibitionWalk,
  index: number,
  sectionTitles: Map<string, string>,
): PageRoute<'exhibit'> {
  const exhibit = exhibits[index]
  return {
    view: 'exhibit',
    path: urls.exhibitUrl(exhibition.slug, exhibit.slug),
    props: {
      exhibit,
      exhibition,
      sectionTitle: sectionTitles.get(exhibit.sectionId) ?? '',
      previous: exhibits[index - 1] ?? null,
      next: exhibits[index + 1] ?? null,
    },
  }
}

const sectionTitlesOf = ({ exhibition }: ExhibitionWalk) =>
  new Map(exhibition.sections.map((section) => [section.id, section.title]))

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
  family('newsList', ['news'], (content) =>
    newsRoutes('newsList', content.news, urls.newsListUrl, (page) => ({ page })),
  ),
  family('newsCategory', ['news'], (content) =>
    (Object.keys(newsCategories) as NewsCategory[]).flatMap((category) =>
      newsRoutes(
        'newsCategory',
        content.newsByCategory.get(category) ?? [],
        urls.newsCategoryUrl(category),
        (page) => ({ page, category }),
      ),
    ),
  ),
  family('newsTag', ['news'], (content) =>
    [...content.newsByTag.entries()]
      .filter(([tag]) => urls.isLinkableTag(tag))
      .flatMap(([tag, items]) =>
        newsRoutes('newsTag', items, urls.newsTagUrl(tag), (page) => ({ page, tag })),
      ),
  ),
  documentFamily('newsArticle', ['news'], (content) => content.news, articleRoute),
  family('exhibitions', ['exhibitions', 'exhibits'], (content) => [
    {
      view: 'exhibitions',
      path: urls.exhibitionsUrl,
      props: {
        exhibitions: content.exhibitions.map((exhibition) => ({
          exhibition,
          exhibitCount: content.exhibitionWalks.get(exhibition.id)?.exhibits.length ?? 0,
        })),
      },
    },
  ]),
  documentFamily(
    'exhibition',
    ['exhibitions', 'exhibits'],
    (content) => content.exhibitions,
    (content, exhibition) => ({
      view: 'exhibition',
      path: urls.exhibitionUrl(exhibition.slug),
      props: { walk: content.exhibitionWalks.get(exhibition.id)! },
    }),
  ),
  {
    // Not a documentFamily: an exhibit's page needs its place in the walk, found once per walk.
    view: 'exhibit',
    dependsOn: ['exhibitions', 'exhibits'],
    routes: (content) =>
      [...content.exhibitionWalks.values()].flatMap((walk) => {
        const sectionTitles = sectionTitlesOf(walk)
        return walk.exhibits.map((_, index) => exhibitRoute(walk, index, sectionTitles))
      }),
    routeFor: (content, id) => {
      for (const walk of content.exhibitionWalks.values()) {
        const index = walk.exhibits.findIndex((exhibit) => exhibit.id === id)
        if (index >= 0) return exhibitRoute(walk, index, sectionTitlesOf(walk))
      }
      return null
    },
  } satisfies PageFamily<'exhibit'>,
  family('lectureList', ['lectures', 'speakers'], (content) => {
    const browse = lectureBrowse(content)
    return [
      ...pagedRoutes(
        'lectureList',
        content.lectures,
        lecturePageSize,
        urls.lecturesUrl,
        (page) => ({ page: lecturePage(content, page), browse, order: 'newest' as const }),
      ),
      ...pagedRoutes(
        'lectureList',
        [...content.lectures].reverse(),
        lecturePageSize,
        urls.lecturesOldestUrl,
        (page) => ({
          page: lecturePage(content, page),
          browse,
          order: 'oldest' as const,
        }),
      ),
    ]
  }),
  family('lectureSeries', ['lectures', 'speakers'], (content) => {
    const browse = lectureBrowse(content)
    return (Object.keys(lectureSeries) as LectureSeries[]).flatMap((series) =>
      pagedRoutes(
        'lectureSeries',
        content.lecturesBySeries.get(series) ?? [],
        lecturePageSize,
        urls.lectureSeriesUrl(series),
        (page) => ({
          page: lecturePage(content, page),
          browse,
          series,
        }),
      ),
    )
  }),
  family('lectureYear', ['lectures', 'speakers'], (content) => {
    const browse = lectureBrowse(content)
    return [...content.lecturesByYear.entries()].flatMap(([year, lectures]) =>
      pagedRoutes('lectureYear', lectures, lecturePageSize, urls.lectureYearUrl(year), (page) => ({
        page: lecturePage(content, page),
        browse,
        year,
      })),
    )
  }),
  documentFamily(
    'lecture',
    ['lectures', 'speakers'],
    (content) => content.lectures,
    (content, lecture) => ({
      view: 'lecture',
      path: urls.lectureUrl(lecture.slug),
      props: { lecture, speaker: speakerOf(content, lecture) },
    }),
  ),
  family('speakers', ['speakers', 'lectures'], (content) => [
    {
      view: 'speakers',
      path: urls.speakersUrl,
      props: {
        speakers: content.speakers.map((speaker) => ({
          speaker,
          lectureCount: content.lecturesBySpeaker.get(speaker.id)?.length ?? 0,
        })),
      },
    },
  ]),
  documentFamily(
    'speaker',
    ['speakers', 'lectures'],
    (content) => content.speakers,
    (content, speaker) => ({
      view: 'speaker',
      path: urls.speakerUrl(speaker.slug),
      props: { speaker, lectures: content.lecturesBySpeaker.get(speaker.id) ?? [] },
    }),
  ),
  family('library', ['books'], (content) => [
    {
      view: 'library',
      path: urls.libraryUrl,
      props: {
        bookCount: content.books.length,
        classes: (Object.entries(clcClasses) as [ClcClass, string][]).map(([letter, name]) => ({
          letter,
          name,
          count: content.booksByClass.get(letter)?.length ?? 0,
        })),
        locations: (Object.entries(bookLocations) as [BookLocation, string][]).map(
          ([key, label]) => ({ key, label, count: content.booksByLocation.get(key)?.length ?? 0 }),
        ),
      },
    },
  ]),
  family('libraryClass', ['books'], (content) =>
    [...content.booksByClass.entries()].flatMap(([letter, books]) =>
      pagedRoutes('libraryClass', books, bookPageSize, urls.libraryClassUrl(letter), (page) => ({
        page,
        letter,
      })),
    ),
  ),
  family('libraryLocation', ['books'], (content) =>
    (Object.keys(bookLocations) as BookLocation[]).flatMap((location) =>
      pagedRoutes(
        'libraryLocation',
        content.booksByLocation.get(location) ?? [],
        bookPageSize,
        urls.libraryLocationUrl(location),
        (page) => ({ page, location }),
      ),
    ),
  ),
  documentFamily(
    'book',
    ['books'],
    (content) => content.books,
    (_, book) => ({ view: 'book', path: urls.bookUrl(book.slug), props: { book } }),
  ),
] as PageFamily[]

/** The page of one document of `view`'s family (see `PageFamily.routeFor`), or null. */
export function routeFor(content: ContentIndex, view: ViewName, id: string): PageRoute | null {
  return (
    pageFamilies.find((pageFamily) => pageFamily.view === view)?.routeFor?.(content, id) ?? null
  )
}

const computedRoutes = new WeakMap<ContentIndex, Map<PageFamily, PageRoute[]>>()

/**
 * A family's routes for `content`, computed once per content index: the publisher's plan, the
 * sitemap and the build all ask for the same routes. Callers must not change them.
 */
export function routesOf<V extends ViewName>(
  pageFamily: PageFamily<V>,
  content: ContentIndex,
): PageRoute<V>[] {
  let byFamily = computedRoutes.get(content)
  if (!byFamily) computedRoutes.set(content, (byFamily = new Map()))
  let routes = byFamily.get(pageFamily as PageFamily)
  if (!routes) byFamily.set(pageFamily as PageFamily, (routes = pageFamily.routes(content)))
  return routes as PageRoute<V>[]
}

/** Every content page of the site. */
export function allPageRoutes(content: ContentIndex): PageRoute[] {
  return pageFamilies.flatMap((pageFamily) => routesOf(pageFamily, content))
}

/** The `[...path]` parameter of a page path: `/news/x/` → `news/x`, `/` → undefined. */
export function pathParam(path: string): string | undefined {
  const trimmed = decodeURIComponent(path).replace(/^\/|\/$/g, '')
  return trimmed === '' ? undefined : trimmed
}
