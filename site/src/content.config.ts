import { defineCollection } from 'astro:content'
import type { Loader } from 'astro/loaders'
import { publicCollections, type PublicCollection } from '../../shared/siteContent'
import { readSiteContent } from './cms/readSiteContent'
import { astroRendersPages } from './routes/pageRendering'

/**
 * One content-layer loader for every collection: it reads the CMS export (file or `CMS_URL`) and
 * stores each published document under its id. Entries are typed by shared/siteContent.ts, which
 * derives from the Payload config, so no schema is repeated here.
 *
 * Whenever Astro renders the pages (`astro dev`, `astro preview`, SITE_PAGE_RENDERER=astro). A
 * build that renders them on threads (integrations/pagesOnWorkers.ts) reads the export directly
 * for every page, its own included (getContent.ts): the store stays empty then, because Vite
 * would bundle a copy of it for the few pages Astro still generates (35 MB on the reference
 * corpus: 2.5 s of syncing and ~5 s of bundling, a quarter of the build, all in one thread).
 */
function siteContentLoader(key: PublicCollection | 'site'): Loader {
  return {
    name: `cms-${key}`,
    load: async ({ store, generateDigest }) => {
      store.clear()
      if (!astroRendersPages()) return
      const content = await readSiteContent()
      const entries = key === 'site' ? [{ id: 'site', ...content.site }] : content[key]
      for (const entry of entries) {
        const data = entry as unknown as Record<string, unknown>
        store.set({ id: String(entry.id), data, digest: generateDigest(data) })
      }
    },
  }
}

export const collections = {
  ...Object.fromEntries(
    publicCollections.map((collection) => [
      collection,
      defineCollection({ loader: siteContentLoader(collection) }),
    ]),
  ),
  site: defineCollection({ loader: siteContentLoader('site') }),
}
