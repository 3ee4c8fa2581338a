import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Signed links to the public site's draft preview, `/__preview/<collection>/<id>/?expires=…&signature=…`.
 * The CMS signs them for staff (the admin's 预览 button); the site checks them before showing a draft.
 * The signature is HMAC-SHA256, keyed with the CMS secret, over `<collection>/<id>/<expires>`.
 */

/** How long a preview link works, in seconds. */
export const previewLifetimeSeconds = 30 * 60

/** The preview page of one document on the public site: `/__preview/news/42/`. */
export function previewPath(collection: string, id: number | string): string {
  return `/__preview/${encodeURIComponent(collection)}/${encodeURIComponent(String(id))}/`
}

function sign(collection: string, id: string, expires: number, secret: string): string {
  return createHmac('sha256', secret).update(`${collection}/${id}/${expires}`).digest('hex')
}

/** The absolute preview URL, valid for `previewLifetimeSeconds` from `nowMs`. */
export function signPreviewUrl(
  siteUrl: string,
  collection: string,
  id: number | string,
  secret: string,
  nowMs = Date.now(),
): string {
  const expires = Math.floor(nowMs / 1000) + previewLifetimeSeconds
  const query = new URLSearchParams({
    expires: String(expires),
    signature: sign(collection, String(id), expires, secret),
  })
  return `${siteUrl.replace(/\/+$/, '')}${previewPath(collection, id)}?${query}`
}

export interface PreviewRequest {
  collection: string
  id: number | string
  /** Unix seconds, as in the link's `expires` parameter. */
  expires: number | string | null | undefined
  /** Hex, as in the link's `signature` parameter. */
  signature: string | null | undefined
}

/** True when the link was signed with `secret` for this document and has not expired. */
export function verifyPreview(
  { collection, id, expires, signature }: PreviewRequest,
  secret: string,
  nowMs = Date.now(),
): boolean {
  const expiresText = String(expires ?? '')
  if (
    !/^\d{1,12}$/.test(expiresText) ||
    typeof signature !== 'string' ||
    !/^[0-9a-f]{64}$/i.test(signature)
  )
    return false
  const expiresAt = Number(expiresText)
  if (expiresAt * 1000 <= nowMs) return false
  const expected = Buffer.from(sign(collection, String(id), expiresAt, secret), 'hex')
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'))
}

/**
 * A draft's media on the preview page: `/__preview/media/<file>?expires=…&signature=…`, signed
 * over `__media/<file>/<expires>` (no collection slug can be `__media`) when the page is rendered, so the preview serves only the files a
 * signed page showed, and only while its link is valid.
 */
const mediaScope = '__media'

export function signPreviewMediaQuery(file: string, expires: number, secret: string): string {
  return new URLSearchParams({
    expires: String(expires),
    signature: sign(mediaScope, file, expires, secret),
  }).toString()
}

/** True when a preview media URL was signed with `secret` for this file and has not expired. */
export function verifyPreviewMedia(
  file: string,
  expires: string | null,
  signature: string | null,
  secret: string,
  nowMs = Date.now(),
): boolean {
  return verifyPreview({ collection: mediaScope, id: file, expires, signature }, secret, nowMs)
}
