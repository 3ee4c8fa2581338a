/**
 * Every public URL of the site, in one place: pages, feeds and the sitemap build links only
 * through these, so the URL contract (all with a trailing slash) cannot drift between them.
 */
import { transcriptCues } from '../../../shared/lectureTimeline'

/** Longest path segment taken from content as it is, in UTF-8 bytes (file names stop at 255). */
const maxSegmentBytes = 100
/** What cannot stand in a file name or URL segment as typed: separators, `?#%`, control, bidi and lone surrogate characters. */
const unsafeInSegment = /[/\\?#%\p{Cc}\p{Cs}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u
/** The end of a shortened segment: a value that ends so is shortened too, so none can take another's page. */
const looksHashed = /~[0-9a-z]{11}$/
const utf8Length = (text: string) => new TextEncoder().encode(text).length

/**
 * A value from content as one path segment: itself when it is ordinary, else a readable prefix
 * (unsafe characters dropped, at most 48 bytes), `~` and a hash of the whole value, so that no tag can
 * make a path the file system refuses (ENAMETOOLONG) or one that leaves its folder.
 */
export function pathSegment(value: string): string {
  const ordinary =
    !unsafeInSegment.test(value) &&
    !/^\.{1,2}$/.test(value) &&
    !looksHashed.test(value) &&
    utf8Length(value) <= maxSegmentBytes
  if (ordinary) return value
  let prefix = ''
  for (const char of value) {
    if (unsafeInSegment.test(char)) continue
    if (utf8Length(prefix + char) > 48) break
    prefix += char
  }
  prefix = prefix.trim()
  return /^\.*$/.test(prefix) ? `~${shortHash(value)}` : `${prefix}~${shortHash(value)}`
}

/** A stable 53-bit hash of a string in base 36 (cyrb53: the same in Node and the browser). */
function shortHash(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0')
}

/** A slug as a path segment (valid slugs are kept as they are; see `pathSegment`). */
const segment = (value: string) => encodeURIComponent(pathSegment(value))

/** Page 1 of a list is the list's own URL; later pages are `<base>page/N/`. */
export const pagedUrl = (base: string, page: number): string =>
  page > 1 ? `${base}page/${page}/` : base

/** A news list's page of a month (`<base>2026/11/`) or a year (`<base>2026/`): lib/newsArchive.ts. */
export const newsPeriodUrl = (
  base: string,
  { year, month }: { year: number; month: number | null },
): string =>
  month === null ? `${base}${year}/` : `${base}${year}/${String(month).padStart(2, '0')}/`

export const homeUrl = '/'
export const aboutUrl = '/about/'

export const newsListUrl = '/news/'
export const newsUrl = (slug: string) => `/news/${segment(slug)}/`
export const newsCategoryUrl = (category: string) => `/news/category/${category}/`
export const newsTagUrl = (tag: string) => `/news/tag/${segment(tag)}/`
/** Every tag with visible text has a page (odd or long ones under a shortened segment: `pathSegment`). */
export const isLinkableTag = (tag: string) => tag.trim() !== ''

export const exhibitionsUrl = '/exhibitions/'
export const exhibitionUrl = (slug: string) => `/exhibitions/${segment(slug)}/`
export const exhibitUrl = (exhibitionSlug: string, slug: string) =>
  `/exhibitions/${segment(exhibitionSlug)}/${segment(slug)}/`

export const lecturesUrl = '/lectures/'
export const lecturesOldestUrl = '/lectures/oldest/'
export const lectureUrl = (slug: string) => `/lectures/${segment(slug)}/`
export const lectureSeriesUrl = (series: string) => `/lectures/series/${series}/`
export const lectureYearUrl = (year: number) => `/lectures/year/${year}/`
export const speakersUrl = '/speakers/'
export const speakerUrl = (slug: string) => `/speakers/${segment(slug)}/`

export const libraryUrl = '/library/'
export const bookUrl = (slug: string) => `/library/${segment(slug)}/`
export const libraryClassUrl = (letter: string) => `/library/class/${letter}/`
export const libraryLocationUrl = (location: string) => `/library/location/${location}/`

export const newsFeedUrl = '/news/rss.xml'
/** The sitemap index, and its sections (feeds/sitemaps.ts). */
export const sitemapUrl = '/sitemap.xml'
export const sitemapSectionUrl = (section: string) => `/sitemaps/${section}.xml`
export const lecturesFeedUrl = '/lectures/rss.xml'

/** The podcast of every audio lecture, and one per series. */
export const lecturesPodcastUrl = '/lectures/podcast.xml'
export const lectureSeriesPodcastUrl = (series: string) => `/lectures/series/${series}/podcast.xml`
/** The podcasts' square cover art (generated: site/src/feeds/podcastCover.ts). */
export const podcastCoverUrl = (series?: string) =>
  series ? `/lectures/series/${series}/podcast-cover.jpg` : '/lectures/podcast-cover.jpg'

/** A lecture's timeline files (chapters, captions, transcript), beside its page. */
export type LectureFileName =
  'chapters.json' | 'chapters.vtt' | 'captions.vtt' | 'transcript.vtt' | 'transcript.json'
export const lectureFileUrl = (slug: string, name: LectureFileName) => `${lectureUrl(slug)}${name}`

/** The page of each kind of search result (what the search index links to). */
export const searchUrls: import('../../../shared/search/siteDocuments').SearchUrls = {
  news: newsUrl,
  exhibit: exhibitUrl,
  lecture: lectureUrl,
  book: bookUrl,
  lectureMoments: (lecture) =>
    lecture.recording && transcriptCues(lecture).length > 0
      ? lectureFileUrl(lecture.slug, 'transcript.json')
      : null,
}
