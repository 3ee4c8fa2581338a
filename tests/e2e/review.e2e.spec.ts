/**
 * Review before publishing in a real browser: with one review step switched on, a contributor
 * submits a draft, an editor returns it with a comment, the contributor sees the comment, fixes
 * the draft and submits again, and the editor approves and publishes; the page goes live on the
 * public site and the audit log shows every step. The new admin views have no axe violations.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { authHeaders, demoAccounts, demoPassword, login, type StaffRole } from '../helpers/api'
import { siteUrl } from '../helpers/siteContent'

const run = Date.now().toString(36)
const live = { timeout: 30_000, intervals: [200, 400, 800] }

async function signIn(page: Page, role: StaffRole): Promise<void> {
  await page.context().clearCookies()
  await page.goto('/admin/login')
  await page.getByLabel('电子邮件').fill(demoAccounts[role])
  await page.getByLabel('密码').fill(demoPassword)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page).toHaveURL(/\/admin$/)
}

/** Axe on the given parts of the page; the rest is Payload's own admin. */
async function axeViolations(page: Page, ...selectors: string[]) {
  let builder = new AxeBuilder({ page })
  for (const selector of selectors) builder = builder.include(selector)
  const { violations } = await builder.analyze()
  return violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target) }))
}

/** Clicks a review button and waits for its answer and the reload that follows. */
async function review(page: Page, id: number, button: string, action: string): Promise<void> {
  const answered = page.waitForResponse(
    (response) =>
      response.url().includes(`/api/news/${id}/review/${action}`) &&
      response.request().method() === 'POST',
  )
  await page.locator('.review-actions').getByRole('button', { name: button, exact: true }).click()
  expect((await answered).status()).toBe(200)
  await page.waitForLoadState('load')
}

