/**
 * 汇书房 import in the admin: an editor uploads a sheet from the 汇书房馆藏 list, reads the
 * preview (counts, mapping, the invalid row and why), confirms, and the books appear on the
 * public site without anyone running a build.
 */
import { expect, test } from '@playwright/test'
import { authHeaders, demoAccounts, demoPassword, login } from '../helpers/api'
import { catalogue, toXlsx } from '../helpers/bookCatalogue'
import { siteUrl } from '../helpers/siteContent'

const live = { timeout: 30_000, intervals: [200, 500, 1000] }

test('an editor imports a sheet through preview and confirm, and the books go live', async ({
  page,
  request,
}) => {
  const sheet = catalogue(5, { firstIndex: 40_000 + (Date.now() % 100_000) })
  sheet.rows[2][8] = '三楼走廊'
  const file = {
    name: '新到图书.xlsx',
    mimeType: 'application/octet-stream',
    buffer: await toXlsx(sheet),
  }

  await page.goto('/admin/login')
  await page.getByLabel('电子邮件').fill(demoAccounts.editor)
  await page.getByLabel('密码').fill(demoPassword)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page).toHaveURL(/\/admin$/)
  await page.goto('/admin/collections/books')
  await page.getByRole('link', { name: /导入馆藏/ }).click()
  await expect(page.getByRole('heading', { name: '导入馆藏' })).toBeVisible()

  await page.locator('input[type="file"]').setInputFiles(file)
  await page.getByRole('button', { name: '预览' }).click()
  const preview = page.getByRole('region', { name: '导入预览' })
  await expect(preview.locator('[data-action="new"] strong')).toHaveText('4')
  await expect(preview.locator('[data-action="invalid"] strong')).toHaveText('1')
  await expect(preview.getByLabel('列「作者」导入为')).toHaveValue('authors')
  await expect(preview.getByRole('row', { name: /^4 .*三楼走廊.*不存在/ })).toBeVisible()
  await expect(page.getByRole('button', { name: '全部有效才导入' })).toBeDisabled()

  await page.getByRole('button', { name: /导入有效的 4 条/ }).click()
  await expect(page.getByRole('status').filter({ hasText: '新增 4 本' })).toBeVisible()

  const token = await login(request, 'editor')
  const imported = await request.get(`/api/books?where[isbn][equals]=${sheet.rows[0][5]}&depth=0`, {
    headers: authHeaders(token),
  })
  const [book] = (await imported.json()).docs as { slug: string; title: string }[]
  expect(book.title).toBe(sheet.rows[0][0])
  await expect
    .poll(async () => {
      const response = await request.get(siteUrl(`/library/${book.slug}/`), {
        headers: { 'Cache-Control': 'no-cache' },
      })
      return response.ok() ? await response.text() : ''
    }, live)
    .toContain(sheet.rows[0][0])
  const refused = await request.get(`/api/books?where[isbn][equals]=${sheet.rows[2][5]}&depth=0`, {
    headers: authHeaders(token),
  })
  expect((await refused.json()).totalDocs).toBe(0)
})

test('import endpoints refuse anonymous visitors and contributors, and bad files get a 4xx in Chinese', async ({
  request,
}) => {
  const sheet = catalogue(1, { firstIndex: 90_000 })
  const multipart = async (extra: Record<string, string> = {}) => ({
    file: { name: 'a.xlsx', mimeType: 'application/octet-stream', buffer: await toXlsx(sheet) },
    ...extra,
  })
  expect(
    (await request.post('/api/books/import/preview', { multipart: await multipart() })).status(),
  ).toBe(401)
  const contributor = await login(request, 'contributor')
  const asContributor = await request.post('/api/books/import', {
    headers: authHeaders(contributor),
    multipart: await multipart(),
  })
  expect(asContributor.status()).toBe(403)
  expect((await asContributor.json()).errors[0].message).toMatch(/只有编辑或管理员/)

  const editor = await login(request, 'editor')
  for (const [body, status, message] of [
    [
      { file: { name: 'a.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') } },
      400,
      /不支持/,
    ],
    [await multipart({ _payload: '{"mapping":{"书名":"hash"}}' }), 400, /不存在/],
    [await multipart({ _payload: '{"mode":"everything"}' }), 400, /导入方式/],
    [await multipart({ _payload: 'not json' }), 400, /JSON/],
  ] as const) {
    const response = await request.post('/api/books/import', {
      headers: authHeaders(editor),
      multipart: body,
    })
    expect(response.status()).toBe(status)
    expect((await response.json()).errors[0].message).toMatch(message)
  }
})
