import type { CollectionBeforeOperationHook } from 'payload'
import { APIError } from 'payload'
import { fileTypeFromBuffer } from 'file-type'
import { mediaMaxBytes } from '../../../settings'
import { allowedMediaTypes, allowedMediaTypesText } from '../allowedTypes'

function refuse(message: string, status = 400): never {
  throw new APIError(message, status, null, true)
}

function looksLikeMarkup(head: Buffer): boolean {
  const text = head.subarray(0, 512).toString('utf8').trimStart().toLowerCase()
  return text.startsWith('<') || text.includes('<svg')
}

/**
 * Refuses a file whose bytes are not an allowed type (whatever its name or declared type says),
 * any SVG (it can carry script), and files over the size limit, with a message editors understand.
 */
export const checkUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args

  const limit = mediaMaxBytes()
  if (file.size > limit || (file as { truncated?: boolean }).truncated) {
    refuse(`文件过大：上限为 ${Math.round(limit / 1024 / 1024)} MB。`, 413)
  }
  const name = file.name ?? ''
  if (/\.svgz?$/i.test(name) || /svg/i.test(file.mimetype ?? '') || looksLikeMarkup(file.data)) {
    refuse('不支持 SVG 等矢量或网页文件（可能含有脚本）。请先转换为 PNG 或 JPEG 再上传。')
  }
  const detected = await fileTypeFromBuffer(file.data)
  if (!detected || !(detected.mime in allowedMediaTypes)) {
    refuse(`不支持的文件类型${detected ? `（${detected.ext}）` : ''}。允许上传：${allowedMediaTypesText}。`)
  }
  // Trust the sniffed type over the browser's guess.
  file.mimetype = detected.mime
  return args
}
