import { getCollection } from 'astro:content'
import {
  publicCollections,
  type PublicCollection,
  type SiteSettings,
} from '../../../shared/siteContent'
import { astroRendersPages } from '../routes/pageRendering'
import { buildContentIndex, type ContentIndex, type ContentLists } from './buildContentIndex'
import { buildTimeIndex } from './buildTimeIndex'

let index: Promise<ContentIndex> | undefined

/** One collection's entries (typed by shared/siteContent.ts, not by a content-layer schema). */
async function list(name: PublicCollection | 'site'): Promise<unknown[]> {
  const entries: { data: unknown }[] = await getCollection(name)
  return entries.map((entry) => entry.data)
}

/**
 * All published content with its lookups, built once per build from the content layer, or, in a
 * build that renders the pages on threads (whose content layer stays empty: content.config.ts),
 * the very index the threads' pages come from (buildTimeIndex). Pages get their data only through
 * this module.
 */
export function getContent(): Promise<ContentIndex> {
  if (!astroRendersPages()) return buildTimeIndex()
  index ??= (async () => {
    const [site, ...lists] = await Promise.all([list('site'), ...publicCollections.map(list)])
    const content = Object.fromEntries(
      publicCollections.map((collection, at) => [collection, lists[at]]),
    )
    return buildContentIndex({
      ...(content as Omit<ContentLists, 'site'>),
      site: site[0] as SiteSettings,
    })
  })()
  return index
}
