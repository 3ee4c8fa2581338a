/**
 * One warm-renderer thread: loads a release's render bundle (`entry.mjs`, the Node adapter's
 * handler in middleware mode) and renders the pages posted to it, calling the handler with the
 * route and site settings as Astro locals; the build has it write each page to its file itself.
 * Plain JavaScript, started without the TypeScript loader: under it every dynamic import the
 * bundle makes per request costs ~4 ms.
 *
 * The handler gets a request and a response object with just what the adapter uses (headers, url,
 * socket; writeHead, write, end, events), not a loopback HTTP connection: that cost a quarter of
 * the thread's time (encoding, socket writes, parsing) for nothing a page needs. An adapter
 * upgrade that needs more fails every render loudly, and the tests that compare the publisher's
 * pages with a clean build notice.
 */
import { EventEmitter } from 'node:events'
import fs from 'node:fs'
import path from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'

const { handler } = await import(workerData.entryUrl)

/** A GET of the render route, as the adapter reads a Node request. */
function renderRequest() {
  const socket = Object.assign(new EventEmitter(), {
    encrypted: false,
    remoteAddress: '127.0.0.1',
    destroyed: false,
  })
  return Object.assign(new EventEmitter(), {
    method: 'GET',
    url: '/render/page/',
    headers: { host: 'localhost' },
    socket,
  })
}

/** Renders one page through the handler; resolves with status and body. */
function render(locals) {
  return new Promise((resolve, reject) => {
    const request = renderRequest()
    const chunks = []
    const response = Object.assign(new EventEmitter(), {
      req: request,
      statusCode: 200,
      statusMessage: '',
      headersSent: false,
      writeHead(status) {
        response.statusCode = status
        response.headersSent = true
        return response
      },
      setHeader() {},
      write(chunk) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
        return true
      },
      end(chunk) {
        if (chunk) response.write(chunk)
        response.emit('finish')
        resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString('utf8') })
        return response
      },
      destroy(error) {
        reject(error ?? new Error('渲染被中止'))
      },
    })
    Promise.resolve(
      handler(request, response, () => response.writeHead(404).end(), { render: locals }),
    ).catch(reject)
  })
}

/** Media references (`/media/…`) in a page, for the caller to copy (pattern from shared/siteFiles/mediaNames.ts). */
const mediaReference = new RegExp(workerData.mediaPattern, 'g')

/** Writes a page where the caller wants it (the HTML then never travels back to the main thread). */
function writePage(file, html) {
  try {
    fs.writeFileSync(file, html)
  } catch (error) {
    if (error?.code !== 'ENOENT') throw error
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, html)
  }
}

parentPort.on('message', async ({ id, route, site, writeTo }) => {
  let body
  try {
    const rendered = await render({ route, site })
    if (rendered.status !== 200) {
      const text = rendered.body ? `：${rendered.body.slice(0, 300)}` : ''
      return parentPort.postMessage({ id, error: `HTTP ${rendered.status}${text}` })
    }
    body = rendered.body
  } catch (error) {
    return parentPort.postMessage({
      id,
      error: error instanceof Error ? error.message : String(error),
    })
  }
  if (!writeTo) return parentPort.postMessage({ id, html: body })
  try {
    writePage(writeTo, body)
  } catch (error) {
    return parentPort.postMessage({ id, writeError: error.message, code: error.code })
  }
  parentPort.postMessage({ id, media: body.match(mediaReference) ?? [] })
})
parentPort.postMessage({ ready: true })
