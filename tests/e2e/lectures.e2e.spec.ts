/**
 * 红领讲堂 for listeners (issue 14), against `npm start`: the podcast feeds as a feed parser and a
 * podcast app read them (enclosures the server answers with Range, chapters and transcripts that
 * validate), the captions track, the transcript that seeks and follows the recording, playback that
 * remembers, search hits that open at their moment, and captions checked on REST, GraphQL and in the
 * admin. Accessibility and layout at 360 px for the pages this adds to.
 */
import zlib from 'node:zlib'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import Parser from 'rss-parser'
import webvtt from 'webvtt-parser'
import { clockTime, lectureTranscript } from '../../shared/lectureTimeline'
import type { LectureEntry } from '../../shared/siteContent'
import { authHeaders, demoAccounts, demoPassword, login } from '../helpers/api'
import { e2eSiteContent, siteUrl } from '../helpers/siteContent'

const content = e2eSiteContent()
const captioned = content.lectures.find((l) => l.recording && l.captions.length > 5)!
const stamped = content.lectures.find(
  (l) => l.recording && lectureTranscript(l).source === 'transcript',
)!
const pagePath = (lecture: LectureEntry) => `/lectures/${lecture.slug}/`
const live = { timeout: 20_000, intervals: [100, 200, 400] }

type Attributes = { $: Record<string, string> }
type Item = {
  guid: string
  title: string
  link: string
  enclosure: { url: string; length: string; type: string }
  itunes: { duration?: string; episode?: string; explicit?: string }
  chapters?: Attributes
  transcripts?: Attributes[]
}
const parser = new Parser<Record<string, never>, Item>({
  customFields: {
    item: [
      ['podcast:chapters', 'chapters'],
      ['podcast:transcript', 'transcripts', { keepArray: true }],
    ],
  },
})

const currentTime = (page: Page) =>
  page.evaluate(() => (document.getElementById('player') as HTMLMediaElement).currentTime)

async function violations(page: Page): Promise<string[]> {
  const { violations: found } = await new AxeBuilder({ page }).analyze()
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
}

/** Times increase, no cue overlaps the next, all within [0, duration]. */
function expectTimeline(cues: { start: number; end: number }[], duration: number) {
  expect(cues.length).toBeGreaterThan(0)
  cues.forEach((cue, index) => {
    expect(cue.start).toBeGreaterThanOrEqual(0)
    expect(cue.end).toBeGreaterThan(cue.start)
    expect(cue.end).toBeLessThanOrEqual(duration + 0.001)
    if (index > 0) expect(cue.start).toBeGreaterThanOrEqual(cues[index - 1].end)
  })
}

function parseVtt(text: string, mode: 'subtitles' | 'chapters' = 'subtitles') {
  const tree = new webvtt.WebVTTParser().parse(text, mode)
  expect(tree.errors).toEqual([])
  return tree.cues.map((cue) => ({ start: cue.startTime, end: cue.endTime, text: cue.text }))
}

async function get(request: APIRequestContext, url: string) {
  const response = await request.get(url, { headers: { 'Cache-Control': 'no-cache' } })
  expect(response.status(), url).toBe(200)
  return response
}

