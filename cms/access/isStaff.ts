import type { Access } from 'payload'
import { isStaffUser } from './roles'

/** Any signed-in contributor, editor or admin. */
export const isStaff: Access = ({ req: { user } }) => isStaffUser(user)
