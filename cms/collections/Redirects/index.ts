import type { CollectionConfig } from 'payload'
import { isEditorOrAdmin } from '../../access/isEditorOrAdmin'
import { isStaff } from '../../access/isStaff'
import { enqueueDocumentChange } from '../../hooks/enqueueDocumentChange'
import { enqueueDocumentDelete } from '../../hooks/enqueueDocumentDelete'
import { checkRedirect } from './hooks/checkRedirect'
import { collapseChainsInto } from './hooks/collapseChainsInto'
import { pageCollections } from './pagePaths'

/**
 * 网址跳转: old addresses of the public site answered with 301 to where their content is now.
 * Rows are made by the CMS when a published page's address changes (`origin: auto`, see
 * automaticRedirects.ts) and by editors by hand. The field shape is that of Payload's
 * `@payloadcms/plugin-redirects` (`from`, `to.type`, `to.reference`, `to.url`); why the plugin
 * itself is not used: README, 网址跳转.
 */
export const Redirects: CollectionConfig = {
  slug: 'redirects',
  labels: { singular: '网址跳转', plural: '网址跳转' },
  defaultSort: 'from',
  admin: {
    useAsTitle: 'from',
    defaultColumns: ['from', 'to.type', 'origin', 'updatedAt'],
    group: '系统',
    description:
      '旧网址以 301 跳转到新位置。修改已发布内容的网址别名时自动生成；也可手工添加（来源必须是本站路径，目标可以是站内内容、本站路径或 https:// 外部网址）。',
  },
  // Staff only through the API: the site gets them through the export (cms/export/exportRedirects.ts).
  access: {
    read: isStaff,
    create: isEditorOrAdmin,
    update: isEditorOrAdmin,
    delete: isEditorOrAdmin,
  },
  hooks: {
    beforeChange: [checkRedirect],
    afterChange: [collapseChainsInto, enqueueDocumentChange],
    afterDelete: [enqueueDocumentDelete],
  },
  fields: [
    {
      name: 'from',
      type: 'text',
      label: '旧网址',
      required: true,
      unique: true,
      index: true,
      admin: {
        description:
          '本站路径，如 /news/old-slug/（也可粘贴本站完整网址）。不能是正在发布的页面：页面优先。',
      },
    },
    {
      name: 'to',
      type: 'group',
      label: '跳转到',
      fields: [
        {
          name: 'type',
          type: 'radio',
          label: '目标类型',
          required: true,
          defaultValue: 'reference',
          admin: { layout: 'horizontal' },
          options: [
            { label: '站内内容（随网址别名变化）', value: 'reference' },
            { label: '网址', value: 'custom' },
          ],
        },
        {
          name: 'reference',
          type: 'relationship',
          label: '内容',
          relationTo: [...pageCollections],
          admin: {
            condition: (_, siblingData) => siblingData?.type === 'reference',
            description: '跳转到该内容当前的页面；内容撤销发布或删除后，旧网址回到 404。',
          },
        },
        {
          name: 'url',
          type: 'text',
          label: '网址',
          admin: {
            condition: (_, siblingData) => siblingData?.type === 'custom',
            description: '本站路径（如 /news/、/search/?q=党史）或 https:// 开头的外部网址。',
          },
        },
      ],
    },
    {
      name: 'origin',
      type: 'select',
      label: '来源',
      required: true,
      defaultValue: 'manual',
      options: [
        { label: '自动（修改网址别名时生成）', value: 'auto' },
        { label: '手工添加', value: 'manual' },
      ],
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}
