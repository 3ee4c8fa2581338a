import type { APIRoute } from 'astro'
import { lectureSeries } from '../../../../shared/vocabulary'
import { getContent } from '../../cms/getContent'
import { absoluteUrl } from '../../lib/seo'
import { lecturesFeedUrl, lecturesUrl, lectureUrl } from '../../lib/urls'
import { rssResponse } from '../../lib/xml'

/** The latest 50 lectures as RSS 2.0. */
export const GET: APIRoute = async ({ site }) => {
  const content = await getContent()
  return rssResponse({
    title: `${content.site.siteName} · 红领讲堂`,
    description: '红领讲堂的党课、思政课、党史专题和政策宣讲。',
    link: absoluteUrl(lecturesUrl, site),
    self: absoluteUrl(lecturesFeedUrl, site),
    items: content.lectures.slice(0, 50).map((lecture) => ({
      title: lecture.title,
      url: absoluteUrl(lectureUrl(lecture.slug), site),
      description: lecture.summary,
      date: lecture.date,
      category: lectureSeries[lecture.series],
    })),
  })
}
