import type { Access } from 'payload'
import { canPublish, isStaffUser } from './roles'

/**
 * Any staff member may write; only editors and admins may write a published status.
 * Payload also asks this with `_status: 'published'` to decide whether to show 发布.
 */
export const staffMayWriteDrafts: Access = ({ req: { user }, data }) => {
  if (!isStaffUser(user)) return false
  if (data?._status === 'published') return canPublish(user)
  return true
}