test('the podcast feeds: every episode tag, enclosures as served, chapters and transcripts that validate', async ({
  request,
}) => {
  const xml = await (await get(request, siteUrl('/lectures/podcast.xml'))).text()
  const feed = await parser.parseString(xml)
  expect(feed.itunes?.image).toBe(siteUrl('/lectures/podcast-cover.jpg'))
  const cover = await get(request, feed.itunes!.image!)
  expect(cover.headers()['content-type']).toBe('image/jpeg')
  const { default: sharp } = await import('sharp')
  const { width, height } = await sharp(await cover.body()).metadata()
  expect(width).toBe(height)
  expect(width).toBeGreaterThanOrEqual(1400)
  expect(width).toBeLessThanOrEqual(3000)

  const audio = content.lectures.filter((l) => l.recording?.mimeType.startsWith('audio/'))
  expect(feed.items.map((item) => item.link).sort()).toEqual(
    audio.map((l) => siteUrl(pagePath(l))).sort(),
  )
  // Video-only lectures are not episodes.
  for (const lecture of content.lectures.filter((l) => !l.recording))
    expect(xml).not.toContain(pagePath(lecture))

  for (const item of feed.items) {
    expect(item.guid).toMatch(/^hongse-shangao:lecture:\w+$/)
    expect(item.itunes.explicit).toBe('false')
    expect(item.itunes.episode).toMatch(/^\d+$/)
    const duration = Number(item.itunes.duration)
    expect(duration).toBeGreaterThan(60)
    // The enclosure is the file the server sends, byte for byte, and it seeks by Range.
    const head = await request.head(item.enclosure.url)
    expect(head.status()).toBe(200)
    expect(head.headers()['content-type']).toBe(item.enclosure.type)
    expect(head.headers()['content-length']).toBe(item.enclosure.length)
    const range = await request.get(item.enclosure.url, { headers: { Range: 'bytes=1000-1999' } })
    expect(range.status()).toBe(206)
    expect(range.headers()['content-range']).toBe(`bytes 1000-1999/${item.enclosure.length}`)
    expect((await range.body()).length).toBe(1000)

    expect(item.chapters?.$.type).toBe('application/json+chapters')
    const chapters = (await (await get(request, item.chapters!.$.url)).json()) as {
      version: string
      chapters: { startTime: number; endTime: number; title: string }[]
    }
    expect(chapters.version).toBe('1.2.0')
    expectTimeline(
      chapters.chapters.map((c) => ({ start: c.startTime, end: c.endTime })),
      duration + 1,
    )
    for (const transcript of item.transcripts ?? []) {
      const response = await get(request, transcript.$.url)
      if (transcript.$.type === 'text/vtt') {
        expect(response.headers()['content-type']).toBe('text/vtt; charset=utf-8')
        expectTimeline(parseVtt(await response.text()), duration + 1)
      }
    }
  }
  expect(feed.items.filter((item) => item.transcripts?.length).length).toBeGreaterThanOrEqual(2)

  // One per series, linked from its page with a 订阅 link; the archive links the whole podcast.
  const series = await parser.parseString(
    await (await get(request, siteUrl(`/lectures/series/${captioned.series}/podcast.xml`))).text(),
  )
  expect(series.items.some((item) => item.link === siteUrl(pagePath(captioned)))).toBe(true)
  expect(series.items.every((item) => audio.some((l) => siteUrl(pagePath(l)) === item.link))).toBe(
    true,
  )
})

