/** The sitemap's sections (feeds/sitemaps.ts), from the same families the publisher updates. */
import type { APIRoute, GetStaticPaths } from 'astro'
import { getContent } from '../../cms/getContent'
import { astroRendersPages } from '../../routes/pageRendering'
import { sitemapFamilies, sitemapSectionXml, type SitemapSection } from '../../feeds/sitemaps'

export const getStaticPaths = (async () => {
  if (!astroRendersPages()) return []
  const content = await getContent()
  return sitemapFamilies.flatMap((family) =>
    family.routes(content).map((route) => ({
      params: { section: route.path.replace(/^\/sitemaps\/|\.xml$/g, '') },
      props: { ...route.props },
    })),
  )
}) satisfies GetStaticPaths

export const GET: APIRoute = ({ props, site }) =>
  new Response(sitemapSectionXml((props as SitemapSection).lines, site), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  })
