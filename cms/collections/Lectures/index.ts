import type { CollectionConfig } from 'payload'
import { parseTimestamp } from '../../../shared/dates'
import { lectureSeries, toOptions } from '../../../shared/vocabulary'
import { editorialNoteField } from '../../fields/editorialNote'
import { imageField } from '../../fields/media'
import { slugField } from '../../fields/slug'
import { tagsField } from '../../fields/tags'
import { draftPreview } from '../draftPreview'
import { publishableAccess, publishableHooks, publishableVersions } from '../publishable'
import { checkTranscriptTimes, normaliseCaptionsField } from './hooks/checkTimedText'
import { validateChapters } from './validateChapters'

export const Lectures: CollectionConfig = {
  slug: 'lectures',
  labels: { singular: '讲座', plural: '讲座' },
  defaultSort: '-date',
  // The public archive: published lectures, newest first.
  indexes: [{ fields: ['_status', 'date', 'createdAt'] }],
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'series', 'episode', 'speaker', 'date', '_status'],
    listSearchableFields: ['title', 'summary', 'slug'],
    group: '红领讲堂',
    description: '红领讲堂等系列讲座的录音录像、章节与文字稿。',
    preview: draftPreview('lectures'),
  },
  access: publishableAccess,
  versions: publishableVersions,
  hooks: publishableHooks,
  fields: [
    { name: 'title', type: 'text', label: '讲座题目', required: true },
    slugField(),
    {
      type: 'row',
      fields: [
        {
          name: 'series',
          type: 'select',
          label: '系列',
          required: true,
          index: true,
          options: toOptions(lectureSeries),
        },
        {
          name: 'episode',
          type: 'number',
          label: '讲次（第N讲）',
          min: 1,
          admin: { description: '填数字，如 28 表示第28讲。' },
        },
      ],
    },
    { name: 'speaker', type: 'relationship', relationTo: 'speakers', label: '主讲人', index: true },
    {
      type: 'row',
      fields: [
        {
          name: 'date',
          type: 'date',
          label: '讲座日期',
          required: true,
          index: true,
          admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy年M月d日 HH:mm' } },
        },
        { name: 'durationMinutes', type: 'number', label: '时长（分钟）', min: 1, max: 600 },
      ],
    },
    {
      name: 'recording',
      type: 'upload',
      relationTo: 'media',
      label: '录音/录像',
      filterOptions: {
        or: [{ mimeType: { contains: 'audio' } }, { mimeType: { contains: 'video' } }],
      },
      admin: { description: '上传 MP3、M4A、MP4 或 WebM；如视频在外部平台，填写下方链接。' },
    },
    {
      name: 'videoUrl',
      type: 'text',
      label: '外部视频链接',
      admin: { description: '如视频号、学习强国等平台的 https 链接。' },
      validate: (value: string | null | undefined) => {
        if (!value) return true
        try {
          return new URL(value).protocol === 'https:' || '请填写以 https:// 开头的链接。'
        } catch {
          return '链接格式不正确。'
        }
      },
    },
    imageField({ name: 'poster', label: '海报/封面' }),
    { name: 'summary', type: 'textarea', label: '内容简介' },
    {
      name: 'chapters',
      type: 'array',
      label: '章节',
      labels: { singular: '章节', plural: '章节' },
      validate: validateChapters as never,
      admin: { description: '观众点击章节可跳转到对应时间。', initCollapsed: true },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'start',
              type: 'text',
              label: '开始时间',
              required: true,
              admin: { width: '30%', placeholder: '12:30' },
              validate: (value: string | null | undefined) =>
                (value != null && parseTimestamp(value) !== null) ||
                '格式应为“分:秒”或“时:分:秒”，如 12:30。',
            },
            { name: 'title', type: 'text', label: '章节标题', required: true },
          ],
        },
      ],
    },
    {
      name: 'transcript',
      type: 'textarea',
      label: '文字稿',
      hooks: { beforeValidate: [checkTranscriptTimes] },
      admin: {
        rows: 16,
        description:
          '在段首写 [分:秒]（如 [12:30]）标出时间，网站上点击该段即可跳到录音相应位置；不写时间则按普通文字显示。',
      },
    },
    {
      name: 'captions',
      type: 'textarea',
      label: '字幕',
      hooks: { beforeValidate: [normaliseCaptionsField] },
      admin: {
        components: { Field: '/cms/components/CaptionsField#CaptionsField' },
        description:
          '上传 WebVTT（.vtt）或 SRT（.srt）字幕文件；SRT 保存时自动转换为 WebVTT。时间格式有误时会指出行号。没有带时间的文字稿时，网站按字幕生成可跳转的文字稿。',
      },
    },
    {
      name: 'attachments',
      type: 'upload',
      relationTo: 'media',
      hasMany: true,
      label: '附件',
      admin: { description: '如讲稿 PDF、课件。' },
    },
    tagsField(),
    editorialNoteField(),
  ],
}
