/**
 * Content fuzz for availability: news whose titles, tags and slugs hold extreme values (1 to 10,000
 * characters, every Unicode plane, control characters, `/ \ . .. % ? #`, right-to-left overrides)
 * go through a first full build and through incremental updates. The publisher stays up, every page
 * of the published content is served or skipped with its reason in 网站状态, and the build and the
 * publisher put the pages at the same paths.
 */
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { exportSiteContent } from '../../cms/export/exportSiteContent'
import { Publisher } from '../../publisher/publisher'
import { Releases } from '../../publisher/releases'
import { createStaticServer } from '../../site/server/staticServer'
import { allPageRoutes } from '../../site/src/routes/pageRoutes'
import { describeOnDatabase, startTestPayload, type TestPayload } from '../helpers/testPayload'

const planes = [0x41, 0x4e2d, 0x10000, 0x1f600, 0x20000, 0x30000, 0xe0041, 0xf0000, 0x10fffd]
  .map((code) => String.fromCodePoint(code))
  .join('')
const extremes = [
  'a',
  'x'.repeat(10_000),
  '标'.repeat(90),
  '😀'.repeat(300),
  planes,
  planes.repeat(40),
  '\u0001控制\t字符\n换行\u007f',
  '/',
  '\\',
  '.',
  '..',
  '%',
  '?',
  '#',
  'a/b',
  '../../etc/passwd',
  '%2e%2e%2f',
  'a?b#c',
  '\u202eevil\u202cgpj.html',
  '\u2066隔离\u2069',
  '\ud800孤立代理',
  ' 首尾空格 ',
]

function* chunks<T>(items: T[], size: number) {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size)
}

describeOnDatabase('content fuzz: extreme titles, tags and slugs never take the site down', () => {
  let t: TestPayload
  let work: string
  let publisher: Publisher
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)

  /** Publishes news carrying the extreme values; returns how many Payload accepted. */
  const publishExtremes = async (round: number) => {
    let accepted = 0
    // The second round doubles each value: new tag pages, made by an update instead of the build.
    const values = round === 1 ? extremes : extremes.map((value) => value + value)
    for (const [n, group] of [...chunks(values, 3)].entries()) {
      const cases: [string, { title: string; tags: string[]; slug?: string }][] = [
        ['tags', { title: `标签模糊测试 ${round}-${n}`, tags: group }],
        ['title', { title: group.join(''), tags: ['模糊'] }],
        ['slug', { title: `别名模糊测试 ${round}-${n}`, slug: group.join(''), tags: [group[0]] }],
      ]
      for (const [field, data] of cases) {
        try {
          await t.payload.create({
            collection: 'news',
            data: {
              ...data,
              category: 'party-building',
              summary: `${field} 模糊测试`,
              _status: 'published',
            },
          })
          accepted++
        } catch {
          // A value the CMS refuses never reaches the site: nothing to check for it.
        }
      }
    }
    return accepted
  }

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled)
    process.env.SITE_URL = 'https://hongse.example'
    t = await startTestPayload()
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-fuzz-test-'))
    expect(await publishExtremes(1)).toBeGreaterThan(0)
    publisher = new Publisher({
      payload: t.payload,
      releasesDir: path.join(work, 'releases'),
      mediaDir: t.mediaDir,
      fullBuildIntervalHours: 0,
      log: () => {},
    })
    await publisher.start({ watch: false }) // the first full build takes the first round
    await publisher.drainQueue()
  }, 240_000)

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled)
    await publisher?.stop()
    await t?.close()
    fs.rmSync(work, { recursive: true, force: true })
  })

  it('applies extreme values as incremental updates, serves every page or says why not, and agrees with a clean build', async () => {
    expect(await publishExtremes(2)).toBeGreaterThan(0)
    // A page that can never be written (a folder stands where its file goes): skipped, with its reason.
    const blocked = '/news/tag/blocked/'
    fs.mkdirSync(path.join(publisher.servedDir, 'news', 'tag', 'blocked', 'index.html'), {
      recursive: true,
    })
    await t.payload.create({
      collection: 'news',
      data: {
        title: '写不进去的标签页',
        category: 'volunteer',
        summary: '阻塞',
        tags: ['blocked'],
        _status: 'published',
      },
    })
    const result = await publisher.drainQueue()
    expect(result?.changes).toBeGreaterThan(0)
    expect(result?.skipped).toEqual([
      expect.objectContaining({ path: blocked, reason: expect.stringContaining('EISDIR') }),
    ])
    expect(
      await t.payload.count({ collection: 'site-changes', overrideAccess: true }),
    ).toMatchObject({ totalDocs: 0 })
    expect(unhandled).toEqual([])

    // The publisher reports to 网站状态 after the update, without holding the queue up for it.
    const statusMessage = async () =>
      (await t.payload.findGlobal({ slug: 'site-status', overrideAccess: true })).lastError
        ?.message ?? ''
    await expect.poll(statusMessage).toContain(`${blocked}：无法写入`)
    const skipped = await statusMessage()
    const server = createStaticServer(publisher.servedDir)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const routes = allPageRoutes(publisher.state.index)
      expect(routes.filter((route) => route.view === 'newsTag').length).toBeGreaterThan(
        extremes.length,
      )
      const missing: string[] = []
      for (const route of routes) {
        const response = await fetch(base + route.path)
        await response.arrayBuffer()
        if (response.status !== 200 && !skipped.includes(route.path))
          missing.push(`${route.path} → ${response.status}`)
      }
      expect(missing).toEqual([])
    } finally {
      server.close()
    }
    // No path segment from content is longer than the file system allows.
    for (const route of allPageRoutes(publisher.state.index)) {
      for (const segment of route.path.split('/'))
        expect(Buffer.byteLength(decodeURIComponent(segment))).toBeLessThanOrEqual(255)
    }

    // A clean build of the same content puts its pages at the same paths.
    const clean = await new Releases(path.join(work, 'clean')).build(
      await exportSiteContent(t.payload),
      'test',
    )
    const pages = (dir: string) =>
      fs
        .readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile() && entry.name === 'index.html')
        .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    expect(
      [...pages(publisher.servedDir), path.join('news', 'tag', 'blocked', 'index.html')].sort(),
    ).toEqual(pages(clean.publicDir).sort())
  }, 240_000)
})