test('a published lecture joins the podcast, its draft never shows, unpublishing takes it and its files away', async ({
  request,
}) => {
  const token = await login(request, 'editor')
  const run = Date.now().toString(36)
  const title = `播客发布测试${run}`
  const created = await request.post('/api/lectures', {
    headers: authHeaders(token),
    data: {
      title,
      series: 'policy',
      episode: 99,
      date: new Date().toISOString(),
      recording: (
        await (
          await request.get('/api/media?where[mimeType][equals]=audio/mpeg&limit=1&depth=0')
        ).json()
      ).docs[0].id,
      chapters: [
        { start: '00:00', title: '开场' },
        { start: '01:00', title: '正文' },
      ],
      captions: `1\n00:00:01,000 --> 00:00:03,000\n测试字幕${run}\n`,
      _status: 'published',
    },
  })
  expect(created.status()).toBe(201)
  const { doc } = await created.json()
  expect(doc.captions).toBe(`WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\n测试字幕${run}\n\n`)
  const guid = `hongse-shangao:lecture:${doc.id}`
  const feedText = async (path = '/lectures/podcast.xml') =>
    (await request.get(siteUrl(path), { headers: { 'Cache-Control': 'no-cache' } })).text()
  await expect.poll(() => feedText(), live).toContain(guid)
  expect(await feedText('/lectures/series/policy/podcast.xml')).toContain(guid)
  const files = ['captions.vtt', 'chapters.json', 'chapters.vtt', 'transcript.vtt'].map(
    (name) => `/lectures/${doc.slug}/${name}`,
  )
  for (const file of files) await get(request, siteUrl(file))

  const draftTitle = `草稿标题${run}`
  const draft = await request.patch(`/api/lectures/${doc.id}?draft=true`, {
    headers: authHeaders(token),
    data: { title: draftTitle, _status: 'draft' },
  })
  expect(draft.status()).toBe(200)
  const unpublished = await request.patch(`/api/lectures/${doc.id}`, {
    headers: authHeaders(token),
    data: { _status: 'draft' },
  })
  expect(unpublished.status()).toBe(200)
  await expect.poll(() => feedText(), live).not.toContain(guid)
  expect(await feedText()).not.toContain(draftTitle)
  for (const file of files) expect((await request.get(siteUrl(file))).status(), file).toBe(404)
})

test('captions are checked on REST and GraphQL: malformed timing is a 400 naming the line', async ({
  request,
}) => {
  const token = await login(request, 'editor')
  const bad = '1\n00:00:01,000 --> 00:00:02,000\n一\n\n2\n00:00:05 --> 00:00:06,000\n二\n'
  const rest = await request.post('/api/lectures?draft=true', {
    headers: authHeaders(token),
    data: { title: '字幕检查', series: 'policy', date: new Date().toISOString(), captions: bad },
  })
  expect(rest.status()).toBe(400)
  expect(JSON.stringify(await rest.json())).toContain(
    '字幕文件第 6 行：时间格式不正确（“00:00:05 --> 00:00:06,000”）',
  )
  const graphql = await request.post('/api/graphql', {
    headers: authHeaders(token),
    data: {
      query: `mutation ($captions: String) { createLecture(draft: true, data: { title: "字幕检查", series: policy, date: "2026-12-01T00:00:00.000Z", captions: $captions }) { id } }`,
      variables: { captions: bad },
    },
  })
  expect(graphql.status()).toBe(400)
  expect(JSON.stringify(await graphql.json())).toContain('字幕文件第 6 行')
  // A 10,000-cue file (40,000 lines) is saved, converted; one bad line deep inside is named.
  const time = (ms: number) => new Date(ms).toISOString().slice(11, 23).replace('.', ',')
  const long = Array.from(
    { length: 10_000 },
    (_, i) => `${i + 1}\n${time(i * 1000)} --> ${time(i * 1000 + 900)}\n第 ${i + 1} 句\n`,
  ).join('\n')
  const saved = await request.post('/api/lectures?draft=true', {
    headers: authHeaders(token),
    data: { title: '长字幕', series: 'policy', date: new Date().toISOString(), captions: long },
  })
  expect(saved.status()).toBe(201)
  const { doc: longDoc } = await saved.json()
  expect(longDoc.captions.match(/-->/g)).toHaveLength(10_000)
  expect(longDoc.captions).toContain('\n02:46:39.000 --> 02:46:39.900\n第 10000 句')
  const broken = await request.post('/api/lectures?draft=true', {
    headers: authHeaders(token),
    data: {
      title: '长字幕',
      series: 'policy',
      date: new Date().toISOString(),
      captions: long.replace('02:46:39,000 -->', '02:46:39,000 ->'),
    },
  })
  expect(broken.status()).toBe(400)
  expect(JSON.stringify(await broken.json())).toContain('字幕文件第 39998 行')
  const transcript = await request.post('/api/lectures?draft=true', {
    headers: authHeaders(token),
    data: {
      title: '文字稿检查',
      series: 'policy',
      date: new Date().toISOString(),
      transcript: '[00:10] 一\n\n[00:05] 二',
    },
  })
  expect(transcript.status()).toBe(400)
  expect(JSON.stringify(await transcript.json())).toContain('文字稿第 3 行')
})

