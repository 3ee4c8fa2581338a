/**
 * 网址跳转 and share cards on the running system (`npm start`): an editor renames a published
 * article and its old address answers 301 with the new Location on the live site; an editor adds
 * a redirect by hand in the admin, where an open-redirect target is refused; a news page without
 * a cover is shared with an absolute og:image of at least 300 px.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { authHeaders, demoAccounts, demoPassword, login } from '../helpers/api'
import { siteUrl } from '../helpers/siteContent'
import { readSitemap } from '../helpers/sitemap'

const run = Date.now().toString(36)
const live = { timeout: 20_000, intervals: [100, 200, 400] }

/** The site's answer, not following redirects. */
async function visit(request: APIRequestContext, pathname: string) {
  const response = await request.get(siteUrl(pathname), {
    maxRedirects: 0,
    headers: { 'Cache-Control': 'no-cache' },
  })
  return { status: response.status(), location: response.headers().location ?? null }
}

async function loginInAdmin(page: Page): Promise<void> {
  await page.goto('/admin/login')
  await page.getByLabel('电子邮件').fill(demoAccounts.editor)
  await page.getByLabel('密码').fill(demoPassword)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page).toHaveURL(/\/admin$/)
}

test.describe.serial('redirects and share cards', () => {
  let token: string
  let id: number
  const slug = `chong-ming-ming-${run}`
  const renamed = `${slug}-xin`

  test.beforeAll(async ({ request }) => {
    token = await login(request, 'editor')
    const response = await request.post('/api/news', {
      headers: authHeaders(token),
      data: {
        title: `网址跳转测试${run}`,
        slug,
        category: 'party-building',
        summary: '端到端测试：没有封面的新闻也有分享图片，改名后旧网址跳转。',
        _status: 'published',
      },
    })
    expect(response.ok()).toBe(true)
    id = (await response.json()).doc.id
    await expect.poll(async () => (await visit(request, `/news/${slug}/`)).status, live).toBe(200)
  })

  test('a news page without a cover has an absolute og:image of at least 300 px', async ({
    page,
    request,
  }) => {
    await page.goto(siteUrl(`/news/${slug}/`))
    const image = await page.locator('meta[property="og:image"]').getAttribute('content')
    expect(image).toMatch(/^https?:\/\/[^/]+\//)
    expect(new URL(image!).origin).toBe(new URL(siteUrl('/')).origin)
    const width = Number(
      await page.locator('meta[property="og:image:width"]').getAttribute('content'),
    )
    const height = Number(
      await page.locator('meta[property="og:image:height"]').getAttribute('content'),
    )
    expect(Math.min(width, height)).toBeGreaterThanOrEqual(300)
    const fetched = await request.get(image!)
    expect(fetched.status()).toBe(200)
    expect(fetched.headers()['content-type']).toMatch(/^image\//)
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute(
      'content',
      siteUrl(`/news/${slug}/`),
    )
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
      'content',
      `网址跳转测试${run}`,
    )
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute(
      'content',
      /没有封面/,
    )
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute(
      'content',
      'summary_large_image',
    )
    await expect(page.locator('meta[itemprop="image"]')).toHaveAttribute('content', image!)
  })

  test('a renamed article answers 301 from its old address with the new Location', async ({
    page,
    request,
  }) => {
    const response = await request.patch(`/api/news/${id}`, {
      headers: authHeaders(token),
      data: { slug: renamed, _status: 'published' },
    })
    expect(response.ok()).toBe(true)
    await expect
      .poll(async () => visit(request, `/news/${slug}/`), live)
      .toEqual({ status: 301, location: `/news/${renamed}/` })
    await page.goto(siteUrl(`/news/${slug}/?from=singlemessage`))
    expect(page.url()).toBe(siteUrl(`/news/${renamed}/?from=singlemessage`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`网址跳转测试${run}`)
    const sitemap = await readSitemap(async (sitePath) =>
      (await request.get(siteUrl(sitePath))).text(),
    )
    expect(sitemap).toContain(siteUrl(`/news/${renamed}/`))
    expect(sitemap).not.toContain(siteUrl(`/news/${slug}/`))
  })

  test('an editor adds a redirect by hand in 网址跳转', async ({ page, request }) => {
    await loginInAdmin(page)
    await page.goto('/admin/collections/redirects')
    await expect(page.getByRole('heading', { name: '网址跳转' }).first()).toBeVisible()
    // The rename of the previous test made its row.
    await expect(page.getByText(`/news/${slug}/`).first()).toBeVisible()

    await page.goto('/admin/collections/redirects/create')
    await page.locator('#field-from').fill(`/huo-dong-${run}`)
    // Payload draws its own radio over the input.
    await page.locator('[id="field-to.type-custom"]').check({ force: true })
    await page.locator('#field-to__url').fill('/news/')
    await page.getByRole('button', { name: '保存' }).click()
    await expect(page.getByText('成功').first()).toBeVisible()
    await expect
      .poll(async () => visit(request, `/huo-dong-${run}/`), live)
      .toEqual({ status: 301, location: '/news/' })

    // An address of another site without https, or scheme-relative, is refused in Chinese.
    await page.goto('/admin/collections/redirects/create')
    await page.locator('#field-from').fill(`/wai-bu-${run}/`)
    // Payload draws its own radio over the input.
    await page.locator('[id="field-to.type-custom"]').check({ force: true })
    await page.locator('#field-to__url').fill('//evil.example/')
    await page.getByRole('button', { name: '保存' }).click()
    await expect(page.getByText(/另一个网站/).first()).toBeVisible()
    expect((await visit(request, `/wai-bu-${run}/`)).status).toBe(404)
  })
})
