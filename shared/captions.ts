/**
 * Caption files: WebVTT and SRT read into cues (start, end, plain text), checked strictly so an
 * editor learns which line is wrong, and written back as WebVTT. The CMS stores every captions
 * upload as the WebVTT this module writes (an SRT upload is converted on save); the site, the
 * podcast feed and the transcript read the stored cues. Cue markup (`<b>`, `<v 张三>`) and
 * settings (position, alignment) are not kept: the site shows captions as plain text.
 */

export interface CaptionCue {
  /** Seconds from the start of the recording, to the millisecond. */
  start: number
  end: number
  /** Plain text, lines joined with `\n`. */
  text: string
}

export type CaptionsFormat = 'vtt' | 'srt'

export type ParsedCaptions =
  | { ok: true; format: CaptionsFormat; cues: CaptionCue[] }
  | { ok: false; line: number; message: string }

/** `[hh:]mm:ss.ttt` (WebVTT: hours optional, at least two digits when given). */
const vttTimestamp = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/
/** `hh:mm:ss,ttt` (SRT; a `.` and one to three millisecond digits are accepted, as players do). */
const srtTimestamp = /^(\d{1,3}):([0-5]\d):([0-5]\d)[,.](\d{1,3})$/
const timingLine = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+.*)?$/

function secondsOf(match: RegExpExecArray, millisecondDigits: string): number {
  const [, hours = '0', minutes, seconds] = match
  const milliseconds = Number(millisecondDigits.padEnd(3, '0'))
  return (Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)) * 1000 + milliseconds
}

/** Milliseconds → `hh:mm:ss.ttt`. */
export function vttTime(seconds: number): string {
  const total = Math.max(0, Math.round(seconds * 1000))
  const pad = (value: number, width = 2) => String(value).padStart(width, '0')
  const hours = Math.floor(total / 3_600_000)
  const minutes = Math.floor(total / 60_000) % 60
  const secs = Math.floor(total / 1000) % 60
  return `${pad(hours)}:${pad(minutes)}:${pad(secs)}.${pad(total % 1000, 3)}`
}

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: ' ',
  lrm: '',
  rlm: '',
  quot: '"',
  apos: "'",
}

/** A cue payload as plain text: tags removed, the entities WebVTT knows decoded, lines trimmed. */
function plainText(lines: string[]): string {
  return lines
    .map((line) =>
      line
        .replace(/<[^>]*>/g, '')
        .replace(/&([a-z]+);/gi, (entity, name: string) => entities[name.toLowerCase()] ?? entity)
        .trim(),
    )
    .filter(Boolean)
    .join('\n')
}

interface Block {
  /** 1-based number of the block's first line in the file. */
  line: number
  lines: string[]
}

function blocksOf(lines: string[], from: number): Block[] {
  const blocks: Block[] = []
  let current: Block | null = null
  for (let at = from; at < lines.length; at++) {
    if (lines[at].trim() === '') {
      current = null
      continue
    }
    if (!current) blocks.push((current = { line: at + 1, lines: [] }))
    current.lines.push(lines[at])
  }
  return blocks
}

const failure = (line: number, problem: string): ParsedCaptions => ({
  ok: false,
  line,
  message: `字幕文件第 ${line} 行：${problem}`,
})

/**
 * Reads a WebVTT or SRT file (told apart by its first line). Refuses, with the line number:
 * a timing line that is missing or malformed, an end not after its start, a cue that starts before
 * the one above it, and anything that is neither format. Empty cues are dropped.
 */
export function parseCaptions(input: string): ParsedCaptions {
  const lines = input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  const first = lines.findIndex((line) => line.trim() !== '')
  if (first < 0) return failure(1, '文件是空的。')
  const head = lines[first].trim()
  let format: CaptionsFormat
  let blocks: Block[]
  if (/^WEBVTT(?:[ \t].*)?$/.test(lines[first].replace(/\s+$/, ''))) {
    format = 'vtt'
    // The header (the WEBVTT line and any lines right below it) ends at the first blank line.
    let end = first
    while (end < lines.length && lines[end].trim() !== '') end++
    blocks = blocksOf(lines, end)
  } else if (/^\d+$/.test(head) || head.includes('-->')) {
    format = 'srt'
    blocks = blocksOf(lines, first)
  } else {
    return failure(
      first + 1,
      '无法识别的字幕格式：WebVTT 文件应以“WEBVTT”开头，SRT 文件应以字幕序号（1）开头。',
    )
  }

  const timestamp = format === 'vtt' ? vttTimestamp : srtTimestamp
  const example =
    format === 'vtt' ? '00:01:02.500 --> 00:01:05.000' : '00:01:02,500 --> 00:01:05,000'
  const cues: CaptionCue[] = []
  let previousStart = -1
  for (const block of blocks) {
    if (format === 'vtt' && /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(block.lines[0])) continue
    const timing = block.lines.findIndex((line) => line.includes('-->'))
    // A cue is an optional identifier (VTT) or its number (SRT), then its timing line.
    if (timing < 0 || timing > 1) {
      const line = block.line + (timing < 0 ? Math.min(1, block.lines.length - 1) : 1)
      return failure(line, `应为时间行（如 ${example}）。`)
    }
    if (format === 'srt' && timing === 1 && !/^\d+$/.test(block.lines[0].trim()))
      return failure(block.line, '应为字幕序号（一个整数）。')
    const lineNumber = block.line + timing
    const match = timingLine.exec(block.lines[timing].trim())
    const startMatch = match && timestamp.exec(match[1])
    const endMatch = match && timestamp.exec(match[2])
    if (!match || !startMatch || !endMatch)
      return failure(
        lineNumber,
        `时间格式不正确（“${block.lines[timing].trim()}”），应为 ${example}。`,
      )
    const start = secondsOf(startMatch, startMatch[4])
    const end = secondsOf(endMatch, endMatch[4])
    if (end <= start) return failure(lineNumber, '结束时间应晚于开始时间。')
    if (start < previousStart)
      return failure(lineNumber, '开始时间早于上一条字幕：字幕应按时间先后排列。')
    const payload = block.lines.slice(timing + 1)
    const stray = payload.findIndex((line) => line.includes('-->'))
    if (stray >= 0) return failure(lineNumber + 1 + stray, '两条字幕之间应有一个空行。')
    previousStart = start
    const text = plainText(payload)
    if (text) cues.push({ start: start / 1000, end: end / 1000, text })
  }
  return { ok: true, format, cues }
}

const escapeCueText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Cues as a WebVTT file: numbered, `hh:mm:ss.ttt`, text escaped, no blank line inside a cue. */
export function captionsVtt(cues: readonly CaptionCue[]): string {
  const body = cues.map(
    (cue, index) =>
      `${index + 1}\n${vttTime(cue.start)} --> ${vttTime(cue.end)}\n${escapeCueText(
        cue.text
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
          .join('\n'),
      )}`,
  )
  return `WEBVTT\n\n${body.map((cue) => `${cue}\n\n`).join('')}`
}

/**
 * What the CMS stores for an upload: the file as WebVTT (SRT converted), or the refusal. An
 * empty or blank value stays empty (no captions).
 */
export function normaliseCaptions(
  input: string,
): { ok: true; vtt: string; cues: CaptionCue[] } | { ok: false; message: string } {
  if (input.trim() === '') return { ok: true, vtt: '', cues: [] }
  const parsed = parseCaptions(input)
  if (!parsed.ok) return parsed
  return { ok: true, vtt: captionsVtt(parsed.cues), cues: parsed.cues }
}
