/**
 * Publisher crash safety, proven by killing the real process (`tsx publisher/run.ts`) with
 * SIGKILL at random moments, not by reasoning:
 *  - during an update: after a restart the live site equals a fresh render of the published
 *    content (every page, feed and the search index), with no temporary files left and an
 *    empty queue;
 *  - during a full build's swap (after the build, while the release opens, replays, swaps and
 *    deletes old ones): the same, and leftovers of the interrupted build are gone;
 *  - a disk that is full (ENOSPC injected in the file-writing path by a test-only hook): the old
 *    site keeps serving, 网站状态 shows the failure, the retry succeeds once writing works;
 * and at the end the live site equals a clean `astro build` of the content (publisher.int's oracle).
 * Rounds: FAULT_ROUNDS (default 2; `npm run test:faults` runs 20). One site build serves all the
 * update rounds; each swap round needs its own build.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { exportSiteContent } from '../../cms/export/exportSiteContent'
import { Releases } from '../../publisher/releases'
import { fileOfPath } from '../../shared/siteFiles/urlToFile'
import { WarmRenderer } from '../../site/server/warmRenderer'
import { buildSearchIndex, writeIndex } from '../../shared/search/buildIndex'
import { searchDocumentsFromSiteContent } from '../../shared/search/siteDocuments'
import { buildContentIndex } from '../../site/src/cms/buildContentIndex'
import { generatedFiles } from '../../site/src/feeds/generatedFiles'
import { searchUrls } from '../../site/src/lib/urls'
import { allPageRoutes } from '../../site/src/routes/pageRoutes'
import { PublisherProcess } from '../helpers/publisherProcess'
import { readIndexSemantics } from '../helpers/searchIndexSemantics'
import { expectSameSite } from '../helpers/siteEquality'
import { describeOnDatabase, startTestPayload, type TestPayload } from '../helpers/testPayload'

const rounds = Math.max(1, Number(process.env.FAULT_ROUNDS) || 2)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `check` until it holds (generous bound: a full build on a loaded machine). */
async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 180_000,
): Promise<void> {
  const started = Date.now()
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`超时：${what}`)
    await sleep(50)
  }
}

/** Everything a killed publisher may leave behind that a restarted one must have removed. */
function leftovers(releasesDir: string): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(releasesDir, { withFileTypes: true, recursive: true })) {
    const relative = path.relative(releasesDir, path.join(entry.parentPath, entry.name))
    if (
      entry.name.endsWith('.tmp') ||
      entry.name === 'build.pid' ||
      /^current\.[0-9a-f]+$/.test(entry.name)
    )
      found.push(relative)
  }
  const current = fs.realpathSync(path.join(releasesDir, 'current'))
  for (const name of fs.readdirSync(path.join(releasesDir, 'releases'))) {
    const dir = path.join(releasesDir, 'releases', name)
    if (!fs.existsSync(path.join(dir, 'release.json'))) found.push(`releases/${name} (unfinished)`)
    else if (
      dir !== current &&
      JSON.parse(fs.readFileSync(path.join(dir, 'release.json'), 'utf8')).builtAt >
        JSON.parse(fs.readFileSync(path.join(current, 'release.json'), 'utf8')).builtAt
    ) {
      found.push(`releases/${name} (built, never swapped in)`)
    }
  }
  return found
}

