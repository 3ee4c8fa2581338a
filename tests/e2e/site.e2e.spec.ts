import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { chinaMonth } from '../../shared/dates'
import { newsListUrl, newsPeriodUrl } from '../../site/src/lib/urls'
import { e2eSiteContent, siteUrl } from '../helpers/siteContent'
import { readSitemap } from '../helpers/sitemap'

const content = e2eSiteContent()
/** The month page of the all-news list that holds an item published at `date`. */
const newsMonthOf = (date: string) => {
  return newsPeriodUrl(newsListUrl, chinaMonth(date))
}
const article = content.news.find((n) => n.cover && n.bodyHtml.includes('<figure'))!
const lecture = content.lectures.find(
  (l) => l.recording && l.chapters.length > 1 && l.attachments.length > 0,
)!
const speaker = content.speakers.find((s) => s.id === lecture.speakerId)!
const exhibition = content.exhibitions[0]
const walk = content.exhibits.filter((e) => e.exhibitionId === exhibition.id)
const exhibit = walk.find((e) => e.images.length > 1) ?? walk[0]
const book = content.books.find((b) => b.isbn && b.available > 0)!

/** One page of every type, with a heading it must show. */
const pageTypes: Record<string, { path: string; heading: string | RegExp }> = {
  home: { path: '/', heading: content.site.siteName },
  newsList: { path: '/news/', heading: /新闻/ },
  // The oldest item's month: the publish tests add news while this file runs, and the live
  // release's content lists applied changes last, so its order is not by date.
  newsMonth: {
    path: newsMonthOf(content.news.map((item) => item.publishedAt).sort()[0]),
    heading: /新闻/,
  },
  newsCategory: { path: `/news/category/${article.category}/`, heading: /./ },
  article: { path: `/news/${article.slug}/`, heading: article.title },
  exhibition: { path: `/exhibitions/${exhibition.slug}/`, heading: exhibition.title },
  exhibit: { path: `/exhibitions/${exhibition.slug}/${exhibit.slug}/`, heading: exhibit.title },
  lectures: { path: '/lectures/', heading: /讲/ },
  lecture: { path: `/lectures/${lecture.slug}/`, heading: lecture.title },
  speaker: { path: `/speakers/${speaker.slug}/`, heading: speaker.name },
  library: { path: '/library/', heading: /汇书房|馆藏|图书/ },
  libraryClass: { path: '/library/class/D/', heading: /D|政治/ },
  book: { path: `/library/${book.slug}/`, heading: book.title },
  about: { path: '/about/', heading: /./ },
}

async function open(page: Page, pathname: string) {
  const response = await page.goto(siteUrl(pathname))
  expect(response?.status(), pathname).toBe(200)
}

for (const [name, { path: pathname, heading }] of Object.entries(pageTypes)) {
  // The title names no path: a path read from the live content could differ between the runner
  // and its worker while other files publish.
  test(`${name} renders in Chinese with no axe violations`, async ({ page }) => {
    await open(page, pathname)
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
    await expect(page.getByRole('heading', { level: 1 })).toContainText(heading)
    await expect(page.getByRole('main')).toBeVisible()
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', siteUrl(pathname))
    const { violations } = await new AxeBuilder({ page }).analyze()
    expect(
      violations.map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
      ),
    ).toEqual([])
  })
}

test('news lists: the front page leads to every month; old numbered pages lead to their list', async ({
  page,
  request,
}) => {
  await open(page, '/news/')
  const months = page.getByRole('region', { name: '按月浏览' }).getByRole('link')
  expect(await months.count()).toBeGreaterThan(1)
  await months.last().click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('年')
  await expect(page.locator('.grid article, .grid .card, .grid > *').first()).toBeVisible()
  for (const [old, list] of [
    ['/news/page/3/', '/news/'],
    [
      '/news/category/volunteer/page/2/?from=singlemessage',
      '/news/category/volunteer/?from=singlemessage',
    ],
  ]) {
    const response = await request.get(siteUrl(old), { maxRedirects: 0 })
    expect(response.status(), old).toBe(301)
    expect(response.headers().location, old).toBe(list)
  }
})

test('a Chinese 404 page for unknown paths', async ({ page }) => {
  const response = await page.goto(siteUrl('/no-such-page/'))
  expect(response?.status()).toBe(404)
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(page.getByRole('main')).toContainText(/找不到|不存在/)
})

test('navigating from home to a news article and its category, by link', async ({ page }) => {
  await open(page, '/')
  await page.getByRole('navigation').first().getByRole('link', { name: /新闻/ }).first().click()
  await expect(page).toHaveURL(siteUrl('/news/'))
  const first = content.news[0]
  await page.getByRole('link', { name: first.title }).first().click()
  await expect(page).toHaveURL(siteUrl(`/news/${first.slug}/`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title)
  await page.getByRole('link', { name: /首页/ }).first().click()
  await expect(page).toHaveURL(siteUrl('/'))
})

test('the keyboard reaches the skip link first, and it moves focus to the main content', async ({
  page,
}) => {
  await open(page, `/news/${article.slug}/`)
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: '跳到主要内容' })
  await expect(skip).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#main$/)
})

