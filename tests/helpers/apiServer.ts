import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { handleEndpoints } from 'payload'
import { refuseWithBadRequest } from '../../cms/api/graphQLCost'
import { graphqlStatus } from '../../cms/api/graphqlStatus'
import { prepareRequest, trustedProxyHops } from '../../cms/server/clientAddress.mjs'

export interface ApiServer {
  url: string
  close: () => Promise<void>
}

/**
 * The CMS's REST and GraphQL routes over real HTTP, without Next: the same handlers the Next
 * routes call (Payload's handleEndpoints and GRAPHQL_POST), behind the same client-address edge
 * as cms/server/serveCms.mjs. For tests that need status codes, headers and concurrency.
 */
export async function startApiServer(): Promise<ApiServer> {
  const [{ default: config }, { GRAPHQL_POST }] = await Promise.all([
    import('../../cms/payload.config'),
    import('@payloadcms/next/routes'),
  ])
  // As cms/app/(payload)/api/graphql/route.ts wraps it (a request that failed whole keeps its status).
  const graphql = graphqlStatus(refuseWithBadRequest(GRAPHQL_POST(config)))
  const server = http.createServer(async (incoming, outgoing) => {
    try {
      prepareRequest(incoming, outgoing, trustedProxyHops())
      const chunks: Buffer[] = []
      for await (const chunk of incoming) chunks.push(chunk as Buffer)
      const body = chunks.length ? Buffer.concat(chunks) : undefined
      const url = `http://${incoming.headers.host}${incoming.url}`
      const headers = new Headers()
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
      }
      const request = new Request(url, {
        method: incoming.method,
        headers,
        body: body && incoming.method !== 'GET' ? body : undefined,
      })
      const response =
        new URL(url).pathname === '/api/graphql' && incoming.method === 'POST'
          ? await graphql(request, undefined)
          : await handleEndpoints({ config, request })
      const responseHeaders: http.OutgoingHttpHeaders = Object.fromEntries(response.headers)
      const cookies = response.headers.getSetCookie()
      if (cookies.length) responseHeaders['set-cookie'] = cookies
      outgoing.writeHead(response.status, responseHeaders)
      if (response.body)
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
          outgoing.write(chunk)
      outgoing.end()
    } catch (error) {
      console.error(error)
      outgoing.writeHead(500)
      outgoing.end(String(error))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
