import { APIError, type CollectionBeforeOperationHook, type CollectionConfig } from 'payload'
import { isAdmin } from '../../access/isAdmin'
import { nobody } from '../../access/nobody'
import { auditActionLabels, auditActions, systemTarget } from '../../audit/auditActions'

export const auditLogListView = '/cms/components/AuditLog/AuditLogView#AuditLogView'

export const auditLogIsAppendOnlyMessage =
  '操作日志只能由系统追加，任何人（包括管理员）都不能新建、修改或删除日志记录。'

/**
 * Access already refuses REST, GraphQL and the admin; this also refuses the Local API, with or
 * without a user and with `overrideAccess`. Entries are written by recordAudit through the
 * database adapter, which no operation reaches.
 */
const refuseChanges: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation === 'create' || operation === 'update' || operation === 'delete')
    throw new APIError(auditLogIsAppendOnlyMessage, 403, null, true)
  return args
}

/**
 * 操作日志: an append-only record of who did what and when (see cms/audit). Admins read it; no one
 * changes it. Indexed for the admin list's filters (person, collection, action, newest first).
 *
 * `targets` are the collections and globals it may name, with their labels for the filter.
 */
export function auditLogCollection(targets: { value: string; label: string }[]): CollectionConfig {
  return {
    slug: 'audit-log',
    labels: { singular: '操作日志', plural: '操作日志' },
    graphQL: { singularName: 'AuditLogEntry', pluralName: 'AuditLogEntries' },
    defaultSort: '-createdAt',
    // One per list filter, each newest first; and a document's own history.
    indexes: [
      { fields: ['action', 'createdAt'] },
      { fields: ['actor', 'createdAt'] },
      { fields: ['targetCollection', 'createdAt'] },
      { fields: ['targetCollection', 'documentId', 'createdAt'] },
    ],
    admin: {
      group: '系统',
      useAsTitle: 'summary',
      defaultColumns: [
        'createdAt',
        'actorName',
        'action',
        'targetCollection',
        'documentTitle',
        'summary',
      ],
      listSearchableFields: ['documentTitle', 'summary', 'actorName'],
      description:
        '谁在何时做了什么：内容的新建、修改、删除、发布、撤回和定时，审核决定，登录与退出，账号与角色变更，全部重建、导入和备份。只能追加，不能修改或删除。',
      pagination: { defaultLimit: 50 },
      // A read-only list with the log's own filters (Payload's list offers selecting and editing).
      components: { views: { list: { Component: auditLogListView } } },
    },
    access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
    lockDocuments: false,
    disableDuplicate: true,
    hooks: { beforeOperation: [refuseChanges] },
    fields: [
      {
        name: 'action',
        type: 'select',
        label: '操作',
        required: true,
        index: true,
        options: auditActions.map((value) => ({ value, label: auditActionLabels[value] })),
      },
      {
        name: 'actor',
        type: 'relationship',
        relationTo: 'users',
        label: '操作人账号',
        index: true,
      },
      {
        name: 'actorName',
        type: 'text',
        label: '操作人',
        admin: { description: '记录时的姓名和邮箱（账号删除后仍保留）。' },
      },
      {
        name: 'targetCollection',
        type: 'select',
        label: '对象类型',
        required: true,
        index: true,
        options: [...targets, systemTarget],
      },
      { name: 'documentId', type: 'text', label: '对象 ID', index: true },
      { name: 'documentTitle', type: 'text', label: '对象' },
      { name: 'summary', type: 'textarea', label: '摘要' },
      {
        name: 'changes',
        type: 'json',
        label: '修改前后',
        admin: {
          description:
            '每个改动的字段：field（字段）、before（修改前）、after（修改后）。不含密码等机密。',
        },
      },
      { name: 'clientAddress', type: 'text', label: '客户端地址' },
    ],
  }
}
