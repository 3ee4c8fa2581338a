import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { shardPath, termShard, type SearchManifest } from '../../shared/search/format'
import { e2eSiteContent, siteUrl } from '../helpers/siteContent'

const content = e2eSiteContent()
const lecture = content.lectures[0]

/** The index, the island's code and React: nothing of it may load before the visitor searches. */
const isSearchRequest = (pathname: string) =>
  pathname.startsWith('/search/') || pathname.endsWith('.js')

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  )
}

const headerBox = (page: Page) => page.getByRole('combobox', { name: '搜索全站' })
const headerList = (page: Page) => page.getByRole('listbox', { name: '搜索结果' })

test('nothing of the search is downloaded until the header box is focused', async ({ page }) => {
  const requested: string[] = []
  page.on('request', (request) => requested.push(new URL(request.url()).pathname))
  await page.goto(siteUrl(`/lectures/${lecture.slug}/`))
  await page.waitForLoadState('load')
  // Idle time, scrolling and pointer movement over the box are not a search.
  await page.mouse.wheel(0, 2000)
  await headerBox(page).hover()
  await page.waitForTimeout(1000)
  expect(requested.filter(isSearchRequest)).toEqual([])

  await headerBox(page).focus()
  await expect
    .poll(() => requested.filter(isSearchRequest))
    .toEqual(expect.arrayContaining(['/search/box.js', '/search/manifest.json']))
  expect(requested.filter((pathname) => pathname.startsWith('/search/shards/'))).toEqual([])
})

test('a Chinese query in the header box lists highlighted results; ↓ then Enter opens the first', async ({
  page,
}) => {
  await page.goto(siteUrl('/'))
  const heading = page.getByRole('heading', { level: 1 })
  const headingBefore = await heading.boundingBox()
  const box = headerBox(page)
  await box.click()
  await box.pressSequentially('红领讲堂')

  const options = headerList(page).getByRole('option')
  await expect(box).toHaveAttribute('aria-expanded', 'true')
  await expect(options.first()).toBeVisible()
  expect(await options.count()).toBeGreaterThan(1)
  await expect(options.first().locator('mark').first()).toHaveText('红领讲堂')
  await expect(options.first().locator('.search-type')).toHaveText(/^(新闻|展品|讲座|图书)$/)
  // Screen readers hear an option as its type, title and lead.
  await expect(options.first()).toHaveAccessibleName(/^(新闻|展品|讲座|图书)\s*\S/)
  await expect(page.locator('.site-search [role="status"]')).toContainText(/找到 \d+ 条结果/)
  await expect(page.locator('.search-panel__more a')).toHaveAttribute(
    'href',
    `/search/?q=${encodeURIComponent('红领讲堂')}`,
  )
  // The panel overlays the page: nothing under it moved.
  expect(await heading.boundingBox()).toEqual(headingBefore)

  await box.press('ArrowDown')
  await expect(box).toHaveAttribute('aria-activedescendant', 'site-search-option-0')
  await expect(options.first()).toHaveAttribute('aria-selected', 'true')
  await box.press('ArrowDown')
  await box.press('ArrowUp')
  await expect(options.first()).toHaveAttribute('aria-selected', 'true')
  const title = (await options.first().locator('.search-option__title').innerText()).trim()
  await box.press('Enter')
  await expect(page).not.toHaveURL(siteUrl('/'))
  const landed = (await page.getByRole('heading', { level: 1 }).innerText()).trim()
  // A book's result title is "title：subtitle"; its page shows the subtitle under the title.
  expect(title.startsWith(landed.split('\n')[0])).toBe(true)
})

test('Escape closes the list, and Enter without a selection goes to the results page', async ({
  page,
}) => {
  await page.goto(siteUrl('/news/'))
  const box = headerBox(page)
  await box.click()
  await box.fill(lecture.title)
  await expect(headerList(page).getByRole('option').first()).toContainText(lecture.title)
  await box.press('Escape')
  await expect(box).toHaveAttribute('aria-expanded', 'false')
  await expect(headerList(page)).toBeHidden()
  await box.press('ArrowDown')
  await expect(box).toHaveAttribute('aria-expanded', 'true')
  await box.press('Escape')
  await box.press('Enter')
  await page.waitForURL((url) => url.pathname === '/search/')
  expect(new URL(page.url()).searchParams.get('q')).toBe(lecture.title)
  await expect(page.locator('.search-result').first()).toContainText(lecture.title)
})

test('a query that finds nothing says so and suggests what to try', async ({ page }) => {
  await page.goto(siteUrl('/'))
  await headerBox(page).click()
  await headerBox(page).fill('量子纠缠')
  const panel = page.locator('.search-panel')
  await expect(panel).toContainText('没有找到与“量子纠缠”相关的内容')
  await expect(panel.getByRole('link', { name: '活动新闻' })).toBeVisible()
  await expect(panel.getByRole('link', { name: '党建' })).toHaveAttribute(
    'href',
    `/search/?q=${encodeURIComponent('党建')}`,
  )
  await expect(page.locator('.site-search [role="status"]')).toHaveText(
    '没有找到与“量子纠缠”相关的内容。',
  )
  await expect(headerBox(page)).toHaveAttribute('aria-expanded', 'false')
})