test.describe.serial('review before publishing', () => {
  let adminToken: string
  let id: number
  let slug: string
  const title = `审核流程测试${run}`

  async function setReviewSteps(request: APIRequestContext, reviewSteps: number) {
    const response = await request.post('/api/globals/site', {
      headers: authHeaders(adminToken),
      data: { reviewSteps },
    })
    expect(response.ok(), await response.text()).toBe(true)
  }

  test.beforeAll(async ({ request }) => {
    adminToken = await login(request, 'admin')
    await setReviewSteps(request, 1)
    const token = await login(request, 'contributor')
    const response = await request.post('/api/news?draft=true', {
      headers: authHeaders(token),
      data: { title, category: 'party-building', summary: '初稿：缺少时间地点。' },
    })
    expect(response.ok()).toBe(true)
    ;({ id, slug } = (await response.json()).doc)
  })
  test.afterAll(async ({ request }) => {
    await setReviewSteps(request, 0)
  })

  test('a contributor submits; the editor sees it waiting and returns it with a comment', async ({
    page,
  }) => {
    await signIn(page, 'contributor')
    await page.goto(`/admin/collections/news/${id}`)
    await expect(page.locator('.review-actions')).toContainText('审核：草稿')
    // A contributor has no 发布; review is the way.
    await expect(page.getByRole('button', { name: /^发布/ })).toHaveCount(0)
    await review(page, id, '提交审核', 'submit')
    await expect(page.locator('.review-notice')).toContainText('待审核')
    expect(await axeViolations(page, '.review-actions', '.review-notice')).toEqual([])

    await signIn(page, 'editor')
    const panel = page.locator('.review-queue')
    await expect(panel).toContainText('待审核')
    await expect(panel.getByTestId('review-waiting')).not.toHaveText('0 项')
    await expect(panel.getByRole('link', { name: title, exact: true })).toBeVisible()
    await expect(panel.getByRole('link', { name: `对比线上版本：${title}` })).toBeVisible()
    expect(await axeViolations(page, '.review-queue')).toEqual([])

    await panel.getByRole('link', { name: title, exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`/admin/collections/news/${id}$`))
    const actions = page.locator('.review-actions')
    await expect(actions).toContainText('审核：待审核')
    // The version diff is one click away.
    await expect(actions.getByRole('link', { name: '对比线上版本' })).toHaveAttribute(
      'href',
      new RegExp(`/admin/collections/news/${id}/versions/`),
    )
    // Not around the review: the editor is offered 通过并发布, not 发布.
    await expect(page.getByRole('button', { name: /^发布/ })).toHaveCount(0)

    await actions.getByRole('button', { name: '退回…' }).click()
    const drawer = page.locator('.review-return')
    await expect(drawer.getByLabel(/退回意见/)).toBeVisible()
    await expect(drawer.getByRole('button', { name: '确认退回' })).toBeDisabled()
    expect(await axeViolations(page, '.review-return')).toEqual([])
    await drawer.getByLabel(/退回意见/).fill('请补充活动的时间和地点。')
    const answered = page.waitForResponse((response) =>
      response.url().includes(`/api/news/${id}/review/return`),
    )
    await drawer.getByRole('button', { name: '确认退回' }).click()
    expect((await answered).status()).toBe(200)
    await expect(page.locator('.review-notice')).toContainText('请补充活动的时间和地点。')
  })

  test('the contributor sees the comment, fixes the draft and submits again', async ({ page }) => {
    await signIn(page, 'contributor')
    const panel = page.locator('.review-queue')
    await expect(panel).toContainText('退回给我的内容')
    await expect(panel).toContainText('请补充活动的时间和地点。')
    expect(await axeViolations(page, '.review-queue')).toEqual([])

    await panel.getByRole('link', { name: title, exact: true }).click()
    await expect(page.locator('.review-notice')).toContainText('退回意见：请补充活动的时间和地点。')
    expect(await axeViolations(page, '.review-notice', '.review-actions')).toEqual([])
    const autosaved = page.waitForResponse(
      (response) =>
        response.url().includes(`/api/news/${id}`) &&
        response.url().includes('autosave=true') &&
        response.request().method() === 'PATCH',
    )
    await page.locator('#field-summary').fill('时间：周五下午三点；地点：楼宇三层党群服务中心。')
    expect((await autosaved).status()).toBe(200)
    const submit = page.locator('.review-actions').getByRole('button', { name: '提交审核' })
    await expect(submit).toBeEnabled()
    await review(page, id, '提交审核', 'submit')
    await expect(page.locator('.review-notice')).toContainText('待审核')
  })

  test('the editor approves and publishes; the page is live on the site', async ({
    page,
    request,
  }) => {
    await signIn(page, 'editor')
    await page.goto(`/admin/collections/news/${id}`)
    await review(page, id, '通过并发布', 'approve-and-publish')
    await expect(page.locator('.review-notice')).toContainText('已通过审核')

    await expect
      .poll(async () => {
        const response = await request.get(siteUrl(`/news/${slug}/`), {
          headers: { 'Cache-Control': 'no-cache' },
        })
        return response.ok() ? await response.text() : ''
      }, live)
      .toContain('楼宇三层党群服务中心')
  })

  test('the audit log shows all of it, to an admin', async ({ page, request }) => {
    const response = await request.get(
      `/api/audit-log?where[targetCollection][equals]=news&where[documentId][equals]=${id}&sort=createdAt&limit=50`,
      { headers: authHeaders(adminToken) },
    )
    expect(response.ok()).toBe(true)
    const entries = (await response.json()).docs as {
      action: string
      actorName: string
      summary: string
    }[]
    const steps = entries
      .filter((entry) => entry.action !== 'update')
      .map((entry) => `${entry.action} ${entry.actorName.replace(/（.*$/, '')}`)
    expect(steps).toEqual([
      'create 演示投稿人',
      'submit 演示投稿人',
      'return 演示编辑',
      'submit 演示投稿人',
      'approve 演示编辑',
      'publish 演示编辑',
    ])
    expect(entries.find((entry) => entry.action === 'return')?.summary).toContain(
      '请补充活动的时间和地点。',
    )
    expect(entries.some((entry) => entry.action === 'update')).toBe(true) // the fix

    await signIn(page, 'admin')
    await page.goto(
      `/admin/collections/audit-log?where[targetCollection][equals]=news&where[documentId][equals]=${id}`,
    )
    const view = page.locator('.audit-log')
    const table = view.locator('.audit-log__table')
    for (const action of ['提交审核', '审核退回', '审核通过', '发布'])
      await expect(table.getByRole('cell', { name: action, exact: true }).first()).toBeVisible()
    expect(await axeViolations(page, '.audit-log')).toEqual([])

    // Filter by action in the form; the details hold the comment; the download keeps the filter.
    await view.getByLabel('操作', { exact: true }).selectOption('return')
    await view.getByRole('button', { name: '筛选', exact: true }).click()
    await expect(page).toHaveURL(/where%5Baction%5D%5Bequals%5D=return/)
    await expect(view.getByRole('status')).toContainText('筛选出 1 条')
    await view.getByText('详情').first().click()
    await expect(table).toContainText('请补充活动的时间和地点。')
    expect(await axeViolations(page, '.audit-log')).toEqual([])
    await expect(view.getByRole('link', { name: 'CSV' })).toHaveAttribute(
      'href',
      /\/api\/audit-log\/export\?format=csv&.*where%5Baction%5D%5Bequals%5D=return/,
    )

    // Not even an admin is offered a way to create, change or delete an entry.
    await expect(page.getByRole('link', { name: /新建/ })).toHaveCount(0)
    await expect(view.locator('input[type="checkbox"]')).toHaveCount(0)

    // Editors do not see the log at all.
    const editor = await login(request, 'editor')
    expect((await request.get('/api/audit-log', { headers: authHeaders(editor) })).status()).toBe(
      403,
    )
  })
})
