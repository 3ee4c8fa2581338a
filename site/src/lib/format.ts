/** Small text formatters for what readers see (Chinese labels, sizes, durations). */

/** `797` → `797 B`, `48274` → `47.1 KB`, `5242880` → `5.0 MB`. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

const fileTypes: Record<string, string> = {
  'application/pdf': 'PDF',
  'audio/mpeg': 'MP3 音频',
  'audio/mp4': 'M4A 音频',
  'audio/x-m4a': 'M4A 音频',
  'video/mp4': 'MP4 视频',
  'video/webm': 'WebM 视频',
  'image/jpeg': 'JPEG 图片',
  'image/png': 'PNG 图片',
  'image/webp': 'WebP 图片',
}

export function fileTypeLabel(mimeType: string, file: string): string {
  return fileTypes[mimeType] ?? (file.split('.').pop() ?? '文件').toUpperCase()
}

/** `10000` → `1万`: Chinese readers count large numbers in 万. */
export function formatFigure(value: number): string {
  return value >= 10000 && value % 1000 === 0 ? `${value / 10000}万` : String(value)
}

/** Tag-free text of exporter HTML, for meta descriptions. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

/** At most `max` characters, cut with an ellipsis. */
export function truncate(text: string, max = 110): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}

/** Whole sentences (ending in 。！？) up to `max` characters; falls back to `truncate`. */
export function leadSentences(text: string, max = 110): string {
  const sentences = text.match(/[^。！？]+[。！？]/g) ?? []
  let lead = ''
  for (const sentence of sentences) {
    if ([...lead].length + [...sentence].length > max) break
    lead += sentence
  }
  return lead || truncate(text, max)
}

/** ISO 8601 duration for schema.org: `78` → `PT78M`. */
export const isoDuration = (minutes: number) => `PT${minutes}M`
