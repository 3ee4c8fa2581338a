import type { Access } from 'payload'
import { hasRole } from './roles'

/**
 * Staff read everything; the public reads only published documents. Returning a query
 * (not `true`) is what keeps drafts out of `?draft=true` and GraphQL `draft: true` reads too.
 */
export const publishedOrStaff: Access = ({ req: { user } }) => {
  if (hasRole(user, 'contributor', 'editor', 'admin')) return true
  return { _status: { equals: 'published' } }
}
