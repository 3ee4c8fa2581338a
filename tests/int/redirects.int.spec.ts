/**
 * 网址跳转 end to end on a real database, the real publisher and the static server: a renamed
 * page's old addresses answer 301 in the rename's own update, chains collapse, cycles and
 * open-redirect targets are refused with a Chinese 400, editors add and delete redirects by hand,
 * unpublished and deleted pages stay 404, and the live site still equals a clean full build.
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { exportSiteContent } from '../../cms/export/exportSiteContent'
import { generateImage } from '../../cms/seed/generateImage'
import type { Redirect } from '../../cms/payload-types'
import { Publisher } from '../../publisher/publisher'
import { Releases } from '../../publisher/releases'
import { createStaticServer } from '../../site/server/staticServer'
import { startApiServer, type ApiServer } from '../helpers/apiServer'
import { expectSameSite } from '../helpers/siteEquality'
import {
  createUser,
  describeOnDatabase,
  startTestPayload,
  type TestPayload,
} from '../helpers/testPayload'
import { readSitemap } from '../helpers/sitemap'

describeOnDatabase('redirects: renamed pages keep their old addresses', () => {
  let t: TestPayload
  let p: Payload
  let work: string
  let publisher: Publisher
  let server: http.Server
  let siteBase: string
  let api: ApiServer
  let editorToken: string
  let contributorToken: string
  let exhibitionId: number | string
  const news: Record<string, number | string> = {}

  const publish = async () => {
    const result = await publisher.drainQueue()
    return result
  }
  const queued = async () =>
    (await p.find({ collection: 'site-changes', overrideAccess: true, pagination: false })).docs
  /** The site's answer to a GET, without following redirects. */
  const visit = async (urlPath: string) => {
    const response = await fetch(`${siteBase}${urlPath}`, { redirect: 'manual' })
    return {
      status: response.status,
      location: response.headers.get('location'),
      body: await response.text(),
    }
  }
  const redirects = async () =>
    (
      await p.find({
        collection: 'redirects',
        overrideAccess: true,
        pagination: false,
        depth: 0,
        sort: 'from',
      })
    ).docs as Redirect[]
  const sitemap = () =>
    readSitemap((sitePath) => fs.readFileSync(path.join(publisher.servedDir, sitePath), 'utf8'))
  const rename = (collection: 'news' | 'exhibitions', id: number | string, slug: string) =>
    p.update({ collection, id, data: { slug, _status: 'published' } })
  const api$ = (method: string, urlPath: string, token: string, body?: object) =>
    fetch(`${api.url}${urlPath}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
      body: body ? JSON.stringify(body) : undefined,
    })

  beforeAll(async () => {
    process.env.SITE_URL = 'https://hongse.example'
    t = await startTestPayload()
    p = t.payload
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-redirects-test-'))
    await p.updateGlobal({ slug: 'site', data: { siteName: '红色山高', slogan: '党建引领' } })
    for (const [key, slug] of [
      ['a', 'dang-jian-a'],
      ['one', 'lun-huan-yi'],
      ['two', 'lun-huan-er'],
      ['three', 'lun-huan-san'],
      ['gone', 'ji-jiang-shan-chu'],
    ]) {
      const doc = await p.create({
        collection: 'news',
        data: {
          title: `新闻 ${key}`,
          slug,
          category: 'party-building',
          summary: `新闻 ${key} 的摘要`,
          _status: 'published',
        },
      })
      news[key] = doc.id
    }
    const exhibition = await p.create({
      collection: 'exhibitions',
      data: {
        title: '百年党史展',
        slug: 'bai-nian',
        sections: [{ title: '开天辟地' }],
        _status: 'published',
      },
    })
    exhibitionId = exhibition.id
    await p.create({
      collection: 'exhibits',
      data: {
        title: '中共一大',
        slug: 'zhong-gong-yi-da',
        exhibition: exhibition.id,
        section: '开天辟地',
        year: 1921,
        _status: 'published',
      },
    })
    await createUser(p, 'admin')
    api = await startApiServer()
    for (const role of ['editor', 'contributor'] as const) {
      const user = await createUser(p, role)
      const login = await fetch(`${api.url}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: user.email, password: 'test-password-1' }),
      })
      const token = (await login.json()).token
      if (role === 'editor') editorToken = token
      else contributorToken = token
    }
    publisher = new Publisher({
      payload: p,
      releasesDir: path.join(work, 'releases'),
      mediaDir: t.mediaDir,
      fullBuildIntervalHours: 0,
      log: () => {},
    })
    await publisher.start({ watch: false })
    await publisher.drainQueue()
    server = createStaticServer(publisher.servedDir)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    siteBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }, 240_000)

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve))
    await api?.close()
    await publisher?.stop()
    await t?.close()
    fs.rmSync(work, { recursive: true, force: true })
  })

  it('answers 301 from both old addresses after two renames, live in the rename’s own update', async () => {
    expect((await visit('/news/dang-jian-a/')).status).toBe(200)

    await rename('news', news.a, 'dang-jian-b')
    // The save, its queue row and the redirect (with its own row) committed together.
    const rows = await queued()
    expect(rows.map((row) => row.targetCollection).sort()).toEqual(['news', 'redirects'])
    const first = await publish()
    expect(first?.changes).toBe(2)
    expect(await visit('/news/dang-jian-a/')).toMatchObject({
      status: 301,
      location: '/news/dang-jian-b/',
    })
    expect((await visit('/news/dang-jian-b/')).body).toContain('新闻 a')

    await rename('news', news.a, 'dang-jian-c')
    expect((await publish())?.changes).toBe(2)
    for (const old of ['/news/dang-jian-a/', '/news/dang-jian-b/'])
      expect(await visit(old)).toMatchObject({ status: 301, location: '/news/dang-jian-c/' })
    // Without its slash and with WeChat's query, as shared links arrive.
    expect(await visit('/news/dang-jian-a?from=singlemessage')).toMatchObject({
      status: 301,
      location: '/news/dang-jian-c/?from=singlemessage',
    })
    expect((await visit('/news/dang-jian-c/')).status).toBe(200)

    // Both old addresses point at the document itself: no chain is stored.
    const stored = await redirects()
    expect(stored.map((redirect) => [redirect.from, redirect.origin])).toEqual([
      ['/news/dang-jian-a/', 'auto'],
      ['/news/dang-jian-b/', 'auto'],
    ])
    for (const redirect of stored)
      expect(redirect.to.reference).toEqual({ relationTo: 'news', value: news.a })

    const map = await sitemap()
    expect(map).toContain('https://hongse.example/news/dang-jian-c/')
    expect(map).not.toContain('dang-jian-a')
    expect(map).not.toContain('dang-jian-b')
    const files = ['_redirects', '_redirects.map'].map((name) =>
      fs.readFileSync(path.join(publisher.servedDir, name), 'utf8'),
    )
    expect(files[0]).toContain('/news/dang-jian-b/ /news/dang-jian-c/ 301')
    expect(files[1]).toContain('"/news/dang-jian-b/" "/news/dang-jian-c/";')
    // The files are for servers, not visitors.
    expect((await visit('/_redirects')).status).toBe(404)
    expect((await visit('/_redirects.map')).status).toBe(404)
  }, 120_000)

  it('a draft rename changes nothing; a refused rename leaves no redirect and no queue row', async () => {
    await p.update({ collection: 'news', id: news.a, draft: true, data: { slug: 'cao-gao' } })
    await publish()
    expect((await redirects()).map((redirect) => redirect.from)).not.toContain('/news/dang-jian-c/')
    expect((await visit('/news/dang-jian-c/')).status).toBe(200)
    // Publish the draft back to the live slug: nothing moved.
    await rename('news', news.a, 'dang-jian-c')
    await publish()

    // Another document's slug: refused as a whole.
    const refused = await rename('news', news.one, 'dang-jian-c').catch((error) => error)
    expect(JSON.stringify(refused.data)).toContain('已被使用')
    expect(await queued()).toEqual([])
    expect((await redirects()).map((redirect) => redirect.from)).not.toContain('/news/lun-huan-yi/')

    // A failure after the redirect was written (its queue row): the save, its row and the
    // redirect roll back together.
    const create = p.db.create.bind(p.db)
    p.db.create = (async (args: Parameters<Payload['db']['create']>[0]) => {
      const data = args.data as { targetCollection?: string }
      if (args.collection === 'site-changes' && data.targetCollection === 'redirects')
        throw new Error('注入的故障：队列写入失败')
      return create(args)
    }) as Payload['db']['create']
    try {
      await expect(rename('news', news.one, 'hui-gun')).rejects.toThrow('注入的故障')
    } finally {
      p.db.create = create
    }
    expect((await p.findByID({ collection: 'news', id: news.one })).slug).toBe('lun-huan-yi')
    expect(await queued()).toEqual([])
    expect((await redirects()).map((redirect) => redirect.from)).not.toContain('/news/lun-huan-yi/')
  }, 60_000)

  it('rotates slugs through three documents without a loop', async () => {
    // one: lun-huan-yi → x; two → lun-huan-yi; three → lun-huan-er; one → lun-huan-san.
    await rename('news', news.one, 'lun-huan-x')
    await rename('news', news.two, 'lun-huan-yi')
    await rename('news', news.three, 'lun-huan-er')
    await rename('news', news.one, 'lun-huan-san')
    await publish()
    // Each slug is a page again, so none of them redirects.
    expect((await visit('/news/lun-huan-yi/')).body).toContain('新闻 two')
    expect((await visit('/news/lun-huan-er/')).body).toContain('新闻 three')
    expect((await visit('/news/lun-huan-san/')).body).toContain('新闻 one')
    expect(await visit('/news/lun-huan-x/')).toMatchObject({
      status: 301,
      location: '/news/lun-huan-san/',
    })
    const froms = (await redirects()).map((redirect) => redirect.from)
    for (const live of ['/news/lun-huan-yi/', '/news/lun-huan-er/', '/news/lun-huan-san/'])
      expect(froms).not.toContain(live)
    // Every served rule is one hop to a page (the fixed pattern lines for old news pages aside).
    for (const line of fs
      .readFileSync(path.join(publisher.servedDir, '_redirects'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('/') && !line.includes('*'))) {
      const [, to] = line.split(' ')
      expect((await visit(to)).status, line).toBe(200)
    }
  }, 60_000)

  it('moves an exhibition’s exhibits with it', async () => {
    await rename('exhibitions', exhibitionId, 'bai-nian-dang-shi')
    await publish()
    expect(await visit('/exhibitions/bai-nian/')).toMatchObject({
      status: 301,
      location: '/exhibitions/bai-nian-dang-shi/',
    })
    expect(await visit('/exhibitions/bai-nian/zhong-gong-yi-da/')).toMatchObject({
      status: 301,
      location: '/exhibitions/bai-nian-dang-shi/zhong-gong-yi-da/',
    })
  }, 60_000)

  it('lets editors add and delete redirects by hand, collapsing chains as they are made', async () => {
    const create = (from: string, to: Redirect['to']) =>
      api$('POST', '/api/redirects', editorToken, { from, to })
    // /y/ does not redirect yet: x → /y/ is stored as typed.
    const x = await create('/old/x', { type: 'custom', url: '/old/y/' })
    expect(x.status).toBe(201)
    // y → the news: x now leads there too (a → b → c becomes a → c, b → c).
    expect(
      (
        await create('/old/y/', {
          type: 'reference',
          reference: { relationTo: 'news', value: news.a as number },
        })
      ).status,
    ).toBe(201)
    // z → /old/x/ is stored as where x leads.
    expect((await create('/old/z/', { type: 'custom', url: '/old/x/' })).status).toBe(201)
    const byFrom = new Map((await redirects()).map((redirect) => [redirect.from, redirect]))
    for (const from of ['/old/x/', '/old/y/', '/old/z/']) {
      expect(byFrom.get(from)?.to.type, from).toBe('reference')
      expect(byFrom.get(from)?.origin, from).toBe('manual')
    }
    expect((await create('/old/list/', { type: 'custom', url: '/news/' })).status).toBe(201)
    const external = await create('/party/', { type: 'custom', url: 'https://www.12371.cn/' })
    expect(external.status).toBe(201)
    await publish()
    for (const from of ['/old/x/', '/old/y/', '/old/z/'])
      expect(await visit(from)).toMatchObject({ status: 301, location: '/news/dang-jian-c/' })
    expect(await visit('/old/list/')).toMatchObject({ status: 301, location: '/news/' })
    expect(await visit('/party/')).toMatchObject({
      status: 301,
      location: 'https://www.12371.cn/',
    })

    // Contributors may not; deleting one makes its path 404 again.
    expect((await create('/by-contributor/', { type: 'custom', url: '/news/' })).status).toBe(201)
    const refused = await api$('POST', '/api/redirects', contributorToken, {
      from: '/c/',
      to: { type: 'custom', url: '/news/' },
    })
    expect(refused.status).toBe(403)
    const party = (await external.json()).doc.id
    expect((await api$('DELETE', `/api/redirects/${party}`, editorToken)).status).toBe(200)
    await publish()
    expect((await visit('/party/')).status).toBe(404)
  }, 60_000)

  it('refuses cycles, redirects onto themselves, live pages and open-redirect targets with a Chinese 400', async () => {
    const create = (from: string, url: string) =>
      api$('POST', '/api/redirects', editorToken, { from, to: { type: 'custom', url } })
    const message = async (response: Response) => {
      expect(response.status).toBe(400)
      return JSON.stringify(await response.json())
    }
    expect((await create('/loop/p/', '/loop/q/')).status).toBe(201)
    expect((await create('/loop/q/', '/loop/r/')).status).toBe(201)
    expect(await message(await create('/loop/r/', '/loop/p/'))).toContain(
      '循环跳转：/loop/r/ → /loop/p/ → /loop/r/',
    )
    expect(await message(await create('/self/', '/self'))).toContain('跳转到它自己')
    expect(await message(await create('/news/dang-jian-c/', '/news/'))).toContain('正在发布的页面')
    expect(await message(await create('/', '/news/'))).toContain('固定页面')
    expect(await message(await create('/media/x.png', '/news/'))).toContain('系统文件')
    expect(await message(await create('/old/x/', '/news/'))).toContain('已有从 /old/x/ 出发的跳转')
    for (const attempt of [
      '//evil.example/',
      '/\\evil.example/',
      'http://evil.example/',
      'javascript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'https://user:secret@evil.example/',
    ])
      expect(await message(await create('/open/', attempt)), attempt).toMatch(/[\u4e00-\u9fff]/)
    expect(await message(await create('//evil.example/', '/news/'))).toContain('//')
    expect(await message(await create(`/${'长'.repeat(10_000)}/`, '/news/'))).toMatch(/过长|500/)
    // A 10,000-character slug typed by an editor becomes a short valid one (no long path).
    const long = await p.create({
      collection: 'news',
      data: {
        title: '长别名',
        slug: 'x'.repeat(10_000),
        category: 'party-building',
        summary: '摘要',
        _status: 'published',
      },
    })
    expect(long.slug?.length).toBeLessThanOrEqual(72)
    await publish()
    // Nothing of the refused ones was stored or served.
    const froms = (await redirects()).map((redirect) => redirect.from)
    for (const from of ['/loop/r/', '/self/', '/open/', '/']) expect(froms).not.toContain(from)
    // p → q, then q → r: p was re-pointed to r (one hop).
    expect((await visit('/loop/p/')).location).toBe('/loop/r/')
  }, 60_000)

  it('keeps unpublished and deleted pages 404 unless an editor points them somewhere', async () => {
    // The renamed news (a → b → c) is unpublished: its old and current addresses are 404.
    await p.update({ collection: 'news', id: news.a, data: { _status: 'draft' } })
    await publish()
    for (const urlPath of ['/news/dang-jian-a/', '/news/dang-jian-b/', '/news/dang-jian-c/'])
      expect((await visit(urlPath)).status, urlPath).toBe(404)
    expect(await sitemap()).not.toContain('dang-jian')
    // Published again: the old addresses lead to it again.
    await p.update({ collection: 'news', id: news.a, data: { _status: 'published' } })
    await publish()
    expect((await visit('/news/dang-jian-a/')).location).toBe('/news/dang-jian-c/')

    // A deleted document takes its redirects with it.
    await rename('news', news.gone, 'yi-shan-chu')
    await publish()
    expect((await visit('/news/ji-jiang-shan-chu/')).status).toBe(301)
    await p.delete({ collection: 'news', id: news.gone })
    await publish()
    expect((await visit('/news/ji-jiang-shan-chu/')).status).toBe(404)
    expect((await visit('/news/yi-shan-chu/')).status).toBe(404)
    expect((await redirects()).map((redirect) => redirect.from)).not.toContain(
      '/news/ji-jiang-shan-chu/',
    )
    // Unless an editor points them somewhere.
    const pointed = await api$('POST', '/api/redirects', editorToken, {
      from: '/news/yi-shan-chu/',
      to: { type: 'custom', url: '/news/' },
    })
    expect(pointed.status).toBe(201)
    await publish()
    expect(await visit('/news/yi-shan-chu/')).toMatchObject({ status: 301, location: '/news/' })
  }, 60_000)

  it('gives a page its address back when a document takes an old slug', async () => {
    const taker = await p.create({
      collection: 'news',
      data: {
        title: '新的 b',
        slug: 'dang-jian-b',
        category: 'party-building',
        summary: '占用旧地址',
        _status: 'published',
      },
    })
    await publish()
    expect((await visit('/news/dang-jian-b/')).body).toContain('新的 b')
    expect((await redirects()).map((redirect) => redirect.from)).not.toContain('/news/dang-jian-b/')
    expect((await visit('/news/dang-jian-a/')).location).toBe('/news/dang-jian-c/')
    await p.delete({ collection: 'news', id: taker.id })
    await publish()
  }, 60_000)

  it('shares every page with an absolute og:image, a news item without a cover included', async () => {
    const page = (await visit('/news/dang-jian-c/')).body
    const image = /<meta property="og:image" content="([^"]+)"/.exec(page)?.[1]
    expect(image).toBe('https://hongse.example/share-card.png')
    expect(page).toContain(
      '<meta property="og:url" content="https://hongse.example/news/dang-jian-c/"',
    )
    expect(page).toContain('<meta name="twitter:card" content="summary_large_image"')
    expect(page).toContain('<meta itemprop="image" content="https://hongse.example/share-card.png"')
    const card = await fetch(`${siteBase}/share-card.png`)
    expect(card.status).toBe(200)
    expect(card.headers.get('content-type')).toBe('image/png')
    const bytes = Buffer.from(await card.arrayBuffer())
    // PNG header: width and height at bytes 16–23.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630])
  })

  it('shares pages without an image of their own with the site’s share image once it is set', async () => {
    const data = await generateImage({ seed: 5, motif: 'star', width: 1200, height: 800 })
    const image = await p.create({
      collection: 'media',
      data: { alt: '红色山高分享图' },
      file: { data, mimetype: 'image/jpeg', name: 'share.jpg', size: data.length },
    })
    await p.updateGlobal({ slug: 'site', data: { shareImage: image.id } })
    await publisher.drainQueue() // site settings: a full build
    await publisher.settled()
    const page = (await visit('/news/dang-jian-c/')).body
    const url = /<meta property="og:image" content="([^"]+)"/.exec(page)?.[1] ?? ''
    expect(url).toMatch(/^https:\/\/hongse\.example\/media\/share-1200x630\.webp$/)
    expect(page).toContain('<meta property="og:image:alt" content="红色山高分享图"')
    const served = await fetch(`${siteBase}${new URL(url).pathname}`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/webp')
    // The redirects survived the full build.
    expect((await visit('/news/dang-jian-a/')).location).toBe('/news/dang-jian-c/')
  }, 120_000)

  it('leaves the site identical to a clean full build of the same content', async () => {
    await publish()
    const clean = await new Releases(path.join(work, 'clean')).build(
      await exportSiteContent(p),
      'test',
    )
    expectSameSite(publisher.servedDir, clean.publicDir)
    expect(fs.readFileSync(path.join(clean.publicDir, '_redirects'), 'utf8')).toBe(
      fs.readFileSync(path.join(publisher.servedDir, '_redirects'), 'utf8'),
    )
  }, 180_000)
})
