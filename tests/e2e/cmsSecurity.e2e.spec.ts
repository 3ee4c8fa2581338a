import { expect, test } from '@playwright/test'
import { demoAccounts, demoPassword } from '../helpers/api'

/**
 * The CMS as a browser and a script meet it over real HTTP (`npm start`): security headers on
 * the admin and the API, an admin that still works under its CSP, Secure cookies over HTTPS
 * behind the (trusted) proxy, and the GraphQL amplification refused by the real Next route.
 */
const expectSecurityHeaders = (headers: Record<string, string>, where: string) => {
  expect(headers['content-security-policy'], where).toContain("frame-ancestors 'none'")
  expect(headers['content-security-policy'], where).toContain("object-src 'none'")
  expect(headers['x-frame-options'], where).toBe('DENY')
  expect(headers['x-content-type-options'], where).toBe('nosniff')
  expect(headers['referrer-policy'], where).toBe('strict-origin-when-cross-origin')
}

test('the admin, REST and GraphQL answer with the security headers', async ({ request }) => {
  for (const path of ['/admin/login', '/api/news?limit=1', '/api/globals/site']) {
    const response = await request.get(path)
    expect(response.status(), path).toBe(200)
    expectSecurityHeaders(response.headers(), path)
  }
  const graphql = await request.post('/api/graphql', {
    data: { query: '{ NewsItems(limit: 1) { totalDocs } }' },
  })
  expectSecurityHeaders(graphql.headers(), '/api/graphql')
})

test('the admin works under its CSP: login, dashboard, a document, no violations', async ({
  page,
}) => {
  const violations: string[] = []
  page.on('console', (message) => {
    if (
      /Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())
    )
      violations.push(message.text())
  })
  await page.goto('/admin/login')
  await page.getByLabel('电子邮件').fill(demoAccounts.editor)
  await page.getByLabel('密码').fill(demoPassword)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page).toHaveURL(/\/admin$/)
  await expect(page.getByText('网站状态').first()).toBeVisible()
  await page.goto('/admin/collections/news')
  await page.locator('table a, .cell-title a').first().click()
  await expect(page.locator('#field-title')).toBeVisible()
  expect(violations).toEqual([])
})

test('the login cookie is Secure when the request came over HTTPS (X-Forwarded-Proto from the trusted proxy)', async ({
  playwright,
  baseURL,
}) => {
  const client = await playwright.request.newContext({ baseURL })
  const cookieOf = async (headers: Record<string, string>) => {
    const response = await client.post('/api/users/login', {
      headers,
      data: { email: demoAccounts.contributor, password: demoPassword },
    })
    expect(response.ok()).toBe(true)
    return response
      .headersArray()
      .filter((header) => header.name.toLowerCase() === 'set-cookie')
      .map((header) => header.value)
      .join('\n')
  }
  expect(await cookieOf({ 'X-Forwarded-Proto': 'https' })).toMatch(
    /payload-token=[^\n]*;\s*Secure/i,
  )
  expect(await cookieOf({})).not.toMatch(/;\s*Secure/i)
  await client.dispose()
})

test('an amplifying GraphQL query is refused with 400 at once; a parallel light request is not held up', async ({
  request,
}) => {
  const heavy = `{ ${Array.from({ length: 160 }, (_, i) => `b${i}: Books(limit: 1000) { docs { title authors summary } }`).join(' ')} }`
  const light = async () => {
    const started = Date.now()
    const response = await request.get('/api/books?limit=1')
    expect(response.ok()).toBe(true)
    return Date.now() - started
  }
  const baseline = Math.max(await light(), await light())
  const [refused, during] = await Promise.all([
    request.post('/api/graphql', { data: { query: heavy } }),
    light(),
  ])
  expect(refused.status()).toBe(400)
  expect((await refused.json()).errors[0].message).toMatch(/[\u4e00-\u9fff]/)
  expect(during).toBeLessThan(Math.max(1000, baseline * 20))
  expect((await request.get('/api/books?limit=1000')).status()).toBe(400)
})

test('in the admin, changing one’s own password asks for the current one', async ({
  page,
  request,
}) => {
  const adminLogin = await request.post('/api/users/login', {
    data: { email: demoAccounts.admin, password: demoPassword },
  })
  const email = `password-change-${Date.now()}@hongse.example`
  const created = await request.post('/api/users', {
    headers: { Authorization: `JWT ${(await adminLogin.json()).token}` },
    data: { email, password: 'first-password-1', name: '改密测试', roles: ['contributor'] },
  })
  expect(created.status()).toBe(201)

  await page.goto('/admin/login')
  await page.getByLabel('电子邮件').fill(email)
  await page.getByLabel('密码').fill('first-password-1')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page).toHaveURL(/\/admin$/)
  await page.goto('/admin/account')
  await expect(page.locator('#field-currentPassword')).toHaveAttribute('type', 'password')
  await page.getByRole('button', { name: '更改密码' }).click()
  await page.locator('#field-password').fill('second-password-2')
  await page.locator('#field-confirm-password').fill('second-password-2')
  // The admin validates edits in a debounced server round trip; saving before it answers is
  // refused on the stale state, so wait for it as a person typing would.
  const typeCurrentPassword = async (value: string) => {
    const validated = page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        new URL(response.url()).pathname === '/admin/account',
    )
    await page.locator('#field-currentPassword').fill(value)
    await validated
  }
  await typeCurrentPassword('wrong-current-1')
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText('请输入正确的当前密码').first()).toBeVisible()
  await typeCurrentPassword('first-password-1')
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.locator('.payload-toast-container')).toContainText(/成功/)
  const relogin = await request.post('/api/users/login', {
    headers: { 'X-Forwarded-For': '192.0.2.55' },
    data: { email, password: 'second-password-2' },
  })
  expect(relogin.ok()).toBe(true)
})
