/**
 * Serves the built admin, REST and GraphQL (what `next start cms` did), behind a small edge that
 * decides the client's address and scheme (clientAddress.mjs): per-IP login throttling needs an
 * address the client cannot forge, and Secure cookies need to know about HTTPS. Plain Node: run
 * by start.ts as `node cms/server/serveCms.mjs`, with `CMS_PORT`.
 */
import http from 'node:http'
import path from 'node:path'
import next from 'next'
import { prepareRequest, trustedProxyHops } from './clientAddress.mjs'

// What `next start` does: the built admin runs in production mode.
process.env.NODE_ENV ??= 'production'
process.env.NEXT_TELEMETRY_DISABLED ??= '1'

const port = Number(process.env.CMS_PORT) || 3000
const app = next({ dev: false, dir: path.resolve(process.cwd(), 'cms'), port })
const handle = app.getRequestHandler()
await app.prepare()

const hops = trustedProxyHops()
const server = http.createServer((request, response) => {
  prepareRequest(request, response, hops)
  handle(request, response).catch((error) => {
    console.error(error)
    if (!response.headersSent) response.writeHead(500)
    response.end()
  })
})
server.listen(port, () => console.log(`CMS 已在端口 ${port} 上监听`))
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => server.close(() => process.exit(0)))
}
