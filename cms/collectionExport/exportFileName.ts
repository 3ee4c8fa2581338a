/**
 * Names of export files: `books-20261203.csv` (slug and the date in China Standard Time), and the
 * Content-Disposition header of a download, which also carries the collection's Chinese name
 * (`汇书房馆藏-20261203.csv`) as RFC 5987 `filename*` for browsers, with the ASCII name beside it
 * for any client that does not read `filename*`.
 */
import type { ExportFormat } from './exportFormats'
import { exportFormats } from './exportFormats'

/** `20261203`: the day in China Standard Time (the server may run in UTC). */
export function exportDateStamp(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
    .format(at)
    .replaceAll('-', '')
}

export function exportFileName(name: string, format: ExportFormat, at?: Date): string {
  return `${name}-${exportDateStamp(at)}.${exportFormats[format].extension}`
}

/** Characters a file name must not hold on Windows or macOS, and controls. */
const unsafeInFileName = /[\\/:*?"<>|\p{Cc}]/gu

export function contentDisposition(asciiName: string, displayName: string): string {
  const fallback = asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_')
  const display = displayName.replace(unsafeInFileName, '_')
  // RFC 5987 attr-chars: encodeURIComponent leaves ' ( ) as they are.
  const encoded = encodeURIComponent(display).replace(
    /['()]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`
}
