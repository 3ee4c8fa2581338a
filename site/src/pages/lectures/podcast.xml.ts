import type { APIRoute } from 'astro'
import { getContent } from '../../cms/getContent'
import { generatedFile } from '../../feeds/generatedFiles'
import { lecturesPodcastUrl } from '../../lib/urls'

const file = generatedFile(lecturesPodcastUrl)

export const GET: APIRoute = async ({ site }) =>
  new Response(file.render(await getContent(), site), {
    headers: { 'Content-Type': file.contentType },
  })
