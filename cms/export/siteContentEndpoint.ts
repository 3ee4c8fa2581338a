import crypto from 'node:crypto'
import type { Endpoint, PayloadRequest } from 'payload'
import { isStaffUser } from '../access/roles'
import { siteBuildToken } from '../settings'
import { exportSiteContent } from './exportSiteContent'

export const siteContentRefusedMessage =
  '内容导出仅供网站构建使用：请提供网站构建密钥（SITE_BUILD_TOKEN），或以后台账号登录。'

/** True for a request carrying `Authorization: Bearer <SITE_BUILD_TOKEN>` (compared in constant time). */
function hasSiteBuildToken(req: PayloadRequest): boolean {
  const expected = siteBuildToken()
  const given = /^Bearer\s+(.+)$/i.exec(req.headers.get('authorization') ?? '')?.[1]?.trim()
  if (!expected || !given) return false
  const a = crypto.createHash('sha256').update(given).digest()
  const b = crypto.createHash('sha256').update(expected).digest()
  return crypto.timingSafeEqual(a, b)
}

/** The export as JSON, written one entry at a time so a large corpus never exists as one string. */
function streamJson(content: object): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  function* pieces(): Generator<string> {
    let first = true
    yield '{'
    for (const [key, value] of Object.entries(content)) {
      yield `${first ? '' : ','}${JSON.stringify(key)}:`
      first = false
      if (Array.isArray(value)) {
        yield '['
        for (let index = 0; index < value.length; index++)
          yield (index ? ',' : '') + JSON.stringify(value[index])
        yield ']'
      } else yield JSON.stringify(value) ?? 'null'
    }
    yield '}'
  }
  const iterator = pieces()
  return new ReadableStream({
    pull(controller) {
      // A few hundred entries per pull: small chunks without a promise per entry.
      let batch = ''
      for (let next = iterator.next(); ; next = iterator.next()) {
        if (next.done) {
          if (batch) controller.enqueue(encoder.encode(batch))
          controller.close()
          return
        }
        batch += next.value
        if (batch.length > 64 * 1024) break
      }
      controller.enqueue(encoder.encode(batch))
    },
  })
}

/**
 * `GET /api/site-content`: the published-content export, for a site build that runs apart from
 * the CMS (`CMS_URL`). It holds only what visitors may read, but it is large (38 MB on the
 * reference corpus) and costly to make, so only the site build (bearer `SITE_BUILD_TOKEN`) and
 * signed-in staff may ask for it.
 */
export const siteContentEndpoint: Endpoint = {
  path: '/site-content',
  method: 'get',
  handler: async (req) => {
    if (!hasSiteBuildToken(req) && !isStaffUser(req.user)) {
      return Response.json(
        { errors: [{ message: siteContentRefusedMessage }] },
        { status: req.user ? 403 : 401 },
      )
    }
    const content = await exportSiteContent(req.payload)
    return new Response(streamJson(content), {
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
    })
  },
}
