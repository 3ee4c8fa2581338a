import type { APIRoute, GetStaticPaths } from 'astro'
import { lectureSeries, type LectureSeries } from '../../../../../../shared/vocabulary'
import { podcastCoverJpeg } from '../../../../feeds/podcastCover'

export const getStaticPaths = (() =>
  Object.keys(lectureSeries).map((series) => ({ params: { series } }))) satisfies GetStaticPaths

export const GET: APIRoute = async ({ params }) =>
  new Response(new Uint8Array(await podcastCoverJpeg(params.series as LectureSeries)), {
    headers: { 'Content-Type': 'image/jpeg' },
  })
