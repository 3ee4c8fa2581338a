import type { SiteContent } from '../../../shared/siteContent'
import { buildContentIndex, type ContentIndex } from './buildContentIndex'
import { readSiteContent } from './readSiteContent'

/** The export a build renders from, and its content index. */
export interface BuildTimeContent {
  content: SiteContent
  index: ContentIndex
}

/** Where it is kept: one per process, whichever copy of this module asks. */
const shared = Symbol.for('hongse.site.buildTimeContent')

/**
 * The export and its content index, read and built once per build process. The integrations
 * (loaded with the config) and the pages Astro generates itself (a separate bundle of the same
 * modules, run in the same process) each have their own copy of this module: keeping the result
 * on `globalThis` makes them share one read of the export, so the pages, feeds, sitemap and
 * redirects of a build show the same snapshot, also when it comes from the CMS (`CMS_URL`; the
 * search index, built in a process of its own, reads it once more).
 */
export function buildTimeContent(): Promise<BuildTimeContent> {
  const store = globalThis as { [shared]?: Promise<BuildTimeContent> }
  store[shared] ??= readSiteContent().then((content) => ({
    content,
    index: buildContentIndex(content),
  }))
  return store[shared]
}

/** The content index of buildTimeContent. */
export async function buildTimeIndex(): Promise<ContentIndex> {
  return (await buildTimeContent()).index
}
