import type { GeneratePreviewURL } from 'payload'
import { signPreviewUrl } from '../../shared/previewLink'
import { isStaffUser } from '../access/roles'
import { payloadSecret, siteUrl } from '../settings'

/**
 * The admin's 预览 button: a signed link (30 minutes) to the public site's preview of this
 * document, drafts included. Payload builds it on the server for the signed-in editor; anyone
 * else gets no link.
 */
export const draftPreview =
  (collection: string): GeneratePreviewURL =>
  (doc, { req }) => {
    if (!isStaffUser(req.user) || doc.id == null) return null
    return signPreviewUrl(siteUrl(), collection, doc.id as number | string, payloadSecret())
  }
