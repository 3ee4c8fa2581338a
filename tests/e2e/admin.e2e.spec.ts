import { expect, test } from '@playwright/test'
import { generateImage } from '../../cms/seed/generateImage'
import { demoAccounts, demoPassword } from '../helpers/api'

test('an editor logs in, writes a news item with a cover image, publishes it, and REST returns it', async ({
  page,
  request,
}) => {
  const title = `端到端测试：楼宇党员志愿服务日 ${Date.now()}`
  const image = await generateImage({ seed: 42, motif: 'wave', width: 1200, height: 800 })

  await page.goto('/admin/login')
  await expect(page.getByText('红色山高').first()).toBeVisible()
  await page.getByLabel('电子邮件').fill(demoAccounts.editor)
  await page.getByLabel('密码').fill(demoPassword)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page).toHaveURL(/\/admin$/)

  await page.goto('/admin/collections/news/create')
  await page.locator('#field-title').fill(title)
  await page
    .locator('#field-summary')
    .fill('楼宇党员志愿者走进社区，为群众提供政策咨询与便民服务。')

  // Category: a react-select.
  await page.locator('#field-category').click()
  await page.getByText('志愿服务', { exact: true }).click()

  // Cover: upload a new image through the drawer, with its alt text.
  await page.locator('#field-cover').getByRole('button', { name: '创建新条目' }).click()
  const drawer = page.locator('.drawer__content, [role="dialog"]').last()
  await drawer
    .locator('input[type="file"]')
    .setInputFiles({ name: 'volunteer-day.jpg', mimeType: 'image/jpeg', buffer: image })
  await drawer.locator('#field-alt').fill('党员志愿者在楼宇大厅为群众服务')
  await drawer.getByRole('button', { name: '保存' }).click()
  await expect(page.locator('#field-cover')).toContainText('volunteer-day', { timeout: 30_000 })

  await page.getByRole('button', { name: /^发布/ }).first().click()
  await expect(page.getByText(/状态:\s*已发布|已发布/).first()).toBeVisible({ timeout: 30_000 })

  const response = await request.get(
    `/api/news?where[title][equals]=${encodeURIComponent(title)}&depth=1`,
  )
  expect(response.ok()).toBe(true)
  const { docs } = await response.json()
  expect(docs).toHaveLength(1)
  expect(docs[0]).toMatchObject({ title, category: 'volunteer', _status: 'published' })
  expect(docs[0].slug).toMatch(/^duan-dao-duan-ce-shi-lou-yu-dang-yuan-zhi-yuan-fu-wu-ri/)
  expect(docs[0].cover).toMatchObject({
    alt: '党员志愿者在楼宇大厅为群众服务',
    mimeType: 'image/jpeg',
  })
  expect(docs[0].cover.sizes.og).toMatchObject({ width: 1200, height: 630, mimeType: 'image/webp' })
  expect(docs[0].publishedAt).toBeTruthy()

  const file = await request.get(docs[0].cover.url)
  expect(file.ok()).toBe(true)
  expect(file.headers()['content-type']).toContain('image/jpeg')
})
