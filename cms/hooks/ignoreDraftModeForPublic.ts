import type { CollectionBeforeOperationHook } from 'payload'
import { isStaffUser } from '../access/roles'

/**
 * A visitor's `?draft=true` (or GraphQL `draft: true`) is read as a normal request: the public
 * gets the published version, exactly as without the flag. Access rules already hide drafts;
 * this keeps the answer the same instead of empty.
 */
export const ignoreDraftModeForPublic: CollectionBeforeOperationHook = ({
  args,
  operation,
  req,
}) => {
  const { draft, overrideAccess } = args as { draft?: boolean; overrideAccess?: boolean }
  if (operation !== 'read' || !draft || overrideAccess) return args
  if (isStaffUser(req.user)) return args
  return { ...args, draft: false }
}
