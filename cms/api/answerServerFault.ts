import type { AfterErrorHook } from 'payload'
import { currentRequestId, newRequestId } from './requestContext'

export const serverFaultMessage = (requestId: string) =>
  `服务器内部错误，请稍后重试；如需报告，请提供请求编号 ${requestId}。`
export const invalidJsonMessage = '请求内容不是有效的 JSON。'

/**
 * A real server fault answers 500 with the request id and no detail (Payload has already logged
 * it once, with that id, through the logger's mixin). JSON that fails to parse inside Payload
 * (the `_payload` field of a multipart form, a `where` string) is the client's mistake: 400, as is
 * a query on a path that cannot be queried (Payload's QueryError, said in Chinese here).
 */
export const answerServerFault: AfterErrorHook = ({ error, graphqlResult }) => {
  if (
    error instanceof SyntaxError ||
    (error as { originalError?: unknown }).originalError instanceof SyntaxError
  ) {
    if (graphqlResult)
      return {
        graphqlResult: {
          ...graphqlResult,
          message: invalidJsonMessage,
          extensions: { ...graphqlResult.extensions, statusCode: 400 },
        },
      }
    return { status: 400, response: { errors: [{ message: invalidJsonMessage }] } }
  }
  if (error.name === 'QueryError' && !graphqlResult) {
    const paths = ((error as { data?: { path?: string }[] }).data ?? [])
      .map((item) => item.path)
      .filter(Boolean)
    return {
      status: 400,
      response: {
        errors: [
          {
            name: 'QueryError',
            data: (error as { data?: Record<string, unknown> }).data,
            message: `查询条件中的字段无法查询：${paths.join('、')}`,
          },
        ],
      },
    }
  }
  const status =
    (error as { status?: number }).status ??
    (error as { originalError?: { status?: number } }).originalError?.status ??
    500
  if (status < 500) return
  const requestId = currentRequestId() ?? newRequestId()
  const message = serverFaultMessage(requestId)
  if (graphqlResult)
    return {
      graphqlResult: {
        ...graphqlResult,
        message,
        extensions: { ...graphqlResult.extensions, requestId },
      },
    }
  return { status, response: { errors: [{ message, requestId }] } }
}
