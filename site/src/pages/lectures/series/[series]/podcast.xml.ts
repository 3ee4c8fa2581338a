import type { APIRoute, GetStaticPaths } from 'astro'
import { lectureSeries } from '../../../../../../shared/vocabulary'
import { getContent } from '../../../../cms/getContent'
import { generatedFile } from '../../../../feeds/generatedFiles'
import { lectureSeriesPodcastUrl } from '../../../../lib/urls'

/** One podcast per series (the files themselves are listed in feeds/generatedFiles). */
export const getStaticPaths = (() =>
  Object.keys(lectureSeries).map((series) => ({ params: { series } }))) satisfies GetStaticPaths

export const GET: APIRoute = async ({ params, site }) => {
  const file = generatedFile(lectureSeriesPodcastUrl(params.series!))
  return new Response(file.render(await getContent(), site), {
    headers: { 'Content-Type': file.contentType },
  })
}
