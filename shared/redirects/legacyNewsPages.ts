/**
 * News lists were once numbered newest first (`/news/page/9/`, `/news/tag/党史/page/3/`); they are
 * now a front page and month pages (site/src/lib/newsArchive.ts), so a numbered page's items no
 * longer have one home. Such an address leads to its list's front page, which indexes every month:
 * in our static server (after exact redirects) and as pattern rules in both redirect files.
 */

import { encodeSitePath } from './sitePaths'

const numberedNewsPage = /^(\/news\/(?:(?:category|tag)\/[^/]+\/)?)page\/[1-9]\d{0,8}\/?$/

/**
 * The `Location` of a numbered news page's list (`/news/tag/党史/page/3/` →
 * `/news/tag/%E5%85%9A%E5%8F%B2/`), from its canonical (decoded) path; null for any other path.
 */
export function legacyNewsPageTarget(canonicalPath: string): string | null {
  const list = numberedNewsPage.exec(canonicalPath)?.[1]
  return list ? encodeSitePath(list) : null
}

/** `_redirects` lines (Netlify and Cloudflare Pages placeholders), after the exact ones. */
export const legacyNewsPageNetlifyLines = [
  '/news/page/* /news/ 301',
  '/news/category/:category/page/* /news/category/:category/ 301',
  '/news/tag/:tag/page/* /news/tag/:tag/ 301',
]

/** `_redirects.map` entry: a regular expression, which nginx tries after every exact source. */
export const legacyNewsPageNginxLine =
  '"~^(?<hongse_news_list>/news/(?:(?:category|tag)/[^/]+/)?)page/[0-9]+/?$" $hongse_news_list;'
