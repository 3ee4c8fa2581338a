/**
 * A lecture's timeline: its length, its chapters with their ends, its captions and the
 * transcript's timed segments, and the files made from them (chapter and transcript WebVTT,
 * Podcasting 2.0 chapters and transcript JSON). Pure functions of the exported lecture, used by
 * the lecture page, the podcast feed, the per-lecture files and the CMS's checks alike.
 *
 * Every cue, chapter and segment lies within the recording and none overlaps the next: the CMS
 * checks the files' own timing, and what it cannot know (a recording replaced by a shorter one) is
 * cut here.
 */
import { captionsVtt, type CaptionCue } from './captions'
import { parseTimestamp } from './dates'
import type { LectureEntry } from './siteContent'

/** A transcript segment: its start (null for text before the first timestamp) and its text. */
export interface TranscriptSegment {
  start: number | null
  end: number | null
  /** Paragraphs, joined with `\n`. */
  text: string
}

export interface TimedChapter {
  start: number
  end: number
  title: string
}

/** `[12:30]`, `【1:02:03】` or `［12:30］` at the start of a transcript line. */
const stampedLine = /^\s*[[［【]\s*((?:\d+:)?\d{1,2}:\d{2})\s*[\]］】]\s*(.*)$/
/** A bracket opening with digits and a colon: meant as a time (`[掌声]` is not). */
const looksStamped = /^\s*[[［【]\s*\d+\s*[:：][^\]］】]*[\]］】]/

export type ParsedTranscript =
  | { ok: true; timed: boolean; segments: { start: number | null; text: string }[] }
  | { ok: false; line: number; message: string }

/**
 * A transcript with `[mm:ss]` (or `[h:mm:ss]`) lines: each such line starts a segment, the lines
 * below it belong to it. Without any, one untimed segment per paragraph. Refuses a malformed time
 * or one not later than the segment above, naming the line.
 */
export function parseTranscript(text: string): ParsedTranscript {
  const lines = text.split(/\r\n|\r|\n/)
  const segments: { start: number | null; lines: string[] }[] = []
  let timed = false
  let previous = -1
  let paragraphBreak = true
  for (const [index, line] of lines.entries()) {
    const stamp = stampedLine.exec(line)
    if (!stamp && looksStamped.test(line))
      return {
        ok: false,
        line: index + 1,
        message: `文字稿第 ${index + 1} 行：时间格式不正确，应为 [分:秒] 或 [时:分:秒]，如 [12:30]。`,
      }
    if (stamp) {
      const seconds = parseTimestamp(stamp[1])
      if (seconds === null)
        return {
          ok: false,
          line: index + 1,
          message: `文字稿第 ${index + 1} 行：时间格式不正确，应为 [分:秒] 或 [时:分:秒]，如 [12:30]。`,
        }
      if (seconds <= previous)
        return {
          ok: false,
          line: index + 1,
          message: `文字稿第 ${index + 1} 行：时间 [${stamp[1]}] 应晚于上一段的时间。`,
        }
      previous = seconds
      timed = true
      segments.push({ start: seconds, lines: stamp[2].trim() ? [stamp[2].trim()] : [] })
      paragraphBreak = false
      continue
    }
    if (line.trim() === '') {
      paragraphBreak = true
      continue
    }
    // Untimed text starts a new segment at each paragraph until the first timestamp.
    if (segments.length === 0 || (!timed && paragraphBreak))
      segments.push({ start: null, lines: [] })
    segments[segments.length - 1].lines.push(line.trim())
    paragraphBreak = false
  }
  return {
    ok: true,
    timed,
    segments: segments
      .map(({ start, lines: paragraph }) => ({ start, text: paragraph.join('\n') }))
      .filter((segment) => segment.text !== ''),
  }
}