describeOnDatabase('publisher crash safety: kill -9 and a full disk', () => {
  let t: TestPayload
  let work: string
  let releasesDir: string
  let noSpaceFile: string
  let publisher: PublisherProcess
  /** Pages of the site that no route makes (about, 404, search), from the first build. */
  let fixedPages: Set<string>
  const newsIds: (number | string)[] = []
  let speakerId: number | string
  let edits = 0

  const queued = async () =>
    (await t.payload.count({ collection: 'site-changes', overrideAccess: true })).totalDocs
  const servedDir = () => path.join(releasesDir, 'current', 'public')
  const startPublisher = async () => {
    publisher = PublisherProcess.start({
      SITE_RELEASES_DIR: releasesDir,
      PUBLISHER_FAULT_NO_SPACE_FILE: noSpaceFile,
    })
    await publisher.ready()
  }
  const idle = async () => {
    await until('队列清空且发布服务空闲', async () => {
      if (!publisher.running)
        throw new Error(`publisher died:\n${publisher.output.join('').slice(-3000)}`)
      if ((await queued()) > 0) return false
      const status = await t.payload.findGlobal({ slug: 'site-status', overrideAccess: true })
      return !status.working?.task
    })
  }

  /** A batch of edits touching many pages: a speaker's name (every lecture list), news added, edited, unpublished. */
  const editBurst = async () => {
    const n = ++edits
    await t.payload.update({
      collection: 'speakers',
      id: speakerId,
      data: { name: `张明远（第${n}次）` },
    })
    const created = await t.payload.create({
      collection: 'news',
      data: {
        title: `突发新闻第${n}条`,
        category: 'volunteer',
        summary: `第${n}条的摘要`,
        tags: [`轮次${n}`, '志愿服务'],
        _status: 'published',
      },
    })
    newsIds.push(created.id)
    await t.payload.update({
      collection: 'news',
      id: newsIds[n % newsIds.length],
      data: { title: `改过的标题 ${n}` },
    })
    const unpublish = newsIds[(n * 7) % newsIds.length]
    await t.payload.update({
      collection: 'news',
      id: unpublish,
      data: { _status: n % 2 ? 'draft' : 'published' },
    })
  }

  /** The live site is what rendering the published content afresh gives, and nothing was left behind. */
  const expectLiveMatchesContent = async () => {
    expect(await queued()).toBe(0)
    expect(leftovers(releasesDir)).toEqual([])
    const content = await exportSiteContent(t.payload)
    const index = buildContentIndex(content)
    const root = fs.realpathSync(servedDir())
    const release = path.dirname(root)
    const siteUrl = new URL(
      JSON.parse(fs.readFileSync(path.join(release, 'release.json'), 'utf8')).siteUrl,
    )
    const routes = allPageRoutes(index)
    const expected = new Set([
      ...routes.map((route) => path.relative(root, fileOfPath(root, route.path))),
      ...fixedPages,
    ])
    const onDisk = (fs.readdirSync(root, { recursive: true }) as string[]).filter(
      (file) => file.endsWith('.html') && !file.startsWith(`media${path.sep}`),
    )
    expect(onDisk.sort()).toEqual([...expected].sort())
    const renderer = await WarmRenderer.start(path.join(release, 'public.render'), 1)
    try {
      for (const route of routes) {
        expect(fs.readFileSync(fileOfPath(root, route.path), 'utf8'), route.path).toBe(
          await renderer.renderPage(route, content.site),
        )
      }
    } finally {
      await renderer.close()
    }
    for (const file of generatedFiles)
      expect(fs.readFileSync(fileOfPath(root, file.path), 'utf8'), file.path).toBe(
        file.render(index, siteUrl),
      )
    const fresh = path.join(work, 'fresh-index')
    writeIndex(buildSearchIndex(searchDocumentsFromSiteContent(content, searchUrls)), fresh)
    expect(readIndexSemantics(path.join(root, 'search'))).toEqual(readIndexSemantics(fresh))
  }

  beforeAll(async () => {
    process.env.SITE_URL = 'https://hongse.example'
    t = await startTestPayload()
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-faults-'))
    releasesDir = path.join(work, 'releases')
    noSpaceFile = path.join(work, 'disk-full')
    const p = t.payload
    await p.updateGlobal({
      slug: 'site',
      data: {
        siteName: '红色山高',
        slogan: '党建引领',
        navigation: [{ label: '首页', href: '/' }],
      },
    })
    for (let n = 0; n < 12; n++) {
      const created = await p.create({
        collection: 'news',
        data: {
          title: `楼宇党建活动第${n + 1}期`,
          category: n % 2 ? 'volunteer' : 'party-building',
          summary: `第${n + 1}期活动的摘要`,
          tags: n % 3 ? ['志愿服务'] : ['主题党日', '红领讲堂'],
          publishedAt: new Date(Date.UTC(2025, 0, 1 + n)).toISOString(),
          _status: 'published',
        },
      })
      newsIds.push(created.id)
    }
    speakerId = (
      await p.create({ collection: 'speakers', data: { name: '张明远', title: '教授' } })
    ).id
    for (let n = 0; n < 8; n++) {
      await p.create({
        collection: 'lectures',
        data: {
          title: `党课第${n + 1}讲`,
          series: 'red-collar',
          episode: n + 1,
          speaker: speakerId,
          date: `2024-0${(n % 9) + 1}-01T06:00:00Z`,
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
    await startPublisher() // the first full build
    await idle()
    const root = fs.realpathSync(servedDir())
    const routeFiles = new Set(
      allPageRoutes(buildContentIndex(await exportSiteContent(p))).map((route) =>
        path.relative(root, fileOfPath(root, route.path)),
      ),
    )
    fixedPages = new Set(
      (fs.readdirSync(root, { recursive: true }) as string[]).filter(
        (file) =>
          file.endsWith('.html') && !routeFiles.has(file) && !file.startsWith(`media${path.sep}`),
      ),
    )
  }, 300_000)

  afterAll(async () => {
    await publisher?.stop()
    await t?.close()
    if (work) fs.rmSync(work, { recursive: true, force: true })
  })

  it(
    `kill -9 during updates (${rounds} rounds): after a restart the site equals the content, nothing left behind`,
    async () => {
      let midUpdate = 0
      for (let round = 0; round < rounds; round++) {
        await editBurst()
        // A random moment in the update that follows (the publisher polls every 150 ms); the first
        // round kills at once, so that even a short run restarts with work left to finish.
        await sleep(round === 0 ? 0 : Math.random() * 700)
        midUpdate += (await queued()) > 0 ? 1 : 0
        await publisher.kill9()
        await startPublisher()
        await idle()
        await expectLiveMatchesContent()
      }
      // Kills that landed before the queue was emptied: the restart really had work to finish.
      expect(midUpdate).toBeGreaterThan(0)
    },
    120_000 + rounds * 60_000,
  )

  it(
    `kill -9 during a full build's swap (${rounds} rounds): the site is whole after a restart`,
    async () => {
      for (let round = 0; round < rounds; round++) {
        const before = new Set(fs.readdirSync(path.join(releasesDir, 'releases')))
        await t.payload.updateGlobal({
          slug: 'site',
          data: { slogan: `党建引领，第${round + 1}次修改` },
        })
        await editBurst() // published while the build runs: replayed before the swap
        // The build is done when its release.json appears; then the release opens, replays, swaps.
        await until('全量构建完成', () =>
          fs
            .readdirSync(path.join(releasesDir, 'releases'))
            .some(
              (name) =>
                !before.has(name) &&
                fs.existsSync(path.join(releasesDir, 'releases', name, 'release.json')),
            ),
        )
        await sleep(Math.random() * 2500)
        await publisher.kill9()
        await startPublisher()
        await idle()
        await expectLiveMatchesContent()
        const home = fs.readFileSync(path.join(servedDir(), 'index.html'), 'utf8')
        expect(home).toContain(`党建引领，第${round + 1}次修改`)
      }
    },
    120_000 + rounds * 240_000,
  )

  it('keeps the old site on a full disk, shows the failure in 网站状态, and retries once writing works', async () => {
    const slug = (await t.payload.findByID({ collection: 'news', id: newsIds[1] })).slug
    const file = path.join(servedDir(), 'news', slug ?? '', 'index.html')
    const before = fs.readFileSync(file, 'utf8')
    fs.writeFileSync(noSpaceFile, '')
    await t.payload.update({
      collection: 'news',
      id: newsIds[1],
      data: { title: '磁盘写满时保存的标题' },
    })
    await until(
      '网站状态显示写入失败',
      async () => {
        const status = await t.payload.findGlobal({ slug: 'site-status', overrideAccess: true })
        return status.lastError?.message?.includes('ENOSPC') ?? false
      },
      30_000,
    )
    await sleep(500)
    expect(publisher.running).toBe(true)
    expect(fs.readFileSync(file, 'utf8')).toBe(before)
    expect(await queued()).toBeGreaterThan(0)
    expect(leftovers(releasesDir)).toEqual([])

    fs.rmSync(noSpaceFile)
    await until(
      '重试后页面更新',
      () => fs.readFileSync(file, 'utf8').includes('磁盘写满时保存的标题'),
      90_000,
    )
    await idle()
    await expectLiveMatchesContent()
  }, 180_000)

  it('ends equal to a clean full build of the same content', async () => {
    const clean = await new Releases(path.join(work, 'clean')).build(
      await exportSiteContent(t.payload),
      'test',
    )
    expectSameSite(servedDir(), clean.publicDir)
  }, 240_000)
})
