/**
 * The contributor-to-admin chain of issue 10, end to end in a real browser against `npm start`:
 * a contributor's polyglot upload is refused, an old one already on disk is served by the CMS and
 * the public site only as an image or a download (never a page), preview media need a signature,
 * and a page on another origin cannot use the admin's cookie (csrf). No admin is created and no
 * script runs. Also: the public site's headers, and no CSP violation on pages with inline scripts.
 */
import fs from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import sharp from 'sharp'
import { authHeaders, demoAccounts, demoPassword, login } from '../helpers/api'
import { siteUrl } from '../helpers/siteContent'

const dataDir = process.env.E2E_DATA_DIR!
const script = `<html><body><script>
  window.__pwned = true;
  const form = new FormData();
  form.append('_payload', JSON.stringify({ email: 'intruder@evil.example', password: 'intruder-password-1', name: 'x', roles: ['admin'] }));
  fetch('/api/users', { method: 'POST', body: form, credentials: 'include' }).catch(() => {});
</script></body></html>`

async function polyglotPng(): Promise<Buffer> {
  const png = await sharp({
    create: { width: 1800, height: 900, channels: 3, background: { r: 200, g: 20, b: 20 } },
  })
    .png()
    .toBuffer()
  return Buffer.concat([png, Buffer.from(script)])
}

async function intruders(
  request: import('@playwright/test').APIRequestContext,
  token: string,
): Promise<number> {
  const response = await request.get('/api/users?where[email][equals]=intruder@evil.example', {
    headers: authHeaders(token),
  })
  expect(response.ok()).toBe(true)
  return (await response.json()).totalDocs
}

async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto('/admin/login')
  await page.getByLabel('电子邮件').fill(demoAccounts.admin)
  await page.getByLabel('密码').fill(demoPassword)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page).toHaveURL(/\/admin$/)
}

test('a contributor cannot turn an upload into a page that acts as the admin', async ({
  page,
  request,
}) => {
  const contributor = await login(request, 'contributor')
  const admin = await login(request, 'admin')
  const polyglot = await polyglotPng()

  // 1. The upload itself: refused, whatever it is called.
  for (const name of ['x.html', 'x.png', 'x\u202Elmth.png']) {
    const refused = await request.post('/api/media', {
      headers: authHeaders(contributor),
      multipart: {
        file: { name, mimeType: 'text/html', buffer: polyglot },
        _payload: JSON.stringify({ alt: '伪装图片' }),
      },
    })
    expect(refused.status(), name).toBe(400)
    expect(JSON.stringify(await refused.json())).toMatch(/伪装的网页或脚本/)
  }
  // A clean image named as a page is stored under its real type.
  const clean = await sharp({
    create: { width: 1800, height: 900, channels: 3, background: { r: 1, g: 2, b: 3 } },
  })
    .png()
    .toBuffer()
  const stored = await request.post('/api/media', {
    headers: authHeaders(contributor),
    multipart: {
      file: { name: 'x.png.html', mimeType: 'text/html', buffer: clean },
      _payload: JSON.stringify({ alt: '干净图片' }),
    },
  })
  expect(stored.status()).toBe(201)
  expect((await stored.json()).doc.filename).toBe('x-png.png')

  // 2. A polyglot that got onto disk before the fix (as `legacy.html`) and into a release.
  fs.writeFileSync(path.join(dataDir, 'media', 'legacy.html'), polyglot)
  fs.writeFileSync(path.join(dataDir, 'media', 'legacy.png'), polyglot)
  fs.writeFileSync(path.join(dataDir, 'media', 'page.html'), script)
  const release = fs.realpathSync(path.join(dataDir, 'site', 'current'))
  fs.writeFileSync(path.join(release, 'public', 'media', 'legacy.html'), polyglot)
  fs.writeFileSync(path.join(release, 'public', 'media', 'legacy.png'), polyglot)

  const served = {
    cms: await request.get('/api/media/file/legacy.html'),
    cmsPng: await request.get('/api/media/file/legacy.png'),
    cmsPage: await request.get('/api/media/file/page.html'),
    site: await request.get(siteUrl('/media/legacy.html')),
    sitePng: await request.get(siteUrl('/media/legacy.png')),
  }
  for (const [where, response] of Object.entries(served)) {
    expect(response.status(), where).toBe(200)
    expect(response.headers()['x-content-type-options'], where).toBe('nosniff')
    expect(response.headers()['content-type'], where).toMatch(
      /^(image\/png|application\/octet-stream)$/,
    )
  }
  // The CMS names a file's type by its bytes (a PNG, whatever the name); a page is a download.
  expect(served.cms.headers()['content-type']).toBe('image/png')
  expect(served.cmsPage.headers()['content-type']).toBe('application/octet-stream')
  expect(served.cmsPage.headers()['content-disposition']).toBe('attachment')
  expect(served.site.headers()['content-disposition']).toBe('attachment')
  expect(served.sitePng.headers()['content-type']).toBe('image/png')
  // Preview media without a signature: nothing.
  for (const name of ['legacy.html', 'legacy.png', 'x-png.png'])
    expect((await request.get(siteUrl(`/__preview/media/${name}`))).status(), name).toBe(404)

  // 3. The admin, signed in, opens each URL on both ports: no script runs, no admin appears.
  await signInAsAdmin(page)
  let dialogs = 0
  page.on('dialog', (dialog) => {
    dialogs++
    void dialog.dismiss()
  })
  for (const url of [
    '/api/media/file/legacy.png',
    '/api/media/file/legacy.html',
    siteUrl('/media/legacy.png'),
    siteUrl('/__preview/media/legacy.html'),
    siteUrl('/__preview/media/legacy.png'),
  ]) {
    await page.goto(url)
    expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned ?? false), url).toBe(
      false,
    )
  }
  // The HTML-named files are downloads: the browser does not render them.
  for (const url of ['/api/media/file/page.html', siteUrl('/media/legacy.html')]) {
    const download = page.waitForEvent('download')
    await page.goto(url).catch(() => undefined)
    expect((await download).suggestedFilename()).toMatch(/^(legacy|page)\.html$/)
  }
  await page.waitForTimeout(500)
  expect(dialogs).toBe(0)
  expect(await intruders(request, admin)).toBe(0)
})

