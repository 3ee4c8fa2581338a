import type { Endpoint } from 'payload'
import { canPublish } from '../../access/roles'
import { enqueueSiteChange } from './enqueueSiteChange'

export const rebuildNotAllowedMessage = '只有编辑或管理员可以重建网站。'

/** `POST /api/site-changes/rebuild`: asks the publisher to build the whole site again (editors and admins). */
export const rebuildEndpoint: Endpoint = {
  path: '/rebuild',
  method: 'post',
  handler: async (req) => {
    if (!canPublish(req.user))
      return Response.json({ errors: [{ message: rebuildNotAllowedMessage }] }, { status: 403 })
    await enqueueSiteChange(req, { kind: 'rebuild' })
    return Response.json({ queued: true }, { status: 202 })
  },
}
