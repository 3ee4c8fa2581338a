import type { CollectionConfig } from 'payload'
import { clcPattern } from '../../../shared/clc'
import { bookLocations, toOptions } from '../../../shared/vocabulary'
import { anyone } from '../../access/anyone'
import { isEditorOrAdmin } from '../../access/isEditorOrAdmin'
import { isStaff } from '../../access/isStaff'
import { editorialNoteField } from '../../fields/editorialNote'
import { imageField } from '../../fields/media'
import { slugField } from '../../fields/slug'
import { enqueueDocumentChange } from '../../hooks/enqueueDocumentChange'
import { enqueueDocumentDelete } from '../../hooks/enqueueDocumentDelete'
import { importEndpoint, importPreviewEndpoint } from '../../bookImport/importEndpoints'
import { deriveBookFields } from './hooks/deriveBookFields'
import { normalizeIsbnHook } from './hooks/normalizeIsbn'
import { validateIsbn } from './hooks/validateIsbn'

export const Books: CollectionConfig = {
  slug: 'books',
  labels: { singular: '图书', plural: '汇书房馆藏' },
  defaultSort: 'callNumber',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'authors', 'clc', 'callNumber', 'location', 'available', 'copies'],
    listSearchableFields: ['title', 'isbn', 'callNumber', 'publisher'],
    group: '汇书房',
    description: '汇书房与无人值守图书馆的馆藏目录。保存即公开，由编辑维护。',
    components: { beforeListTable: ['/cms/components/BookImport/ImportLink#ImportLink'] },
  },
  access: {
    read: anyone,
    readVersions: isStaff,
    create: isEditorOrAdmin,
    update: isEditorOrAdmin,
    delete: isEditorOrAdmin,
  },
  hooks: {
    beforeChange: [deriveBookFields],
    afterChange: [enqueueDocumentChange],
    afterDelete: [enqueueDocumentDelete],
  },
  endpoints: [importPreviewEndpoint, importEndpoint],
  fields: [
    { name: 'title', type: 'text', label: '书名', required: true },
    { name: 'subtitle', type: 'text', label: '副书名' },
    slugField(),
    {
      name: 'authors',
      type: 'text',
      hasMany: true,
      label: '责任者（作者、译者）',
      admin: { components: { Cell: '/cms/components/JoinedTextCell#JoinedTextCell' } },
    },
    {
      type: 'row',
      fields: [
        { name: 'publisher', type: 'text', label: '出版社' },
        { name: 'year', type: 'number', label: '出版年', min: 1800, max: 2100, index: true },
      ],
    },
    {
      name: 'isbn',
      type: 'text',
      label: 'ISBN',
      unique: true,
      index: true,
      admin: {
        description: '可不填（1987 年以前出版的图书通常没有 ISBN）。连字符和空格会被自动去除。',
      },
      hooks: { beforeValidate: [normalizeIsbnHook] },
      validate: validateIsbn,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'clc',
          type: 'text',
          label: '中图法分类号',
          required: true,
          index: true,
          admin: { placeholder: 'D26' },
          validate: (value: string | null | undefined) =>
            (typeof value === 'string' && clcPattern.test(value.trim())) ||
            '分类号格式不正确，应以大类字母开头，如 D26、K27、TP311。',
        },
        {
          name: 'callNumber',
          type: 'text',
          label: '索书号',
          index: true,
          admin: { placeholder: 'D26/12' },
        },
      ],
    },
    {
      name: 'clcClass',
      type: 'text',
      label: '中图法大类',
      index: true,
      admin: { readOnly: true, position: 'sidebar', description: '由分类号自动得出。' },
    },
    {
      name: 'subjects',
      type: 'text',
      hasMany: true,
      label: '主题词',
      admin: { components: { Cell: '/cms/components/JoinedTextCell#JoinedTextCell' } },
    },
    { name: 'summary', type: 'textarea', label: '内容简介' },
    imageField({ name: 'cover', label: '封面' }),
    {
      name: 'location',
      type: 'select',
      label: '馆藏地点',
      required: true,
      index: true,
      defaultValue: 'reading-room',
      options: toOptions(bookLocations),
      admin: { position: 'sidebar' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'copies',
          type: 'number',
          label: '复本数',
          required: true,
          min: 0,
          defaultValue: 1,
        },
        {
          name: 'available',
          type: 'number',
          label: '可借册数',
          required: true,
          min: 0,
          defaultValue: 1,
          validate: (
            value: number | null | undefined,
            { siblingData }: { siblingData: { copies?: number } },
          ) => value == null || value <= (siblingData?.copies ?? 0) || '可借册数不能多于复本数。',
        },
      ],
    },
    {
      name: 'inStock',
      type: 'checkbox',
      label: '可借',
      index: true,
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: '有可借册数时自动勾选，便于筛选。',
      },
    },
    editorialNoteField(),
  ],
}
