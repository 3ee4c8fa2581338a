import type { CollectionConfig } from 'payload'
import { editorialNoteField } from '../../fields/editorialNote'
import { imageField } from '../../fields/media'
import { slugField } from '../../fields/slug'
import { draftPreview } from '../draftPreview'
import { publishableAccess, publishableHooks, publishableVersions } from '../publishable'

export const Exhibitions: CollectionConfig = {
  slug: 'exhibitions',
  labels: { singular: '展览', plural: '展览' },
  defaultSort: '-openedAt',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'venue', 'openedAt', '_status'],
    group: '百年党史展',
    description: '展览及其展区（按顺序排列）。展品在“展品”中维护。',
    preview: draftPreview('exhibitions'),
  },
  access: publishableAccess,
  versions: publishableVersions,
  hooks: publishableHooks,
  fields: [
    { name: 'title', type: 'text', label: '展览名称', required: true },
    slugField(),
    { name: 'intro', type: 'textarea', label: '展览简介' },
    imageField({ name: 'cover', label: '封面图' }),
    { name: 'venue', type: 'text', label: '展览地点' },
    {
      name: 'openedAt',
      type: 'date',
      label: '开展日期',
      admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy年M月d日' } },
    },
    {
      name: 'sections',
      type: 'array',
      label: '展区',
      labels: { singular: '展区', plural: '展区' },
      admin: { description: '拖动调整顺序；参观路线按此顺序进行。', initCollapsed: true },
      fields: [
        { name: 'title', type: 'text', label: '展区名称', required: true },
        { name: 'intro', type: 'textarea', label: '展区导语' },
      ],
    },
    editorialNoteField(),
  ],
}
