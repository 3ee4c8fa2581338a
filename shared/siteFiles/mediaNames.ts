/**
 * Names of media files: which names the site copies and serves from its media folder, how pages
 * refer to them, and how the CMS names an upload (the sniffed type's extension, never the
 * uploader's; no bidirectional-override or control characters; no second extension).
 */
import { withoutInvisible } from '../invisibleCharacters'
import { extensionOf, extensionOfMediaType, mediaContentTypes } from './contentTypes'

/** How pages refer to a media file (the render threads use its source too). */
export const mediaReference = /\/media\/([^"'\s<>)?#,&]+)/g

/** A plain file name in the media folder: no folders, no dotfiles, no control characters. */
export function isMediaFileName(name: string): boolean {
  return (
    name !== '' &&
    name.length <= 255 &&
    // eslint-disable-next-line no-control-regex
    !/[/\\\u0000-\u001f\u007f]/.test(name) &&
    !name.startsWith('.')
  )
}

/** A media file the site may publish: a plain name with an allow-listed media extension. */
export function isPublishableMediaName(name: string): boolean {
  return isMediaFileName(name) && extensionOf(name) in mediaContentTypes
}

/** Adds to `names` the media files `text` refers to. */
export function collectMediaReferences(text: string, names: Set<string>): void {
  for (const match of text.matchAll(mediaReference)) {
    let name: string
    try {
      name = decodeURIComponent(match[1])
    } catch {
      continue
    }
    if (isMediaFileName(name)) names.add(name)
  }
}

/** Longest base name kept, in bytes (the CMS appends `-1280x800.webp` and such; filesystems allow 255). */
const maxBaseBytes = 120

/**
 * The stored name of an upload: the uploader's name without invisible characters, without any
 * extension it claims (`x.png.html` → `x-png`), shortened, plus the extension of the type its bytes
 * were sniffed as (`image/png` → `.png`).
 */
export function uploadFileName(uploadedName: string, sniffedType: string): string {
  const extension = extensionOfMediaType[sniffedType]
  if (!extension) throw new Error(`不允许的媒体类型：${sniffedType}`)
  const cleaned = withoutInvisible(uploadedName.normalize('NFC'))
  const last = cleaned.slice(Math.max(cleaned.lastIndexOf('/'), cleaned.lastIndexOf('\\')) + 1)
  const dot = last.lastIndexOf('.')
  const stem = dot > 0 ? last.slice(0, dot) : last
  const base = stem
    .replace(/[.\s]+/g, '-')
    .replace(/[<>:"|?*#%&{}$!'`=+@^~[\];,]/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
  return `${cutToBytes(base, maxBaseBytes).replace(/[-_]+$/, '') || 'file'}${extension}`
}

/** The longest prefix of `text` (whole code points) within `limit` UTF-8 bytes. */
function cutToBytes(text: string, limit: number): string {
  let bytes = 0
  let end = 0
  for (const character of text) {
    bytes += Buffer.byteLength(character)
    if (bytes > limit) break
    end += character.length
  }
  return text.slice(0, end)
}
