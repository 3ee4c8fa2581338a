import type { CollectionConfig } from 'payload'
import { anyone } from '../../access/anyone'
import { isEditorOrAdmin } from '../../access/isEditorOrAdmin'
import { isStaff } from '../../access/isStaff'
import { enqueueDocumentDelete } from '../../hooks/enqueueDocumentDelete'
import { mediaDir } from '../../settings'
import { mediaHeadersForType } from '../../../shared/siteFiles/contentTypes'
import { editorsOrMediaOnlyInDrafts } from './access/editorsOrMediaOnlyInDrafts'
import { allowedMediaTypes, allowedMediaTypesText } from './allowedTypes'
import { checkUpload } from './hooks/checkUpload'
import { enqueueUsedMediaChange } from './hooks/enqueueUsedMediaChange'
import { keepStoredNameTyped } from './hooks/keepStoredNameTyped'
import { readDuration } from './hooks/readDuration'

const webp = { format: 'webp' as const, options: { quality: 80 } }

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: '媒体文件', plural: '媒体库' },
  admin: {
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'mimeType', 'filesize', 'updatedAt'],
    group: '内容',
    description: `图片会自动生成缩略图、卡片图、横幅图和分享图（WebP，供网站按屏幕大小选用）。允许：${allowedMediaTypesText}；不接受 SVG。`,
  },
  access: { read: anyone, create: isStaff, update: editorsOrMediaOnlyInDrafts, delete: isEditorOrAdmin },
  hooks: { beforeOperation: [checkUpload], beforeChange: [keepStoredNameTyped, readDuration], afterChange: [enqueueUsedMediaChange], afterDelete: [enqueueDocumentDelete] },
  upload: {
    staticDir: mediaDir(),
    mimeTypes: Object.keys(allowedMediaTypes),
    focalPoint: true,
    // /api/media/file/…: Payload sniffs the type from the bytes; only allow-listed media types are
    // sent as such, with nosniff, anything else as a download.
    modifyResponseHeaders: ({ headers }) => {
      for (const [name, value] of Object.entries(mediaHeadersForType(headers.get('Content-Type') ?? ''))) headers.set(name, value)
      return headers
    },
    crop: true,
    adminThumbnail: 'thumbnail',
    // Pairs with one aspect ratio each (card 16:10, hero natural), so the site can offer srcset.
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 240, position: 'centre', withoutEnlargement: false, formatOptions: webp },
      { name: 'card', width: 640, height: 400, position: 'centre', withoutEnlargement: false, formatOptions: webp },
      { name: 'cardLarge', width: 1280, height: 800, position: 'centre', withoutEnlargement: false, formatOptions: webp },
      { name: 'heroSmall', width: 800, withoutEnlargement: true, formatOptions: webp },
      { name: 'hero', width: 1600, withoutEnlargement: true, formatOptions: webp },
      // Share cards need the exact size, so small images are enlarged for this one.
      { name: 'og', width: 1200, height: 630, position: 'centre', withoutEnlargement: false, formatOptions: webp },
    ],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: '替代文字',
      required: true,
      admin: { description: '为视障读者描述图片内容，例如“党员志愿者在楼宇大厅为群众办理业务”。' },
      validate: (value: string | null | undefined) =>
        (typeof value === 'string' && value.trim().length > 0) || '请填写替代文字（描述图片或文件内容）。',
    },
    { name: 'caption', type: 'text', label: '说明文字' },
    { name: 'credit', type: 'text', label: '来源/摄影' },
    {
      name: 'duration',
      type: 'number',
      label: '时长（秒）',
      // Read from the file on upload (hooks/readDuration); never typed.
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, position: 'sidebar', description: '上传音频或视频时自动读取。' },
    },
  ],
}