test('/search/?q= shows the results of the URL, filters by type and keeps the URL in step', async ({
  page,
}) => {
  await page.goto(siteUrl(`/search/?q=${encodeURIComponent('红领讲堂')}`))
  const box = page.getByRole('searchbox', { name: '搜索关键词' })
  await expect(box).toHaveValue('红领讲堂')
  const results = page.locator('.search-result')
  await expect(results.first()).toBeVisible()
  await expect(results.first().locator('mark').first()).toHaveText('红领讲堂')
  const status = page.locator('.search-status')
  await expect(status).toContainText(/找到 \d+ 条与“红领讲堂”相关的结果/)
  const total = Number((await status.innerText()).match(/找到 (\d+) 条/)![1])

  const lectures = page.getByRole('radio', { name: /讲座/ })
  const lectureCount = Number(
    await page.locator('.search-filter__option', { has: lectures }).locator('.count').innerText(),
  )
  expect(lectureCount).toBeGreaterThan(0)
  expect(lectureCount).toBeLessThan(total)
  await lectures.check()
  await expect(page).toHaveURL(siteUrl(`/search/?q=${encodeURIComponent('红领讲堂')}&type=lecture`))
  await expect(results).toHaveCount(Math.min(lectureCount, 10))
  for (const label of await results.locator('.search-type').allInnerTexts())
    expect(label).toBe('讲座')

  // Keyboard: ↓ from the box to the first result, ↓ to the next, Enter opens it.
  await box.press('ArrowDown')
  await expect(results.first().getByRole('link')).toBeFocused()
  if (lectureCount > 1) {
    await page.keyboard.press('ArrowDown')
    await expect(results.nth(1).getByRole('link')).toBeFocused()
    await page.keyboard.press('ArrowUp')
  }
  await page.keyboard.press('ArrowUp')
  await expect(box).toBeFocused()

  await box.fill('党建')
  await expect(page).toHaveURL(siteUrl(`/search/?q=${encodeURIComponent('党建')}&type=lecture`))
  await expect(status).toContainText('“党建”')
  await page.getByRole('radio', { name: /全部/ }).check()
  await expect(page).toHaveURL(siteUrl(`/search/?q=${encodeURIComponent('党建')}`))
  await expect(page).toHaveTitle(/“党建”的搜索结果/)
})

test('/search/ and the open header list have no axe violations', async ({ page }) => {
  await page.goto(siteUrl(`/search/?q=${encodeURIComponent('党史')}`))
  await expect(page.locator('.search-result').first()).toBeVisible()
  expect(await axeViolations(page)).toEqual([])

  await page.goto(siteUrl(`/exhibitions/${content.exhibitions[0].slug}/`))
  await headerBox(page).click()
  await headerBox(page).fill('党史')
  await expect(headerList(page).getByRole('option').first()).toBeVisible()
  await headerBox(page).press('ArrowDown')
  expect(await axeViolations(page)).toEqual([])
})

test('the index is served compressed, its binary shards included', async ({ request }) => {
  const manifest = (await (
    await request.get(siteUrl('/search/manifest.json'))
  ).json()) as SearchManifest
  const shard = await request.get(
    siteUrl(`/search/${shardPath(termShard('党', manifest.shardCount), manifest.shardCount)}`),
    {
      headers: { 'Accept-Encoding': 'gzip' },
    },
  )
  expect(shard.status()).toBe(200)
  expect(shard.headers()['content-type']).toBe('application/octet-stream')
  expect(shard.headers()['content-encoding']).toBe('gzip')
  expect((await shard.body()).length).toBeGreaterThan(0)
})

test('without JavaScript the header form leads to /search/, which explains and offers the sections', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto(siteUrl('/'))
  await headerBox(page).fill('党建')
  await page.locator('.site-search').getByRole('button', { name: '搜索' }).click()
  await expect(page).toHaveURL(siteUrl(`/search/?q=${encodeURIComponent('党建')}`))
  const main = page.getByRole('main')
  await expect(main).toContainText('站内搜索需要浏览器启用 JavaScript')
  for (const name of ['活动新闻', '百年党史展', '红领讲堂', '汇书房馆藏'])
    await expect(main.getByRole('link', { name })).toBeVisible()
  await context.close()
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true })

  test('a tap on the box and on a result opens it, and the page does not scroll sideways', async ({
    page,
  }) => {
    await page.goto(siteUrl('/library/'))
    await headerBox(page).tap()
    await headerBox(page).fill(lecture.title)
    const first = headerList(page).getByRole('option').first()
    await expect(first).toContainText(lecture.title)
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0)
    await first.tap()
    await expect(page).toHaveURL(siteUrl(`/lectures/${lecture.slug}/`))
  })
})
