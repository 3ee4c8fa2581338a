import { defineCollection } from 'astro:content'
import type { Loader } from 'astro/loaders'
import { publicCollections, type PublicCollection } from '../../shared/siteContent'
import { readSiteContent } from './cms/readSiteContent'

/**
 * One content-layer loader for every collection: it reads the CMS export (file or `CMS_URL`) and
 * stores each published document under its id. Entries are typed by shared/siteContent.ts, which
 * derives from the Payload config, so no schema is repeated here.
 */
function siteContentLoader(key: PublicCollection | 'site'): Loader {
  return {
    name: `cms-${key}`,
    load: async ({ store, generateDigest }) => {
      const content = await readSiteContent()
      store.clear()
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
