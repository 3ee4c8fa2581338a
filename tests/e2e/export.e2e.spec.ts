import fs from 'node:fs'
import { expect, test } from '@playwright/test'
import { demoAccounts, demoPassword } from '../helpers/api'

test('an editor exports the books as CSV from the list, which shows authors as text', async ({
  page,
}) => {
  await page.goto('/admin/login')
  await page.getByLabel('电子邮件').fill(demoAccounts.editor)
  await page.getByLabel('密码').fill(demoPassword)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page).toHaveURL(/\/admin$/)

  await page.goto(`/admin/collections/books?search=${encodeURIComponent('共产党宣言')}`)
  const row = page.locator('tbody tr').filter({
    has: page.getByRole('link', { name: '共产党宣言', exact: true }),
  })
  await expect(row.locator('.cell-authors')).toHaveText('马克思、恩格斯')
  await expect(page.locator('table')).not.toContainText('["')

  await page.getByRole('button', { name: '导出' }).click()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /^CSV/ }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^汇书房馆藏-\d{8}\.csv$/)
  const bytes = fs.readFileSync(await download.path())
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = bytes.subarray(3).toString('utf8')
  expect(text.split('\r\n')[0]).toMatch(/^id,title,subtitle,slug,authors,/)
  expect(text).toContain('共产党宣言')
  expect(text).toContain('马克思；恩格斯')
})