test('the admin reads an uploaded caption file: SRT converted, a bad line named', async ({
  page,
}) => {
  await page.goto('/admin/login')
  await page.getByLabel('电子邮件').fill(demoAccounts.editor)
  await page.getByLabel('密码').fill(demoPassword)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page).toHaveURL(/\/admin$/)
  await page.goto('/admin/collections/lectures/create')
  const input = page.locator('input[type="file"][accept*=".srt"]')
  await input.setInputFiles({
    name: 'bad.srt',
    mimeType: 'application/x-subrip',
    buffer: Buffer.from('1\n00:00:05,000 --> 00:00:04,000\n一\n'),
  })
  await expect(page.getByRole('status').filter({ hasText: 'bad.srt' })).toContainText(
    '字幕文件第 2 行：结束时间应晚于开始时间',
  )
  await input.setInputFiles({
    name: 'good.srt',
    mimeType: 'application/x-subrip',
    buffer: Buffer.from('1\r\n00:00:01,500 --> 00:00:04,000\r\n大家好\r\n'),
  })
  await expect(page.getByRole('status').filter({ hasText: 'good.srt' })).toContainText(
    '已由 SRT 转换为 WebVTT',
  )
  await expect(page.locator('textarea#field-captions')).toHaveValue(
    'WEBVTT\n\n1\n00:00:01.500 --> 00:00:04.000\n大家好\n\n',
  )
})

