/**
 * Security of the public site's servers: the static server (types, nosniff, CSP with hashed inline
 * scripts, hostile URLs answered 400/404 and not logged whole) and the draft preview's media
 * route (signature required, allow-listed types only).
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createHash } from 'node:crypto'
import { createPreviewHandler, signMediaUrls } from '../../publisher/preview'
import { createStaticServer } from '../../site/server/staticServer'
import { searchLoaderScript, searchNoJsScript } from '../../site/src/lib/inlineScripts'

const polyglotPng = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000'.padEnd(66, '0'), 'hex'),
  Buffer.from('<html><script>alert(1)</script></html>'),
])

let root: string
let mediaDir: string
let server: http.Server
let base: string
let preview: http.Server
let previewBase: string
let previewForwarder: http.Server
let forwarding: http.Server
let forwardingBase: string
const secret = 'unit-secret'

const listen = async (s: http.Server) => {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-static-sec-'))
  mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-preview-media-'))
  fs.mkdirSync(path.join(root, 'media'))
  fs.mkdirSync(path.join(root, 'news'))
  fs.writeFileSync(path.join(root, 'news', 'index.html'), '<h1>新闻</h1>')
  fs.writeFileSync(path.join(root, '404.html'), '<h1>页面未找到</h1>')
  for (const name of ['x.html', 'x.png', 'x.svg', 'x.pdf', 'x.mp3', 'x.txt']) {
    fs.writeFileSync(path.join(root, 'media', name), polyglotPng)
    fs.writeFileSync(path.join(mediaDir, name), polyglotPng)
  }
  server = createStaticServer(root)
  base = await listen(server)
  preview = http.createServer(createPreviewHandler({} as never, {} as never, secret, mediaDir))
  previewBase = await listen(preview)
  // The static server forwarding /__preview/ to the publisher's socket, as in `npm start`.
  const socket = path.join(mediaDir, 'publisher.sock')
  previewForwarder = http.createServer(
    createPreviewHandler({} as never, {} as never, secret, mediaDir),
  )
  await new Promise<void>((resolve) => previewForwarder.listen(socket, resolve))
  forwarding = createStaticServer(root, { previewSocket: socket })
  forwardingBase = await listen(forwarding)
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await new Promise((resolve) => preview.close(resolve))
  await new Promise((resolve) => forwarding.close(resolve))
  await new Promise((resolve) => previewForwarder.close(resolve))
  fs.rmSync(root, { recursive: true, force: true })
  fs.rmSync(mediaDir, { recursive: true, force: true })
})

const hash = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`

describe('static server headers', () => {
  it('sends a strict CSP with the inline scripts hashed, nosniff, Referrer-Policy and Permissions-Policy on pages', async () => {
    for (const url of ['/news/', '/missing/', '/news']) {
      const response = await fetch(base + url, { redirect: 'manual' })
      const csp = response.headers.get('content-security-policy') ?? ''
      expect(csp, url).toMatch(/script-src 'self' 'sha256-/)
      expect(csp).not.toContain("unsafe-inline' 'sha")
      expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/)
      expect(csp).toContain("object-src 'none'")
      for (const script of [searchLoaderScript, searchNoJsScript])
        expect(csp).toContain(hash(script))
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      expect(response.headers.get('permissions-policy')).toContain('camera=()')
    }
  })

  it('serves media only as allow-listed types: HTML, SVG and text uploads are downloads, never pages', async () => {
    const expected: Record<string, [string, string]> = {
      'x.html': ['application/octet-stream', 'attachment'],
      'x.svg': ['application/octet-stream', 'attachment'],
      'x.txt': ['application/octet-stream', 'attachment'],
      'x.png': ['image/png', 'inline'],
      'x.pdf': ['application/pdf', 'inline'],
      'x.mp3': ['audio/mpeg', 'inline'],
    }
    for (const [name, [type, disposition]] of Object.entries(expected)) {
      const response = await fetch(`${base}/media/${name}`)
      expect(response.status, name).toBe(200)
      expect(response.headers.get('content-type'), name).toBe(type)
      expect(response.headers.get('content-disposition'), name).toBe(disposition)
      expect(response.headers.get('x-content-type-options'), name).toBe('nosniff')
      if (type !== 'application/pdf')
        expect(response.headers.get('content-security-policy'), name).toContain('sandbox')
    }
  })
})

describe('static server: hostile URLs', () => {
  const raw = (urlPath: string) =>
    new Promise<number>((resolve, reject) => {
      const { port } = new URL(base)
      http
        .get({ host: '127.0.0.1', port, path: urlPath }, (response) => {
          response.resume()
          resolve(response.statusCode ?? 0)
        })
        .on('error', reject)
    })

  it('answers NUL bytes, bad % escapes and over-long paths with 400 or 404, never 500, and logs no whole URL', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const long = `/${'a'.repeat(300)}/`
    const veryLong = `/${'b/'.repeat(5000)}`
    const cases: Record<string, number[]> = {
      '/news/%00': [400],
      '/news%00.html': [400],
      '/%E0%A4%A': [400],
      '/%': [400],
      '/news/%ZZ/': [400],
      [long]: [404],
      [veryLong]: [400],
      [`/${'%F0%9F%98%80'.repeat(200)}`]: [400, 404],
      '/../../etc/passwd': [404],
      '/%2e%2e/%2e%2e/etc/passwd': [404],
    }
    for (const [urlPath, statuses] of Object.entries(cases))
      expect(statuses, urlPath.slice(0, 40)).toContain(await raw(urlPath))
    const logged = errors.mock.calls.flat().join('\n')
    errors.mockRestore()
    expect(logged).not.toContain(
      'b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b/b',
    )
  })
})

describe('preview media', () => {
  const expires = Math.floor(Date.now() / 1000) + 600
  const signedUrl = (name: string) => {
    const html = signMediaUrls(`<img src="/media/${encodeURIComponent(name)}">`, secret, expires)
    return previewBase + /src="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&')
  }

  it('refuses unsigned, forged and expired media links with a 404', async () => {
    expect((await fetch(`${previewBase}/__preview/media/x.png`)).status).toBe(404)
    const forged = signedUrl('x.png').replace(
      /signature=[0-9a-f]/,
      (s) => s.slice(0, -1) + (s.endsWith('0') ? '1' : '0'),
    )
    expect((await fetch(forged)).status).toBe(404)
    const other = signedUrl('x.pdf').replace('x.pdf', 'x.png')
    expect((await fetch(other)).status).toBe(404)
    const past = signMediaUrls(
      '<img src="/media/x.png">',
      secret,
      Math.floor(Date.now() / 1000) - 1,
    )
    expect(
      (await fetch(previewBase + /src="([^"]+)"/.exec(past)![1].replace(/&amp;/g, '&'))).status,
    ).toBe(404)
  })

  it('serves a signed media link as its allow-listed type with nosniff, and never an HTML upload', async () => {
    const response = await fetch(signedUrl('x.png'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-security-policy')).toContain('sandbox')
    expect((await fetch(signedUrl('x.html'))).status).toBe(404)
    expect((await fetch(signedUrl('x.svg'))).status).toBe(404)
  })

  it('sends the site security headers on preview answers, once each, also through the static server', async () => {
    for (const url of [
      `${previewBase}/__preview/news/1/`,
      `${forwardingBase}/__preview/news/1/`,
      `${forwardingBase}/__preview/media/x.png`,
    ]) {
      const response = await fetch(url)
      expect(response.status, url).toBe(404)
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff')
      expect(response.headers.get('content-security-policy'), url).toMatch(
        /^default-src 'self'; script-src 'self' [^,]+$/,
      )
      expect(response.headers.get('permissions-policy'), url).toBeTruthy()
    }
    const media = await fetch(signedUrl('x.png').replace(previewBase, forwardingBase))
    expect(media.status).toBe(200)
    expect(media.headers.get('x-content-type-options')).toBe('nosniff')
    expect(media.headers.get('content-type')).toBe('image/png')
    expect(media.headers.get('content-security-policy')).toMatch(/^default-src 'none'[^,]*sandbox$/)
  })
})
