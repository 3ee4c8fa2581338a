/**
 * One warm-renderer thread: loads a release's render bundle (`entry.mjs`, the Node adapter's
 * handler) and renders the pages the publisher posts, through the handler on a loopback port,
 * with each request's route and site settings as Astro locals; the build has it write each page to
 * its file itself. Plain JavaScript, started without
 * the TypeScript loader: under it every dynamic import the bundle makes per request costs ~4 ms.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'

const { handler } = await import(workerData.entryUrl)
const locals = new Map()
const server = http.createServer((req, res) => {
  handler(req, res, () => res.writeHead(404).end(), {
    render: locals.get(String(req.headers['x-render-id'])),
  })
})
server.keepAliveTimeout = 60_000
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const { port } = server.address()
// Plain http with kept-alive connections: fetch's streams cost more than the page takes to render.
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 })

/** GETs the render route with the request's id; resolves with status and body. */
function get(id) {
  return new Promise((resolve, reject) => {
    const request = http.get(
      {
        host: '127.0.0.1',
        port,
        path: '/render/page/',
        agent,
        headers: { 'x-render-id': String(id) },
      },
      (response) => {
        const chunks = []
        response.on('data', (chunk) => chunks.push(chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString('utf8') }),
        )
        response.on('error', reject)
      },
    )
    request.on('error', reject)
  })
}

const folders = new Set()

/** Writes a page where the build wants it (the HTML then never travels back to the main thread). */
function writePage(file, html) {
  const folder = path.dirname(file)
  if (!folders.has(folder)) {
    fs.mkdirSync(folder, { recursive: true })
    folders.add(folder)
  }
  fs.writeFileSync(file, html)
}

parentPort.on('message', async ({ id, route, site, writeTo }) => {
  locals.set(String(id), { route, site })
  try {
    const { status, body } = await get(id)
    if (status !== 200)
      parentPort.postMessage({
        id,
        error: `HTTP ${status}${body ? `：${body.slice(0, 300)}` : ''}`,
      })
    else if (writeTo) {
      writePage(writeTo, body)
      parentPort.postMessage({ id, html: '' })
    } else parentPort.postMessage({ id, html: body })
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
  } finally {
    locals.delete(String(id))
  }
})
parentPort.postMessage({ ready: true })
