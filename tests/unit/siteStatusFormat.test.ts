import { describe, expect, it } from 'vitest'
import {
  formatAgo,
  formatBytes,
  formatDuration,
  formatTime,
} from '../../cms/components/SiteStatus/formatStatus'

describe('网站状态 panel formatting', () => {
  it('shows times in China time, durations and ages in Chinese', () => {
    expect(formatTime('2026-11-28T06:03:05Z')).toBe('2026年11月28日 14:03:05')
    expect(formatTime('2026-11-28T17:00:00Z')).toBe('2026年11月29日 01:00:00')
    expect([850, 4200, 59_600, 125_000, 5_400_000].map(formatDuration)).toEqual([
      '850 毫秒',
      '4.2 秒',
      '1 分 0 秒',
      '2 分 5 秒',
      '1 小时 30 分',
    ])
    const now = Date.parse('2026-11-28T06:00:00Z')
    expect(
      ['2026-11-28T05:59:55Z', '2026-11-28T05:55:00Z', '2026-11-25T06:00:00Z'].map((at) =>
        formatAgo(at, now),
      ),
    ).toEqual(['刚刚', '5 分钟前', '3 天前'])
  })

  it('shows backup sizes in binary units', () => {
    expect([900, 2048, 3_221_225, 5_368_709_120].map(formatBytes)).toEqual([
      '900 字节',
      '2.0 KB',
      '3.1 MB',
      '5.00 GB',
    ])
  })
})
