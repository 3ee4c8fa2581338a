import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { exportSiteContent } from '../../cms/export/exportSiteContent'
import { generateLectureMp3 } from '../../cms/seed/generateAudio'
import { generateImage } from '../../cms/seed/generateImage'
import type { SiteContent } from '../../shared/siteContent'
import { buildSite, readTree } from '../helpers/buildSite'
import { elementAttributes, scriptingAttributes } from '../helpers/htmlAttributes'
import { describeOnDatabase, startTestPayload, type TestPayload } from '../helpers/testPayload'
import { readSitemap, sitemapPaths } from '../helpers/sitemap'

const secret = '草稿机密XQ7'
const lexical = (...children: object[]) => ({
  root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children },
})
const paragraph = (...children: object[]) => ({
  type: 'paragraph',
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  textFormat: 0,
  children,
})
const text = (value: string) => ({
  type: 'text',
  text: value,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})
const link = (url: string, label: string) => ({
  type: 'link',
  format: '',
  indent: 0,
  version: 3,
  direction: 'ltr',
  fields: { url, linkType: 'custom', newTab: false },
  children: [text(label)],
})

describeOnDatabase('site content: export, loader and static build', () => {
  let t: TestPayload
  let content: SiteContent
  let work: string
  let built: Map<string, string>
  let xssSlug: string

  beforeAll(async () => {
    t = await startTestPayload()
    const p = t.payload
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-site-test-'))
    const imageData = await generateImage({ seed: 7, motif: 'star', width: 1600, height: 1000 })
    const image = await p.create({
      collection: 'media',
      data: { alt: '" onerror="alert(1)" x="', caption: '<img src=x onerror=alert(2)>' },
      file: { data: imageData, mimetype: 'image/jpeg', name: 'xss.jpg', size: imageData.length },
    })
    await p.updateGlobal({
      slug: 'site',
      data: {
        siteName: '红色山高',
        slogan: '党建引领',
        navigation: [{ label: '首页', href: '/' }],
      },
    })
    const xss = await p.create({
      collection: 'news',
      data: {
        title: '富文本安全测试',
        category: 'party-building',
        summary: '摘要 <b>不是标签</b>',
        cover: image.id,
        editorialNote: `编辑意见${secret}`,
        body: lexical(
          paragraph(text('<script>alert("x")</script>正文')),
          paragraph(
            link('javascript:alert(3)', '恶意链接'),
            link('https://example.org/ok', '正常链接'),
          ),
          {
            type: 'upload',
            relationTo: 'media',
            value: image.id,
            fields: null,
            format: '',
            version: 3,
            id: 'u1',
          },
          { type: 'html-embed', version: 1, html: '<script>alert(4)</script>' },
        ) as never,
        tags: ['安全'],
        _status: 'published',
      },
    })
    xssSlug = xss.slug!
    await p.create({
      collection: 'news',
      draft: true,
      data: { title: `未发布的新闻${secret}`, category: 'volunteer', summary: secret },
    })
    const live = await p.create({
      collection: 'news',
      data: {
        title: '已发布的新闻',
        category: 'volunteer',
        summary: '公开摘要',
        _status: 'published',
      },
    })
    await p.update({
      collection: 'news',
      id: live.id,
      draft: true,
      data: { title: `改稿中${secret}` },
    })
    const audio = generateLectureMp3({ seconds: 3800 })
    const recording = await p.create({
      collection: 'media',
      data: { alt: '讲座录音' },
      file: { data: audio, mimetype: 'audio/mpeg', name: 'talk.mp3', size: audio.length },
    })
    await p.create({
      collection: 'lectures',
      draft: true,
      data: {
        title: `未发布的讲座${secret}`,
        series: 'policy',
        date: '2025-01-01T00:00:00Z',
        recording: recording.id,
        chapters: [{ start: '00:00', title: `草稿章节${secret}` }],
        captions: `1\n00:00:01,000 --> 00:00:02,000\n草稿字幕${secret}\n`,
        transcript: `[00:00] 草稿文字稿${secret}`,
      },
    })
    const exhibition = await p.create({
      collection: 'exhibitions',
      data: { title: '百年党史展', sections: [{ title: '开天辟地' }], _status: 'published' },
    })
    await p.create({
      collection: 'exhibits',
      data: {
        title: '中共一大',
        exhibition: exhibition.id,
        section: '开天辟地',
        year: 1921,
        _status: 'published',
      },
    })
    await p.create({
      collection: 'exhibits',
      draft: true,
      data: {
        title: `未发布展品${secret}`,
        exhibition: exhibition.id,
        section: '开天辟地',
        year: 1949,
      },
    })
    const speaker = await p.create({
      collection: 'speakers',
      data: { name: '张明远', title: '教授' },
    })
    const publicLecture = await p.create({
      collection: 'lectures',
      data: {
        title: '公开讲座',
        series: 'red-collar',
        episode: 1,
        speaker: speaker.id,
        date: '2024-05-01T06:00:00Z',
        chapters: [
          { start: '00:00', title: '开场' },
          { start: '1:02:03', title: '结语' },
        ],
        recording: recording.id,
        captions: '1\n00:00:01,000 --> 00:00:03,500\n公开字幕\n',
        _status: 'published',
      },
    })
    // A draft edit of the published lecture: its captions stay out until published.
    await p.update({
      collection: 'lectures',
      id: publicLecture.id,
      draft: true,
      data: { captions: `1\n00:00:01,000 --> 00:00:03,500\n改稿字幕${secret}\n` },
    })
    await p.create({
      collection: 'books',
      data: {
        title: '中国共产党简史',
        clc: 'D229',
        location: 'reading-room',
        copies: 2,
        available: 1,
        isbn: '9787020002207',
      },
    })

    content = await exportSiteContent(p)
    const contentFile = path.join(work, 'site-content.json')
    fs.writeFileSync(contentFile, JSON.stringify(content))
    buildSite({ contentFile, mediaDir: t.mediaDir, outDir: path.join(work, 'dist') })
    built = readTree(path.join(work, 'dist'))
  }, 300_000)

  afterAll(async () => {
    await t?.close()
    if (work) fs.rmSync(work, { recursive: true, force: true })
  })

  it('exports published documents only, with no private fields', () => {
    const json = JSON.stringify(content)
    expect(json).not.toContain(secret)
    expect(json).not.toContain('editorialNote')
    expect(content.news.map((n) => n.title).sort()).toEqual(['富文本安全测试', '已发布的新闻'])
    expect(content.exhibits.map((e) => e.title)).toEqual(['中共一大'])
    expect(content.lectures.map((l) => l.title)).toEqual(['公开讲座'])
    expect(content.lectures[0].chapters.map((c) => c.seconds)).toEqual([0, 3723])
    expect(content.lectures[0].speakerId).toBe(content.speakers[0].id)
    // The recording's length read from the file; the captions as cues.
    expect(content.lectures[0].recording?.duration).toBeCloseTo(3800, 0)
    expect(content.lectures[0].captions).toEqual([{ start: 1, end: 3.5, text: '公开字幕' }])
    expect(content.exhibits[0].sectionId).toBe(content.exhibitions[0].sections[0].id)
  })

  it('renders rich text safely: no script, event handler or javascript: URL survives', () => {
    const html = content.news.find((n) => n.slug === xssSlug)!.bodyHtml
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;正文')
    expect(html).not.toMatch(/<script/i)
    expect(scriptingAttributes(html)).toEqual([])
    expect(elementAttributes(html).map((e) => e.tag)).toEqual(
      expect.not.arrayContaining(['script', 'iframe', 'object', 'embed']),
    )
    expect(html).toContain('href="https://example.org/ok"')
    expect(html).toMatch(
      /<figure><img src="\/media\/xss-800x500\.webp" srcset="[^"]+800w, [^"]+1600w"/,
    )
    expect(html).toContain('alt="&quot; onerror=&quot;alert(1)&quot; x=&quot;"')
    expect(html).toContain('<figcaption>&lt;img src=x onerror=alert(2)&gt;</figcaption>')
  })

  it('builds a site where drafts appear nowhere: pages, sitemap, RSS', async () => {
    expect(built.size).toBeGreaterThan(5)
    for (const [file, body] of built) expect(body, file).not.toContain(secret)
    const sitemap = await readSitemap((sitePath) => built.get(sitePath.slice(1)))
    expect(sitemap).toContain('https://hongse.example/news/')
    expect(sitemap).not.toContain('wei-fa-bu')
    expect(built.get('news/rss.xml')).toContain('富文本安全测试')
  })

  it('puts the published lecture, and no draft, in the podcast and the lecture files', () => {
    const slug = content.lectures[0].slug
    const podcast = built.get('lectures/podcast.xml') ?? ''
    expect(podcast).toContain('<title>公开讲座</title>')
    expect(podcast).toContain(`length="${content.lectures[0].recording!.filesize}"`)
    expect(podcast).toContain('<itunes:duration>3800</itunes:duration>')
    expect(podcast.match(/<item>/g)).toHaveLength(1)
    expect(built.get(`lectures/${slug}/captions.vtt`)).toContain('公开字幕')
    expect(JSON.parse(built.get(`lectures/${slug}/chapters.json`)!).chapters).toHaveLength(2)
    expect(
      [...built.keys()].filter(
        (file) => /\.(vtt|json)$/.test(file) && file.startsWith('lectures/'),
      ),
    ).toHaveLength(5)
  })

  it('lists in the sitemap exactly the pages built (but search and 404), each once', async () => {
    const pages = [...built.keys()]
      .filter((file) => file.endsWith('index.html') && !file.startsWith('search/'))
      .map((file) => `/${file.replace(/index\.html$/, '')}`)
    const listed = sitemapPaths(await readSitemap((sitePath) => built.get(sitePath.slice(1))))
    expect(listed.sort()).toEqual(pages.sort())
  })

  it('serves safe article pages: the escaped text, never the script', () => {
    const page = built.get(`news/${xssSlug}/index.html`)!
    expect(page).toContain('&lt;script&gt;')
    expect(page).not.toMatch(/<script>alert/)
    expect(scriptingAttributes(page)).toEqual([])
    // The only scripts are the site's own: JSON-LD data and the search box's inline loader.
    const scripts = [...page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)]
    for (const [, attributes, body] of scripts) {
      expect(attributes).not.toMatch(/\ssrc=/)
      expect(body).not.toContain('alert')
    }
  })

  it('has no run-time dependency on the CMS: no API or CMS URLs in any built file', () => {
    for (const [file, body] of built) expect(body, file).not.toMatch(/\/api\/|localhost:3000/)
  })

  it('renders the same bytes on the build’s worker threads as Astro’s own page rendering', () => {
    const astroDir = path.join(work, 'dist-astro')
    buildSite({
      contentFile: path.join(work, 'site-content.json'),
      mediaDir: t.mediaDir,
      outDir: astroDir,
      pageRenderer: 'astro',
    })
    const byAstro = readTree(astroDir)
    expect([...byAstro.keys()].sort()).toEqual([...built.keys()].sort())
    const differing = [...byAstro].filter(([file, text]) => built.get(file) !== text)
    expect(differing.map(([file]) => file)).toEqual([])
    expect([...byAstro.keys()].filter((file) => file.startsWith('news/')).length).toBeGreaterThan(3)
    // The media copied: found by reading every page (Astro's rendering), or recorded as the render
    // threads wrote the pages (the default).
    const mediaOf = (dir: string) => fs.readdirSync(path.join(dir, 'media')).sort()
    expect(mediaOf(path.join(work, 'dist'))).toEqual(mediaOf(astroDir))
    expect(mediaOf(astroDir).length).toBeGreaterThan(3)
    // On threads, every page reads the export itself and the content layer stays empty
    // (content.config.ts), so Vite bundles no copy of the export.
    const store = (dir: string) => fs.readFileSync(`${dir}.cache/data-store.json`, 'utf8')
    expect(store(astroDir)).toContain(content.news[0].slug)
    expect(store(path.join(work, 'dist'))).not.toContain(content.news[0].slug)
  }, 300_000)

  it('copies only the media files that published pages use', () => {
    const media = fs.readdirSync(path.join(work, 'dist/media'))
    expect(media).toContain('xss-800x500.webp')
    expect(media).not.toContain('xss.jpg')
    expect(
      media.every((name) => [...built.values()].some((body) => body.includes(`/media/${name}`))),
    ).toBe(true)
  })

  it('a build from CMS_URL shows one snapshot of the export in its pages and feeds, though the CMS changes meanwhile', async () => {
    // Every request for the export gets another title for the newest article, as if an editor
    // kept publishing during the build.
    let requests = 0
    const server = http.createServer((req, res) => {
      const media = /^\/api\/media\/file\/([^/?]+)$/.exec(req.url ?? '')
      if (media) {
        const file = path.join(t.mediaDir, decodeURIComponent(media[1]))
        if (fs.existsSync(file)) res.writeHead(200).end(fs.readFileSync(file))
        else res.writeHead(404).end()
        return
      }
      if (req.url !== '/api/site-content') return res.writeHead(404).end()
      requests++
      const snapshot = structuredClone(content)
      snapshot.news[0].title = `快照标题${requests}`
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(snapshot))
    })
    await new Promise<void>((resolve) => server.listen(0, resolve))
    const outDir = path.join(work, 'dist-cms')
    try {
      const astro = spawn(path.resolve('node_modules/.bin/astro'), ['build', '--root', 'site'], {
        env: {
          ...process.env,
          CMS_URL: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
          SITE_URL: 'https://hongse.example',
          SITE_OUT_DIR: outDir,
          SITE_PAGE_RENDERER: 'workers',
        },
      })
      let output = ''
      astro.stdout.on('data', (chunk) => (output += chunk))
      astro.stderr.on('data', (chunk) => (output += chunk))
      const code = await new Promise((resolve) => astro.on('exit', resolve))
      expect(code, output).toBe(0)
    } finally {
      server.close()
    }
    // The article (a render thread) and the feed (Astro's own page) come from the same read.
    const article = fs.readFileSync(
      path.join(outDir, 'news', content.news[0].slug, 'index.html'),
      'utf8',
    )
    const shown = /快照标题\d+/.exec(article)?.[0]
    expect(shown).toBeDefined()
    expect(fs.readFileSync(path.join(outDir, 'news/rss.xml'), 'utf8')).toContain(
      `<title>${shown}</title>`,
    )
    // One read for the pages, feeds and redirects, one for the search index's own process.
    expect(requests).toBe(2)
  }, 300_000)

  it('the loader reads the export over HTTP from CMS_URL too, with the site-build key', async () => {
    const server = http.createServer((req, res) => {
      if (req.url !== '/api/site-content') res.writeHead(404).end()
      else if (req.headers.authorization !== 'Bearer build-key-1') res.writeHead(401).end()
      else res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(content))
    })
    await new Promise<void>((resolve) => server.listen(0, resolve))
    const port = (server.address() as { port: number }).port
    const previous = process.env.CMS_URL
    process.env.CMS_URL = `http://127.0.0.1:${port}`
    process.env.SITE_BUILD_TOKEN = 'build-key-1'
    try {
      const { readSiteContent } = await import('../../site/src/cms/readSiteContent')
      const remote = await readSiteContent()
      expect(remote.news.map((n) => n.id)).toEqual(content.news.map((n) => n.id))
    } finally {
      process.env.CMS_URL = previous
      delete process.env.SITE_BUILD_TOKEN
      server.close()
    }
  })
})
