/**
 * Every public URL of the site, in one place: pages, feeds and the sitemap build links only
 * through these, so the URL contract (all with a trailing slash) cannot drift between them.
 */

/** Page 1 of a list is the list's own URL; later pages are `<base>page/N/`. */
export const pagedUrl = (base: string, page: number): string => (page > 1 ? `${base}page/${page}/` : base)

export const homeUrl = '/'
export const aboutUrl = '/about/'

export const newsListUrl = '/news/'
export const newsUrl = (slug: string) => `/news/${slug}/`
export const newsCategoryUrl = (category: string) => `/news/category/${category}/`
export const newsTagUrl = (tag: string) => `/news/tag/${encodeURIComponent(tag)}/`
/** Tags that can be a single path segment on disk and in a URL (not `/`, `.`, `..`, `?`, `#`, `%`, `\`). */
export const isLinkableTag = (tag: string) => tag.trim() !== '' && !/[/?#%\\]/.test(tag) && tag !== '.' && tag !== '..'

export const exhibitionsUrl = '/exhibitions/'
export const exhibitionUrl = (slug: string) => `/exhibitions/${slug}/`
export const exhibitUrl = (exhibitionSlug: string, slug: string) => `/exhibitions/${exhibitionSlug}/${slug}/`

export const lecturesUrl = '/lectures/'
export const lecturesOldestUrl = '/lectures/oldest/'
export const lectureUrl = (slug: string) => `/lectures/${slug}/`
export const lectureSeriesUrl = (series: string) => `/lectures/series/${series}/`
export const lectureYearUrl = (year: number) => `/lectures/year/${year}/`
export const speakersUrl = '/speakers/'
export const speakerUrl = (slug: string) => `/speakers/${slug}/`

export const libraryUrl = '/library/'
export const bookUrl = (slug: string) => `/library/${slug}/`
export const libraryClassUrl = (letter: string) => `/library/class/${letter}/`
export const libraryLocationUrl = (location: string) => `/library/location/${location}/`

export const newsFeedUrl = '/news/rss.xml'
export const lecturesFeedUrl = '/lectures/rss.xml'

/** The page of each kind of search result (what the search index links to). */
export const searchUrls: import('../../../shared/search/siteDocuments').SearchUrls = {
  news: newsUrl,
  exhibit: exhibitUrl,
  lecture: lectureUrl,
  book: bookUrl,
}
