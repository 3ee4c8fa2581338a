import type { CollectionSlug, ServerFunction } from 'payload'
import { APIError } from 'payload'
import { schedulePublishHandler } from '@payloadcms/ui/utilities/schedulePublishHandler'
import { canPublish } from '../access/roles'
import { recordAudit } from '../audit/recordAudit'
import { assertMayBePublished } from '../review/assertMayBePublished'

export const onlyEditorsScheduleMessage = '定时发布和定时撤下只能由编辑或管理员设置或取消。'

type ScheduleArgs = Parameters<typeof schedulePublishHandler>[0]

/**
 * Payload's `schedule-publish` server function checks only that the caller may use the admin,
 * then queues the job, or deletes any scheduled job by `deleteID`, past access control. Scheduling
 * publishes and unpublishes, so it is editors' and admins' work, like publishing itself. A publish
 * is scheduled only for content that may be published (review; the job checks again when it
 * runs), and every schedule and cancellation is recorded in the audit log.
 */
const schedulePublishForEditors: ServerFunction = async (args) => {
  const { req, type, date, deleteID, doc } = args as ScheduleArgs
  if (!canPublish(req.user)) throw new APIError(onlyEditorsScheduleMessage, 403, null, true)
  if (type === 'publish' && doc && !deleteID)
    await assertMayBePublished(req, doc.relationTo as CollectionSlug, doc.value)
  const result = (await schedulePublishHandler(args as ScheduleArgs)) as
    { error?: string } | undefined
  if (result?.error) return result
  const target = doc ? { targetCollection: doc.relationTo, documentId: doc.value } : {}
  if (deleteID)
    await recordAudit(req, { action: 'unschedule', ...target, summary: `取消定时任务 ${deleteID}` })
  if (date && type)
    await recordAudit(req, {
      action: 'schedule',
      ...target,
      summary: `${type === 'unpublish' ? '定时撤下' : '定时发布'}：${new Date(date).toISOString()}`,
    })
  return result
}

/** Server functions that replace Payload's own (passed to handleServerFunctions by the admin layout). */
export const serverFunctions: Record<string, ServerFunction> = {
  'schedule-publish': schedulePublishForEditors,
}
