import webvtt from 'webvtt-parser'
import { describe, expect, it } from 'vitest'
import {
  chaptersJson,
  chaptersVtt,
  lectureTranscript,
  parseTranscript,
  transcriptJson,
  transcriptVtt,
  withinTimeline,
} from '../../shared/lectureTimeline'
import type { LectureEntry } from '../../shared/siteContent'
import { lectureEntry } from './fixtures/tinySite'

const recording = (duration: number | null) => ({
  file: 'talk.mp3',
  alt: '',
  mimeType: 'audio/mpeg',
  filesize: 1000,
  duration,
})

const chapter = (start: string, seconds: number, title: string) => ({ start, seconds, title })

/** A 10-minute talk with three chapters (one beyond its end), captions and a plain transcript. */
function talk(fields: Partial<LectureEntry> = {}): LectureEntry {
  return lectureEntry('1', {
    date: '2026-01-01T00:00:00.000Z',
    durationMinutes: 60,
    recording: recording(600),
    chapters: [
      chapter('00:00', 0, '开场'),
      chapter('05:00', 300, '正文'),
      chapter('12:00', 720, '答问'),
    ],
    captions: [
      { start: 1, end: 4, text: '大家好。' },
      { start: 3.5, end: 6, text: '今天讲楼宇党建。' },
      { start: 6, end: 6.5, text: '同一时刻' },
      { start: 6, end: 9, text: '开始的两条。' },
      { start: 590, end: 640, text: '越过结尾的一条。' },
      { start: 650, end: 660, text: '结尾之后的一条。' },
    ],
    transcript: '第一段。\n\n第二段。',
    ...fields,
  })
}

/** Times increase, none overlaps the next, all within [0, duration]; an independent parser agrees. */
function expectValidTimeline(cues: { start: number; end: number }[], duration: number) {
  cues.forEach((cue, index) => {
    expect(cue.start).toBeGreaterThanOrEqual(0)
    expect(cue.end).toBeGreaterThan(cue.start)
    expect(cue.end).toBeLessThanOrEqual(duration)
    if (index > 0) expect(cue.start).toBeGreaterThanOrEqual(cues[index - 1].end)
  })
}

function parseVtt(vtt: string, mode: 'subtitles' | 'chapters' = 'subtitles') {
  const tree = new webvtt.WebVTTParser().parse(vtt, mode)
  expect(tree.errors).toEqual([])
  return tree.cues.map((cue) => ({ start: cue.startTime, end: cue.endTime, text: cue.text }))
}

describe('transcript timestamps', () => {
  it('[mm:ss] lines start segments; text above the first is untimed', () => {
    expect(
      parseTranscript('引言。\n\n[00:00] 开场。\n续一行。\n\n下一段仍属开场。\n【1:02:03】 最后。'),
    ).toEqual({
      ok: true,
      timed: true,
      segments: [
        { start: null, text: '引言。' },
        { start: 0, text: '开场。\n续一行。\n下一段仍属开场。' },
        { start: 3723, text: '最后。' },
      ],
    })
    expect(parseTranscript('一段。\n\n二段。')).toEqual({
      ok: true,
      timed: false,
      segments: [
        { start: null, text: '一段。' },
        { start: null, text: '二段。' },
      ],
    })
  })

  it('refuses a malformed or backwards time, naming the line', () => {
    expect(parseTranscript('[00:10] 一\n[12:7x] 二')).toMatchObject({ ok: false, line: 2 })
    expect(parseTranscript('[00:10] 一\n[65:00] 二')).toMatchObject({
      ok: false,
      message: /第 2 行：时间格式不正确/,
    })
    expect(parseTranscript('[00:10] 一\n\n[00:10] 二')).toMatchObject({
      ok: false,
      message: '文字稿第 3 行：时间 [00:10] 应晚于上一段的时间。',
    })
  })
})

describe('a lecture timeline stays within the recording', () => {
  it('cuts cues to the end, ends each by the next start, and merges same-start cues', () => {
    expect(withinTimeline(talk().captions, 600)).toEqual([
      { start: 1, end: 3.5, text: '大家好。' },
      { start: 3.5, end: 6, text: '今天讲楼宇党建。' },
      { start: 6, end: 9, text: '同一时刻\n开始的两条。' },
      { start: 590, end: 600, text: '越过结尾的一条。' },
    ])
  })

  it('chapters JSON (Podcasting 2.0) and the chapter track drop what starts after the end', () => {
    const json = JSON.parse(chaptersJson(talk()))
    expect(json.version).toBe('1.2.0')
    expect(json.chapters).toEqual([
      { startTime: 0, endTime: 300, title: '开场' },
      { startTime: 300, endTime: 600, title: '正文' },
    ])
    const track = parseVtt(chaptersVtt(talk()), 'chapters')
    expect(track).toEqual([
      { start: 0, end: 300, text: '开场' },
      { start: 300, end: 600, text: '正文' },
    ])
  })

  it('uses the measured length, else the typed one', () => {
    const typed = talk({ recording: recording(null), durationMinutes: 10 })
    expect(JSON.parse(chaptersJson(typed)).chapters.at(-1).endTime).toBe(600)
  })

  it('the transcript comes from [mm:ss] lines first, then captions, else plain paragraphs', () => {
    expect(lectureTranscript(talk()).source).toBe('captions')
    const stamped = talk({ transcript: '[00:00] 开场白。\n\n[02:30] 第二部分。\n\n[20:00] 越界。' })
    expect(lectureTranscript(stamped)).toEqual({
      source: 'transcript',
      segments: [
        { start: 0, end: 150, text: '开场白。' },
        { start: 150, end: 600, text: '第二部分。' },
      ],
    })
    expect(lectureTranscript(talk({ captions: [] }))).toEqual({
      source: null,
      segments: [
        { start: null, end: null, text: '第一段。' },
        { start: null, end: null, text: '第二段。' },
      ],
    })
  })

  it('captions become readable segments, cut at chapters', () => {
    const cues = Array.from({ length: 40 }, (_, i) => ({
      start: i * 10,
      end: i * 10 + 8,
      text: i % 3 === 2 ? `第${i}句。` : `第${i}句，`,
    }))
    const { segments } = lectureTranscript(talk({ captions: cues }))
    expect(segments.length).toBeGreaterThan(3)
    expect(segments.length).toBeLessThan(40)
    expect(segments.some((segment) => segment.start === 300)).toBe(true)
    expect(segments.map((segment) => segment.text).join('')).toBe(cues.map((c) => c.text).join(''))
  })

  it('transcript VTT and JSON validate: increasing, no overlaps, within the duration', () => {
    for (const lecture of [
      talk(),
      talk({ transcript: '[00:00] 开场白。\n\n[02:30] 第二部分。\n\n[20:00] 越界。' }),
    ]) {
      const vtt = parseVtt(transcriptVtt(lecture))
      expect(vtt.length).toBeGreaterThan(1)
      expectValidTimeline(vtt, 600)
      const json = JSON.parse(transcriptJson(lecture)) as {
        segments: { startTime: number; endTime: number; body: string }[]
      }
      expectValidTimeline(
        json.segments.map((segment) => ({ start: segment.startTime, end: segment.endTime })),
        600,
      )
      expect(json.segments.map((segment) => segment.body)).toEqual(vtt.map((cue) => cue.text))
    }
  })
})
