import type { Access } from 'payload'
import { hasRole } from './roles'

/** Any signed-in contributor, editor or admin. */
export const isStaff: Access = ({ req: { user } }) => hasRole(user, 'contributor', 'editor', 'admin')
