import type { CollectionConfig, FieldAccess } from 'payload'
import { isAdmin } from '../../access/isAdmin'
import { isAdminOrSelf } from '../../access/isAdminOrSelf'
import { hasRole, roleLabels, roles } from '../../access/roles'
import { endOtherSessions, enforcePasswordPolicy } from './hooks/enforcePasswordPolicy'
import {
  evenPasswordResets,
  keepEarlierResetLink,
  timePasswordReset,
} from './hooks/evenPasswordResets'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'
import { refuseRoleChangesByNonAdmins } from './hooks/refuseRoleChangesByNonAdmins'
import { forgiveSuccessfulLogin, hideAccountLocks, throttleLogins } from './hooks/throttleLogins'

const adminOnlyField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: '用户', plural: '用户' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles', 'updatedAt'],
    group: '系统',
    description:
      '后台账号。投稿人可撰写草稿；编辑可发布、撤回和删除；管理员另可管理账号与网站设置。',
  },
  auth: {
    // Above the per-address limit (5 failures in 15 min, hooks/throttleLogins): one address cannot lock an account.
    maxLoginAttempts: 10,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    // Payload's per-account interval writes outside the operation's transaction (a deadlock on the
    // serialised SQLite writer); hooks/evenPasswordResets keeps one email a minute per account instead.
    forgotPassword: { minRequestInterval: 0 },
  },
  access: {
    admin: ({ req: { user } }) => hasRole(user, 'contributor', 'editor', 'admin'),
    read: isAdminOrSelf,
    create: isAdmin,
    update: isAdminOrSelf,
    delete: isAdmin,
  },
  hooks: {
    beforeOperation: [
      throttleLogins,
      evenPasswordResets,
      enforcePasswordPolicy,
      refuseRoleChangesByNonAdmins,
    ],
    afterForgotPassword: [timePasswordReset],
    beforeChange: [makeFirstUserAdmin, keepEarlierResetLink],
    afterChange: [endOtherSessions],
    afterLogin: [forgiveSuccessfulLogin],
    afterError: [hideAccountLocks],
  },
  fields: [
    { name: 'name', type: 'text', label: '姓名', required: true },
    {
      // Not stored: checked by enforcePasswordPolicy when an account changes its own password.
      name: 'currentPassword',
      type: 'text',
      virtual: true,
      label: '当前密码',
      // Never echoed back in a response.
      hooks: { afterRead: [() => null] },
      admin: {
        description: '修改自己的密码时必填。',
        // Only on one's own account (the account view's form holds the email, not always the id).
        condition: (data, _siblingData, { operation, user }) =>
          operation === 'update' &&
          Boolean(user) &&
          (data?.id != null
            ? String(data.id) === String(user!.id)
            : String(data?.email ?? '').toLowerCase() === String(user!.email ?? '').toLowerCase()),
        components: { Field: '@payloadcms/ui#PasswordField' },
      },
    },
    {
      name: 'roles',
      type: 'select',
      label: '角色',
      hasMany: true,
      required: true,
      defaultValue: ['contributor'],
      saveToJWT: true,
      options: roles.map((value) => ({ value, label: roleLabels[value] })),
      access: { create: adminOnlyField, update: adminOnlyField },
      admin: { description: '只有管理员可以修改角色。' },
    },
  ],
}
