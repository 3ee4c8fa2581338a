import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream'
import zlib from 'node:zlib'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.pdf': 'application/pdf',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.woff2': 'font/woff2',
  '.bin': 'application/octet-stream',
}

/** The Content-Type the site serves a file with, by its extension. */
export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}
const compressible = /^(text\/|application\/(json|xml|rss\+xml)|image\/svg)/
/** The search index's shards (dist/search/shards/*.bin): binary, but term lists and varints that compress well. */
const compressibleBinary = new Set(['.bin'])

/** Long cache for content-hashed assets, a day for media, revalidation for pages. */
function cacheControl(urlPath: string): string {
  if (urlPath.startsWith('/_astro/')) return 'public, max-age=31536000, immutable'
  if (urlPath.startsWith('/media/')) return 'public, max-age=86400'
  return 'public, max-age=0, must-revalidate'
}

type Resolved = { file: string } | { redirect: string } | null

/** Maps a URL path to a file inside root: a directory serves its index.html (after a slash redirect). */
function resolvePath(root: string, urlPath: string): Resolved {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  const candidate = path.resolve(root, `.${path.posix.normalize(decoded)}`)
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null
  const stat = fs.statSync(candidate, { throwIfNoEntry: false })
  if (stat?.isFile()) return { file: candidate }
  if (stat?.isDirectory() && fs.existsSync(path.join(candidate, 'index.html'))) {
    return urlPath.endsWith('/') ? { file: path.join(candidate, 'index.html') } : { redirect: `${urlPath}/` }
  }
  return null
}

/**
 * A small production static server for site/dist: correct content types, gzip/brotli for text
 * and search shards, cache headers, ETag revalidation, HTTP Range (so lecture audio and video
 * seek), HEAD, the site's own 404 page, and nothing outside the folder.
 */
export interface StaticServerOptions {
  /** The publisher's socket: `/__preview/…` requests are forwarded there (else they are a 404). */
  previewSocket?: string
}

/**
 * The root may be a path through a symlink (the publisher's `current` release): each request
 * opens its file anew, so a release swap needs no restart, and a file is read from the descriptor
 * it was opened with, so a page replaced or removed meanwhile is sent whole, old or new.
 */
export function createStaticServer(rootDir: string, options: StaticServerOptions = {}): http.Server {
  const root = path.resolve(rootDir)
  return http.createServer((req, res) => {
    if (req.url?.startsWith('/__preview/')) {
      forwardPreview(req, res, options.previewSocket)
      return
    }
    try {
      serveFile(root, req, res)
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end()
      console.error(`static server: ${req.url}: ${(error as Error).message}`)
    }
  })
}

function forwardPreview(req: http.IncomingMessage, res: http.ServerResponse, socketPath: string | undefined): void {
  if (!socketPath || req.method !== 'GET') {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end('404 页面不存在')
    return
  }
  const upstream = http.request({ socketPath, path: req.url, method: 'GET', headers: { 'accept-encoding': 'identity' } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers)
    answer.pipe(res)
  })
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
    res.end('预览暂不可用：发布服务未运行。')
  })
  upstream.end()
}

