/** Editorial roles, weakest first. Contributors draft; editors publish; admins also run the site. */
export const roles = ['contributor', 'editor', 'admin'] as const
export type Role = (typeof roles)[number]

export const roleLabels: Record<Role, string> = {
  contributor: '投稿人',
  editor: '编辑',
  admin: '管理员',
}

interface UserWithRoles {
  roles?: readonly string[] | null
  collection?: string
}

/** True when the user holds any of the given roles. */
export function hasRole(user: UserWithRoles | null | undefined, ...wanted: Role[]): boolean {
  if (!user || user.collection !== 'users') return false
  return wanted.some((role) => user.roles?.includes(role))
}

/** Any signed-in contributor, editor or admin. */
export function isStaffUser(user: UserWithRoles | null | undefined): boolean {
  return hasRole(user, ...roles)
}

/** Editors and admins may publish, unpublish and delete. */
export function canPublish(user: UserWithRoles | null | undefined): boolean {
  return hasRole(user, 'editor', 'admin')
}
