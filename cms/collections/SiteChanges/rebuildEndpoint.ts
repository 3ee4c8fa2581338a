import { commitTransaction, initTransaction, killTransaction, type Endpoint } from 'payload'
import { canPublish } from '../../access/roles'
import { recordAudit } from '../../audit/recordAudit'
import { enqueueSiteChange } from './enqueueSiteChange'

export const rebuildNotAllowedMessage = '只有编辑或管理员可以重建网站。'

/**
 * `POST /api/site-changes/rebuild`: asks the publisher to build the whole site again (editors and
 * admins). The queue row and its audit-log entry commit together.
 */
export const rebuildEndpoint: Endpoint = {
  path: '/rebuild',
  method: 'post',
  handler: async (req) => {
    if (!canPublish(req.user))
      return Response.json({ errors: [{ message: rebuildNotAllowedMessage }] }, { status: 403 })
    const shouldCommit = await initTransaction(req)
    try {
      await enqueueSiteChange(req, { kind: 'rebuild' })
      await recordAudit(req, { action: 'rebuild', summary: '请求全部重建网站' })
      if (shouldCommit) await commitTransaction(req)
    } catch (error) {
      await killTransaction(req)
      throw error
    }
    return Response.json({ queued: true }, { status: 202 })
  },
}
