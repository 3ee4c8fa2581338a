/**
 * The publisher end to end on a real database and real builds: CMS hooks queue changes, the
 * publisher applies them with the warm renderer, and after a series of edits, adds, unpublishes
 * and deletes the live site is identical to a clean full build of the same content.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { exportSiteContent } from '../../cms/export/exportSiteContent'
import { generateLectureMp3 } from '../../cms/seed/generateAudio'
import { generateImage } from '../../cms/seed/generateImage'
import { Publisher } from '../../publisher/publisher'
import { Releases } from '../../publisher/releases'
import type { SiteState } from '../../publisher/siteState'
import { allPageRoutes } from '../../site/src/routes/pageRoutes'
import { buildSearchIndex, writeIndex } from '../../shared/search/buildIndex'
import { SearchIndexUpdater } from '../../shared/search/updateIndex'
import { readIndexSemantics } from '../helpers/searchIndexSemantics'
import { expectSameSite } from '../helpers/siteEquality'
import { describeOnDatabase, startTestPayload, type TestPayload } from '../helpers/testPayload'
import { readSitemap } from '../helpers/sitemap'

const faultMarker = '【渲染故障】'

const page = (publisher: Publisher, urlPath: string) => {
  const file = path.join(publisher.servedDir, decodeURIComponent(urlPath), 'index.html')
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null
}

describeOnDatabase('publisher: automatic, incremental, identical to a full build', () => {
  let t: TestPayload
  let work: string
  let publisher: Publisher
  const newsIds: (number | string)[] = []
  let speakerId: number | string
  let mediaId: number | string
  let exhibitId: number | string

  const queued = async () =>
    (await t.payload.count({ collection: 'site-changes', overrideAccess: true })).totalDocs
  const newPublisher = () =>
    new Publisher({
      payload: t.payload,
      releasesDir: path.join(work, 'releases'),
      mediaDir: t.mediaDir,
      faultMarker,
      fullBuildIntervalHours: 0,
      log: () => {},
    })

  beforeAll(async () => {
    process.env.SITE_URL = 'https://hongse.example'
    t = await startTestPayload()
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-publisher-test-'))
    const p = t.payload
    await p.updateGlobal({
      slug: 'site',
      data: {
        siteName: '红色山高',
        slogan: '党建引领',
        navigation: [{ label: '首页', href: '/' }],
      },
    })
    const imageData = await generateImage({ seed: 3, motif: 'star', width: 1200, height: 800 })
    const image = await p.create({
      collection: 'media',
      data: { alt: '党员志愿者在楼宇大厅' },
      file: { data: imageData, mimetype: 'image/jpeg', name: 'cover.jpg', size: imageData.length },
    })
    mediaId = image.id
    for (let n = 0; n < 14; n++) {
      const created = await p.create({
        collection: 'news',
        data: {
          title: `楼宇党建活动第${n + 1}期`,
          category: n % 2 ? 'volunteer' : 'party-building',
          summary: `第${n + 1}期活动的摘要`,
          tags: n % 3 ? ['志愿服务'] : ['主题党日', '红领讲堂'],
          publishedAt: new Date(Date.UTC(2025, 0, 1 + n)).toISOString(),
          ...(n === 4 && { cover: image.id }),
          _status: 'published',
        },
      })
      newsIds.push(created.id)
    }
    const speaker = await p.create({
      collection: 'speakers',
      data: { name: '张明远', title: '教授' },
    })
    speakerId = speaker.id
    for (const [n, title] of ['学习党章', '百年党史'].entries()) {
      await p.create({
        collection: 'lectures',
        data: {
          title,
          series: 'red-collar',
          episode: n + 1,
          speaker: speaker.id,
          date: `2024-0${n + 4}-01T06:00:00Z`,
          _status: 'published',
        },
      })
    }
    await p.create({
      collection: 'books',
      data: {
        title: '中国共产党简史',
        clc: 'D229',
        location: 'reading-room',
        copies: 2,
        available: 1,
      },
    })
    const exhibition = await p.create({
      collection: 'exhibitions',
      data: {
        title: '百年党史展',
        sections: [{ title: '开天辟地' }, { title: '改革开放' }],
        _status: 'published',
      },
    })
    for (const [n, title] of ['中共一大', '南昌起义', '改革开放'].entries()) {
      const exhibit = await p.create({
        collection: 'exhibits',
        data: {
          title,
          exhibition: exhibition.id,
          section: n < 2 ? '开天辟地' : '改革开放',
          year: 1921 + n * 6,
          order: n,
          _status: 'published',
        },
      })
      exhibitId = exhibit.id
    }
    publisher = newPublisher()
    await publisher.start({ watch: false })
    await publisher.drainQueue()
  }, 240_000)

  afterAll(async () => {
    await publisher?.stop()
    await t?.close()
    fs.rmSync(work, { recursive: true, force: true })
  })

  it('publishes a title edit to the page, the lists and the feed; a draft-only save changes nothing', async () => {
    const p = t.payload
    await p.update({ collection: 'news', id: newsIds[13], data: { title: '新标题：楼宇党建活动' } })
    expect(await queued()).toBeGreaterThan(0)
    const result = await publisher.drainQueue()
    expect(result?.changes).toBe(1)
    const slug = (await p.findByID({ collection: 'news', id: newsIds[13] })).slug
    expect(page(publisher, `/news/${slug}/`)).toContain('新标题：楼宇党建活动')
    expect(page(publisher, '/news/')).toContain('新标题：楼宇党建活动')
    expect(page(publisher, '/')).toContain('新标题：楼宇党建活动')
    expect(fs.readFileSync(path.join(publisher.servedDir, 'news/rss.xml'), 'utf8')).toContain(
      '新标题：楼宇党建活动',
    )
    expect(await queued()).toBe(0)

    await p.update({
      collection: 'news',
      id: newsIds[13],
      draft: true,
      data: { title: '草稿里的标题' },
    })
    const afterDraft = await publisher.drainQueue()
    expect(afterDraft?.pages ?? 0).toBe(0)
    expect(page(publisher, `/news/${slug}/`)).not.toContain('草稿里的标题')
  }, 60_000)

  it('coalesces changes that arrive together and runs one update at a time', async () => {
    const p = t.payload
    await p.update({
      collection: 'news',
      id: newsIds[0],
      data: { publishedAt: '2026-06-01T00:00:00.000Z' },
    })
    await p.update({ collection: 'speakers', id: speakerId, data: { name: '张明远（特聘）' } })
    await p.update({ collection: 'exhibits', id: exhibitId, data: { title: '改革开放四十年' } })
    const [first, second] = await Promise.all([publisher.drainQueue(), publisher.drainQueue()])
    const results = [first, second].filter((result) => result !== null && result.changes > 0)
    expect(results).toHaveLength(1)
    expect(results[0]!.changes).toBe(3)
    expect(await queued()).toBe(0)
    expect(page(publisher, '/lectures/')).toContain('张明远（特聘）')
    expect(page(publisher, '/speakers/')).toContain('张明远（特聘）')
  }, 60_000)

  it('removes unpublished and deleted pages and adds new ones', async () => {
    const p = t.payload
    const unpublished = await p.findByID({ collection: 'news', id: newsIds[5] })
    const deleted = await p.findByID({ collection: 'news', id: newsIds[6] })
    await p.update({ collection: 'news', id: newsIds[5], data: { _status: 'draft' } })
    await p.delete({ collection: 'news', id: newsIds[6] })
    const added = await p.create({
      collection: 'news',
      data: {
        title: '新发布：党群服务站开放日',
        category: 'business-services',
        summary: '党群服务站向楼宇企业开放。',
        tags: ['开放日'],
        _status: 'published',
      },
    })
    await p.create({
      collection: 'books',
      data: {
        title: '习近平新时代中国特色社会主义思想学习纲要',
        clc: 'D610',
        location: 'reading-room',
        copies: 1,
        available: 1,
      },
    })
    const result = await publisher.drainQueue()
    expect(result?.removed).toBeGreaterThanOrEqual(2)
    expect(page(publisher, `/news/${unpublished.slug}/`)).toBeNull()
    expect(page(publisher, `/news/${deleted.slug}/`)).toBeNull()
    expect(page(publisher, `/news/${added.slug}/`)).toContain('新发布：党群服务站开放日')
    expect(page(publisher, `/news/tag/开放日/`)).toContain('新发布：党群服务站开放日')
    const sitemap = await readSitemap((sitePath) =>
      fs.readFileSync(path.join(publisher.servedDir, sitePath), 'utf8'),
    )
    expect(sitemap).not.toContain(`/news/${unpublished.slug}/`)
    expect(sitemap).toContain(`/news/${added.slug}/`)
  }, 60_000)

  it('puts a change into the search delta at once and merges it into the shards when idle', async () => {
    const dir = path.join(publisher.servedDir, 'search')
    const manifest = () =>
      JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { delta?: string }
    const shards = () =>
      new Map(
        (fs.readdirSync(path.join(dir, 'shards')) as string[]).map((name) => [
          name,
          fs.statSync(path.join(dir, 'shards', name)).ino,
        ]),
      )
    const before = shards()
    await t.payload.update({
      collection: 'news',
      id: newsIds[8],
      data: { title: '增量索引中的标题甲乙丙' },
    })
    const result = await publisher.drainQueue()
    expect(result?.shards).toBe(0)
    expect(shards()).toEqual(before)
    expect(manifest().delta).toMatch(/^delta\//)
    const withDelta = readIndexSemantics(dir)
    expect(withDelta.terms).toHaveProperty('甲乙丙')
    let steps = 0
    while ((await publisher.mergeSearch()) !== null) steps++
    expect(steps).toBeGreaterThan(0)
    expect(manifest().delta).toBeUndefined()
    expect(shards()).not.toEqual(before)
    expect(readIndexSemantics(dir)).toEqual(withDelta)
  }, 60_000)

  it('keeps the previous page when a render fails, and retries the change', async () => {
    const p = t.payload
    const doc = await p.findByID({ collection: 'news', id: newsIds[2] })
    const before = page(publisher, `/news/${doc.slug}/`)
    await p.update({
      collection: 'news',
      id: newsIds[2],
      data: { title: `会失败的标题${faultMarker}` },
    })
    expect(await publisher.drainQueue()).toBeNull()
    expect(page(publisher, `/news/${doc.slug}/`)).toBe(before)
    expect(await queued()).toBeGreaterThan(0)
    const status = await p.findGlobal({ slug: 'site-status', overrideAccess: true })
    expect(status.lastError?.message).toContain('渲染')

    await p.update({ collection: 'news', id: newsIds[2], data: { title: '修正后的标题' } })
    publisher.retryNow() // skip the retry pause
    expect((await publisher.drainQueue())?.changes).toBe(1)
    expect(page(publisher, `/news/${doc.slug}/`)).toContain('修正后的标题')
    expect(await queued()).toBe(0)
  }, 60_000)

  it('replaces a render thread that died, so the next update goes through', async () => {
    const threads = (
      publisher.renderer as unknown as { threads: { close: () => Promise<number> }[] }
    ).threads
    await threads[0].close() // as if it crashed
    await new Promise((resolve) => setTimeout(resolve, 50))
    await t.payload.update({
      collection: 'news',
      id: newsIds[8],
      data: { title: '渲染线程重启后的标题' },
    })
    expect((await publisher.drainQueue())?.changes).toBe(1)
    const slug = (await t.payload.findByID({ collection: 'news', id: newsIds[8] })).slug
    expect(page(publisher, `/news/${slug}/`)).toContain('渲染线程重启后的标题')
    expect(await queued()).toBe(0)
  }, 60_000)

  it('spreads a burst of pages over every render thread', async () => {
    const { renderer } = publisher
    const { state } = (publisher as unknown as { live: { state: SiteState } }).live
    const routes = allPageRoutes(state.plan([]).index).slice(0, 40)
    const before = renderer.pagesPerThread
    // An update hands all its pages over at once, before any thread answers.
    await Promise.all(routes.map((route) => renderer.renderPage(route, state.site)))
    const rendered = renderer.pagesPerThread.map((count, thread) => count - before[thread])
    expect(rendered.reduce((sum, count) => sum + count, 0)).toBe(40)
    expect(Math.min(...rendered)).toBe(40 / rendered.length)
  }, 60_000)

  it('renders each page of a burst with the site settings it was asked with', async () => {
    const { renderer } = publisher
    const { state } = (publisher as unknown as { live: { state: SiteState } }).live
    const routes = allPageRoutes(state.plan([]).index).slice(0, 12)
    // Pages asked for in one turn travel to a thread together, the settings once per batch: a
    // page with other settings must not take the batch's.
    const other = { ...state.site, siteName: '另一个站点名称' }
    const pages = await Promise.all(
      routes.map((route, at) => renderer.renderPage(route, at % 3 === 1 ? other : state.site)),
    )
    pages.forEach((html, at) => {
      const named = at % 3 === 1 ? other.siteName : state.site.siteName
      expect(html).toContain(`<meta property="og:site_name" content="${named}"`)
    })
  }, 60_000)

  it('rebuilds a search index that does not match the live content, without breaking the served one', async () => {
    // An index cut short (simulated: an empty one) cannot take the change: the whole index is
    // staged and swapped in with the pages; the last test compares it with a clean build.
    const dir = path.join(publisher.servedDir, 'search')
    writeIndex(buildSearchIndex([]), dir)
    const internals = publisher as unknown as { live: { search: SearchIndexUpdater } }
    internals.live.search = SearchIndexUpdater.open(dir)
    await t.payload.update({
      collection: 'news',
      id: newsIds[7],
      data: { title: '索引重建后的标题' },
    })
    expect((await publisher.drainQueue())?.changes).toBe(1)
    expect(readIndexSemantics(dir).documents).toHaveProperty(
      [`news:${newsIds[7]}`, 'title'],
      '索引重建后的标题',
    )
    expect(
      (fs.readdirSync(dir, { recursive: true }) as string[]).filter((name) =>
        name.endsWith('.tmp'),
      ),
    ).toEqual([])
  }, 60_000)

  it('applies a media edit to the pages showing the file, and site settings through a full build', async () => {
    const p = t.payload
    const withCover = await p.findByID({ collection: 'news', id: newsIds[4] })
    await p.update({
      collection: 'media',
      id: mediaId,
      data: { alt: '新的替代文字：楼宇党群服务站' },
    })
    const edited = await publisher.drainQueue()
    expect(edited?.changes).toBe(1)
    // Only the documents showing the file are read again, not the whole content.
    expect(edited?.task).toMatch(/^发布 \d+ 项变更$/)
    expect(page(publisher, `/news/${withCover.slug}/`)).toContain('新的替代文字：楼宇党群服务站')

    // A file no live page shows yet (just uploaded): nothing to know it by, so a resync.
    const unusedData = await generateImage({ seed: 4, motif: 'star', width: 400, height: 300 })
    const unused = await p.create({
      collection: 'media',
      data: { alt: '未使用的图片' },
      file: {
        data: unusedData,
        mimetype: 'image/jpeg',
        name: 'unused.jpg',
        size: unusedData.length,
      },
    })
    await p.update({ collection: 'media', id: unused.id, data: { alt: '未使用的图片（改）' } })
    expect((await publisher.drainQueue())?.task).toBe('媒体文件已修改')

    await p.updateGlobal({ slug: 'site', data: { slogan: '党建引领，服务发展' } })
    await publisher.drainQueue() // starts the full build: every page shows the settings
    await publisher.settled()
    expect(page(publisher, '/')).toContain('党建引领，服务发展')
    expect(
      fs.readFileSync(path.join(publisher.servedDir, 'about', 'index.html'), 'utf8'),
    ).toContain('党建引领，服务发展')
    expect(await queued()).toBe(0)
  }, 120_000)

  it('publishes a change saved just before a crash once the publisher runs again', async () => {
    const p = t.payload
    await publisher.stop()
    const doc = await p.update({
      collection: 'news',
      id: newsIds[3],
      data: { title: '崩溃前保存的标题' },
    })
    expect(await queued()).toBeGreaterThan(0)
    publisher = newPublisher()
    await publisher.start({ watch: false })
    await publisher.drainQueue()
    expect(page(publisher, `/news/${doc.slug}/`)).toContain('崩溃前保存的标题')
    expect(await queued()).toBe(0)
  }, 120_000)

  it('writes a lecture’s podcast episode and timeline files, and removes them when they go', async () => {
    const p = t.payload
    const audio = generateLectureMp3({ seconds: 300 })
    const recording = await p.create({
      collection: 'media',
      data: { alt: '录音' },
      file: { data: audio, mimetype: 'audio/mpeg', name: 'talk.mp3', size: audio.length },
    })
    const lecture = (
      await p.find({ collection: 'lectures', where: { title: { equals: '学习党章' } } })
    ).docs[0]
    const file = (name: string) => path.join(publisher.servedDir, 'lectures', lecture.slug!, name)
    const read = (name: string) =>
      fs.existsSync(file(name)) ? fs.readFileSync(file(name), 'utf8') : null
    const podcast = () =>
      fs.readFileSync(path.join(publisher.servedDir, 'lectures/podcast.xml'), 'utf8')
    expect(podcast()).not.toContain('学习党章')
    await p.update({
      collection: 'lectures',
      id: lecture.id,
      data: {
        recording: recording.id,
        chapters: [
          { start: '00:00', title: '开场' },
          { start: '02:00', title: '党章的结构' },
        ],
        captions: '1\n00:00:01,000 --> 00:00:04,000\n今天学习党章。\n',
      },
    })
    await publisher.drainQueue()
    expect(podcast()).toContain('<title>学习党章</title>')
    expect(podcast()).toContain(`length="${audio.length}"`)
    expect(read('captions.vtt')).toContain('今天学习党章。')
    expect(read('chapters.vtt')).toContain('党章的结构')
    expect(JSON.parse(read('transcript.json')!).segments).toHaveLength(1)
    expect(page(publisher, `/lectures/${lecture.slug}/`)).toContain('<track kind="captions"')

    // Captions cleared: their file and the transcript made from them go; the chapters stay.
    await p.update({ collection: 'lectures', id: lecture.id, data: { captions: '' } })
    await publisher.drainQueue()
    expect(read('captions.vtt')).toBeNull()
    expect(read('transcript.vtt')).toBeNull()
    expect(read('chapters.json')).not.toBeNull()

    await p.update({ collection: 'lectures', id: lecture.id, data: { _status: 'draft' } })
    await publisher.drainQueue()
    expect(read('chapters.json')).toBeNull()
    expect(podcast()).not.toContain('学习党章')
    await p.update({ collection: 'lectures', id: lecture.id, data: { _status: 'published' } })
    await publisher.drainQueue()
    expect(read('chapters.vtt')).toContain('党章的结构')
  }, 60_000)

  it('leaves the site identical to a clean full build of the same content', async () => {
    const clean = await new Releases(path.join(work, 'clean')).build(
      await exportSiteContent(t.payload),
      'test',
    )
    expectSameSite(publisher.servedDir, clean.publicDir)
  }, 180_000)
})
