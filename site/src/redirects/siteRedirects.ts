/**
 * The redirects the site serves, from the export's 网址跳转 entries and the content index: a
 * document target becomes the path of its page now (none when it has no page), and a redirect
 * never hides a page of the route table or of src/pages/. The build (integrations/redirectFiles.ts)
 * and the publisher (publisher/siteState.ts) both call this, so their files agree.
 *
 * Plain TypeScript (no `astro:` imports): the publisher imports it directly.
 */
import { resolveRedirects, type RedirectRule } from '../../../shared/redirects/resolveRedirects'
import type { PublicCollection, RedirectEntry } from '../../../shared/siteContent'
import type { ContentIndex } from '../cms/buildContentIndex'
import * as urls from '../lib/urls'

/** Pages outside the route table (src/pages/about.astro, src/pages/search/). */
export const fixedPagePaths: ReadonlySet<string> = new Set([urls.aboutUrl, '/search/'])

/** Each document's page path, by collection and id, built for the collections asked about. */
function documentPages(index: ContentIndex): (collection: string, id: string) => string | null {
  const byCollection = new Map<string, Map<string, string>>()
  const build = (collection: PublicCollection): Map<string, string> => {
    switch (collection) {
      case 'news':
        return new Map(index.news.map((item) => [item.id, urls.newsUrl(item.slug)]))
      case 'exhibitions':
        return new Map(index.exhibitions.map((item) => [item.id, urls.exhibitionUrl(item.slug)]))
      case 'exhibits':
        // An exhibit has a page only in its exhibition's walk (a published exhibition, a section).
        return new Map(
          [...index.exhibitionWalks.values()].flatMap(({ exhibition, exhibits }) =>
            exhibits.map((exhibit) => [exhibit.id, urls.exhibitUrl(exhibition.slug, exhibit.slug)]),
          ),
        )
      case 'lectures':
        return new Map(index.lectures.map((item) => [item.id, urls.lectureUrl(item.slug)]))
      case 'speakers':
        return new Map(index.speakers.map((item) => [item.id, urls.speakerUrl(item.slug)]))
      case 'books':
        return new Map(index.books.map((item) => [item.id, urls.bookUrl(item.slug)]))
    }
  }
  return (collection, id) => {
    let pages = byCollection.get(collection)
    if (!pages) byCollection.set(collection, (pages = build(collection as PublicCollection)))
    return pages?.get(id) ?? null
  }
}

/**
 * The served redirects (one hop each, by source path). `isRoutePage` says whether the route table
 * has a page at an encoded path.
 */
export function siteRedirectRules(
  redirects: readonly RedirectEntry[],
  index: ContentIndex,
  isRoutePage: (path: string) => boolean,
): RedirectRule[] {
  if (redirects.length === 0) return []
  return resolveRedirects(redirects, {
    pageOf: documentPages(index),
    isPage: (path) => fixedPagePaths.has(path) || isRoutePage(path),
  })
}
