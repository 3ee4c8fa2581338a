import type { Access } from 'payload'
import { isStaffUser } from './roles'

/**
 * Staff read everything; the public reads only published documents. Returning a query
 * (not `true`) is what keeps drafts out of `?draft=true` and GraphQL `draft: true` reads too.
 */
export const publishedOrStaff: Access = ({ req: { user } }) => {
  if (isStaffUser(user)) return true
  return { _status: { equals: 'published' } }
}
