import type { CollectionConfig } from 'payload'
import { editorialNoteField } from '../../fields/editorialNote'
import { imageField } from '../../fields/media'
import { slugField } from '../../fields/slug'
import { draftPreview } from '../draftPreview'
import { publishableAccess, publishableHooks, publishableVersions } from '../publishable'
import { resolveSection } from './hooks/resolveSection'

export const Exhibits: CollectionConfig = {
  slug: 'exhibits',
  labels: { singular: '展品', plural: '展品' },
  defaultSort: 'order',
  // Walking an exhibition in order.
  indexes: [{ fields: ['exhibition', 'order'] }],
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'exhibition', 'year', 'order', '_status'],
    listSearchableFields: ['title', 'caption', 'slug'],
    group: '百年党史展',
    description: '展品按“排序”在展区内依次陈列；“年份”用于时间轴。',
    preview: draftPreview('exhibits'),
  },
  access: publishableAccess,
  versions: publishableVersions,
  hooks: { ...publishableHooks, beforeValidate: [resolveSection] },
  fields: [
    { name: 'title', type: 'text', label: '展品名称', required: true },
    slugField(),
    {
      name: 'exhibition',
      type: 'relationship',
      relationTo: 'exhibitions',
      label: '所属展览',
      required: true,
      index: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'section',
      type: 'text',
      label: '所属展区',
      required: true,
      index: true,
      admin: {
        position: 'sidebar',
        description: '先选择展览，再选择展区。',
        components: { Field: '/cms/components/SectionSelect#SectionSelect' },
      },
    },
    {
      name: 'year',
      type: 'number',
      label: '年份',
      required: true,
      index: true,
      min: 1840,
      max: 2100,
      admin: { position: 'sidebar', description: '时间轴按年份排列，如 1921。' },
    },
    {
      name: 'date',
      type: 'date',
      label: '具体日期',
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy年M月d日' },
        description: '可选，如 1921年7月23日。',
      },
    },
    {
      name: 'order',
      type: 'number',
      label: '排序',
      index: true,
      defaultValue: 0,
      admin: { position: 'sidebar', description: '展区内的陈列顺序，数字小的在前。' },
    },
    {
      name: 'caption',
      type: 'text',
      label: '展品说明',
      admin: { description: '一句话说明，显示在展品下方。' },
    },
    {
      name: 'images',
      type: 'array',
      label: '图片',
      labels: { singular: '图片', plural: '图片' },
      fields: [
        imageField({ name: 'image', label: '图片', required: true }),
        { name: 'caption', type: 'text', label: '图注' },
      ],
    },
    { name: 'body', type: 'richText', label: '详细介绍' },
    editorialNoteField(),
  ],
}