test('clicking a chapter seeks the lecture player', async ({ page }) => {
  await open(page, `/lectures/${lecture.slug}/`)
  const player = page.locator('audio, video').first()
  await expect(player).toHaveAttribute('controls', '')
  const chapter = lecture.chapters[1]
  await page
    .getByRole('link', { name: new RegExp(chapter.title) })
    .first()
    .click()
  await expect
    .poll(async () => player.evaluate((media: HTMLMediaElement) => media.currentTime), {
      timeout: 10_000,
    })
    .toBeGreaterThan(0)
  const { currentTime, duration } = await player.evaluate((media: HTMLMediaElement) => ({
    currentTime: media.currentTime,
    duration: media.duration,
  }))
  expect(currentTime).toBeCloseTo(
    Math.min(chapter.seconds, Number.isFinite(duration) ? duration : chapter.seconds),
    0,
  )
})

test('the recording seeks over HTTP Range requests, served with the right type', async ({
  request,
}) => {
  const url = siteUrl(`/media/${encodeURIComponent(lecture.recording!.file)}`)
  const response = await request.get(url, { headers: { Range: 'bytes=100-199' } })
  expect(response.status()).toBe(206)
  expect(response.headers()['content-type']).toBe('audio/mpeg')
  expect(response.headers()['content-range']).toMatch(/^bytes 100-199\/\d+$/)
  expect((await response.body()).length).toBe(100)
})

test('pages stay within budget: HTML ≤ 12 KB, CSS ≤ 15 KB, JS ≤ 5 KB (gzipped)', async ({
  page,
  request,
}) => {
  const gz = (data: Buffer) => zlib.gzipSync(data).length
  for (const [name, { path: pathname }] of Object.entries(pageTypes)) {
    const html = await (await request.get(siteUrl(pathname))).body()
    expect(gz(html), `${name} HTML`).toBeLessThanOrEqual(12 * 1024)
    await open(page, pathname)
    const css = await page.$$eval('link[rel="stylesheet"]', (links) =>
      links.map((l) => (l as HTMLLinkElement).href),
    )
    const js = await page.$$eval('script[src]', (scripts) =>
      scripts.map((s) => (s as HTMLScriptElement).src),
    )
    const inlineJs = await page.$$eval(
      'script:not([src]):not([type="application/ld+json"])',
      (scripts) => scripts.map((s) => s.textContent ?? ''),
    )
    let cssBytes = 0
    for (const href of css) cssBytes += gz(await (await request.get(href)).body())
    let jsBytes = inlineJs.reduce((n, code) => n + gz(Buffer.from(code)), 0)
    for (const src of js) jsBytes += gz(await (await request.get(src)).body())
    expect(cssBytes, `${name} CSS`).toBeLessThanOrEqual(15 * 1024)
    expect(jsBytes, `${name} JS`).toBeLessThanOrEqual(5 * 1024)
  }
})

test('feeds, sitemap, robots and structured data', async ({ page, request }) => {
  const rss = await (await request.get(siteUrl('/news/rss.xml'))).text()
  expect(rss).toContain(content.news[0].title.replace(/&/g, '&amp;').replace(/</g, '&lt;'))
  expect(await (await request.get(siteUrl('/lectures/rss.xml'))).text()).toContain('<rss')
  const sitemap = await readSitemap(async (sitePath) =>
    (await request.get(siteUrl(sitePath))).text(),
  )
  expect(sitemap).toContain(siteUrl(`/news/${article.slug}/`))
  expect(await (await request.get(siteUrl('/robots.txt'))).text()).toMatch(
    /Sitemap: .*sitemap\.xml/,
  )

  await open(page, `/news/${article.slug}/`)
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /1200x630/)
  await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1200')
  const types = async () =>
    (await page.locator('script[type="application/ld+json"]').allTextContents())
      .map((json) => JSON.parse(json)['@type'])
      .flat()
  expect(await types()).toContain('NewsArticle')
  await open(page, `/lectures/${lecture.slug}/`)
  expect(await types()).toEqual(expect.arrayContaining(['Event']))
  await open(page, `/library/${book.slug}/`)
  expect(await types()).toContain('Book')
  await open(page, `/exhibitions/${exhibition.slug}/${exhibit.slug}/`)
  expect((await types()).length).toBeGreaterThan(0)
})

test('screenshots of home, article, lecture and exhibit at phone and desktop widths', async ({
  page,
}, testInfo) => {
  const dir = path.resolve('artifacts/screenshots')
  fs.mkdirSync(dir, { recursive: true })
  for (const [width, height, label] of [
    [360, 780, 'phone'],
    [1280, 900, 'desktop'],
  ] as const) {
    await page.setViewportSize({ width, height })
    for (const name of ['home', 'article', 'lecture', 'exhibit'] as const) {
      await open(page, pageTypes[name].path)
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      )
      expect(overflow, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0)
      const file = path.join(dir, `${name}-${label}.png`)
      await page.screenshot({ path: file, fullPage: true })
      await testInfo.attach(`${name}-${label}`, { path: file, contentType: 'image/png' })
    }
  }
})
