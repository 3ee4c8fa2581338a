import Parser from 'rss-parser'
import { describe, expect, it } from 'vitest'
import { buildContentIndex } from '../../site/src/cms/buildContentIndex'
import { generatedFiles } from '../../site/src/feeds/generatedFiles'
import { episodeGuid, podcastGuid, podcastXml } from '../../site/src/feeds/podcastFeed'
import type { LectureEntry } from '../../shared/siteContent'
import { lectureEntry, tinySiteContent } from './fixtures/tinySite'

const site = new URL('https://example.org')

type Attributes = { $: Record<string, string> }
type PodcastItem = {
  guid: string
  title: string
  link: string
  enclosure: { url: string; length: string; type: string }
  itunes: { duration?: string; episode?: string; explicit?: string; author?: string }
  chapters?: Attributes
  transcripts?: Attributes[]
}
type PodcastChannel = { 'podcast:guid': string; 'itunes:type': string; language: string }
const parser = new Parser<PodcastChannel, PodcastItem>({
  customFields: {
    feed: ['podcast:guid', 'itunes:type', 'language'],
    item: [
      ['podcast:chapters', 'chapters'],
      ['podcast:transcript', 'transcripts', { keepArray: true }],
    ],
  },
})

function content() {
  const tiny = tinySiteContent()
  tiny.site.contact.email = 'dangwei@example.org'
  const audio = (id: string, fields: Partial<LectureEntry>) =>
    lectureEntry(id, {
      date: `2026-0${id}-01T06:30:00.000Z`,
      speakerId: '1',
      episode: Number(id),
      recording: {
        file: `talk-${id}.mp3`,
        alt: '',
        mimeType: 'audio/mpeg',
        filesize: 3_480_072,
        duration: 3480.072,
      },
      chapters: [
        { start: '00:00', seconds: 0, title: '开场' },
        { start: '30:00', seconds: 1800, title: '答问' },
      ],
      ...fields,
    })
  tiny.lectures = [
    audio('1', { captions: [{ start: 1, end: 3, text: '大家好。' }] }),
    audio('2', { series: 'policy', transcript: '[00:00] 开场。\n\n[10:00] 政策要点。' }),
    audio('3', { title: '没有讲次的讲座 & <特别>', episode: null }),
    // Left out: an external video only; an uploaded video; nothing at all.
    lectureEntry('4', {
      date: '2026-04-01T00:00:00.000Z',
      videoUrl: 'https://video.example.org/4',
    }),
    lectureEntry('5', {
      date: '2026-05-01T00:00:00.000Z',
      recording: { file: 'v.mp4', alt: '', mimeType: 'video/mp4', filesize: 10, duration: 5 },
    }),
    lectureEntry('6', { date: '2026-06-01T00:00:00.000Z' }),
  ]
  return buildContentIndex(tiny)
}

describe('the podcast feed', () => {
  it('parses with a real feed parser and carries every channel tag apps need', async () => {
    const xml = podcastXml(content(), site)
    const feed = await parser.parseString(xml)
    expect(feed.title).toBe('红领讲堂 · 红色山高')
    expect(feed.link).toBe('https://example.org/lectures/')
    expect(feed.language).toBe('zh-cn')
    expect(feed.itunes).toMatchObject({
      author: '红色山高',
      explicit: 'false',
      image: 'https://example.org/lectures/podcast-cover.jpg',
      owner: { name: '红色山高', email: 'dangwei@example.org' },
      categories: ['Government'],
    })
    expect(feed['itunes:type']).toBe('episodic')
    expect(feed['podcast:guid']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    expect(xml).toContain('<atom:link href="https://example.org/lectures/podcast.xml" rel="self"')
  })

  it('has one episode per audio lecture, with enclosure, guid, duration, episode, chapters and transcript', async () => {
    const feed = await parser.parseString(podcastXml(content(), site))
    expect(feed.items.map((item) => item.guid)).toEqual([
      'hongse-shangao:lecture:3',
      'hongse-shangao:lecture:2',
      'hongse-shangao:lecture:1',
    ])
    for (const item of feed.items) {
      expect(item.enclosure).toEqual({
        url: expect.stringMatching(/^https:\/\/example\.org\/media\/talk-\d\.mp3$/),
        length: '3480072',
        type: 'audio/mpeg',
      })
      expect(item.itunes.duration).toBe('3480')
      expect(item.itunes.explicit).toBe('false')
      expect(item.itunes.author).toBe('张三')
      expect(item.chapters?.$).toEqual({
        url: `${item.link}chapters.json`,
        type: 'application/json+chapters',
      })
    }
    const [third, second, first] = feed.items
    expect(third.title).toBe('没有讲次的讲座 & <特别>')
    expect(third.itunes.episode).toBeUndefined()
    expect(second.itunes.episode).toBe('2')
    expect(first.itunes.episode).toBe('1')
    // From the captions (rel="captions") and from the [mm:ss] transcript; none without either.
    expect(first.transcripts?.map((t) => t.$)).toEqual([
      { url: `${first.link}transcript.vtt`, type: 'text/vtt', language: 'zh-cn', rel: 'captions' },
      { url: `${first.link}transcript.json`, type: 'application/json', language: 'zh-cn' },
    ])
    expect(second.transcripts?.[0].$).toEqual({
      url: `${second.link}transcript.vtt`,
      type: 'text/vtt',
      language: 'zh-cn',
    })
    expect(third.transcripts).toBeUndefined()
  })

  it('per series: only that series, listened to in order', async () => {
    const feed = await parser.parseString(podcastXml(content(), site, 'policy'))
    expect(feed.items.map((item) => item.guid)).toEqual(['hongse-shangao:lecture:2'])
    expect(feed['itunes:type']).toBe('serial')
    expect(feed.itunes?.categories).toEqual(['Government'])
    expect(feed.link).toBe('https://example.org/lectures/series/policy/')
    const empty = await parser.parseString(podcastXml(content(), site, 'ideology'))
    expect(empty.items).toEqual([])
    expect(empty['itunes:type']).toBe('episodic')
  })

  it('guids never change with the title, slug or site address', () => {
    const lecture = content().lectures.find((l) => l.id === '1')!
    expect(episodeGuid({ ...lecture, title: '新标题', slug: 'new-slug' })).toBe(
      episodeGuid(lecture),
    )
    const other = new URL('https://another.example')
    expect(podcastXml(content(), other)).toContain(
      `<guid isPermaLink="false">${episodeGuid(lecture)}</guid>`,
    )
    // The channel's podcast:guid is the spec's UUID v5 of the feed URL (its worked example).
    expect(podcastGuid('https://mp3s.nashownotes.com/pc20rss.xml')).toBe(
      '917393e3-1b1e-5cef-ace4-edaa54e1f810',
    )
  })

  it('the publisher regenerates every podcast when lectures or speakers change', () => {
    const podcasts = generatedFiles.filter((file) => file.path.endsWith('/podcast.xml'))
    expect(podcasts.map((file) => file.path).sort()).toEqual([
      '/lectures/podcast.xml',
      '/lectures/series/ideology/podcast.xml',
      '/lectures/series/party-history/podcast.xml',
      '/lectures/series/policy/podcast.xml',
      '/lectures/series/red-collar/podcast.xml',
    ])
    for (const file of podcasts)
      expect([...file.dependsOn].sort()).toEqual(['lectures', 'speakers'])
  })
})
