import type { APIRoute } from 'astro'
import { newsCategories } from '../../../../shared/vocabulary'
import { getContent } from '../../cms/getContent'
import { absoluteUrl } from '../../lib/seo'
import { newsFeedUrl, newsListUrl, newsUrl } from '../../lib/urls'
import { rssResponse } from '../../lib/xml'

/** The latest 50 news as RSS 2.0. */
export const GET: APIRoute = async ({ site }) => {
  const content = await getContent()
  return rssResponse({
    title: `${content.site.siteName} · 活动新闻`,
    description: content.site.slogan,
    link: absoluteUrl(newsListUrl, site),
    self: absoluteUrl(newsFeedUrl, site),
    items: content.news.slice(0, 50).map((item) => ({
      title: item.title,
      url: absoluteUrl(newsUrl(item.slug), site),
      description: item.summary,
      date: item.publishedAt,
      category: newsCategories[item.category],
    })),
  })
}
