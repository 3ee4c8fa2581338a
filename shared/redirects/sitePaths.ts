/**
 * The paths of redirects, in one canonical form: what an editor types (a path, or a full URL of
 * this site pasted from the browser) and what a browser requests are both reduced to it, so a
 * redirect is found however the address was encoded, and nothing typed can send a visitor to
 * another site (`//evil.example`, `/\evil.example`, `javascript:` are refused, not repaired).
 *
 * Canonical form: decoded and readable (`/news/党史学习/`), starting with one `/`, no empty, `.` or
 * `..` segments, no `\ ? #`, control or invisible characters in a segment, and a trailing slash
 * unless the last segment names a file (`/news/rss.xml`). `encodeSitePath` gives the form the
 * site's own links use (each segment through `encodeURIComponent`, as site/src/lib/urls.ts does).
 */

/** Longest canonical path, in characters (the one-line text limit of the CMS). */
export const maxRedirectPathLength = 500
/** Longest external target URL, in characters. */
export const maxRedirectUrlLength = 2000

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string }
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message })

/** Control (C0, C1), lone surrogates, bidi controls, zero-width and other invisible format characters. */
const unsafeCharacter = /[\p{Cc}\p{Cs}\p{Cf}]/u
/** What a decoded segment cannot hold: it would change the path's shape or leave the site. */
const unsafeInSegment = /[/\\?#]/
/** A last segment that names a file rather than a folder (`rss.xml`, `sitemap.xml`). */
const fileName = /\.[a-z0-9]{1,8}$/i

const messages = {
  empty: '请填写网址路径，例如 /news/old-slug/。',
  notPath: '请填写以 / 开头的本站路径，例如 /news/old-slug/。',
  otherSite: '路径不能以 // 开头，也不能含有反斜杠 \\：浏览器会把它当作另一个网站的地址。',
  badEscape: '路径中的 % 编码无效。',
  badCharacter: '路径中含有不可见字符或控制字符。',
  badSegment: '路径的某一段含有 / \\ ? # 等字符（编码后也不行）。',
  dots: '路径不能含有 . 或 .. 段。',
  query: '来源路径不能带 ? 或 # 之后的部分：跳转按路径匹配。',
  tooLong: `路径过长（最多 ${maxRedirectPathLength} 个字符）。`,
} as const

/**
 * The canonical segments of a raw path (`/a/%E5%85%9A/`), or why it is not one. Empty segments
 * (`/a//b`) are dropped; the caller has refused a leading `//` already.
 */
function canonicalSegments(rawPath: string): Checked<string[]> {
  const segments: string[] = []
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return fail(messages.badEscape)
    }
    if (unsafeCharacter.test(segment)) return fail(messages.badCharacter)
    if (unsafeInSegment.test(segment)) return fail(messages.badSegment)
    if (segment === '.' || segment === '..') return fail(messages.dots)
    segments.push(segment)
  }
  return { ok: true, value: segments }
}

function joinSegments(segments: string[], trailingSlash: boolean): string {
  if (segments.length === 0) return '/'
  return `/${segments.join('/')}${trailingSlash ? '/' : ''}`
}

/** True when the text carries a scheme (`https:`, `javascript:`, `data:`). */
const hasScheme = (text: string) => /^[a-z][a-z0-9+.-]*:/i.test(text)

/** `input` without surrounding white space; a full URL of the site's own origin as its path. */
function ownPath(input: string, siteOrigin: string | undefined): Checked<string> {
  const value = input.trim()
  if (value === '') return fail(messages.empty)
  if (value.length > maxRedirectUrlLength) return fail(messages.tooLong)
  if (hasScheme(value)) {
    let url: URL
    try {
      url = new URL(value)
    } catch {
      return fail(messages.notPath)
    }
    if (!siteOrigin || url.origin !== new URL(siteOrigin).origin) return fail(messages.notPath)
    // The raw text after the origin: URL parsing would already have resolved `..` and `//`.
    return ownPath(value.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '') || '/', undefined)
  }
  if (!value.startsWith('/')) return fail(messages.notPath)
  if (value.startsWith('//') || value.includes('\\')) return fail(messages.otherSite)
  return { ok: true, value }
}

/**
 * A redirect's source as its canonical path (`news/old` → refused, `/news/old` → `/news/old/`), or
 * why it cannot be one. A full URL of the site itself (`siteOrigin`) is taken as its path.
 */
