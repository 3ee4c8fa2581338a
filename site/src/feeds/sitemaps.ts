/**
 * The sitemap in sections: `/sitemap.xml` is an index of `/sitemaps/<section>.xml` files (a file
 * may hold 50,000 URLs and the reference corpus has ~47,000 pages). Sections follow what changes
 * together, so an update rewrites its own section and not a file of every page:
 * - news: `news` (the lists' front pages) and `news-<year>` (that year's articles and the month
 *   and year pages of the lists);
 * - the library: `library` (its list pages) and `books-<CLC class>` (book pages);
 * - `pages`: everything else (home, about, the exhibition, lectures, speakers).
 * Each group is a file family with its page families' dependencies, made from the same routes the
 * pages are (`routesOf`), so the publisher recomputes a group only when its content changed.
 */
import { clcClassOf } from '../../../shared/clc'
import { chinaYear } from '../../../shared/dates'
import type { BookEntry } from '../../../shared/siteContent'
import type { ContentIndex } from '../cms/buildContentIndex'
import {
  pageFamilies,
  routesOf,
  type ContentDependency,
  type PageRoute,
  type ViewName,
} from '../routes/pageRoutes'
import { absoluteUrl } from '../lib/seo'
import * as urls from '../lib/urls'
import { escapeXml } from '../lib/xml'
import type { FileFamily } from './generatedFiles'

/** A section's pages as `path<TAB>lastmod` lines: one string, cheap to fingerprint. */
export interface SitemapSection {
  lines: string
}

/** Where a family's pages go in the sitemap, and their last change (detail pages). */
type ViewPlacement<V extends ViewName> = {
  section: (route: PageRoute<V>) => string
  lastmod?: (route: PageRoute<V>) => string
}

interface SitemapGroup {
  name: string
  dependsOn: readonly ContentDependency[]
  /** The group's sections for `content`, each with at least one page (the index lists them). */
  sections: (content: ContentIndex) => string[]
  /** Pages that are not content routes, in the group's first section. */
  fixedPaths?: string[]
  views: { [V in ViewName]?: ViewPlacement<V> }
}

const bookSection = (book: BookEntry) => `books-${clcClassOf(book.clcClass ?? book.clc) ?? 'other'}`

const newestYearsFirst = (content: ContentIndex) => {
  const years = new Set<number>()
  for (const item of content.news) years.add(chinaYear(item.publishedAt))
  return [...years].sort((a, b) => b - a)
}

export const sitemapGroups: SitemapGroup[] = [
  {
    name: 'news',
    dependsOn: ['news'],
    sections: (content) => ['news', ...newestYearsFirst(content).map((year) => `news-${year}`)],
    views: {
      newsList: { section: ({ props }) => newsListSection(props.page) },
      newsCategory: { section: ({ props }) => newsListSection(props.page) },
      newsTag: { section: ({ props }) => newsListSection(props.page) },
      newsArticle: {
        section: ({ props }) => `news-${chinaYear(props.item.publishedAt)}`,
        lastmod: ({ props }) => props.item.updatedAt,
      },
    },
  },
  {
    name: 'library',
    dependsOn: ['books'],
    sections: (content) => {
      const classified = [...content.booksByClass.values()].reduce((n, list) => n + list.length, 0)
      return [
        'library',
        ...[...content.booksByClass.keys()].sort().map((letter) => `books-${letter}`),
        ...(classified < content.books.length ? ['books-other'] : []),
      ]
    },
    views: {
      library: { section: () => 'library' },
      libraryClass: { section: () => 'library' },
      libraryLocation: { section: () => 'library' },
      book: {
        section: ({ props }) => bookSection(props.book),
        lastmod: ({ props }) => props.book.updatedAt,
      },
    },
  },
  {
    name: 'pages',
    dependsOn: ['exhibitions', 'exhibits', 'lectures', 'speakers'],
    sections: () => ['pages'],
    // Home is always there; its content (not its address) depends on every collection.
    fixedPaths: [urls.homeUrl, urls.aboutUrl],
    views: {
      exhibitions: { section: () => 'pages' },
      exhibition: {
        section: () => 'pages',
        lastmod: ({ props }) => props.walk.exhibition.updatedAt,
      },
      exhibit: { section: () => 'pages', lastmod: ({ props }) => props.exhibit.updatedAt },
      lectureList: { section: () => 'pages' },
      lectureSeries: { section: () => 'pages' },
      lectureYear: { section: () => 'pages' },
      lecture: { section: () => 'pages', lastmod: ({ props }) => props.lecture.updatedAt },
      speakers: { section: () => 'pages' },
      speaker: { section: () => 'pages', lastmod: ({ props }) => props.speaker.updatedAt },
    },
  },
]

function newsListSection(page: PageRoute<'newsList'>['props']['page']): string {
  return page.kind === 'front' ? 'news' : `news-${page.year}`
}

/** The sections of one group, each with its lines, in the order of `group.sections`. */
function groupSections(group: SitemapGroup, content: ContentIndex) {
  const sections = new Map(group.sections(content).map((section) => [section, [] as string[]]))
  const [first] = sections.values()
  for (const path of group.fixedPaths ?? []) first.push(`${path}\t`)
  for (const pageFamily of pageFamilies) {
    const placement = group.views[pageFamily.view] as ViewPlacement<ViewName> | undefined
    if (!placement) continue
    for (const route of routesOf(pageFamily, content)) {
      const lines = sections.get(placement.section(route))
      if (!lines) throw new Error(`站点地图没有 ${route.path} 所属的分区`)
      lines.push(`${route.path}\t${placement.lastmod?.(route) ?? ''}`)
    }
  }
  return sections
}

const sitemapFamily = (group: SitemapGroup): FileFamily<SitemapSection> => ({
  name: `sitemap-${group.name}`,
  dependsOn: group.dependsOn,
  routes: (content) =>
    [...groupSections(group, content)].map(([section, lines]) => ({
      path: urls.sitemapSectionUrl(section),
      props: { lines: lines.join('\n') },
    })),
  contentType: () => 'application/xml; charset=utf-8',
  render: ({ lines }, site) => sitemapSectionXml(lines, site),
})

export const sitemapFamilies = sitemapGroups.map(sitemapFamily)

export function sitemapSectionXml(lines: string, site: URL | undefined): string {
  const entries = lines.split('\n').map((line) => {
    const [path, lastmod] = line.split('\t')
    return `<url><loc>${escapeXml(absoluteUrl(path, site))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`
}

/** `/sitemap.xml`: the index of every section (cheap: no routes are computed for it). */
export function sitemapIndexXml(content: ContentIndex, site: URL | undefined): string {
  const entries = sitemapGroups
    .flatMap((group) => group.sections(content))
    .map(
      (section) =>
        `<sitemap><loc>${escapeXml(absoluteUrl(urls.sitemapSectionUrl(section), site))}</loc></sitemap>`,
    )
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`
}
