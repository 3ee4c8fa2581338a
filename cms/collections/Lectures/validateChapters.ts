import { parseTimestamp } from '../../../shared/dates'

type Chapter = { start?: string | null; title?: string | null }

/** Chapters start at valid times, in increasing order, within the lecture's length. */
export function validateChapters(
  value: Chapter[] | null | undefined,
  { siblingData }: { siblingData?: { durationMinutes?: number | null } },
): true | string {
  if (!value?.length) return true
  let previous = -1
  for (const [index, chapter] of value.entries()) {
    const seconds = parseTimestamp(chapter.start ?? '')
    if (seconds === null)
      return `第 ${index + 1} 个章节的开始时间格式应为“分:秒”或“时:分:秒”，如 12:30。`
    if (seconds <= previous) return `第 ${index + 1} 个章节的开始时间应晚于上一章节。`
    const duration = siblingData?.durationMinutes
    if (duration && seconds > duration * 60)
      return `第 ${index + 1} 个章节的开始时间超出了讲座时长。`
    previous = seconds
  }
  return true
}
