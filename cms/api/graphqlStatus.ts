type Handler<Context> = (request: Request, context: Context) => Promise<Response>
type GraphQLBody = {
  data?: Record<string, unknown> | null
  errors?: { message: string; extensions?: { statusCode?: number } }[]
}

/**
 * GraphQL answers 200 even when it did nothing (graphql-http, `application/json`). A request whose
 * every field failed gets the HTTP status of its errors instead, so a client mistake reads as a
 * 4xx on GraphQL as on REST: a schema validation error (a wrong type, an unknown enum value) is a
 * 400 with a Chinese lead-in; an operation's error keeps its own status (400, 403, 404, 500).
 */
export function graphqlStatus<Context>(handler: Handler<Context>): Handler<Context> {
  return async (request, context) => {
    const response = await handler(request, context)
    if (response.status !== 200 || !response.headers.get('content-type')?.includes('json'))
      return response
    const text = await response.text()
    let body: GraphQLBody
    try {
      body = JSON.parse(text)
    } catch {
      return new Response(text, response)
    }
    const failedWhole =
      body.errors?.length && Object.values(body.data ?? {}).every((value) => value === null)
    if (!failedWhole) return new Response(text, response)
    const statuses = body.errors!.map((error) => error.extensions?.statusCode ?? 400)
    const status = Math.max(...statuses)
    for (const error of body.errors!) {
      if (error.extensions?.statusCode === undefined)
        error.message = `GraphQL 请求无效：${error.message}`
    }
    const headers = new Headers(response.headers)
    headers.delete('content-length')
    return new Response(JSON.stringify(body), { status, headers })
  }
}
