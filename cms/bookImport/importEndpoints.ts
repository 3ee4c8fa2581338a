import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'
import { canPublish } from '../access/roles'
import { applyImport, ImportRefused, type ImportMode } from './applyImport'
import { checkChoices, describeResult, prepareBookImport, previewBookImport } from './importBooks'
import { ImportFileError } from './importErrors'

const refuse = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status })

/** The uploaded file and the editor's choices (`_payload`: `{ encoding, mapping, mode }`), or a 4xx. */
async function readUpload(req: PayloadRequest) {
  if (!req.user) return refuse(401, '请先登录。')
  if (!canPublish(req.user)) return refuse(403, '只有编辑或管理员可以导入馆藏。')
  try {
    await addDataAndFileToRequest(req)
  } catch {
    return refuse(400, '上传的表单无法读取：导入选项应为 JSON。')
  }
  const file = req.file
  if (!file?.data?.length) return refuse(400, '请选择要导入的文件（.xlsx、.csv、.mrc 或 .iso）。')
  try {
    const choices = checkChoices(req.data ?? {})
    const mode = (req.data as { mode?: unknown } | undefined)?.mode ?? 'all'
    if (mode !== 'all' && mode !== 'valid')
      return refuse(400, '导入方式只能是 all（全部有效才导入）或 valid（只导入有效行）。')
    return { source: { bytes: file.data, fileName: file.name, choices }, mode: mode as ImportMode }
  } catch (error) {
    if (error instanceof ImportFileError) return refuse(400, error.message)
    throw error
  }
}

/** `POST /api/books/import/preview`: what importing the file would do; writes nothing. */
export const importPreviewEndpoint: Endpoint = {
  path: '/import/preview',
  method: 'post',
  handler: async (req) => {
    const upload = await readUpload(req)
    if (upload instanceof Response) return upload
    try {
      return Response.json(await previewBookImport(req.payload, upload.source))
    } catch (error) {
      if (error instanceof ImportFileError) return refuse(400, error.message)
      throw error
    }
  },
}

/**
 * `POST /api/books/import`: imports as one unit and streams its progress as JSON lines
 * (`{"type":"progress","done":100,"total":970}` … then `{"type":"done"}` or `{"type":"error"}`),
 * so a long import shows how far it is. An unreadable file, or invalid rows when every row must
 * be valid, are refused before anything streams.
 */
export const importEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    const upload = await readUpload(req)
    if (upload instanceof Response) return upload
    let prepared: Awaited<ReturnType<typeof prepareBookImport>>
    try {
      prepared = await prepareBookImport(req.payload, upload.source)
    } catch (error) {
      if (error instanceof ImportFileError) return refuse(400, error.message)
      throw error
    }
    const { invalid } = prepared.plan.counts
    if (upload.mode === 'all' && invalid > 0)
      return refuse(422, `有 ${invalid} 行无效，按“全部有效才导入”的选择，没有导入任何图书。`)

    const encoder = new TextEncoder()
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const send = (line: object) =>
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`))
        void applyImport(req.payload, prepared.plan, {
          mode: upload.mode,
          fileName: upload.source.fileName,
          user: req.user,
          onProgress: ({ done, total }) => send({ type: 'progress', done, total }),
        })
          .then((result) => send({ type: 'done', result, message: describeResult(result) }))
          .catch((error: unknown) => {
            const known = error instanceof ImportRefused
            if (!known) req.payload.logger.error({ err: error, msg: '馆藏导入失败' })
            send({
              type: 'error',
              message: known ? (error as Error).message : '导入时发生内部错误，馆藏没有变化。',
            })
          })
          .finally(() => controller.close())
      },
    })
    return new Response(body, {
      headers: {
        'Content-Type': 'application/x-ndjson; charset=utf-8',
        'Cache-Control': 'no-store',
      },
    })
  },
}
