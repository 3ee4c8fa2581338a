import type { CollectionBeforeOperationHook, Where } from 'payload'
import { APIError } from 'payload'
import { canPublish, hasRole } from '../access/roles'

export const contributorMayNotPublishMessage = '投稿人只能保存草稿；发布、撤回发布和删除需由编辑或管理员操作。'

/**
 * Contributors write drafts only. Publishing is caught by update access; this catches the
 * rest: a non-draft save of a published document (which would change or unpublish it).
 */
export const keepContributorsToDrafts: CollectionBeforeOperationHook = async ({ args, operation, req, collection }) => {
  const user = req.user
  const { data, draft, id, where } = args as {
    data?: { _status?: string }
    draft?: boolean
    id?: number | string
    where?: Where
  }
  if (!hasRole(user, 'contributor') || canPublish(user)) return args
  if (operation !== 'update' && operation !== 'updateByID') return args
  if (draft) {
    if (data?._status === 'published') throw new APIError(contributorMayNotPublishMessage, 403, null, true)
    return args
  }
  const ids = id != null ? [id] : null
  const published = await req.payload.count({
    collection: collection.slug as 'news',
    where: {
      and: [{ _status: { equals: 'published' } }, ...(ids ? [{ id: { in: ids } }] : where ? [where] : [])],
    },
    overrideAccess: true,
    req,
  })
  if (published.totalDocs > 0 || data?._status === 'published') {
    throw new APIError(contributorMayNotPublishMessage, 403, null, true)
  }
  return args
}
