import { formatChineseDate } from '../../../shared/dates'

const clock = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/** `'2026-11-28T06:03:05Z'` → `'14:03:05'` (China time). */
export function formatClock(value: string): string {
  return clock.format(new Date(value))
}

/** `'2026-11-28T06:03:05Z'` → `'2026年11月28日 14:03:05'` (China time). */
export function formatTime(value: string): string {
  return `${formatChineseDate(value)} ${formatClock(value)}`
}

/** 850 → `850 毫秒`, 4200 → `4.2 秒`, 125000 → `2 分 5 秒`, 5400000 → `1 小时 30 分`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} 毫秒`
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} 秒`
  const seconds = Math.round(ms / 1000)
  if (seconds < 60) return `${seconds} 秒`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} 分 ${seconds % 60} 秒`
  return `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分`
}

/** How long ago, roughly: `刚刚`, `5 分钟前`, `3 天前`. */
export function formatAgo(value: string, nowMs = Date.now()): string {
  const seconds = Math.max(0, Math.round((nowMs - new Date(value).getTime()) / 1000))
  if (seconds < 10) return '刚刚'
  if (seconds < 60) return `${seconds} 秒前`
  if (seconds < 3600) return `${Math.floor(seconds / 60)} 分钟前`
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} 小时前`
  return `${Math.floor(seconds / 86_400)} 天前`
}

/** 900 → `900 字节`, 2048 → `2.0 KB`, 3_221_225 → `3.1 MB`, 5_368_709_120 → `5.00 GB` (binary units). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`
}
