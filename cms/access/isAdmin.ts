import type { Access } from 'payload'
import { hasRole } from './roles'

/** Admins only: users and site settings. */
export const isAdmin: Access = ({ req: { user } }) => hasRole(user, 'admin')
