import type { Endpoint } from 'payload'
import { exportSiteContent } from './exportSiteContent'

/**
 * `GET /api/site-content`: the published-content export, for a site build that runs apart from
 * the CMS (`CMS_URL`). It holds only what visitors may read anyway, whoever asks.
 */
export const siteContentEndpoint: Endpoint = {
  path: '/site-content',
  method: 'get',
  handler: async (req) => {
    const content = await exportSiteContent(req.payload)
    return Response.json(content, { headers: { 'Cache-Control': 'no-store' } })
  },
}