/** Opens `file`, or null when it vanished since it was found (a page just unpublished). */
function openFile(file: string): { fd: number; stat: fs.Stats } | null {
  try {
    const fd = fs.openSync(file, 'r')
    return { fd, stat: fs.fstatSync(fd) }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

function serveFile(root: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end()
    return
  }
  const url = new URL(req.url ?? '/', 'http://localhost')
  const resolved = resolvePath(root, url.pathname)
  if (resolved && 'redirect' in resolved) {
    res.writeHead(301, { Location: resolved.redirect + url.search }).end()
    return
  }
  let file = resolved?.file
  let status = 200
  let opened = file ? openFile(file) : null
  if (!file || !opened) {
    file = path.join(root, '404.html')
    status = 404
    opened = openFile(file)
    if (!opened) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 页面不存在')
      return
    }
  }
  const { fd, stat } = opened
  let streaming = false
  res.once('close', () => {
    if (!streaming) fs.close(fd, () => {})
  })
  // pipeline, not pipe: a visitor who goes away (a seek aborts a range request) destroys the
  // stream, which closes the file.
  const send = (range?: { start: number; end: number }, compressor?: zlib.BrotliCompress | zlib.Gzip) => {
    streaming = true
    const source = fs.createReadStream('', { fd, ...range })
    if (compressor) pipeline(source, compressor, res, () => {})
    else pipeline(source, res, () => {})
  }
  const type = contentTypeOf(file)
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`
  const headers: http.OutgoingHttpHeaders = {
    'Content-Type': type,
    'Cache-Control': status === 404 ? 'no-store' : cacheControl(url.pathname),
    ETag: etag,
    'Last-Modified': stat.mtime.toUTCString(),
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
  }
  if (status === 200 && req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end()
    return
  }

  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '')
  if (range && status === 200) {
    const start = range[1] ? Number(range[1]) : Math.max(0, stat.size - Number(range[2]))
    const end = range[1] && range[2] ? Math.min(Number(range[2]), stat.size - 1) : stat.size - 1
    if (start > end || start >= stat.size) {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${stat.size}` }).end()
      return
    }
    res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${stat.size}`, 'Content-Length': end - start + 1 })
    if (req.method === 'HEAD') res.end()
    else send({ start, end })
    return
  }

  const accepts = String(req.headers['accept-encoding'] ?? '')
  const worthCompressing = compressible.test(type) || compressibleBinary.has(path.extname(file).toLowerCase())
  const encoding = worthCompressing && stat.size > 512 ? (/\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null) : null
  if (!encoding) {
    res.writeHead(status, { ...headers, 'Content-Length': stat.size })
    if (req.method === 'HEAD') res.end()
    else send()
    return
  }
  if (stat.size <= smallFileBytes) {
    // Pages, search shards and display files: compressed once, kept, sent in one write.
    const body = compressedSmallFile(file, fd, stat, encoding)
    res.writeHead(status, { ...headers, 'Content-Encoding': encoding, 'Content-Length': body.length })
    res.end(req.method === 'HEAD' ? undefined : body)
    return
  }
  res.writeHead(status, { ...headers, 'Content-Encoding': encoding })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  const compressor = encoding === 'br' ? zlib.createBrotliCompress({ params: brotliParams(stat.size) }) : zlib.createGzip({ level: 6 })
  send(undefined, compressor)
}

const brotliParams = (size: number) => ({ [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size })

/** Files up to this size are compressed in one go and their compressed bytes kept. */
const smallFileBytes = 256 * 1024
/** Compressed bytes kept, at most (oldest dropped first). */
const cacheBytes = 64 * 1024 * 1024
const compressedCache = new Map<string, Buffer>()
let cachedBytes = 0

/**
 * The file's bytes compressed with `encoding`, from memory when this version of the file (size,
 * mtime) was sent before. A search query costs a dozen small files; compressing each once and
 * answering with a Content-Length (no chunked stream) roughly halves their time to first byte.
 */
function compressedSmallFile(file: string, fd: number, stat: fs.Stats, encoding: 'br' | 'gzip'): Buffer {
  const key = `${encoding} ${stat.size} ${stat.mtimeMs} ${file}`
  const cached = compressedCache.get(key)
  if (cached) return cached
  const data = fs.readFileSync(fd)
  const body = encoding === 'br' ? zlib.brotliCompressSync(data, { params: brotliParams(data.length) }) : zlib.gzipSync(data, { level: 6 })
  compressedCache.set(key, body)
  cachedBytes += body.length
  for (const [oldest, bytes] of compressedCache) {
    if (cachedBytes <= cacheBytes) break
    compressedCache.delete(oldest)
    cachedBytes -= bytes.length
  }
  return body
}
