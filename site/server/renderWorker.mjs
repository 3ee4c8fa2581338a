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
 *
 * Pages come in batches (warmRenderer.ts): `{ site, pages: [{ id, route, writeTo }] }`. They are
 * rendered a few at a time, and replies go back in small groups as pages finish, so the main
 * thread sends more before this thread runs out. A written page is written as the bytes the
 * handler produced (no decoding and re-encoding).
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

/** Renders one page through the handler; resolves with status and body bytes. */
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
        resolve({ status: response.statusCode, body: Buffer.concat(chunks) })
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

/** The media references in a page's bytes (decoded only when the page has any). */
function mediaIn(body) {
  return body.includes('/media/') ? (body.toString('utf8').match(mediaReference) ?? []) : []
}

/** Writes a page where the caller wants it (the HTML then never travels back to the main thread). */
function writePage(file, body) {
  try {
    fs.writeFileSync(file, body)
  } catch (error) {
    if (error?.code !== 'ENOENT') throw error
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, body)
  }
}

/** Replies not sent yet: a group is sent once it is full or the thread has nothing else to do. */
let replies = []
const repliesPerMessage = 8
function reply(message) {
  if (replies.length === 0) setImmediate(sendReplies)
  replies.push(message)
  if (replies.length >= repliesPerMessage) sendReplies()
}
function sendReplies() {
  if (replies.length === 0) return
  const group = replies
  replies = []
  parentPort.postMessage(group)
}

async function renderOne({ id, route, writeTo }, site) {
  let body
  try {
    const rendered = await render({ route, site })
    if (rendered.status !== 200) {
      const text = rendered.body.length ? `：${rendered.body.toString('utf8').slice(0, 300)}` : ''
      return reply({ id, error: `HTTP ${rendered.status}${text}` })
    }
    body = rendered.body
  } catch (error) {
    return reply({ id, error: error instanceof Error ? error.message : String(error) })
  }
  if (!writeTo) return reply({ id, html: body.toString('utf8') })
  try {
    writePage(writeTo, body)
  } catch (error) {
    return reply({ id, writeError: error.message, code: error.code })
  }
  reply({ id, media: mediaIn(body) })
}

/** Pages waiting, each with the site settings of its batch; a few render at once (they await). */
const waiting = []
const atOnce = 4
let rendering = 0
function renderNext() {
  while (rendering < atOnce && waiting.length > 0) {
    const { page, site } = waiting.shift()
    rendering++
    void renderOne(page, site).finally(() => {
      rendering--
      renderNext()
    })
  }
}

parentPort.on('message', ({ site, pages }) => {
  for (const page of pages) waiting.push({ page, site })
  renderNext()
})
parentPort.postMessage({ ready: true })
