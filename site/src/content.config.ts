import { defineCollection } from 'astro:content'
import type { Loader } from 'astro/loaders'
import type { SiteContent } from '../../shared/siteContent'
import { readSiteContent } from './cms/readSiteContent'

type ListKey = Exclude<keyof SiteContent, 'version' | 'generatedAt' | 'site'>

/**
 * One content-layer loader for every collection: it reads the CMS export (file or `CMS_URL`) and
 * stores each published document under its id. Entries are typed by shared/siteContent.ts, which
 * derives from the Payload config, so no schema is repeated here.
 */
function siteContentLoader(key: ListKey | 'site'): Loader {
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
  news: defineCollection({ loader: siteContentLoader('news') }),
  exhibitions: defineCollection({ loader: siteContentLoader('exhibitions') }),
  exhibits: defineCollection({ loader: siteContentLoader('exhibits') }),
  speakers: defineCollection({ loader: siteContentLoader('speakers') }),
  lectures: defineCollection({ loader: siteContentLoader('lectures') }),
  books: defineCollection({ loader: siteContentLoader('books') }),
  site: defineCollection({ loader: siteContentLoader('site') }),
}
