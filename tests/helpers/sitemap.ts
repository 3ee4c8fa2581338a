/**
 * The whole sitemap as one text: `/sitemap.xml` is an index of section files
 * (site/src/feeds/sitemaps.ts); `read` gets a file by its site path (`/sitemaps/news.xml`).
 * Throws when the index names a section that is not there.
 */
export async function readSitemap(
  read: (sitePath: string) => string | null | undefined | Promise<string | null | undefined>,
): Promise<string> {
  const index = await read('/sitemap.xml')
  if (!index) throw new Error('no /sitemap.xml')
  const sections = [...index.matchAll(/<sitemap><loc>([^<]+)<\/loc>/g)].map(
    (match) => new URL(match[1]).pathname,
  )
  if (!index.includes('<sitemapindex') || sections.length === 0)
    throw new Error(`/sitemap.xml is not a sitemap index: ${index.slice(0, 200)}`)
  const texts: string[] = []
  for (const section of sections) {
    const text = await read(section)
    if (!text) throw new Error(`the sitemap index names ${section}, which is missing`)
    if (!text.includes('<urlset') || !text.includes('<url><loc>'))
      throw new Error(`${section} is not a sitemap with URLs`)
    texts.push(text)
  }
  return texts.join('\n')
}

/** The site paths a sitemap text lists. */
export const sitemapPaths = (sitemap: string, siteUrl = 'https://hongse.example') =>
  [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)]
    .map((match) => match[1])
    .filter((url) => url.startsWith(siteUrl))
    .map((url) => decodeURIComponent(new URL(url).pathname))