/** The recording's length in seconds: measured from the file, else the length the editor typed. */
export function lectureDuration(lecture: LectureEntry): number | null {
  if (lecture.recording?.duration) return lecture.recording.duration
  return lecture.durationMinutes ? lecture.durationMinutes * 60 : null
}

/** Where the timeline ends: the recording's length, or (unknown) a minute after the last start. */
function timelineEnd(lecture: LectureEntry): number {
  const duration = lectureDuration(lecture)
  if (duration) return duration
  const starts = [
    ...lecture.chapters.map((chapter) => chapter.seconds),
    ...lecture.captions.map((cue) => cue.end),
    0,
  ]
  return Math.max(...starts) + 60
}

/**
 * Cues cut to the timeline: those starting at or after its end dropped, each ending by the next
 * one's start and by the end; a cue left with no length gives its text to the next one.
 */
export function withinTimeline(cues: readonly CaptionCue[], end: number): CaptionCue[] {
  const kept = cues.filter((cue) => cue.start < end)
  const result: CaptionCue[] = []
  let carried = ''
  kept.forEach((cue, index) => {
    const next = kept[index + 1]
    const cueEnd = Math.min(cue.end, next ? next.start : end, end)
    const text = carried ? `${carried}\n${cue.text}` : cue.text
    if (cueEnd <= cue.start) {
      carried = text
      return
    }
    carried = ''
    result.push({ start: cue.start, end: cueEnd, text })
  })
  return result
}

/** The chapters that start within the recording, each ending where the next starts. */
export function timedChapters(lecture: LectureEntry): TimedChapter[] {
  const end = timelineEnd(lecture)
  return withinTimeline(
    lecture.chapters.map((chapter) => ({
      start: chapter.seconds,
      end: Number.POSITIVE_INFINITY,
      text: chapter.title,
    })),
    end,
  ).map(({ start, end: chapterEnd, text }) => ({ start, end: chapterEnd, title: text }))
}

/** The captions as shown on the player: within the recording, none overlapping the next. */
export function timedCaptions(lecture: LectureEntry): CaptionCue[] {
  return withinTimeline(lecture.captions, timelineEnd(lecture))
}

/** Joins two pieces of text: Chinese runs together, other text with a space. */
function joinText(a: string, b: string): string {
  if (!a) return b
  const cjk = /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]/
  return cjk.test(a.slice(-1)) || cjk.test(b[0] ?? '') ? a + b : `${a} ${b}`
}

/** Captions grouped into readable segments: about half a minute each, ended at a sentence or a chapter. */
function segmentsFromCaptions(cues: CaptionCue[], chapterStarts: number[]): TranscriptSegment[] {
  const segments: TranscriptSegment[] = []
  let current: TranscriptSegment | null = null
  for (const cue of cues) {
    const text = cue.text.split('\n').reduce(joinText, '')
    const chapterBetween =
      current !== null &&
      chapterStarts.some(
        (start) => start > (current as TranscriptSegment).start! && start <= cue.start,
      )
    const length = current ? cue.start - current.start! : 0
    if (
      current &&
      (chapterBetween || length >= 60 || (length >= 25 && /[。！？!?…”」]$/.test(current.text)))
    ) {
      segments.push(current)
      current = null
    }
    if (!current) current = { start: cue.start, end: cue.end, text }
    else {
      current.text = joinText(current.text, text)
      current.end = cue.end
    }
  }
  if (current) segments.push(current)
  return segments
}

export interface LectureTranscript {
  /** Where the times come from: `[mm:ss]` lines, the captions, or none (plain paragraphs). */
  source: 'transcript' | 'captions' | null
  segments: TranscriptSegment[]
}

/**
 * The transcript as the page shows it: the typed transcript's timed segments when it has
 * `[mm:ss]` lines; else, with captions, the captions in segments; else its plain paragraphs.
 */
