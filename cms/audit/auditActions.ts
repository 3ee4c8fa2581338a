/** What the audit log records, as stable English keys with the Chinese labels the admin shows. */
export const auditActionLabels = {
  create: '新建',
  update: '修改',
  delete: '删除',
  publish: '发布',
  unpublish: '撤回发布',
  schedule: '定时发布或撤下',
  unschedule: '取消定时',
  submit: '提交审核',
  approve: '审核通过',
  return: '审核退回',
  login: '登录',
  logout: '退出登录',
  loginFailed: '登录失败',
  lockout: '账号锁定',
  roleChange: '角色变更',
  rebuild: '全部重建',
  import: '导入',
  backup: '备份',
  backupFailed: '备份失败',
} as const

export type AuditAction = keyof typeof auditActionLabels

export const auditActions = Object.keys(auditActionLabels) as AuditAction[]

/** Entries not about one collection's documents: sign-ins, backups, the whole site. */
export const systemTarget = { value: 'system', label: '系统' } as const

/** One changed field, before and after, as short text (never a secret). */
export interface FieldChange {
  field: string
  label?: string
  before?: string | null
  after?: string | null
}
