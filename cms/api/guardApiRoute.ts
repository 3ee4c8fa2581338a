import { inputLimits } from '../input/inputLimits'
import { mediaMaxBytes } from '../settings'
import { invalidJsonMessage, serverFaultMessage } from './answerServerFault'
import { newRequestId, runWithRequestId } from './requestContext'

type RouteHandler<Context> = (request: Request, context: Context) => Promise<Response>

/** Room for the form fields beside the file in a multipart upload. */
const multipartOverheadBytes = 1024 * 1024

const answer = (status: number, message: string, requestId: string) =>
  Response.json({ errors: [{ message }] }, { status, headers: { 'X-Request-Id': requestId } })

/**
 * Wraps a Next route handler of the API (REST, GraphQL) with what must hold before Payload reads
 * a request: a body size limit (413), a content type it can read (415), and a JSON body that
 * parses to an object (400; `null`, a list or a number is no document). Every request gets an id
 * (`X-Request-Id`) that its log lines carry; a fault that escapes Payload answers 500 with it.
 */
export function guardApiRoute<Context>(handler: RouteHandler<Context>): RouteHandler<Context> {
  return (request, context) => {
    const requestId = newRequestId()
    return runWithRequestId(requestId, async () => {
      try {
        const checked = await checkBody(request, requestId)
        if (checked instanceof Response) return checked
        const response = await handler(checked, context)
        return withRequestId(response, requestId)
      } catch (error) {
        console.error(
          JSON.stringify({
            level: 'error',
            requestId,
            msg: 'API request failed',
            err: String((error as Error)?.stack ?? error),
          }),
        )
        return answer(500, serverFaultMessage(requestId), requestId)
      }
    })
  }
}

async function checkBody(request: Request, requestId: string): Promise<Request | Response> {
  if (!['POST', 'PUT', 'PATCH'].includes(request.method) || request.body === null) return request
  const contentType = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
  const declaredLength = Number(request.headers.get('content-length') ?? NaN)
  if (contentType === 'multipart/form-data') {
    const limit = mediaMaxBytes() + multipartOverheadBytes
    if (declaredLength > limit)
      return answer(413, `请求内容过大（上限 ${Math.floor(limit / 1024 / 1024)} MB）。`, requestId)
    return request
  }
  // Payload's long-query form: a GET sent as a form body.
  if (
    contentType === 'application/x-www-form-urlencoded' &&
    request.headers.get('x-payload-http-method-override') === 'GET'
  ) {
    return request
  }
  const limit = inputLimits.jsonBodyBytes
  if (declaredLength > limit)
    return answer(
      413,
      `请求内容过大（JSON 上限 ${Math.floor(limit / 1024 / 1024)} MB）。`,
      requestId,
    )
  const text = await readText(request, limit)
  if (text === null)
    return answer(
      413,
      `请求内容过大（JSON 上限 ${Math.floor(limit / 1024 / 1024)} MB）。`,
      requestId,
    )
  if (text.length === 0) return rebuild(request, null)
  if (contentType !== 'application/json') {
    return answer(
      415,
      '不支持的内容类型：请以 application/json（或上传文件时以 multipart/form-data）提交。',
      requestId,
    )
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return answer(400, invalidJsonMessage, requestId)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return answer(400, '请求内容应为 JSON 对象（如 {"title": "…"}）。', requestId)
  }
  return rebuild(request, text)
}

/** The body as text, or null once it passes `limit` bytes (reading stops there). */
async function readText(request: Request, limit: number): Promise<string | null> {
  const reader = request.body!.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** The same request with the body already read. */
function rebuild(request: Request, body: string | null): Request {
  const headers = new Headers(request.headers)
  headers.delete('content-length')
  return new Request(request.url, { method: request.method, headers, body, signal: request.signal })
}

function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set('X-Request-Id', requestId)
    return response
  } catch {
    const copy = new Response(response.body, response)
    copy.headers.set('X-Request-Id', requestId)
    return copy
  }
}
