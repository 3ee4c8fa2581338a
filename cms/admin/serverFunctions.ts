import type { ServerFunction } from 'payload'
import { APIError } from 'payload'
import { schedulePublishHandler } from '@payloadcms/ui/utilities/schedulePublishHandler'
import { canPublish } from '../access/roles'

export const onlyEditorsScheduleMessage = '定时发布和定时撤下只能由编辑或管理员设置或取消。'

/**
 * Payload's `schedule-publish` server function checks only that the caller may use the admin,
 * then queues the job, or deletes any scheduled job by `deleteID`, past access control. Scheduling
 * publishes and unpublishes, so it is editors' and admins' work, like publishing itself.
 */
const schedulePublishForEditors: ServerFunction = async (args) => {
  if (!canPublish(args.req.user)) throw new APIError(onlyEditorsScheduleMessage, 403, null, true)
  return schedulePublishHandler(args as Parameters<typeof schedulePublishHandler>[0])
}

/** Server functions that replace Payload's own (passed to handleServerFunctions by the admin layout). */
export const serverFunctions: Record<string, ServerFunction> = {
  'schedule-publish': schedulePublishForEditors,
}