test('the captions track shows text, and clicking a transcript segment seeks and marks it', async ({
  page,
  request,
}) => {
  await page.goto(siteUrl(pagePath(captioned)))
  const track = page.locator('audio#player track[kind="captions"]')
  await expect(track).toHaveAttribute('srclang', 'zh-CN')
  await expect(page.locator('audio#player track[kind="chapters"]')).toHaveCount(1)
  const cues = parseVtt(
    await (await get(request, siteUrl(`${pagePath(captioned)}captions.vtt`))).text(),
  )
  const segments = page.locator('.transcript__segment')
  const target = segments.nth(2)
  const start = Number(await target.getAttribute('data-start'))
  const cue = cues.find((c) => c.start === start)!
  expect(cue).toBeTruthy()
  await target.click({ position: { x: 200, y: 5 } })
  await expect.poll(() => currentTime(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(start)
  await expect(target).toHaveAttribute('aria-current', 'true')
  await expect(page).toHaveURL(new RegExp(`#t=${Math.floor(start)}$`))
  await expect(page.locator('#player-captions')).toHaveText(cue.text, { timeout: 10_000 })
  expect(
    await page.evaluate(() => {
      const player = document.getElementById('player') as HTMLMediaElement
      const captions = [...player.textTracks].find((t) => t.kind === 'captions')!
      return [...(captions.activeCues ?? [])].map((c) => (c as VTTCue).text)
    }),
  ).toEqual([cue.text])
  await page.evaluate(() => (document.getElementById('player') as HTMLMediaElement).pause())
  expect(await violations(page)).toEqual([])
})

test('playback remembers: reload resumes at the position and speed, 继续收听 lists it', async ({
  page,
}) => {
  await page.goto(siteUrl(pagePath(stamped)))
  await page.getByRole('button', { name: '1.5 倍速' }).click()
  await expect(page.getByRole('button', { name: '1.5 倍速' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  const segment = page.locator('.transcript__segment').nth(2)
  const start = Number(await segment.getAttribute('data-start'))
  await segment.locator('.transcript__time').click()
  await expect.poll(() => currentTime(page), { timeout: 10_000 }).toBeGreaterThan(start + 0.5)
  await page.evaluate(() => (document.getElementById('player') as HTMLMediaElement).pause())
  const position = await currentTime(page)

  // Opened again without `#t=`: where it was left, at 1.5×.
  await page.goto(siteUrl(pagePath(stamped)))
  await expect.poll(() => currentTime(page), { timeout: 10_000 }).toBeCloseTo(position, 0)
  expect(
    await page.evaluate(() => (document.getElementById('player') as HTMLMediaElement).playbackRate),
  ).toBe(1.5)
  await expect(page.locator('#player-resume')).toContainText('已回到上次收听的位置')
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('hongse:'))),
  ).toEqual(expect.arrayContaining(['hongse:listening', 'hongse:playback-rate']))

  await page.goto(siteUrl('/lectures/'))
  const list = page.getByRole('region', { name: '继续收听' })
  await expect(list).toBeVisible()
  await expect(list.getByRole('link', { name: stamped.title })).toHaveAttribute(
    'href',
    pagePath(stamped),
  )
  expect(await violations(page)).toEqual([])
})

test('a search hit inside a transcript shows its time and opens the lecture there', async ({
  page,
  request,
}) => {
  const transcript = (await (
    await get(request, siteUrl(`${pagePath(stamped)}transcript.json`))
  ).json()) as { segments: { startTime: number; body: string }[] }
  const segment = transcript.segments[3]
  const phrase = Array.from(segment.body).slice(12, 20).join('')
  const first = transcript.segments.find((s) => s.body.includes(phrase))!
  await page.goto(siteUrl(`/search/?q=${encodeURIComponent(phrase)}`))
  const result = page.locator('.search-result').filter({ hasText: stamped.title })
  const time = result.locator('.search-moment__time')
  await expect(time).toHaveText(clockTime(first.startTime))
  await result.getByRole('link', { name: stamped.title }).click()
  await expect(page).toHaveURL(siteUrl(`${pagePath(stamped)}#t=${Math.floor(first.startTime)}`))
  await expect
    .poll(() => currentTime(page), { timeout: 10_000 })
    .toBeCloseTo(Math.floor(first.startTime), 0)
})

test('at 360 px nothing scrolls sideways; the lecture pages stay within the JS budget', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 360, height: 780 })
  const gz = (data: Buffer | string) => zlib.gzipSync(data).length
  for (const path of [
    pagePath(captioned),
    pagePath(stamped),
    '/lectures/',
    `/lectures/series/${captioned.series}/`,
  ]) {
    await page.goto(siteUrl(path))
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    )
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0)
    expect(await violations(page), path).toEqual([])
    // Every script the page runs before any interaction: inline ones, modules and their imports.
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter(
          (entry) =>
            (entry as PerformanceResourceTiming).initiatorType === 'script' ||
            entry.name.endsWith('.js'),
        )
        .map((entry) => entry.name),
    )
    const inline = await page.$$eval(
      'script:not([src]):not([type="application/ld+json"])',
      (elements) => elements.map((element) => element.textContent ?? ''),
    )
    let bytes = inline.reduce((sum, code) => sum + gz(code), 0)
    for (const url of new Set(scripts)) bytes += gz(await (await request.get(url)).body())
    test.info().annotations.push({
      type: 'JS before interaction',
      description: `${path}: ${bytes} B gzipped`,
    })
    expect(bytes, `${path} JS`).toBeLessThanOrEqual(5 * 1024)
  }
  // The 订阅 link on the archive and on each series page.
  await page.goto(siteUrl(`/lectures/series/${captioned.series}/`))
  await expect(page.getByRole('link', { name: '订阅播客' })).toHaveAttribute(
    'href',
    `/lectures/series/${captioned.series}/podcast.xml`,
  )
  await page.goto(siteUrl('/lectures/'))
  await expect(page.getByRole('link', { name: '订阅播客' })).toHaveAttribute(
    'href',
    '/lectures/podcast.xml',
  )
})
