import type { CollectionBeforeOperationHook } from 'payload'
import { APIError } from 'payload'
import { hasRole } from '../../../access/roles'

export const onlyAdminsChangeRolesMessage = '只有管理员可以修改角色。'

const sameRoles = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((role) => b.includes(role))

/**
 * Field access silently drops a non-admin's `roles` (the save answers 200 and nothing changes);
 * an attempt to change them is refused outright instead. Unchanged roles, as the admin's
 * account form sends them, pass.
 */
export const refuseRoleChangesByNonAdmins: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'update' || !req.user || hasRole(req.user, 'admin')) return args
  const { data, id } = args as { data?: { roles?: unknown }; id?: number | string }
  if (!data || !('roles' in data) || data.roles === undefined) return args
  const wanted = Array.isArray(data.roles) ? data.roles.map(String) : [String(data.roles)]
  const current =
    id != null
      ? ((
          await req.payload.findByID({
            collection: 'users',
            id,
            depth: 0,
            overrideAccess: true,
            req,
            disableErrors: true,
          })
        )?.roles ?? [])
      : []
  if (id == null || !sameRoles(wanted, current))
    throw new APIError(onlyAdminsChangeRolesMessage, 403, null, true)
  return args
}