export function lectureTranscript(lecture: LectureEntry): LectureTranscript {
  const parsed = parseTranscript(lecture.transcript)
  const end = timelineEnd(lecture)
  if (parsed.ok && parsed.timed) {
    const timed = withinTimeline(
      parsed.segments
        .filter((segment) => segment.start !== null)
        .map((segment) => ({
          start: segment.start!,
          end: Number.POSITIVE_INFINITY,
          text: segment.text,
        })),
      end,
    )
    const untimed = parsed.segments.filter((segment) => segment.start === null)
    return {
      source: 'transcript',
      segments: [
        ...untimed.map((segment) => ({ start: null, end: null, text: segment.text })),
        ...timed.map((cue) => ({ start: cue.start, end: cue.end, text: cue.text })),
      ],
    }
  }
  const captions = timedCaptions(lecture)
  if (captions.length > 0)
    return {
      source: 'captions',
      segments: segmentsFromCaptions(
        captions,
        lecture.chapters.map((chapter) => chapter.seconds),
      ),
    }
  return {
    source: null,
    segments: parsed.ok
      ? parsed.segments.map((segment) => ({ start: null, end: null, text: segment.text }))
      : lecture.transcript
          .split(/\n\s*\n/)
          .map((text) => ({ start: null, end: null, text: text.trim() }))
          .filter((segment) => segment.text),
  }
}

/** The cues of the timed transcript (captions as they are, or the typed transcript's segments). */
export function transcriptCues(lecture: LectureEntry): CaptionCue[] {
  const transcript = lectureTranscript(lecture)
  if (transcript.source === 'captions') return timedCaptions(lecture)
  if (transcript.source === 'transcript')
    return transcript.segments
      .filter((segment) => segment.start !== null)
      .map((segment) => ({ start: segment.start!, end: segment.end!, text: segment.text }))
  return []
}

/** Seconds → `mm:ss`, or `h:mm:ss` from an hour on (as editors type chapter starts). */
export function clockTime(seconds: number): string {
  const whole = Math.floor(seconds)
  const hours = Math.floor(whole / 3600)
  const minutes = Math.floor(whole / 60) % 60
  const secs = whole % 60
  const pad = (value: number) => String(value).padStart(2, '0')
  return hours ? `${hours}:${pad(minutes)}:${pad(secs)}` : `${pad(minutes)}:${pad(secs)}`
}

/** Rounds to the millisecond, so JSON holds `12.5`, not `12.499999999`. */
const ms = (seconds: number) => Math.round(seconds * 1000) / 1000

/** Podcasting 2.0 JSON chapters (`application/json+chapters`, version 1.2.0). */
export function chaptersJson(lecture: LectureEntry): string {
  return `${JSON.stringify(
    {
      version: '1.2.0',
      title: lecture.title,
      chapters: timedChapters(lecture).map((chapter) => ({
        startTime: ms(chapter.start),
        endTime: ms(chapter.end),
        title: chapter.title,
      })),
    },
    null,
    2,
  )}\n`
}

/** The chapters as a WebVTT `kind="chapters"` track. */
export function chaptersVtt(lecture: LectureEntry): string {
  return captionsVtt(
    timedChapters(lecture).map((chapter) => ({
      start: chapter.start,
      end: chapter.end,
      text: chapter.title,
    })),
  )
}

/** The timed transcript as WebVTT (the podcast's `podcast:transcript`). */
export function transcriptVtt(lecture: LectureEntry): string {
  return captionsVtt(transcriptCues(lecture))
}

/** The timed transcript in the Podcasting 2.0 JSON transcript format (also read by the site search). */
export function transcriptJson(lecture: LectureEntry): string {
  return `${JSON.stringify({
    version: '1.0.0',
    segments: transcriptCues(lecture).map((cue) => ({
      startTime: ms(cue.start),
      endTime: ms(cue.end),
      body: cue.text,
    })),
  })}\n`
}

/** The captions track's file. */
export function captionsTrackVtt(lecture: LectureEntry): string {
  return captionsVtt(timedCaptions(lecture))
}
