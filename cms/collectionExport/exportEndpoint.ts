/**
 * `GET /api/<slug>/export?format=csv|xlsx|json` (csv when none is given): a download of the whole
 * collection as the signed-in staff member may read it. Anonymous callers get 401, signed-in
 * accounts without an editorial role 403, an unknown format 400, all in Chinese. The file is
 * streamed a page at a time; the browser gets a name (`books-20261203.csv`, shown as
 * `汇书房馆藏-20261203.csv`) and a content type.
 */
import type { CollectionSlug, Endpoint, Where } from 'payload'
import { isStaffUser } from '../access/roles'
import { contentDisposition, exportFileName } from './exportFileName'
import { exportCollection } from './exportCollection'
import { isExportFormat, unknownFormatMessage } from './exportFormats'

export const exportRefusedMessage = '导出仅限后台工作人员（投稿人、编辑、管理员）：请先登录。'
export const exportForbiddenMessage = '您的账号没有导出权限：导出仅限投稿人、编辑和管理员。'

const refuse = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status })

/** Bytes as a web stream that reads the next chunk only when the client wants it. */
function toReadableStream(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]()
  return new ReadableStream({
    async pull(controller) {
      const next = await iterator.next()
      if (next.done) controller.close()
      else controller.enqueue(next.value)
    },
    async cancel() {
      await iterator.return?.()
    },
  })
}

export const exportEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return refuse(401, exportRefusedMessage)
    if (!isStaffUser(req.user)) return refuse(403, exportForbiddenMessage)
    const format = req.searchParams.get('format') ?? 'csv'
    if (!isExportFormat(format)) return refuse(400, unknownFormatMessage(format))
    const collection = req.routeParams?.collection as CollectionSlug
    // `?where[…]=…` as on the list endpoint (the admin's 导出 passes the list's filter).
    const where = (req.query as { where?: Where } | undefined)?.where
    if (where !== undefined && (typeof where !== 'object' || Array.isArray(where)))
      return refuse(400, '筛选条件（where）格式不正确。')
    const result = await exportCollection({ req, collection, format, where })
    return new Response(toReadableStream(result.body), {
      headers: {
        'Content-Type': result.contentType,
        'Content-Disposition': contentDisposition(
          result.fileName,
          exportFileName(result.label, format),
        ),
        'Cache-Control': 'no-store',
      },
    })
  },
}
