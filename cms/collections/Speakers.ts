import type { CollectionConfig } from 'payload'
import { anyone } from '../access/anyone'
import { isEditorOrAdmin } from '../access/isEditorOrAdmin'
import { isStaff } from '../access/isStaff'
import { imageField } from '../fields/media'
import { slugField } from '../fields/slug'
import { enqueueDocumentChange } from '../hooks/enqueueDocumentChange'
import { enqueueDocumentDelete } from '../hooks/enqueueDocumentDelete'

export const Speakers: CollectionConfig = {
  slug: 'speakers',
  labels: { singular: '主讲人', plural: '主讲人' },
  defaultSort: 'name',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'title', 'updatedAt'],
    group: '红领讲堂',
    description: '讲座的主讲人。无草稿流程，保存即公开，因此由编辑维护。',
  },
  access: {
    read: anyone,
    readVersions: isStaff,
    create: isEditorOrAdmin,
    update: isEditorOrAdmin,
    delete: isEditorOrAdmin,
  },
  hooks: { afterChange: [enqueueDocumentChange], afterDelete: [enqueueDocumentDelete] },
  fields: [
    { name: 'name', type: 'text', label: '姓名', required: true },
    slugField('name'),
    {
      name: 'title',
      type: 'text',
      label: '职务/单位',
      admin: { description: '如：省委党校教授。' },
    },
    imageField({ name: 'photo', label: '照片' }),
    { name: 'bio', type: 'textarea', label: '简介' },
  ],
}
