import type { APIRoute } from 'astro'
import { podcastCoverJpeg } from '../../feeds/podcastCover'

export const GET: APIRoute = async () =>
  new Response(new Uint8Array(await podcastCoverJpeg()), {
    headers: { 'Content-Type': 'image/jpeg' },
  })
