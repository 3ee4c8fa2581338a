import type { CollectionConfig } from 'payload'
import { newsCategories, toOptions } from '../../../shared/vocabulary'
import { editorialNoteField } from '../../fields/editorialNote'
import { imageField } from '../../fields/media'
import { richTextHasContent } from '../../fields/richTextHasContent'
import { slugField } from '../../fields/slug'
import { tagsField } from '../../fields/tags'
import { stampPublishedAt } from '../../hooks/stampPublishedAt'
import { draftPreview } from '../draftPreview'
import { publishableAccess, publishableHooks, publishableVersions } from '../publishable'

export const News: CollectionConfig = {
  slug: 'news',
  labels: { singular: '活动新闻', plural: '活动新闻' },
  // `news` is its own plural: give GraphQL distinct names.
  graphQL: { singularName: 'NewsItem', pluralName: 'NewsItems' },
  defaultSort: '-publishedAt',
  // The public list: published items, newest first.
  indexes: [{ fields: ['_status', 'publishedAt', 'createdAt'] }],
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'category', 'publishedAt', '_status', 'updatedAt'],
    listSearchableFields: ['title', 'summary', 'slug'],
    group: '内容',
    description: '楼宇党建活动新闻。标题、分类以及摘要或正文（至少其一）填写完整后才能发布。',
    preview: draftPreview('news'),
  },
  access: publishableAccess,
  versions: publishableVersions,
  hooks: {
    ...publishableHooks,
    beforeChange: [...publishableHooks.beforeChange, stampPublishedAt],
  },
  fields: [
    { name: 'title', type: 'text', label: '标题', required: true, maxLength: 120 },
    slugField(),
    {
      name: 'summary',
      type: 'textarea',
      label: '摘要',
      maxLength: 300,
      admin: { description: '列表和分享时显示，建议 60–120 字。' },
      validate: (
        value: string | null | undefined,
        { siblingData }: { siblingData: Record<string, unknown> },
      ) =>
        Boolean(value?.trim()) ||
        richTextHasContent(siblingData?.body) ||
        '发布前请至少填写摘要或正文。',
    },
    imageField({ name: 'cover', label: '封面图', description: '可不填，网站会显示默认封面。' }),
    { name: 'body', type: 'richText', label: '正文' },
    {
      name: 'category',
      type: 'select',
      label: '分类',
      required: true,
      index: true,
      options: toOptions(newsCategories),
      admin: { position: 'sidebar' },
    },
    tagsField(),
    {
      name: 'publishedAt',
      type: 'date',
      label: '发布时间',
      index: true,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy年M月d日 HH:mm' },
        description: '留空则取首次发布的时间。',
      },
    },
    editorialNoteField(),
  ],
}
