import type { CollectionBeforeChangeHook } from 'payload'

/** The account created on an empty system (Payload's 创建首个用户 screen) runs it, so it is an admin. */
export const makeFirstUserAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
  if (totalDocs === 0) data.roles = ['admin']
  return data
}
