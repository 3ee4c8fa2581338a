import { getCollection } from 'astro:content'
import type { SiteSettings } from '../../../shared/siteContent'
import { buildContentIndex, type ContentIndex, type ContentLists } from './buildContentIndex'

let index: Promise<ContentIndex> | undefined

async function list<K extends Exclude<keyof ContentLists, 'site'>>(name: K): Promise<ContentLists[K]> {
  // Entries are typed by shared/siteContent.ts, not by a content-layer schema, so only `data` is read.
  const entries: { data: unknown }[] = await getCollection(name)
  return entries.map((entry) => entry.data) as ContentLists[K]
}

/**
 * All published content with its lookups, built once per build from the content layer. Pages get
 * their data only through this module.
 */
export function getContent(): Promise<ContentIndex> {
  index ??= (async () => {
    const [site, news, exhibitions, exhibits, speakers, lectures, books] = await Promise.all([
      getCollection('site'),
      list('news'),
      list('exhibitions'),
      list('exhibits'),
      list('speakers'),
      list('lectures'),
      list('books'),
    ])
    const settings = site[0]?.data as unknown as SiteSettings
    return buildContentIndex({ site: settings, news, exhibitions, exhibits, speakers, lectures, books })
  })()
  return index
}

