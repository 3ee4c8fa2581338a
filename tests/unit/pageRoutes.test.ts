/**
 * The route table (site/src/routes/pageRoutes.ts) on a tiny site: which pages exist, what each
 * page is given, and that one document's route equals its route in the full table. Pure: no
 * database, no build.
 */
import { describe, expect, it } from 'vitest'
import { buildContentIndex } from '../../site/src/cms/buildContentIndex'
import { newsPageSize } from '../../site/src/lib/pagination'
import {
  allPageRoutes,
  contentDependencies,
  pageFamilies,
  pathParam,
  routeFor,
  type PageRoute,
  type ViewProps,
} from '../../site/src/routes/pageRoutes'
import { newsEntry, tinySiteContent } from './fixtures/tinySite'

const routesOf = (content = tinySiteContent()) => allPageRoutes(buildContentIndex(content))
const routeAt = <V extends keyof ViewProps>(routes: PageRoute[], view: V, path: string) => {
  const route = routes.find((candidate) => candidate.path === path)
  expect(route?.view).toBe(view)
  return route as PageRoute<V>
}

describe('pageRoutes', () => {
  it('lists every page of the site once, each path with a trailing slash', () => {
    const routes = routesOf()
    expect(routes.map((route) => `${route.view} ${decodeURI(route.path)}`)).toEqual([
      'home /',
      'newsList /news/',
      'newsCategory /news/category/party-building/',
      'newsCategory /news/category/red-collar-lecture/',
      'newsCategory /news/category/volunteer/',
      'newsCategory /news/category/joint-meeting/',
      'newsCategory /news/category/business-services/',
      'newsCategory /news/category/party-history/',
      'newsCategory /news/category/governance/',
      'newsTag /news/tag/党史/',
      'newsTag /news/tag/志愿/',
      // `a/b` cannot be one path segment as it is: the slash goes, a hash keeps it unique (pathSegment).
      'newsTag /news/tag/ab~2auxrkucn66/',
      // Newest first; equal dates (3 and 4) by id.
      'newsArticle /news/news-2/',
      'newsArticle /news/news-3/',
      'newsArticle /news/news-4/',
      'newsArticle /news/news-1/',
      'exhibitions /exhibitions/',
      'exhibition /exhibitions/bai-nian/',
      // Walking order: section order, then `order`.
      'exhibit /exhibitions/bai-nian/exhibit-11/',
      'exhibit /exhibitions/bai-nian/exhibit-10/',
      'exhibit /exhibitions/bai-nian/exhibit-12/',
      'lectureList /lectures/',
      'lectureList /lectures/oldest/',
      'lectureSeries /lectures/series/red-collar/',
      'lectureSeries /lectures/series/party-history/',
      'lectureSeries /lectures/series/ideology/',
      'lectureSeries /lectures/series/policy/',
      'lectureYear /lectures/year/2026/',
      'lectureYear /lectures/year/2025/',
      'lecture /lectures/lecture-3/',
      'lecture /lectures/lecture-2/',
      'lecture /lectures/lecture-1/',
      'speakers /speakers/',
      // Speakers by the pinyin of their names.
      'speaker /speakers/li-si/',
      'speaker /speakers/zhang-san/',
      'library /library/',
      'libraryClass /library/class/D/',
      'libraryClass /library/class/K/',
      'libraryLocation /library/location/reading-room/',
      'libraryLocation /library/location/unattended-library/',
      'libraryLocation /library/location/party-reading-area/',
      'book /library/book-1/',
      'book /library/book-2/',
    ])
    expect(new Set(routes.map((route) => route.path)).size).toBe(routes.length)
  })

  it('gives a news list longer than its front page the pages of each month, newest first', () => {
    const content = tinySiteContent()
    for (let n = 100; n < 100 + newsPageSize; n++) {
      content.news.push(newsEntry(String(n), { publishedAt: '2025-12-31T20:00:00.000Z' }))
    }
    const routes = routesOf(content)
    const front = routeAt(routes, 'newsList', '/news/')
    expect(front.props.page).toMatchObject({ kind: 'front', total: 16, base: '/news/' })
    expect(front.props.page.items).toHaveLength(newsPageSize)
    // 2025-12-31T20:00Z is already January 2026 in China.
    expect(front.props.page.kind === 'front' && front.props.page.periods).toEqual([
      { year: 2026, month: 3, count: 1 },
      { year: 2026, month: 2, count: 2 },
      { year: 2026, month: 1, count: 13 },
    ])
    const paths = routes.filter((route) => route.view === 'newsList').map((route) => route.path)
    // January has 13 items: 12 on its first page, the oldest on its second.
    expect(paths).toEqual([
      '/news/',
      '/news/2026/03/',
      '/news/2026/02/',
      '/news/2026/01/',
      '/news/2026/01/page/2/',
    ])
    const january = routeAt(routes, 'newsList', '/news/2026/01/')
    expect(january.props.page).toMatchObject({
      kind: 'period',
      base: '/news/2026/01/',
      listBase: '/news/',
      year: 2026,
      month: 1,
      number: 1,
      count: 2,
      total: 13,
      newer: { year: 2026, month: 2 },
      older: null,
    })
    expect(january.props.page.items.map((item) => item.id)).toEqual([
      '1',
      ...Array.from({ length: newsPageSize - 1 }, (_, n) => String(100 + n)),
    ])
    expect(
      routeAt(routes, 'newsList', '/news/2026/01/page/2/').props.page.items.map((item) => item.id),
    ).toEqual([String(100 + newsPageSize - 1)])
    expect(routeAt(routes, 'newsList', '/news/2026/03/').props.page).toMatchObject({
      newer: null,
      older: { year: 2026, month: 2 },
    })
    // The category and tag lists of the same items follow the same rule; short ones have none.
    expect(routes.some((route) => route.path === '/news/category/party-building/2026/01/')).toBe(
      true,
    )
    expect(routes.some((route) => route.path.startsWith('/news/tag/党史/2'))).toBe(false)
    // Tags are divided by year.
    for (let n = 200; n < 200 + newsPageSize; n++) {
      content.news.push(
        newsEntry(String(n), { publishedAt: '2025-06-01T00:00:00.000Z', tags: ['党史'] }),
      )
    }
    const tagPaths = routesOf(content)
      .filter(
        (route) => route.view === 'newsTag' && route.path.includes('/tag/%E5%85%9A%E5%8F%B2/'),
      )
      .map((route) => decodeURI(route.path))
    expect(tagPaths).toEqual(['/news/tag/党史/', '/news/tag/党史/2026/', '/news/tag/党史/2025/'])
    expect(routes.some((route) => route.path.startsWith('/news/page/'))).toBe(false)
  })

  it('gives an empty list one page, so its URL never 404s', () => {
    const governance = routeAt(routesOf(), 'newsCategory', '/news/category/governance/')
    expect(governance.props.page).toMatchObject({ kind: 'front', items: [], total: 0, periods: [] })
  })

  it('walks an exhibition: each exhibit links to its neighbours across sections', () => {
    const routes = routesOf()
    const middle = routeAt(routes, 'exhibit', '/exhibitions/bai-nian/exhibit-10/')
    expect(middle.props.previous?.slug).toBe('exhibit-11')
    expect(middle.props.next?.slug).toBe('exhibit-12')
    expect(middle.props.sectionTitle).toBe('开天辟地')
    const last = routeAt(routes, 'exhibit', '/exhibitions/bai-nian/exhibit-12/')
    expect(last.props.next).toBeNull()
    expect(last.props.sectionTitle).toBe('改革开放')
  })

  it('gives lecture lists each lecture’s speaker, null when it has none', () => {
    const routes = routesOf()
    const list = routeAt(routes, 'lectureList', '/lectures/')
    expect(list.props.page.items.map((lecture) => lecture.id)).toEqual(['3', '2', '1'])
    expect(list.props.page.speakers.map((speaker) => speaker?.name ?? null)).toEqual([
      null,
      '李四',
      '张三',
    ])
    expect(list.props.browse.years).toEqual([
      { year: 2026, count: 2 },
      { year: 2025, count: 1 },
    ])
    const oldest = routeAt(routes, 'lectureList', '/lectures/oldest/')
    expect(oldest.props.page.items.map((lecture) => lecture.id)).toEqual(['1', '2', '3'])
    expect(oldest.props.order).toBe('oldest')
  })

  it('drops a speaker’s lectures from their page when the speaker is unpublished', () => {
    const content = tinySiteContent()
    content.speakers = content.speakers.filter((speaker) => speaker.id !== '2')
    const routes = routesOf(content)
    expect(routes.some((route) => route.path === '/speakers/li-si/')).toBe(false)
    const lecture = routeAt(routes, 'lecture', '/lectures/lecture-2/')
    expect(lecture.props.speaker).toBeNull()
  })

  it('computes one document’s page alone, equal to its page in the family', () => {
    const content = tinySiteContent()
    const index = buildContentIndex(content)
    const ids = new Set(contentDependencies.flatMap((key) => content[key].map((entry) => entry.id)))
    const withRouteFor = pageFamilies.filter((family) => family.routeFor)
    expect(withRouteFor.map((family) => family.view)).toEqual([
      'newsArticle',
      'exhibition',
      'exhibit',
      'lecture',
      'speaker',
      'book',
    ])
    for (const family of withRouteFor) {
      const single = [...ids].flatMap((id) => family.routeFor!(index, id) ?? [])
      expect(single.length, family.view).toBeGreaterThan(0)
      // Same pages, same props, in any order.
      const byPath = (routes: PageRoute[]) =>
        Object.fromEntries(routes.map((route) => [route.path, route]))
      expect(byPath(single), family.view).toEqual(byPath(family.routes(index)))
      expect(family.routeFor!(index, 'no-such-id')).toBeNull()
    }
    expect(routeFor(index, 'exhibit', '10')?.path).toBe('/exhibitions/bai-nian/exhibit-10/')
    expect(routeFor(index, 'newsList', '1')).toBeNull()
  })

  it('turns a page path into the [...path] parameter', () => {
    expect(pathParam('/')).toBeUndefined()
    expect(pathParam('/news/x/')).toBe('news/x')
    expect(pathParam('/news/tag/%E5%85%9A%E5%8F%B2/')).toBe('news/tag/党史')
  })

  it('reads only the collections a family declares', () => {
    // A family's routes must not change when a collection outside `dependsOn` does.
    const base = buildContentIndex(tinySiteContent())
    for (const family of pageFamilies) {
      const others = tinySiteContent()
      for (const key of contentDependencies) {
        if (!family.dependsOn.includes(key)) others[key] = []
      }
      expect(JSON.stringify(family.routes(buildContentIndex(others))), family.view).toBe(
        JSON.stringify(family.routes(base)),
      )
    }
  })
})
