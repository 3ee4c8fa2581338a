/**
 * The content types the site is served with, by file extension: one table for the static server,
 * the publisher's draft preview and the CMS's upload names. Media (`/media/…`) get their own,
 * smaller table: only the types the media library accepts, so an upload can never be sent as a
 * page, a script or an SVG, whatever its name says.
 */

/** Upload types by stored extension. The CMS names every upload with its sniffed type's extension. */
export const mediaContentTypes: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.pdf': 'application/pdf',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
}

/** The extension an upload of a sniffed type is stored under (`image/jpeg` → `.jpg`). */
export const extensionOfMediaType: Readonly<Record<string, string>> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
  'image/avif': '.avif',
  'image/gif': '.gif',
  'application/pdf': '.pdf',
  'audio/mpeg': '.mp3',
  'audio/mp4': '.m4a',
  'audio/x-m4a': '.m4a',
  'video/mp4': '.mp4',
  'video/webm': '.webm',
  'audio/webm': '.webm',
}

/** Everything else the build writes (pages, feeds, assets, search files). */
const siteContentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.bin': 'application/octet-stream',
  ...mediaContentTypes,
}

const octetStream = 'application/octet-stream'
/** Every allow-listed media type opens inline: images, audio, video, PDF (never SVG or HTML). */
const inlineMediaTypes = new Set([
  ...Object.values(mediaContentTypes),
  ...Object.keys(extensionOfMediaType),
])

/** Lower-case extension with its dot (`.png`), or '' (no dot, or a dotfile). */
export function extensionOf(file: string): string {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot).toLowerCase() : ''
}

/** The Content-Type the site serves a file with, by its extension. */
export function contentTypeOf(file: string): string {
  return siteContentTypes[extensionOf(file)] ?? octetStream
}

/** The Content-Type of an uploaded file, by its stored extension; anything not allow-listed is a download. */
export function mediaContentTypeOf(file: string): string {
  return mediaContentTypes[extensionOf(file)] ?? octetStream
}

/** Images, audio, video and PDF may open in the browser; anything else is offered as a download. */
export function opensInBrowser(contentType: string): boolean {
  const essence = contentType.split(';')[0].trim().toLowerCase()
  return inlineMediaTypes.has(essence)
}

/**
 * Headers for an uploaded file: its allow-listed type, no sniffing, and `attachment` for anything
 * that is not an image, audio, video or PDF (an unknown type never renders as a page).
 */
export function mediaResponseHeaders(file: string): Record<string, string> {
  return mediaHeadersForType(mediaContentTypeOf(file))
}

/** The same, from a content type already known (the CMS's response). */
export function mediaHeadersForType(contentType: string): Record<string, string> {
  const inline = opensInBrowser(contentType)
  const type = inline ? contentType.split(';')[0].trim().toLowerCase() : octetStream
  const headers: Record<string, string> = {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'Content-Disposition': inline ? 'inline' : 'attachment',
  }
  // A file opened on its own runs nothing, whatever it holds. Not for PDF: a sandboxed document
  // gets no PDF viewer.
  if (type !== 'application/pdf')
    headers['Content-Security-Policy'] =
      "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox"
  return headers
}
