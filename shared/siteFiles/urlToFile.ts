/**
 * The one rule from a site URL path to the file that holds it, shared by the static server (reads)
 * and the publisher (writes and removals): `/news/x/` → `<root>/news/x/index.html`, other paths as
 * named, never anything outside the root.
 */
import fs from 'node:fs'
import path from 'node:path'

/** Longer URL paths are refused before touching the disk (Linux allows 4,096 bytes a path). */
export const maxUrlPathBytes = 2048

/**
 * The decoded path, or null when it is not a path a site file can have: a bad `%` escape, a NUL or
 * other control character, or too long.
 */
export function decodeUrlPath(urlPath: string): string | null {
  if (urlPath.length > maxUrlPathBytes || !urlPath.startsWith('/')) return null
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(decoded) || Buffer.byteLength(decoded) > maxUrlPathBytes)
    return null
  return decoded
}

/** `<root>/<decoded path>` when it stays inside root; null otherwise. */
function insideRoot(root: string, decoded: string): string | null {
  const candidate = path.resolve(root, `.${path.posix.normalize(decoded)}`)
  return candidate === root || candidate.startsWith(root + path.sep) ? candidate : null
}

/** The file a page path is written to (`/news/x/` → `<root>/news/x/index.html`; feeds as named). Throws on a path outside root. */
export function fileOfPath(root: string, urlPath: string): string {
  const decoded = decodeUrlPath(urlPath)
  const relative = decoded?.endsWith('/') ? `${decoded}index.html` : decoded
  const file = relative === undefined || relative === null ? null : insideRoot(root, relative)
  if (!file || file === root) throw new Error(`路径无效或越界：${urlPath.slice(0, 200)}`)
  return file
}

export type ResolvedPath = { file: string } | { redirect: string } | { invalid: true } | null

/**
 * The file a request for `urlPath` is answered with: a file as named, a folder's index.html (a
 * folder without its slash is a redirect), `{ invalid }` for a path no file can have, null for none.
 */
export function resolveUrlPath(root: string, urlPath: string): ResolvedPath {
  const decoded = decodeUrlPath(urlPath)
  if (decoded === null) return { invalid: true }
  const candidate = insideRoot(root, decoded)
  if (!candidate) return null
  let stat: fs.Stats | undefined
  try {
    stat = fs.statSync(candidate, { throwIfNoEntry: false })
  } catch {
    // ENAMETOOLONG (one segment over 255 bytes), ENOTDIR, ELOOP: no such file.
    return null
  }
  if (stat?.isFile()) return { file: candidate }
  if (stat?.isDirectory() && fs.existsSync(path.join(candidate, 'index.html'))) {
    // One leading slash: `//news/` in a Location is another host (`/.//news` parses as `//news`).
    return urlPath.endsWith('/')
      ? { file: path.join(candidate, 'index.html') }
      : { redirect: `/${urlPath.replace(/^\/+/, '')}/` }
  }
  return null
}
