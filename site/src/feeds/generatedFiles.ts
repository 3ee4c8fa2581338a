/**
 * The site's generated files other than pages (feeds, sitemap), as functions of the content
 * index. The static endpoints and the publisher both call these (plain TypeScript), so a
 * regenerated feed equals the built one.
 */
import { bookLocations, lectureSeries, newsCategories } from '../../../shared/vocabulary'
import type { ContentIndex } from '../cms/buildContentIndex'
import { contentDependencies, newsPeriods, type ContentDependency } from '../routes/pageRoutes'
import type { NewsEntry } from '../../../shared/siteContent'
import { newsListPages } from '../lib/newsArchive'
import { bookPageSize, lecturePageSize, newsPageSize, pageCount } from '../lib/pagination'
import { absoluteUrl } from '../lib/seo'
import * as urls from '../lib/urls'
import { escapeXml, rssXml } from '../lib/xml'
import {
  lectureFileContentType,
  lectureFileRoutes,
  renderLectureFile,
  type LectureFileProps,
} from './lectureFiles'
import { podcastXml } from './podcastFeed'

/** Every page of the site (the same groupings the routes build), detail pages with their lastmod. */
export function sitemapXml(content: ContentIndex, site: URL | undefined): string {
  const entries: string[] = []
  const add = (path: string, lastmod?: string) =>
    entries.push(
      `<url><loc>${escapeXml(absoluteUrl(path, site))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`,
    )
  const addList = (base: string, total: number, size: number) => {
    for (let page = 1, count = pageCount(total, size); page <= count; page++)
      add(urls.pagedUrl(base, page))
  }

  add(urls.homeUrl)
  add(urls.aboutUrl)
  const addNewsList = (
    view: keyof typeof newsPeriods,
    base: string,
    items: readonly NewsEntry[],
  ) => {
    for (const { path } of newsListPages(items, newsPageSize, base, newsPeriods[view])) add(path)
  }
  addNewsList('newsList', urls.newsListUrl, content.news)
  for (const category of Object.keys(newsCategories) as (keyof typeof newsCategories)[]) {
    const items = content.newsByCategory.get(category) ?? []
    addNewsList('newsCategory', urls.newsCategoryUrl(category), items)
  }
  for (const [tag, items] of content.newsByTag)
    if (urls.isLinkableTag(tag)) addNewsList('newsTag', urls.newsTagUrl(tag), items)
  for (const item of content.news) add(urls.newsUrl(item.slug), item.updatedAt)

  add(urls.exhibitionsUrl)
  for (const { exhibition, exhibits } of content.exhibitionWalks.values()) {
    add(urls.exhibitionUrl(exhibition.slug), exhibition.updatedAt)
    for (const exhibit of exhibits)
      add(urls.exhibitUrl(exhibition.slug, exhibit.slug), exhibit.updatedAt)
  }

  addList(urls.lecturesUrl, content.lectures.length, lecturePageSize)
  addList(urls.lecturesOldestUrl, content.lectures.length, lecturePageSize)
  for (const series of Object.keys(lectureSeries) as (keyof typeof lectureSeries)[]) {
    addList(
      urls.lectureSeriesUrl(series),
      content.lecturesBySeries.get(series)?.length ?? 0,
      lecturePageSize,
    )
  }
  for (const [year, items] of content.lecturesByYear)
    addList(urls.lectureYearUrl(year), items.length, lecturePageSize)
  for (const lecture of content.lectures) add(urls.lectureUrl(lecture.slug), lecture.updatedAt)
  add(urls.speakersUrl)
  for (const speaker of content.speakers) add(urls.speakerUrl(speaker.slug), speaker.updatedAt)

  add(urls.libraryUrl)
  for (const [letter, books] of content.booksByClass)
    addList(urls.libraryClassUrl(letter), books.length, bookPageSize)
  for (const location of Object.keys(bookLocations) as (keyof typeof bookLocations)[]) {
    addList(
      urls.libraryLocationUrl(location),
      content.booksByLocation.get(location)?.length ?? 0,
      bookPageSize,
    )
  }
  for (const book of content.books) add(urls.bookUrl(book.slug), book.updatedAt)

  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`
}

/** The latest 50 news as RSS 2.0. */
export function newsRssXml(content: ContentIndex, site: URL | undefined): string {
  return rssXml({
    title: `${content.site.siteName} · 活动新闻`,
    description: content.site.slogan,
    link: absoluteUrl(urls.newsListUrl, site),
    self: absoluteUrl(urls.newsFeedUrl, site),
    items: content.news.slice(0, 50).map((item) => ({
      title: item.title,
      url: absoluteUrl(urls.newsUrl(item.slug), site),
      description: item.summary,
      date: item.publishedAt,
      category: newsCategories[item.category],
    })),
  })
}

/** The latest 50 lectures as RSS 2.0. */
export function lecturesRssXml(content: ContentIndex, site: URL | undefined): string {
  return rssXml({
    title: `${content.site.siteName} · 红领讲堂`,
    description: '红领讲堂的党课、思政课、党史专题和政策宣讲。',
    link: absoluteUrl(urls.lecturesUrl, site),
    self: absoluteUrl(urls.lecturesFeedUrl, site),
    items: content.lectures.slice(0, 50).map((lecture) => ({
      title: lecture.title,
      url: absoluteUrl(urls.lectureUrl(lecture.slug), site),
      description: lecture.summary,
      date: lecture.date,
      category: lectureSeries[lecture.series],
    })),
  })
}

export interface GeneratedFile {
  path: string
  contentType: string
  dependsOn: readonly ContentDependency[]
  render: (content: ContentIndex, site: URL | undefined) => string
}

/** The files the publisher regenerates when what they depend on changes. */
export const generatedFiles: GeneratedFile[] = [
  {
    path: '/sitemap.xml',
    contentType: 'application/xml; charset=utf-8',
    dependsOn: contentDependencies,
    render: sitemapXml,
  },
  {
    path: urls.newsFeedUrl,
    contentType: 'application/rss+xml; charset=utf-8',
    dependsOn: ['news'],
    render: newsRssXml,
  },
  {
    path: urls.lecturesFeedUrl,
    contentType: 'application/rss+xml; charset=utf-8',
    dependsOn: ['lectures'],
    render: lecturesRssXml,
  },
  // The podcasts name each episode's speaker.
  {
    path: urls.lecturesPodcastUrl,
    contentType: 'application/rss+xml; charset=utf-8',
    dependsOn: ['lectures', 'speakers'],
    render: (content, site) => podcastXml(content, site),
  },
  ...(Object.keys(lectureSeries) as (keyof typeof lectureSeries)[]).map(
    (series): GeneratedFile => ({
      path: urls.lectureSeriesPodcastUrl(series),
      contentType: 'application/rss+xml; charset=utf-8',
      dependsOn: ['lectures', 'speakers'],
      render: (content, site) => podcastXml(content, site, series),
    }),
  ),
]

/** One file of a file family: its path and what it is made from. */
export interface FileRoute<P = unknown> {
  path: string
  props: P
}

/**
 * Files made per document (a lecture's chapters, captions, transcript), like page families: the
 * publisher rewrites a file when its props changed and removes the files that vanished; the
 * static build writes them through an endpoint (pages/lectures/[slug]/[file].ts).
 */
export interface FileFamily<P = unknown> {
  name: string
  dependsOn: readonly ContentDependency[]
  routes: (content: ContentIndex) => FileRoute<P>[]
  contentType: (props: P) => string
  render: (props: P, site: URL | undefined) => string
}

export const lectureFilesFamily: FileFamily<LectureFileProps> = {
  name: 'lectureFiles',
  dependsOn: ['lectures'],
  routes: lectureFileRoutes,
  contentType: ({ name }) => lectureFileContentType(name),
  render: (props) => renderLectureFile(props),
}

export const fileFamilies: FileFamily[] = [lectureFilesFamily as FileFamily]

export function generatedFile(path: string): GeneratedFile {
  const file = generatedFiles.find((candidate) => candidate.path === path)
  if (!file) throw new Error(`no generated file at ${path}`)
  return file
}
