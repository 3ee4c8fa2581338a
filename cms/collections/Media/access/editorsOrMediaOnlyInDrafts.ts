import type { Access } from 'payload'
import { canPublish, isStaffUser } from '../../../access/roles'
import { publishedMediaUses } from '../usage/publishedMediaUses'

/**
 * Editors and admins change any media item; contributors only items no published content uses
 * (their new uploads, images of drafts): a new file or alt text on a used item would go live
 * without an editor's review. For one item the answer is yes or no; for a bulk change, a query
 * that leaves the used items out.
 */
export const editorsOrMediaOnlyInDrafts: Access = async ({ req, id }) => {
  if (!isStaffUser(req.user)) return false
  if (canPublish(req.user)) return true
  if (id !== undefined && id !== null) return (await publishedMediaUses(req, [id])).size === 0
  const used = [...(await publishedMediaUses(req))]
  return used.length ? { id: { not_in: used } } : true
}
