/** Dates as Chinese readers expect them, always in China Standard Time (UTC+8). */

const chinaOffsetMs = 8 * 60 * 60 * 1000

type DateParts = { year: number; month: number; day: number }

// News lists group every item by month on each update (tens of thousands of calls): timestamps
// seen before are looked up, not parsed again. Bounded: cleared when it grows past the limit.
const partsOfTimestamp = new Map<string, DateParts>()
const rememberedTimestamps = 200_000

function chinaParts(value: string | Date): DateParts {
  if (typeof value === 'string') {
    const known = partsOfTimestamp.get(value)
    if (known) return known
  }
  const date = new Date(new Date(value).getTime() + chinaOffsetMs)
  const parts = Object.freeze({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
  })
  if (typeof value === 'string') {
    if (partsOfTimestamp.size >= rememberedTimestamps) partsOfTimestamp.clear()
    partsOfTimestamp.set(value, parts)
  }
  return parts
}

/** `'2026-11-28T02:00:00Z'` → `'2026年11月28日'`. */
export function formatChineseDate(value: string | Date): string {
  const { year, month, day } = chinaParts(value)
  return `${year}年${month}月${day}日`
}

/** Calendar year in China Standard Time. */
export function chinaYear(value: string | Date): number {
  return chinaParts(value).year
}

/** Calendar year and month (1–12) in China Standard Time. */
export function chinaMonth(value: string | Date): { year: number; month: number } {
  const { year, month } = chinaParts(value)
  return { year, month }
}

/** `'mm:ss'` or `'h:mm:ss'` → seconds; null when the text is not a time. */
export function parseTimestamp(text: string): number | null {
  const match = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)$/.exec(text.trim())
  if (!match) return null
  const [, hours = '0', minutes, seconds] = match
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)
}
