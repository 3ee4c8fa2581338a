/**
 * Timed text for the demo lectures, made from their transcripts: an SRT captions file (as an
 * editor would upload; the CMS converts it to WebVTT) and a transcript with `[mm:ss]` lines.
 */

import { clockTime } from '../../shared/lectureTimeline'

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

function srtTime(seconds: number): string {
  const ms = Math.round(seconds * 1000)
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)},${pad(ms % 1000, 3)}`
}

/** Caption-sized pieces of the transcript: sentences, long ones cut at commas (≤ ~32 characters). */
function captionLines(paragraphs: string[]): string[] {
  const lines: string[] = []
  for (const sentence of paragraphs.flatMap((p) => p.split(/(?<=[。！？])/))) {
    let line = ''
    for (const piece of sentence.split(/(?<=[，；：])/)) {
      if (line && line.length + piece.length > 32) {
        lines.push(line)
        line = ''
      }
      line += piece
    }
    if (line.trim()) lines.push(line.trim())
  }
  return lines
}

/** The transcript as SRT captions spread over the recording, each shown for a few seconds. */
export function demoCaptionsSrt(paragraphs: string[], seconds: number): string {
  const lines = captionLines(paragraphs)
  const step = (seconds - 32) / lines.length
  return lines
    .map((line, index) => {
      const start = 2 + index * step
      const end = start + Math.min(step - 0.5, Math.max(3, line.length * 0.25))
      return `${index + 1}\r\n${srtTime(start)} --> ${srtTime(end)}\r\n${line}\r\n`
    })
    .join('\r\n')
}

/** The transcript with `[mm:ss]` before each paragraph, spread over the recording. */
export function timestampedTranscript(paragraphs: string[], seconds: number): string {
  const step = (seconds - 60) / paragraphs.length
  return paragraphs
    .map((paragraph, index) => `[${clockTime(index * step)}] ${paragraph}`)
    .join('\n\n')
}
