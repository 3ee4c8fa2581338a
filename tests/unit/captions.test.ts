import webvtt from 'webvtt-parser'
import { describe, expect, it } from 'vitest'
import { captionsVtt, normaliseCaptions, parseCaptions, vttTime } from '../../shared/captions'

const srt = `1
00:00:01,000 --> 00:00:04,200
同志们，大家中午好。

2
00:00:04,500 --> 00:00:07,000
今天是<i>红领讲堂</i>的第一课，
我尽量讲得实在一些。

3
00:01:02,5 --> 00:01:05,000
R&D 部门 & <b>党支部</b>
`

/** An independent WebVTT parser (W3C's validator) must read our output without a single error. */
function validateVtt(vtt: string) {
  const tree = new webvtt.WebVTTParser().parse(vtt, 'subtitles')
  expect(tree.errors).toEqual([])
  return tree.cues as { startTime: number; endTime: number; text: string }[]
}

describe('SRT → WebVTT', () => {
  it('converts timing, joins lines, drops markup and escapes text', () => {
    const result = normaliseCaptions(srt)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.cues).toEqual([
      { start: 1, end: 4.2, text: '同志们，大家中午好。' },
      { start: 4.5, end: 7, text: '今天是红领讲堂的第一课，\n我尽量讲得实在一些。' },
      { start: 62.5, end: 65, text: 'R&D 部门 & 党支部' },
    ])
    expect(result.vtt).toBe(
      'WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.200\n同志们，大家中午好。\n\n' +
        '2\n00:00:04.500 --> 00:00:07.000\n今天是红领讲堂的第一课，\n我尽量讲得实在一些。\n\n' +
        '3\n00:01:02.500 --> 00:01:05.000\nR&amp;D 部门 &amp; 党支部\n\n',
    )
    const cues = validateVtt(result.vtt)
    expect(cues.map((cue) => [cue.startTime, cue.endTime])).toEqual([
      [1, 4.2],
      [4.5, 7],
      [62.5, 65],
    ])
  })

  it('reads CRLF files with a BOM, and SRT without numbers', () => {
    const crlf = `\uFEFF${srt.replace(/\n/g, '\r\n')}`
    expect(parseCaptions(crlf)).toMatchObject({ ok: true, format: 'srt' })
    const bare = '00:00:01,000 --> 00:00:02,000\n一\n\n00:00:03,000 --> 00:00:04,000\n二\n'
    expect(parseCaptions(bare)).toMatchObject({ ok: true, cues: [{ text: '一' }, { text: '二' }] })
  })

  it('keeps a WebVTT file, skipping NOTE, STYLE and REGION blocks and cue settings', () => {
    const vtt = `WEBVTT - 红领讲堂

NOTE 字幕校对：张三

STYLE
::cue { color: yellow }

intro
00:01.000 --> 00:04.000 align:start position:10%
<v 张明远>大家好

01:00:00.000 --> 01:00:02.500
一小时
`
    const result = parseCaptions(vtt)
    expect(result).toEqual({
      ok: true,
      format: 'vtt',
      cues: [
        { start: 1, end: 4, text: '大家好' },
        { start: 3600, end: 3602.5, text: '一小时' },
      ],
    })
    validateVtt(captionsVtt(result.ok ? result.cues : []))
  })

  it('writes hh:mm:ss.ttt', () => {
    expect(vttTime(0)).toBe('00:00:00.000')
    expect(vttTime(3725.0049)).toBe('01:02:05.005')
  })
})

describe('malformed caption files are refused with the line number', () => {
  const cases: [string, string, RegExp][] = [
    ['neither format', '这不是字幕\n第二行', /第 1 行：无法识别的字幕格式/],
    [
      'a comma missing in a time',
      '1\n00:00:01,000 --> 00:00:04,000\n一\n\n2\n00:00:05 --> 00:00:06,000\n二\n',
      /第 6 行：时间格式不正确（“00:00:05 --> 00:00:06,000”）/,
    ],
    ['no arrow', '1\n00:00:01,000 - 00:00:04,000\n一\n', /第 2 行：应为时间行/],
    ['minutes over 59', '1\n00:61:01,000 --> 00:61:04,000\n一\n', /第 2 行：时间格式不正确/],
    [
      'end before start',
      '1\n00:00:05,000 --> 00:00:04,000\n一\n',
      /第 2 行：结束时间应晚于开始时间/,
    ],
    ['zero length', '1\n00:00:05,000 --> 00:00:05,000\n一\n', /第 2 行：结束时间应晚于开始时间/],
    [
      'out of order',
      '1\n00:00:05,000 --> 00:00:06,000\n一\n\n2\n00:00:01,000 --> 00:00:02,000\n二\n',
      /第 6 行：开始时间早于上一条字幕/,
    ],
    [
      'a missing blank line',
      '1\n00:00:01,000 --> 00:00:02,000\n一\n2\n00:00:03,000 --> 00:00:04,000\n二\n',
      /第 5 行：两条字幕之间应有一个空行/,
    ],
    ['not a cue number', '一\n00:00:01,000 --> 00:00:02,000\n二\n', /第 1 行：无法识别的字幕格式/],
    [
      'a word for a cue number',
      '1\n00:00:01,000 --> 00:00:02,000\n一\n\n第二条\n00:00:03,000 --> 00:00:04,000\n二\n',
      /第 5 行：应为字幕序号/,
    ],
    [
      'WebVTT with SRT commas',
      'WEBVTT\n\n00:00:01,000 --> 00:00:02,000\n一\n',
      /第 3 行：时间格式不正确/,
    ],
    ['WebVTT text without timing', 'WEBVTT\n\n只有文字\n没有时间\n', /第 4 行：应为时间行/],
    [
      'WebVTT hours of one digit',
      'WEBVTT\n\n1:00:01.000 --> 1:00:02.000\n一\n',
      /第 3 行：时间格式不正确/,
    ],
  ]
  for (const [name, input, message] of cases)
    it(name, () => {
      const result = normaliseCaptions(input)
      expect(result.ok).toBe(false)
      expect(!result.ok && result.message).toMatch(message)
    })
})

it('an empty file is no file to read; an empty value clears the captions', () => {
  expect(parseCaptions('  \n\n')).toMatchObject({ ok: false, message: /第 1 行：文件是空的/ })
  expect(normaliseCaptions('  \n')).toEqual({ ok: true, vtt: '', cues: [] })
})

describe('large files', () => {
  it('reads 10,000 cues (40,000 lines) in well under a second', () => {
    const time = (ms: number) =>
      `${String(Math.floor(ms / 3_600_000)).padStart(2, '0')}:${String(Math.floor(ms / 60_000) % 60).padStart(2, '0')}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')},${String(ms % 1000).padStart(3, '0')}`
    const file = Array.from(
      { length: 10_000 },
      (_, i) => `${i + 1}\n${time(i * 1000)} --> ${time(i * 1000 + 900)}\n第 ${i + 1} 句字幕\n`,
    ).join('\n')
    const started = performance.now()
    const result = normaliseCaptions(file)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(result.ok && result.cues.length).toBe(10_000)
    if (result.ok) expect(validateVtt(result.vtt)).toHaveLength(10_000)
    // The same file with one bad line deep inside names that line.
    const broken = file.replace('05:00,000 --> ', '05:00.000 -> ')
    expect(normaliseCaptions(broken)).toMatchObject({ ok: false, message: /第 1201 行/ })
  })
})