test('a page on another origin cannot use the admin cookie (csrf), the admin itself can', async ({
  page,
  request,
}) => {
  const admin = await login(request, 'admin')
  await signInAsAdmin(page)
  const cmsOrigin = new URL(page.url()).origin
  const body = {
    email: 'intruder@evil.example',
    password: 'intruder-password-1',
    name: 'x',
    roles: ['admin'],
  }

  // From the public site's origin (same site: localhost), with the admin's cookie in the browser.
  await page.goto(siteUrl('/'))
  const crossOrigin = await page.evaluate(
    async ({ cmsOrigin, body }) => {
      const form = new FormData()
      form.append('_payload', JSON.stringify(body))
      await fetch(`${cmsOrigin}/api/users`, {
        method: 'POST',
        body: form,
        credentials: 'include',
        mode: 'no-cors',
      }).catch(() => undefined)
      const me = await fetch(`${cmsOrigin}/api/users/me`, { credentials: 'include' })
        .then((r) => r.json())
        .catch(() => 'blocked')
      return me
    },
    { cmsOrigin, body },
  )
  expect(JSON.stringify(crossOrigin)).not.toContain(demoAccounts.admin)
  expect(await intruders(request, admin)).toBe(0)

  // From the CMS's own origin the same cookie works (the admin is not broken by the allow-list).
  const sameOrigin = await page.request.get(`${cmsOrigin}/api/users/me`, {
    headers: { Origin: cmsOrigin },
  })
  expect((await sameOrigin.json()).user?.email).toBe(demoAccounts.admin)
  const refused = await page.request.get(`${cmsOrigin}/api/users/me`, {
    headers: { Origin: siteUrl('/').replace(/\/$/, '') },
  })
  expect((await refused.json()).user ?? null).toBeNull()
})

test('the public site sends its security headers, and its inline scripts run under the CSP', async ({
  page,
  request,
}) => {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text()))
      violations.push(message.text())
  })
  for (const pathname of ['/', '/search/', '/news/', '/no-such-page/']) {
    const response = await request.get(siteUrl(pathname))
    const headers = response.headers()
    expect(headers['content-security-policy'], pathname).toMatch(
      /script-src 'self' 'sha256-[^;]+; /,
    )
    expect(headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe/)
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBeTruthy()
    expect(headers['permissions-policy']).toBeTruthy()
  }
  // Header search loader (inline) → box.js; the search page's island (Astro's inline runtime).
  await page.goto(siteUrl('/search/?q=红领讲堂'))
  await expect(page.locator('#search-nojs')).toBeHidden()
  await expect(page.locator('.search-result').first()).toBeVisible()
  await page.goto(siteUrl('/'))
  const box = page.getByRole('combobox').first()
  await box.click()
  await box.pressSequentially('红领讲堂')
  await expect(page.getByRole('option').first()).toBeVisible()
  // Lecture chapters (inline seek script).
  const lectures = await (
    await request.get('/api/lectures?limit=50&depth=0&where[_status][equals]=published')
  ).json()
  const lecture = lectures.docs.find(
    (l: { recording?: unknown; chapters?: unknown[] }) =>
      l.recording && (l.chapters?.length ?? 0) > 1,
  )
  await page.goto(siteUrl(`/lectures/${lecture.slug}/`))
  await page.locator('a[href^="#t="]').nth(1).click()
  await expect(page).toHaveURL(/#t=\d+/)
  await expect
    .poll(() =>
      page.evaluate(() => (document.getElementById('player') as HTMLMediaElement).currentTime),
    )
    .toBeGreaterThan(0)
  expect(violations).toEqual([])
})

test('a draft preview shows its images through signed media links, under the site CSP', async ({
  page,
  request,
}) => {
  const editor = await login(request, 'editor')
  const { signPreviewUrl } = await import('../../shared/previewLink')
  const media = await (
    await request.get('/api/media?limit=1&where[mimeType][contains]=image&depth=0')
  ).json()
  const created = await request.post('/api/news?draft=true', {
    headers: authHeaders(editor),
    data: {
      title: `预览图片测试 ${Date.now()}`,
      category: 'party-building',
      summary: '草稿',
      cover: media.docs[0].id,
      _status: 'draft',
    },
  })
  expect(created.ok()).toBe(true)
  const id = (await created.json()).doc.id
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  const url = signPreviewUrl(
    siteUrl('/').replace(/\/$/, ''),
    'news',
    id,
    process.env.PAYLOAD_SECRET ?? 'e2e-secret',
  )
  const response = await page.goto(url)
  expect(response?.headers()['x-content-type-options']).toBe('nosniff')
  expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' 'sha256-/)
  const cover = page.locator('img[src^="/__preview/media/"]').first()
  await expect(cover).toHaveAttribute('src', /\?expires=\d+&signature=[0-9a-f]{64}$/)
  await expect
    .poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
    .toBe(true)
  // The same media URL without its signature: nothing.
  const bare = (await cover.getAttribute('src'))!.split('?')[0]
  expect((await request.get(siteUrl(bare))).status()).toBe(404)
  expect(violations).toEqual([])
})