export function normaliseSourcePath(input: string, siteOrigin?: string): Checked<string> {
  const own = ownPath(input, siteOrigin)
  if (!own.ok) return own
  if (/[?#]/.test(own.value)) return fail(messages.query)
  return canonicalPath(own.value)
}

function canonicalPath(rawPath: string): Checked<string> {
  const segments = canonicalSegments(rawPath)
  if (!segments.ok) return segments
  const last = segments.value.at(-1) ?? ''
  const path = joinSegments(segments.value, rawPath.endsWith('/') || !fileName.test(last))
  if (path.length > maxRedirectPathLength) return fail(messages.tooLong)
  return { ok: true, value: path }
}

/** The canonical form of a site path (no query): what a redirect target's path is compared by. */
export function canonicalSitePath(rawPath: string): string | null {
  const checked = canonicalPath(rawPath)
  return checked.ok ? checked.value : null
}

/**
 * A redirect's target: a site path, optionally with a query and fragment (`/search/?q=党史`),
 * stored as its canonical path plus the query and fragment as a URL encodes them; or, when
 * `allowExternal`, an `https://` address of another site (never `http:`, `javascript:`, `data:`,
 * user names or passwords). A full URL of the site itself becomes its path.
 */
export function normaliseTarget(
  input: string,
  { siteOrigin, allowExternal = true }: { siteOrigin?: string; allowExternal?: boolean } = {},
): Checked<string> {
  const value = input.trim()
  const isOwn =
    hasScheme(value) &&
    siteOrigin !== undefined &&
    URL.canParse(value) &&
    new URL(value).origin === new URL(siteOrigin).origin
  if (hasScheme(value) && !isOwn) return externalTarget(value, allowExternal)
  const own = ownPath(value, siteOrigin)
  if (!own.ok) return own
  const cut = own.value.search(/[?#]/)
  const rawPath = cut < 0 ? own.value : own.value.slice(0, cut)
  const path = canonicalPath(rawPath)
  if (!path.ok) return path
  if (cut < 0) return path
  // The query and fragment as the URL parser encodes them (spaces, quotes, non-ASCII).
  const parsed = new URL(own.value.slice(cut), 'http://site.invalid/')
  const suffix = `${parsed.search}${parsed.hash}`
  if (unsafeCharacter.test(decodeSafely(suffix))) return fail(messages.badCharacter)
  return { ok: true, value: `${path.value}${suffix}` }
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

function externalTarget(value: string, allowExternal: boolean): Checked<string> {
  if (!allowExternal) return fail('只能跳转到本站路径（以 / 开头）。')
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return fail('外部网址无效。')
  }
  if (url.protocol !== 'https:')
    return fail('外部网址必须以 https:// 开头（不允许 http:、javascript:、data: 等）。')
  if (url.username || url.password) return fail('外部网址不能含有用户名或密码。')
  if (!url.hostname.includes('.') || url.hostname.endsWith('.')) return fail('外部网址的域名无效。')
  if (unsafeCharacter.test(decodeSafely(url.href))) return fail(messages.badCharacter)
  if (url.href.length > maxRedirectUrlLength) return fail(messages.tooLong)
  return { ok: true, value: url.href }
}

/** True for a target that leaves the site (`https://…`); site paths start with `/`. */
export const isExternalTarget = (target: string) => !target.startsWith('/')

/** A target's path, without its query and fragment (`/search/?q=x` → `/search/`). */
export const targetPath = (target: string) => target.replace(/[?#].*$/s, '')

/** A canonical path as the site's links encode it: `/news/党史/` → `/news/%E5%85%9A%E5%8F%B2/`. */
export function encodeSitePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}

/** A target as a `Location` header value: site paths encoded, external URLs as stored. */
export function encodeTarget(target: string): string {
  if (isExternalTarget(target)) return target
  const cut = target.search(/[?#]/)
  return cut < 0
    ? encodeSitePath(target)
    : `${encodeSitePath(target.slice(0, cut))}${target.slice(cut)}`
}

/**
 * The canonical path a request for `pathname` (as the URL parser gives it) may have a redirect
 * from, or null when no redirect can match it.
 */
export function requestRedirectKey(pathname: string): string | null {
  if (!pathname.startsWith('/') || pathname.length > maxRedirectUrlLength) return null
  const segments = canonicalSegments(pathname)
  if (!segments.ok) return null
  return joinSegments(segments.value, pathname.endsWith('/'))
}
