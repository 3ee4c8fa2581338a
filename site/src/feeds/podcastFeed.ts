/**
 * The 红领讲堂 podcast: RSS 2.0 with Apple's `itunes:` tags and the Podcasting 2.0 `podcast:`
 * namespace, for every lecture with an audio recording (`/lectures/podcast.xml`) and per series.
 *
 * Lectures with only an external video link are left out: a podcast episode is a file the app
 * downloads (an enclosure with its byte length), and a 视频号 or 学习强国 link is a web page. An
 * uploaded video is left out too: this is an audio feed, listened to on the way to work.
 */
import { createHash } from 'node:crypto'
import { lectureDuration, lectureTranscript, timedChapters } from '../../../shared/lectureTimeline'
import { mediaUrl } from '../../../shared/responsiveImage'
import type { LectureEntry } from '../../../shared/siteContent'
import { lectureSeries, type LectureSeries } from '../../../shared/vocabulary'
import type { ContentIndex } from '../cms/buildContentIndex'
import { absoluteUrl } from '../lib/seo'
import * as urls from '../lib/urls'
import { escapeXml } from '../lib/xml'

/** A lecture is an episode when it has an audio recording. */
export const isPodcastEpisode = (lecture: LectureEntry): boolean =>
  lecture.recording?.mimeType.startsWith('audio/') ?? false

/** The cover art's size: Apple asks for a square of 1400–3000 pixels. */
export const podcastCoverSize = 1400

const seriesDescriptions: Record<LectureSeries, string> = {
  'red-collar': '楼宇党组织书记和党员骨干讲党课，讲楼宇党建的实践与体会。',
  'party-history': '党史专题讲座：从重要事件和人物讲百年党史。',
  ideology: '面向楼宇青年白领的思政课。',
  policy: '面向楼宇企业和职工的政策宣讲与解读。',
}

/** Apple Podcasts categories (its fixed list). */
const seriesCategories: Record<LectureSeries, string> = {
  'red-collar': 'Government',
  'party-history': 'History',
  ideology: 'Education',
  policy: 'Government',
}

/** Podcasting 2.0's `podcast:guid`: a UUID v5 of the feed URL without its scheme. */
export function podcastGuid(feedUrl: string): string {
  const namespace = Buffer.from('ead4c236bf5858c6a2c6a6b28d128cb6', 'hex')
  const name = feedUrl.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, '')
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest()
  hash[6] = (hash[6] & 0x0f) | 0x50
  hash[8] = (hash[8] & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** An episode's guid: the lecture's id, which neither a new title, slug nor site address changes. */
export const episodeGuid = (lecture: LectureEntry) => `hongse-shangao:lecture:${lecture.id}`

const tag = (name: string, value: string | number) =>
  `<${name}>${escapeXml(String(value))}</${name}>`

function episodeXml(content: ContentIndex, lecture: LectureEntry, site: URL | undefined): string {
  const recording = lecture.recording!
  const pageUrl = absoluteUrl(urls.lectureUrl(lecture.slug), site)
  const fileUrl = (name: urls.LectureFileName) =>
    escapeXml(absoluteUrl(urls.lectureFileUrl(lecture.slug, name), site))
  const duration = lectureDuration(lecture)
  const speaker = lecture.speakerId ? content.speakersById.get(lecture.speakerId) : undefined
  const transcript = lectureTranscript(lecture)
  const lines = [
    tag('title', lecture.title),
    tag('link', pageUrl),
    `<guid isPermaLink="false">${escapeXml(episodeGuid(lecture))}</guid>`,
    tag('pubDate', new Date(lecture.date).toUTCString()),
    tag('description', lecture.summary || lecture.title),
    `<enclosure url="${escapeXml(absoluteUrl(mediaUrl(recording.file), site))}" length="${recording.filesize}" type="${escapeXml(recording.mimeType)}"/>`,
    duration ? tag('itunes:duration', Math.round(duration)) : '',
    lecture.episode != null ? tag('itunes:episode', lecture.episode) : '',
    tag('itunes:episodeType', 'full'),
    tag('itunes:explicit', 'false'),
    tag('itunes:author', speaker?.name ?? content.site.siteName),
    speaker
      ? `<podcast:person href="${escapeXml(absoluteUrl(urls.speakerUrl(speaker.slug), site))}">${escapeXml(speaker.name)}</podcast:person>`
      : '',
    timedChapters(lecture).length
      ? `<podcast:chapters url="${fileUrl('chapters.json')}" type="application/json+chapters"/>`
      : '',
    transcript.source
      ? `<podcast:transcript url="${fileUrl('transcript.vtt')}" type="text/vtt" language="zh-cn"${transcript.source === 'captions' ? ' rel="captions"' : ''}/>` +
        `<podcast:transcript url="${fileUrl('transcript.json')}" type="application/json" language="zh-cn"/>`
      : '',
  ]
  return `<item>${lines.join('')}</item>`
}

/** The podcast of all audio lectures, or of one series: newest episode first. */
export function podcastXml(
  content: ContentIndex,
  site: URL | undefined,
  series?: LectureSeries,
): string {
  const lectures = (
    series ? (content.lecturesBySeries.get(series) ?? []) : content.lectures
  ).filter(isPodcastEpisode)
  const { siteName, contact } = content.site
  const title = series ? `${lectureSeries[series]} · ${siteName}` : `红领讲堂 · ${siteName}`
  const description = series
    ? `${seriesDescriptions[series]}${siteName}“红领讲堂”讲座录音。`
    : `${siteName}“红领讲堂”的党课、党史专题、思政课和政策宣讲录音，附章节与文字稿。`
  const self = absoluteUrl(
    series ? urls.lectureSeriesPodcastUrl(series) : urls.lecturesPodcastUrl,
    site,
  )
  const link = absoluteUrl(series ? urls.lectureSeriesUrl(series) : urls.lecturesUrl, site)
  const cover = absoluteUrl(urls.podcastCoverUrl(series), site)
  const numbered = lectures.every((lecture) => lecture.episode != null)
  const updated = lectures.reduce(
    (latest, lecture) => (lecture.updatedAt > latest ? lecture.updatedAt : latest),
    '',
  )
  const channel = [
    tag('title', title),
    tag('link', link),
    `<atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`,
    tag('description', description),
    tag('language', 'zh-cn'),
    tag('copyright', `© ${siteName}`),
    updated ? tag('lastBuildDate', new Date(updated).toUTCString()) : '',
    `<image>${tag('url', cover)}${tag('title', title)}${tag('link', link)}</image>`,
    `<itunes:image href="${escapeXml(cover)}"/>`,
    tag('itunes:author', siteName),
    `<itunes:owner>${tag('itunes:name', siteName)}${contact.email ? tag('itunes:email', contact.email) : ''}</itunes:owner>`,
    `<itunes:category text="${series ? seriesCategories[series] : 'Government'}"/>`,
    tag('itunes:explicit', 'false'),
    // A series numbered throughout is listened to in order; the whole archive is not.
    tag('itunes:type', series && numbered && lectures.length > 0 ? 'serial' : 'episodic'),
    tag('podcast:guid', podcastGuid(self)),
    tag('podcast:medium', 'podcast'),
  ]
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:atom="http://www.w3.org/2005/Atom">\n` +
    `<channel>${channel.join('')}\n` +
    lectures.map((lecture) => `${episodeXml(content, lecture, site)}\n`).join('') +
    `</channel>\n</rss>\n`
  )
}
