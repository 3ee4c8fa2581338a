/**
 * The redirects as files beside the site, for any server: `_redirects` (Netlify's format, also
 * read by Cloudflare Pages and by our static server) and `_redirects.map`, the entries of an nginx
 * `map` block (see README, 网址跳转). `npm run build` writes both; the publisher keeps them current.
 */
import { legacyNewsPageNetlifyLines, legacyNewsPageNginxLine } from './legacyNewsPages'
import type { RedirectRule } from './resolveRedirects'
import { encodeSitePath, requestRedirectKey } from './sitePaths'

/** The files' paths in the site folder. Neither is served as a page (site/server/staticServer.ts). */
export const redirectFilePaths = {
  netlify: '/_redirects',
  nginx: '/_redirects.map',
} as const

const header = (comment: string) => `# 网址跳转（红色山高自动生成，请勿手工修改）：${comment}\n`

/** Safe in any of the files: no white space, quotes, `$` or control characters. */
const plainTarget = (to: string) => !/[\s"'$\\\p{Cc}]/u.test(to)

/**
 * `_redirects`: `<from> <to> 301` a line, paths encoded as browsers send them (`*`, a wildcard
 * there, encoded too).
 */
export function netlifyRedirects(rules: readonly RedirectRule[]): string {
  const lines = rules
    .filter((rule) => plainTarget(rule.to))
    .map((rule) => `${encodeSitePath(rule.from).replace(/\*/g, '%2A')} ${rule.to} 301`)
  return (
    header('Netlify / Cloudflare Pages 格式，每行 旧路径 新地址 301') +
    [...lines, ...legacyNewsPageNetlifyLines].join('\n') +
    '\n'
  )
}

/** A string in nginx's configuration syntax, quoted. */
const nginxString = (text: string) => `"${text.replace(/[\\"]/g, (character) => `\\${character}`)}"`

/**
 * `_redirects.map`: `"<from>" "<to>";` a line, for `map $uri $hongse_redirect { include …; }`.
 * nginx matches `$uri` decoded, so sources are decoded; it compares strings ignoring case, so of
 * sources that differ only in case the first is kept (a duplicate would stop nginx from starting).
 */
export function nginxRedirectMap(rules: readonly RedirectRule[]): string {
  const seen = new Set<string>()
  const lines: string[] = []
  for (const rule of rules) {
    const key = rule.from.toLowerCase()
    if (seen.has(key) || !plainTarget(rule.to)) continue
    seen.add(key)
    lines.push(`${nginxString(rule.from)} ${nginxString(rule.to)};`)
  }
  lines.push(legacyNewsPageNginxLine)
  return header('nginx map 条目，见 README「网址跳转」') + lines.join('\n') + '\n'
}

/** Both files, by path. */
export function redirectFiles(rules: readonly RedirectRule[]): { path: string; data: string }[] {
  return [
    { path: redirectFilePaths.netlify, data: netlifyRedirects(rules) },
    { path: redirectFilePaths.nginx, data: nginxRedirectMap(rules) },
  ]
}

/** A `_redirects` file read back: canonical source path → `Location`. Lines it cannot read are skipped. */
export function parseNetlifyRedirects(text: string): Map<string, string> {
  const table = new Map<string, string>()
  for (const line of text.split('\n')) {
    const [from, to, status, ...rest] = line.trim().split(/\s+/)
    if (!from || from.startsWith('#') || status !== '301' || rest.length > 0) continue
    // Pattern rules (a `*` or a `:placeholder`): the server knows those (legacyNewsPages.ts).
    if (from.includes('*') || from.includes('/:')) continue
    const key = requestRedirectKey(from)
    if (key && to && (to.startsWith('/') ? !to.startsWith('//') : to.startsWith('https://')))
      table.set(key, to)
  }
  return table
}
