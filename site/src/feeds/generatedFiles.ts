/**
 * The site's generated files other than pages (feeds, the sitemap index), as functions of the content
 * index. The static endpoints and the publisher both call these (plain TypeScript), so a
 * regenerated feed equals the built one.
 */
import { lectureSeries, newsCategories } from '../../../shared/vocabulary'
import type { ContentIndex } from '../cms/buildContentIndex'
import { contentDependencies, type ContentDependency } from '../routes/pageRoutes'
import { absoluteUrl } from '../lib/seo'
import * as urls from '../lib/urls'
import { rssXml } from '../lib/xml'
import {
  lectureFileContentType,
  lectureFileRoutes,
  renderLectureFile,
  type LectureFileProps,
} from './lectureFiles'
import { podcastXml } from './podcastFeed'
import { sitemapFamilies, sitemapIndexXml } from './sitemaps'

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
    path: urls.sitemapUrl,
    contentType: 'application/xml; charset=utf-8',
    dependsOn: contentDependencies,
    render: sitemapIndexXml,
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

export const fileFamilies: FileFamily[] = [
  lectureFilesFamily as FileFamily,
  ...(sitemapFamilies as FileFamily[]),
]

export function generatedFile(path: string): GeneratedFile {
  const file = generatedFiles.find((candidate) => candidate.path === path)
  if (!file) throw new Error(`no generated file at ${path}`)
  return file
}
