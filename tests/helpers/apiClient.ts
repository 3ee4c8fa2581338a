/** Small REST and GraphQL calls against startApiServer, as a signed-in account or anonymously. */

/** A parsed JSON answer: tests read into it freely and assert on what they find. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>
export interface ApiAnswer<T = Record<string, unknown>> {
  status: number
  body: T
}

export interface ApiClient {
  login: (email: string, password?: string) => Promise<string>
  rest: <T = Json>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ) => Promise<ApiAnswer<T>>
  gql: <T = Json>(
    query: string,
    options?: {
      token?: string
      variables?: Record<string, unknown>
      headers?: Record<string, string>
    },
  ) => Promise<ApiAnswer<{ data?: T; errors?: { message: string; extensions?: Json }[] }>>
}

export function apiClient(baseUrl: string): ApiClient {
  const call = async (
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `JWT ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // not JSON (a CSV download): the text itself
    }
    return { status: response.status, body: parsed as never }
  }
  return {
    login: async (email, password = 'test-password-1') => {
      const { status, body } = await call('POST', '/api/users/login', undefined, {
        email,
        password,
      })
      if (status !== 200) throw new Error(`login ${email}: ${status} ${JSON.stringify(body)}`)
      return (body as { token: string }).token
    },
    rest: (method, path, options = {}) =>
      call(method, path, options.token, options.body, options.headers),
    gql: (query, options = {}) =>
      call(
        'POST',
        '/api/graphql',
        options.token,
        { query, variables: options.variables },
        options.headers,
      ),
  }
}
