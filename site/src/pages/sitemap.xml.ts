import type { APIRoute } from 'astro'
import { bookLocations, lectureSeries, newsCategories } from '../../../shared/vocabulary'
import { getContent } from '../cms/getContent'
import { bookPageSize, lecturePageSize, newsPageSize, pageCount } from '../lib/pagination'
import { absoluteUrl } from '../lib/seo'
import * as urls from '../lib/urls'
import { escapeXml } from '../lib/xml'

/** Every page of the site (the same groupings the routes build), detail pages with their lastmod. */
export const GET: APIRoute = async ({ site }) => {
  const content = await getContent()
  const entries: string[] = []
  const add = (path: string, lastmod?: string) =>
    entries.push(`<url><loc>${escapeXml(absoluteUrl(path, site))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`)
  const addList = (base: string, total: number, size: number) => {
    for (let page = 1, count = pageCount(total, size); page <= count; page++) add(urls.pagedUrl(base, page))
  }

  add(urls.homeUrl)
  add(urls.aboutUrl)
  addList(urls.newsListUrl, content.news.length, newsPageSize)
  for (const category of Object.keys(newsCategories) as (keyof typeof newsCategories)[]) {
    addList(urls.newsCategoryUrl(category), content.newsByCategory.get(category)?.length ?? 0, newsPageSize)
  }
  for (const [tag, items] of content.newsByTag) if (urls.isLinkableTag(tag)) addList(urls.newsTagUrl(tag), items.length, newsPageSize)
  for (const item of content.news) add(urls.newsUrl(item.slug), item.updatedAt)

  add(urls.exhibitionsUrl)
  for (const { exhibition, exhibits } of content.exhibitionWalks.values()) {
    add(urls.exhibitionUrl(exhibition.slug), exhibition.updatedAt)
    for (const exhibit of exhibits) add(urls.exhibitUrl(exhibition.slug, exhibit.slug), exhibit.updatedAt)
  }

  addList(urls.lecturesUrl, content.lectures.length, lecturePageSize)
  addList(urls.lecturesOldestUrl, content.lectures.length, lecturePageSize)
  for (const series of Object.keys(lectureSeries) as (keyof typeof lectureSeries)[]) {
    addList(urls.lectureSeriesUrl(series), content.lecturesBySeries.get(series)?.length ?? 0, lecturePageSize)
  }
  for (const [year, items] of content.lecturesByYear) addList(urls.lectureYearUrl(year), items.length, lecturePageSize)
  for (const lecture of content.lectures) add(urls.lectureUrl(lecture.slug), lecture.updatedAt)
  add(urls.speakersUrl)
  for (const speaker of content.speakers) add(urls.speakerUrl(speaker.slug), speaker.updatedAt)

  add(urls.libraryUrl)
  for (const [letter, books] of content.booksByClass) addList(urls.libraryClassUrl(letter), books.length, bookPageSize)
  for (const location of Object.keys(bookLocations) as (keyof typeof bookLocations)[]) {
    addList(urls.libraryLocationUrl(location), content.booksByLocation.get(location)?.length ?? 0, bookPageSize)
  }
  for (const book of content.books) add(urls.bookUrl(book.slug), book.updatedAt)

  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
}
