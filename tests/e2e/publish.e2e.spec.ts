/**
 * Publish to live: an editor changes a published article in the admin and the static site follows
 * on its own (page, lists, search, sitemap, feed); unpublishing takes it away; drafts never show;
 * a failing render keeps the old page; the preview shows the draft only through a signed link.
 * How fast is measured by `npm run bench:publish`; here each wait allows slow CI machines.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { authHeaders, demoAccounts, demoPassword, login } from '../helpers/api'
import { siteUrl } from '../helpers/siteContent'
import { readSitemap } from '../helpers/sitemap'

const run = Date.now().toString(36)
const faultMarker = '【渲染故障】'
const live = { timeout: 20_000, intervals: [100, 200, 400] }

async function fetchText(
  request: APIRequestContext,
  pathname: string,
): Promise<{ status: number; text: string }> {
  const response = await request.get(siteUrl(pathname), {
    headers: { 'Cache-Control': 'no-cache' },
  })
  return { status: response.status(), text: await response.text() }
}

async function loginInAdmin(page: Page, role: 'editor' | 'contributor' = 'editor'): Promise<void> {
  await page.goto('/admin/login')
  await page.getByLabel('电子邮件').fill(demoAccounts[role])
  await page.getByLabel('密码').fill(demoPassword)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page).toHaveURL(/\/admin$/)
}

async function searchFinds(page: Page, query: string): Promise<boolean> {
  await page.goto(siteUrl(`/search/?q=${encodeURIComponent(query)}`))
  const results = page.locator('main').getByRole('link', { name: new RegExp(query) })
  try {
    await expect(results.first()).toBeVisible({ timeout: 5_000 })
    return true
  } catch {
    return false
  }
}

test.describe.serial('publish to live', () => {
  let token: string
  let id: number
  let slug: string
  const original = `自动发布测试原题${run}`
  const edited = `自动发布测试新题${run}`

  test.beforeAll(async ({ request }) => {
    token = await login(request, 'editor')
    const response = await request.post('/api/news', {
      headers: authHeaders(token),
      data: {
        title: original,
        category: 'party-building',
        summary: '端到端测试：发布后网站自动更新。',
        tags: ['自动发布'],
        _status: 'published',
      },
    })
    expect(response.ok()).toBe(true)
    ;({ id, slug } = (await response.json()).doc)
    await expect
      .poll(async () => (await fetchText(request, `/news/${slug}/`)).text, live)
      .toContain(original)
  })

  test('an edited title is live on the page, the news list and in search', async ({
    page,
    request,
  }) => {
    await loginInAdmin(page)
    await page.goto(`/admin/collections/news/${id}`)
    await page.locator('#field-title').fill(edited)
    const saved = page.waitForResponse(
      (response) =>
        response.url().includes(`/api/news/${id}`) &&
        response.request().method() === 'PATCH' &&
        response.ok(),
    )
    await page.getByRole('button', { name: '发布修改' }).click()
    await saved
    const savedAt = Date.now()
    await expect
      .poll(async () => (await fetchText(request, `/news/${slug}/`)).text, live)
      .toContain(edited)
    test.info().annotations.push({
      type: 'publish-to-live',
      description: `${Date.now() - savedAt} ms（含轮询间隔）`,
    })
    expect((await fetchText(request, '/news/')).text).toContain(edited)
    expect((await fetchText(request, '/news/rss.xml')).text).toContain(edited)
    expect(await searchFinds(page, edited)).toBe(true)

    // The admin's status panel reports the update.
    await page.goto('/admin')
    await expect(page.getByText('网站状态').first()).toBeVisible()
    await expect(page.getByText('上次更新').first()).toBeVisible()
  })

  test('a draft never appears publicly; the preview shows it to the editor only', async ({
    page,
    context,
    request,
  }) => {
    const draft = `仅草稿可见${run}`
    const response = await request.patch(`/api/news/${id}?draft=true`, {
      headers: authHeaders(token),
      data: { title: draft },
    })
    expect(response.ok()).toBe(true)

    await loginInAdmin(page)
    await page.goto(`/admin/collections/news/${id}`)
    const popup = context.waitForEvent('page')
    await page
      .getByRole('button', { name: '预览' })
      .or(page.getByRole('link', { name: '预览' }))
      .first()
      .click()
    const preview = await popup
    await preview.waitForLoadState()
    expect(preview.url()).toContain(`/__preview/news/${id}/`)
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText(draft)
    await expect(preview.getByRole('status').filter({ hasText: '尚未发布的草稿' })).toBeVisible()
    const signed = await request.get(preview.url())
    expect(signed.headers()['cache-control']).toContain('no-store')
    expect(signed.headers()['x-robots-tag']).toContain('noindex')

    // Without the signature, with a tampered one, or for another document: not found.
    const unsigned = new URL(preview.url())
    unsigned.search = ''
    expect((await request.get(unsigned.toString())).status()).toBe(404)
    const tampered = new URL(preview.url())
    tampered.searchParams.set('signature', '0'.repeat(64))
    expect((await request.get(tampered.toString())).status()).toBe(404)

    // Give the publisher time to (wrongly) react, then check every public place.
    await page.waitForTimeout(1500)
    expect((await fetchText(request, `/news/${slug}/`)).text).not.toContain(draft)
    expect((await fetchText(request, '/news/')).text).not.toContain(draft)
    expect(
      await readSitemap(async (sitePath) => (await fetchText(request, sitePath)).text),
    ).not.toContain(draft)
    expect(await searchFinds(page, draft)).toBe(false)
  })

  test('a failing render keeps the old page serving and is reported', async ({ page, request }) => {
    const broken = `${edited}${faultMarker}`
    expect(
      (
        await request.patch(`/api/news/${id}`, {
          headers: authHeaders(token),
          data: { title: broken, _status: 'published' },
        })
      ).ok(),
    ).toBe(true)
    await loginInAdmin(page)
    await expect(page.getByText('最近一次失败').first()).toBeVisible({ timeout: 20_000 })
    const { status, text } = await fetchText(request, `/news/${slug}/`)
    expect(status).toBe(200)
    expect(text).toContain(edited)
    expect(text).not.toContain(faultMarker)

    // Fixed: the next attempt publishes it.
    expect(
      (
        await request.patch(`/api/news/${id}`, {
          headers: authHeaders(token),
          data: { title: edited, _status: 'published' },
        })
      ).ok(),
    ).toBe(true)
    await expect
      .poll(async () => (await fetchText(request, `/news/${slug}/`)).text, {
        ...live,
        timeout: 90_000,
      })
      .not.toContain(faultMarker)
  })

  test('unpublishing removes the page, and takes it out of search, sitemap and feed', async ({
    page,
    request,
  }) => {
    await loginInAdmin(page)
    await page.goto(`/admin/collections/news/${id}`)
    // 取消发布 sits in the document's ⋮ menu.
    await page.locator('.doc-controls__dots').click()
    await page.getByRole('button', { name: '取消发布' }).click()
    await page.getByRole('dialog').getByRole('button', { name: /确认/ }).click()
    await expect
      .poll(async () => (await fetchText(request, `/news/${slug}/`)).status, live)
      .toBe(404)
    expect((await fetchText(request, '/news/')).text).not.toContain(edited)
    expect(
      await readSitemap(async (sitePath) => (await fetchText(request, sitePath)).text),
    ).not.toContain(`/news/${slug}/`)
    expect((await fetchText(request, '/news/rss.xml')).text).not.toContain(edited)
    expect(await searchFinds(page, edited)).toBe(false)
  })

  test('editors rebuild everything from the status panel; contributors cannot', async ({
    page,
    request,
  }) => {
    await loginInAdmin(page, 'contributor')
    await expect(page.getByText('网站状态').first()).toBeVisible()
    await expect(page.getByRole('button', { name: '全部重建' })).toHaveCount(0)
    await page.context().clearCookies()

    await loginInAdmin(page)
    await page.getByRole('button', { name: '全部重建' }).click()
    await expect(page.getByText('已请求全部重建').first()).toBeVisible()
    // The panel shows the build at work, then done; the site serves throughout.
    const lastFullBuild = page.locator('.site-status__item', {
      has: page.getByRole('heading', { name: '上次全量构建' }),
    })
    await expect(lastFullBuild).toContainText('原因：编辑请求全部重建', { timeout: 120_000 })
    await expect(
      page.locator('.site-status__item', { has: page.getByRole('heading', { name: '正在进行' }) }),
    ).toContainText('空闲')
    expect((await fetchText(request, '/')).status).toBe(200)
  })
})
