import type { CollectionBeforeOperationHook, PayloadRequest, Where } from 'payload'
import { APIError } from 'payload'
import { canPublish, hasRole } from '../access/roles'

export const contributorMayNotPublishMessage =
  '投稿人只能保存草稿；发布、撤回发布和删除需由编辑或管理员操作。'
export const contributorMayNotRestoreMessage = '已发布内容的历史版本只能由编辑或管理员恢复。'

type Slug = 'news'

/** True when any document matching the filter is published (read past access: this is a guard). */
async function anyPublished(
  req: PayloadRequest,
  collection: Slug,
  filter: Where | null,
  extra?: string,
): Promise<boolean> {
  if (extra === 'published') return true
  const { totalDocs } = await req.payload.count({
    collection,
    where: { and: [{ _status: { equals: 'published' } }, ...(filter ? [filter] : [])] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/** The document a version belongs to, or null when the version does not exist (Payload then answers 404). */
async function versionParent(
  req: PayloadRequest,
  collection: Slug,
  versionId: number | string,
): Promise<number | string | null> {
  const { docs } = await req.payload.db.findVersions({
    collection,
    where: { id: { equals: versionId } },
    limit: 1,
    pagination: false,
    req,
  })
  const parent = docs[0]?.parent as number | string | { id: number | string } | undefined
  if (parent == null) return null
  return typeof parent === 'object' ? parent.id : parent
}

/**
 * Contributors write drafts only. Publishing is caught by update access; this catches the
 * rest: a non-draft save of a published document (which would change or unpublish it), and a
 * restored version of a published document (restoring a draft version unpublishes it).
 */
export const keepContributorsToDrafts: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
  collection,
}) => {
  const user = req.user
  const { data, draft, id, where } = args as {
    data?: { _status?: string }
    draft?: boolean
    id?: number | string
    where?: Where
  }
  if (!hasRole(user, 'contributor') || canPublish(user)) return args
  const slug = collection.slug as Slug

  if (operation === 'restoreVersion') {
    if (id == null) return args
    const parent = await versionParent(req, slug, id)
    if (parent != null && (await anyPublished(req, slug, { id: { equals: parent } }))) {
      throw new APIError(contributorMayNotRestoreMessage, 403, null, true)
    }
    return args
  }

  if (operation !== 'update' && operation !== 'updateByID') return args
  if (draft) {
    if (data?._status === 'published')
      throw new APIError(contributorMayNotPublishMessage, 403, null, true)
    return args
  }
  const filter = id != null ? { id: { in: [id] } } : (where ?? null)
  if (await anyPublished(req, slug, filter, data?._status)) {
    throw new APIError(contributorMayNotPublishMessage, 403, null, true)
  }
  return args
}
