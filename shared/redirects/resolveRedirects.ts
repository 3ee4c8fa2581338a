/**
 * The redirects the site serves, from the stored ones and the current content: every rule is one
 * hop to where the visitor ends up, so chains collapse (a → b, b → c serve as a → c, b → c).
 *
 * A redirect to a document follows it: the target is the document's page now, wherever renames
 * moved it, and there is none while the document is unpublished or deleted (its old paths stay
 * 404). A redirect whose source is a page is left out: the page wins, so a page that comes back
 * (a slug taken again, a list that grew) takes its path back. Cycles, which the CMS refuses on
 * save, are left out here too rather than served as a loop.
 */
import type { RedirectEntry } from '../siteContent'
import { encodeSitePath, encodeTarget, isExternalTarget, targetPath } from './sitePaths'

/** One served redirect: a canonical source path and the `Location` it answers with (encoded). */
export interface RedirectRule {
  from: string
  to: string
}

export interface RedirectContext {
  /** The page path (encoded, as the site links it) a document has now, or null when none. */
  pageOf: (collection: string, id: string) => string | null
  /** True when a page is served at this encoded path. */
  isPage: (path: string) => boolean
}

/** Longest chain followed; a longer one is treated as a cycle. */
const maxHops = 20

export function resolveRedirects(
  entries: readonly RedirectEntry[],
  context: RedirectContext,
): RedirectRule[] {
  const byFrom = new Map(entries.map((entry) => [entry.from, entry]))
  const rules: RedirectRule[] = []
  for (const entry of byFrom.values()) {
    const from = encodeSitePath(entry.from)
    if (context.isPage(from)) continue
    const to = finalTarget(entry, byFrom, context)
    if (to === null || to === from) continue
    rules.push({ from: entry.from, to })
  }
  return rules.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
}

/** Where `entry` ends up (encoded), following redirects from its target; null for none. */
function finalTarget(
  entry: RedirectEntry,
  byFrom: Map<string, RedirectEntry>,
  context: RedirectContext,
): string | null {
  const seen = new Set([entry.from])
  let current = entry
  for (let hop = 0; hop < maxHops; hop++) {
    const to = current.to
    if ('collection' in to) {
      const page = context.pageOf(to.collection, to.id)
      return page && context.isPage(page) ? page : null
    }
    if (isExternalTarget(to.url)) return to.url
    const path = targetPath(to.url)
    const next = byFrom.get(path)
    // A target with its own query or fragment is where the editor meant to send visitors.
    if (!next || path !== to.url || context.isPage(encodeSitePath(path)))
      return encodeTarget(to.url)
    if (seen.has(path)) return null
    seen.add(path)
    current = next
  }
  return null
}
