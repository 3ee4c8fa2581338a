/**
 * The static server's redirects: `_redirects` applied with a 301 and its Location only where no
 * file answers, read again when the publisher replaces it, never a way to another site.
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { netlifyRedirects } from '../../shared/redirects/redirectFiles'
import { writeFileAtomically } from '../../shared/writeFileAtomically'
import { createStaticServer } from '../../site/server/staticServer'

let root: string
let server: http.Server
let port: number

const page = (urlPath: string, html: string) => {
  const file = path.join(root, urlPath, 'index.html')
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, html)
}

/** A raw request (fetch would normalise the path), answered without following redirects. */
function get(urlPath: string, method = 'GET') {
  return new Promise<{ status: number; location?: string; cache?: string; body: string }>(
    (resolve, reject) => {
      const request = http.request({ port, path: urlPath, method }, (response) => {
        let body = ''
        response.on('data', (chunk) => (body += chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location,
            cache: response.headers['cache-control'],
            body,
          }),
        )
      })
      request.on('error', reject)
      request.end()
    },
  )
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-static-redirects-'))
  fs.writeFileSync(path.join(root, '404.html'), '<h1>页面未找到</h1>')
  page('/news', '<h1>新闻</h1>')
  page('/news/new', '<h1>新文章</h1>')
  page('/news/kept', '<h1>仍在的页面</h1>')
  fs.writeFileSync(
    path.join(root, '_redirects'),
    netlifyRedirects([
      { from: '/news/old/', to: '/news/new/' },
      { from: '/news/党史/', to: '/news/new/' },
      { from: '/news/kept/', to: '/news/new/' },
      { from: '/party/', to: 'https://www.12371.cn/' },
      { from: '/search-old/', to: '/search/?q=%E5%85%9A' },
    ]) + '/evil/ //evil.example/ 301\n',
  )
  fs.writeFileSync(path.join(root, '_redirects.map'), '"/news/old/" "/news/new/";\n')
  server = createStaticServer(root)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  fs.rmSync(root, { recursive: true, force: true })
})

it('answers a redirect with 301, its Location and an hour of caching', async () => {
  const answer = await get('/news/old/')
  expect(answer).toMatchObject({ status: 301, location: '/news/new/' })
  expect(answer.cache).toBe('public, max-age=3600')
  expect((await get('/news/old/', 'HEAD')).status).toBe(301)
})

it('finds a redirect however the path is written', async () => {
  for (const urlPath of [
    '/news/old',
    '/news//old/',
    '/news/%E5%85%9A%E5%8F%B2/',
    '/news/%e5%85%9a%e5%8f%b2/',
  ])
    expect(await get(urlPath), urlPath).toMatchObject({ status: 301, location: '/news/new/' })
})

it('keeps the query for the site, not for other sites or a target with its own', async () => {
  expect((await get('/news/old/?from=singlemessage')).location).toBe(
    '/news/new/?from=singlemessage',
  )
  expect((await get('/party/?from=singlemessage')).location).toBe('https://www.12371.cn/')
  expect((await get('/search-old/?x=1')).location).toBe('/search/?q=%E5%85%9A')
})

it('serves a page over a redirect from its path, and 404 where there is neither', async () => {
  expect(await get('/news/kept/')).toMatchObject({ status: 200 })
  expect((await get('/news/kept/')).body).toContain('仍在的页面')
  expect((await get('/news/nothing/')).status).toBe(404)
})

it('never sends a visitor to another site through a line it did not write', async () => {
  expect((await get('/evil/')).status).toBe(404)
  // A folder without its slash: one leading slash, never `//news/` (another host).
  for (const urlPath of ['/.//news', '/a/..//news', '/x/%2e%2e//news']) {
    const answer = await get(urlPath)
    expect(answer.status, urlPath).toBe(301)
    expect(answer.location, urlPath).toBe('/news/')
  }
})

it('does not serve the redirect files themselves', async () => {
  for (const urlPath of ['/_redirects', '/_redirects.map', '/%5Fredirects', '/%5fredirects.map'])
    expect((await get(urlPath)).status, urlPath).toBe(404)
})

it('reads the file again when the publisher replaces it', async () => {
  writeFileAtomically(
    path.join(root, '_redirects'),
    netlifyRedirects([{ from: '/news/older/', to: '/news/new/' }]),
  )
  expect((await get('/news/older/')).status).toBe(301)
  expect((await get('/news/old/')).status).toBe(404)
  fs.rmSync(path.join(root, '_redirects'))
  expect((await get('/news/older/')).status).toBe(404)
})
