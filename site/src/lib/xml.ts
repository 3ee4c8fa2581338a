/** XML escaping and the RSS 2.0 document shared by the news and lecture feeds. */

export const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  )

export interface FeedItem {
  title: string
  url: string
  description: string
  date: string
  category?: string
}

export interface Feed {
  title: string
  description: string
  /** Absolute URL of the HTML page the feed mirrors. */
  link: string
  /** Absolute URL of the feed itself. */
  self: string
  items: FeedItem[]
}

export function rssXml(feed: Feed): string {
  const items = feed.items
    .map(
      (item) =>
        `<item><title>${escapeXml(item.title)}</title><link>${escapeXml(item.url)}</link><guid isPermaLink="true">${escapeXml(item.url)}</guid>` +
        `<pubDate>${new Date(item.date).toUTCString()}</pubDate>` +
        (item.category ? `<category>${escapeXml(item.category)}</category>` : '') +
        `<description>${escapeXml(item.description)}</description></item>`,
    )
    .join('\n')
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>` +
    `<title>${escapeXml(feed.title)}</title><link>${escapeXml(feed.link)}</link><description>${escapeXml(feed.description)}</description>` +
    `<language>zh-cn</language><atom:link href="${escapeXml(feed.self)}" rel="self" type="application/rss+xml"/>` +
    (feed.items[0]
      ? `<lastBuildDate>${new Date(feed.items[0].date).toUTCString()}</lastBuildDate>`
      : '') +
    `\n${items}\n</channel></rss>\n`
  return body
}
