import type { GlobalConfig } from 'payload'
import { isStaff } from '../access/isStaff'
import { nobody } from '../access/nobody'

/**
 * What the publisher (the process that keeps the public site current) is doing and last did.
 * Written only by the publisher through the Local API (`overrideAccess`); read by staff, shown
 * in the 网站状态 panel, which replaces this global's edit view.
 */
export const SiteStatus: GlobalConfig = {
  slug: 'site-status',
  label: '网站状态',
  admin: {
    group: '系统',
    description:
      '公开网站的发布情况：上次更新、全量构建、正在进行的任务和最近一次失败；以及上次备份。',
    components: {
      views: {
        edit: { root: { Component: '/cms/components/SiteStatus/SiteStatusView#SiteStatusView' } },
      },
    },
  },
  access: { read: isStaff, update: nobody },
  lockDocuments: false,
  fields: [
    {
      name: 'lastUpdate',
      type: 'group',
      label: '上次更新',
      fields: [
        { name: 'at', type: 'date', label: '完成时间' },
        { name: 'durationMs', type: 'number', label: '用时（毫秒）' },
        { name: 'pages', type: 'number', label: '写入或删除的页面数' },
        { name: 'changes', type: 'number', label: '处理的变更数' },
      ],
    },
    {
      name: 'lastFullBuild',
      type: 'group',
      label: '上次全量构建',
      fields: [
        { name: 'at', type: 'date', label: '完成时间' },
        { name: 'durationMs', type: 'number', label: '用时（毫秒）' },
        { name: 'pages', type: 'number', label: '页面数' },
        { name: 'reason', type: 'text', label: '原因' },
      ],
    },
    {
      name: 'working',
      type: 'group',
      label: '正在进行',
      fields: [
        { name: 'task', type: 'text', label: '任务' },
        { name: 'since', type: 'date', label: '开始时间' },
      ],
    },
    {
      name: 'lastError',
      type: 'group',
      label: '最近一次失败',
      fields: [
        { name: 'at', type: 'date', label: '时间' },
        { name: 'message', type: 'textarea', label: '错误信息' },
      ],
    },
    {
      // Written by `npm run backup` (scheduled or by hand), not by the publisher.
      name: 'lastBackup',
      type: 'group',
      label: '上次备份',
      fields: [
        { name: 'at', type: 'date', label: '完成时间' },
        { name: 'file', type: 'text', label: '备份文件' },
        { name: 'bytes', type: 'number', label: '大小（字节）' },
        { name: 'durationMs', type: 'number', label: '用时（毫秒）' },
        { name: 'failedAt', type: 'date', label: '最近一次失败时间' },
        { name: 'error', type: 'textarea', label: '失败原因' },
      ],
    },
  ],
}
