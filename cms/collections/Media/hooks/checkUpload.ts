import type { CollectionBeforeOperationHook } from 'payload'
import { APIError } from 'payload'
import { fileTypeFromBuffer } from 'file-type'
import { uploadFileName } from '../../../../shared/siteFiles/mediaNames'
import { mediaMaxBytes } from '../../../settings'
import { allowedMediaTypes, allowedMediaTypesText } from '../allowedTypes'
import { findForeignContent } from '../upload/findForeignContent'
import { reencodeImage } from '../upload/reencodeImage'

/**
 * With `data`, Payload's REST answer carries the message in production too (without it, a
 * minified build loses the error's name and answers "An unknown error occurred.").
 */
export function refuse(message: string, status = 400): never {
  throw new APIError(message, status, { errors: [{ path: 'file', message }] }, true)
}

/**
 * Every upload, new or replacing a file: refused unless its bytes are an allowed type (whatever
 * its name or declared type says) with nothing foreign inside (markup, script, a PDF action) and
 * within the size limit; images are then re-encoded by sharp, so only their pixels survive. The
 * stored name is the uploader's, cleaned, with the sniffed type's extension (`x.png.html` →
 * `x-png.png`), so no upload is ever served by its name as a page.
 */
export const checkUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) {
    // `{ filename, url }` makes Payload copy a file from a URL or from the media folder itself,
    // past every check here: uploads come as files (the admin's "paste URL" fetches in the browser).
    const submitted = (req.data ?? {}) as { url?: unknown; filename?: unknown }
    if (operation === 'create' && (typeof submitted.url === 'string' || typeof submitted.filename === 'string')) {
      refuse('请直接上传文件：不支持通过网址或文件名引用已有文件。')
    }
    return args
  }

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
  const foreign = findForeignContent(file.data, detected.mime)
  if (foreign) refuse(`文件内含有不属于${allowedMediaTypes[detected.mime as keyof typeof allowedMediaTypes]}的内容（${foreign}），可能是伪装的网页或脚本，已拒绝。请用原始文件重新导出后再上传。`)

  if (detected.mime.startsWith('image/')) {
    let data: Buffer
    try {
      data = await reencodeImage(file.data, detected.mime)
    } catch {
      refuse('图片无法解码，可能已损坏或不完整。请重新导出后再上传。')
    }
    file.data = data
    file.size = data.length
  }
  // Trust the sniffed type over the browser's guess, and name the file by it.
  file.mimetype = detected.mime
  file.name = uploadFileName(name, detected.mime)
  return args
}

function looksLikeMarkup(head: Buffer): boolean {
  const text = head.subarray(0, 512).toString('utf8').trimStart().toLowerCase()
  return text.startsWith('<') || text.includes('<svg')
}
