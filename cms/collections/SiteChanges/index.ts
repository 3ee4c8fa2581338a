import type { CollectionConfig } from 'payload'
import { isStaff } from '../../access/isStaff'
import { nobody } from '../../access/nobody'
import { rebuildEndpoint } from './rebuildEndpoint'

/**
 * The publisher's queue: one row per change that may alter the public site, written by hooks
 * with the change's `req` (`enqueueSiteChange`), read and removed by the publisher through the
 * Local API. Staff may read it (the 网站状态 panel counts it).
 */
export const SiteChanges: CollectionConfig = {
  slug: 'site-changes',
  labels: { singular: '待发布变更', plural: '待发布变更' },
  defaultSort: 'createdAt',
  // Not in the admin: the 网站状态 panel shows how many rows wait.
  admin: { hidden: true },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  lockDocuments: false,
  endpoints: [rebuildEndpoint],
  fields: [
    {
      name: 'kind',
      type: 'select',
      label: '类型',
      required: true,
      defaultValue: 'document',
      options: [
        { value: 'document', label: '内容变更' },
        { value: 'site', label: '网站设置变更' },
        { value: 'rebuild', label: '全部重建' },
      ],
    },
    // For `document` rows. Whether it was saved or deleted is not kept: the publisher reads the
    // document's public version either way (none when deleted or unpublished).
    { name: 'targetCollection', type: 'text', label: '所属集合' },
    { name: 'documentId', type: 'text', label: '文档 ID' },
  ],
}
