/**
 * The sitemap in sections (site/src/feeds/sitemaps.ts): every page once, in a section the index
 * names; no section empty; a news edit rewrites its year's section and nothing of the library.
 */
import { describe, expect, it } from 'vitest'
import { SiteState } from '../../publisher/siteState'
import { buildContentIndex } from '../../site/src/cms/buildContentIndex'
import { sitemapFamilies, sitemapIndexXml } from '../../site/src/feeds/sitemaps'
import { allPageRoutes } from '../../site/src/routes/pageRoutes'
import { readSitemap, sitemapPaths } from '../helpers/sitemap'
import { newsEntry, tinySiteContent } from './fixtures/tinySite'

const site = new URL('https://hongse.example')

function sitemapFiles(content = tinySiteContent()) {
  const index = buildContentIndex(content)
  const files = new Map<string, string>([['/sitemap.xml', sitemapIndexXml(index, site)]])
  for (const family of sitemapFamilies)
    for (const route of family.routes(index))
      files.set(route.path, family.render(route.props, site))
  return { index, files }
}

describe('sitemap sections', () => {
  it('list every page exactly once, in sections the index names, none empty', async () => {
    const { index, files } = sitemapFiles()
    const listed = sitemapPaths(await readSitemap((sitePath) => files.get(sitePath)))
    const pages = [
      ...allPageRoutes(index).map((route) => decodeURIComponent(route.path)),
      '/about/',
    ]
    expect([...listed].sort()).toEqual([...pages].sort())
    // Every section file is in the index (readSitemap read each one it names).
    const named = [...files.get('/sitemap.xml')!.matchAll(/<loc>([^<]+)<\/loc>/g)].map(
      (match) => new URL(match[1]).pathname,
    )
    expect([...named].sort()).toEqual([...files.keys()].filter((p) => p !== '/sitemap.xml').sort())
    expect(named).toContain('/sitemaps/news.xml')
    expect(named.some((p) => /^\/sitemaps\/news-\d{4}\.xml$/.test(p))).toBe(true)
    expect(named.some((p) => /^\/sitemaps\/books-[A-Z]\.xml$/.test(p))).toBe(true)
  })

  it('give detail pages their last change', () => {
    const content = tinySiteContent()
    const { files } = sitemapFiles(content)
    const item = content.news[0]
    const year = new Date(Date.parse(item.publishedAt) + 8 * 3600_000).getUTCFullYear()
    expect(files.get(`/sitemaps/news-${year}.xml`)).toContain(
      `<loc>https://hongse.example/news/${item.slug}/</loc><lastmod>${item.updatedAt}</lastmod>`,
    )
  })

  it('a news edit rewrites its own section only', () => {
    const content = tinySiteContent()
    const state = SiteState.from(content)
    const item = content.news[1]
    const entry = newsEntry(item.id, {
      ...item,
      title: '新标题',
      updatedAt: '2026-12-01T00:00:00.000Z',
    })
    const plan = state.plan([{ collection: 'news', id: item.id, entry }])
    const year = new Date(Date.parse(item.publishedAt) + 8 * 3600_000).getUTCFullYear()
    expect(
      plan.familyFiles
        .filter(({ route }) => route.path.startsWith('/sitemaps/'))
        .map(({ route }) => route.path),
    ).toEqual([`/sitemaps/news-${year}.xml`])
  })
})
