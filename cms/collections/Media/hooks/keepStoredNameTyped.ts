import type { CollectionBeforeChangeHook } from 'payload'
import { extensionOf, extensionOfMediaType } from '../../../../shared/siteFiles/contentTypes'
import { refuse } from './checkUpload'

/**
 * The last check before a media row is written: its file name ends in the extension of its
 * (sniffed) type, whatever path the file took (upload, copy, crop, duplicate). The site and the
 * servers type a file by that extension.
 */
export const keepStoredNameTyped: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const filename = data.filename ?? originalDoc?.filename
  const mimeType = data.mimeType ?? originalDoc?.mimeType
  if (typeof filename !== 'string' || filename === originalDoc?.filename) return data
  const expected = extensionOfMediaType[String(mimeType)]
  if (!expected || extensionOf(filename) !== expected) {
    refuse(`文件名与文件类型不符（${filename}）：请重新上传原始文件。`)
  }
  return data
}
