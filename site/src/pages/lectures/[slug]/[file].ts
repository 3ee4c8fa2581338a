/** Each lecture's timeline files (feeds/lectureFiles.ts), from the same family the publisher updates. */
import type { APIRoute, GetStaticPaths } from 'astro'
import { getContent } from '../../../cms/getContent'
import { astroRendersPages } from '../../../routes/pageRendering'
import { lectureFilesFamily } from '../../../feeds/generatedFiles'
import type { LectureFileProps } from '../../../feeds/lectureFiles'

export const getStaticPaths = (async () => {
  if (!astroRendersPages()) return []
  const content = await getContent()
  return lectureFilesFamily.routes(content).map((route) => {
    const [, , slug, file] = decodeURIComponent(route.path).split('/')
    return { params: { slug, file }, props: { ...route.props } }
  })
}) satisfies GetStaticPaths

export const GET: APIRoute = ({ props, site }) => {
  const file = props as LectureFileProps
  return new Response(lectureFilesFamily.render(file, site), {
    headers: { 'Content-Type': lectureFilesFamily.contentType(file) },
  })
}
