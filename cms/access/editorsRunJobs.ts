import { canPublish } from './roles'

/** Jobs publish and unpublish: queueing, running or cancelling them is editors' and admins' work. */
export const editorsRunJobs = ({ req }: { req: { user?: unknown } }): boolean =>
  canPublish(req.user as never)
