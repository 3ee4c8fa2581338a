import type { CollectionBeforeOperationHook } from 'payload'

/**
 * A duplicate starts as a draft (of the latest draft), whoever makes it: a copy of a live page
 * must not go live by itself, and a contributor may duplicate a published item to start from.
 */
export const duplicateAsDraft: CollectionBeforeOperationHook = ({ args, operation }) => {
  const { duplicateFromID } = args as { duplicateFromID?: number | string }
  if (operation !== 'create' || duplicateFromID == null) return args
  return { ...args, draft: true, data: { ...(args as { data?: object }).data, _status: 'draft' } }
}
