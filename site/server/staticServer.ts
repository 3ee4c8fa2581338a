import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream'
import zlib from 'node:zlib'
import { contentTypeOf, mediaResponseHeaders } from '../../shared/siteFiles/contentTypes'
import { resolveUrlPath } from '../../shared/siteFiles/urlToFile'
import { isRedirectFile, RedirectTable } from './redirectTable'
import { siteSecurityHeaders } from './securityHeaders'

const compressible = /^(text\/|application\/(json|xml|rss\+xml)|image\/svg)/
/** The search index's shards (dist/search/shards/*.bin): binary, but term lists and varints that compress well. */
const compressibleBinary = new Set(['.bin'])

/** Long cache for content-hashed assets, a day for media, revalidation for pages. */
function cacheControl(urlPath: string): string {
  if (urlPath.startsWith('/_astro/')) return 'public, max-age=31536000, immutable'
  if (urlPath.startsWith('/media/')) return 'public, max-age=86400'
  return 'public, max-age=0, must-revalidate'
}

/**
 * A small production static server for site/dist: correct content types, gzip/brotli for text
 * and search shards, cache headers, ETag revalidation, HTTP Range (so lecture audio and video
 * seek), HEAD, the 网址跳转 redirects (301, for paths no file answers), the site's own 404 page,
 * and nothing outside the folder.
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
export function createStaticServer(
  rootDir: string,
  options: StaticServerOptions = {},
): http.Server {
  const root = path.resolve(rootDir)
  const redirects = new RedirectTable(root)
  return http.createServer((req, res) => {
    if (req.url?.startsWith('/__preview/')) {
      forwardPreview(req, res, options.previewSocket)
      return
    }
    try {
      serveFile(root, redirects, req, res)
    } catch (error) {
      if (!res.headersSent)
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', ...siteSecurityHeaders })
      res.end()
      // The path only, cut short: a URL can be long and is the visitor's to choose.
      console.error(
        `static server: ${JSON.stringify((req.url ?? '').split('?')[0].slice(0, 200))}: ${(error as Error).message}`,
      )
    }
  })
}

/** Lower case, as Node gives an answer's headers: one value per header once merged. */
const forwardedSecurityHeaders = Object.fromEntries(
  Object.entries(siteSecurityHeaders).map(([name, value]) => [name.toLowerCase(), value]),
)

function forwardPreview(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  socketPath: string | undefined,
): void {
  if (!socketPath || req.method !== 'GET') {
    res
      .writeHead(404, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
        ...siteSecurityHeaders,
      })
      .end('404 页面不存在')
    return
  }
  const upstream = http.request(
    { socketPath, path: req.url, method: 'GET', headers: { 'accept-encoding': 'identity' } },
    (answer) => {
      // The preview sets its own headers; the site's security headers hold whatever it sends.
      res.writeHead(answer.statusCode ?? 502, {
        ...forwardedSecurityHeaders,
        ...answer.headers,
        'x-content-type-options': 'nosniff',
      })
      answer.pipe(res)
    },
  )
  upstream.on('error', () => {
    if (!res.headersSent)
      res.writeHead(503, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
        ...siteSecurityHeaders,
      })
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

/** Browsers keep a 301 until told otherwise: an hour, so an editor's correction reaches them. */
const redirectCacheControl = 'public, max-age=3600'

function serveFile(
  root: string,
  redirects: RedirectTable,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', ...siteSecurityHeaders }).end()
    return
  }
  let url: URL
  try {
    url = new URL(req.url ?? '/', 'http://localhost')
  } catch {
    url = new URL('http://localhost/\u0000')
  }
  const resolved = resolveUrlPath(root, url.pathname)
  if (resolved && 'invalid' in resolved) {
    // A NUL, a bad `%` escape or an over-long path: no file can have it.
    res
      .writeHead(400, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
        ...siteSecurityHeaders,
      })
      .end('400 请求的地址无效')
    return
  }
  if (resolved && 'redirect' in resolved) {
    res.writeHead(301, { Location: resolved.redirect + url.search, ...siteSecurityHeaders }).end()
    return
  }
  let file = resolved?.file && !isRedirectFile(root, resolved.file) ? resolved.file : undefined
  let status = 200
  let opened = file ? openFile(file) : null
  const redirect = !file || !opened ? redirects.lookup(url.pathname) : null
  if (redirect) {
    // A site path keeps the visitor's query (WeChat adds `?from=singlemessage`); another site gets none.
    const location =
      redirect.startsWith('/') && !redirect.includes('?') ? redirect + url.search : redirect
    res
      .writeHead(301, {
        Location: location,
        'Cache-Control': redirectCacheControl,
        'Content-Type': 'text/plain; charset=utf-8',
        ...siteSecurityHeaders,
      })
      .end(req.method === 'HEAD' ? undefined : `301 已移至 ${location}`)
    return
  }
  if (!file || !opened) {
    file = path.join(root, '404.html')
    status = 404
    opened = openFile(file)
    if (!opened) {
      res
        .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...siteSecurityHeaders })
        .end('404 页面不存在')
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
  const send = (
    range?: { start: number; end: number },
    compressor?: zlib.BrotliCompress | zlib.Gzip,
  ) => {
    streaming = true
    const source = fs.createReadStream('', { fd, ...range })
    if (compressor) pipeline(source, compressor, res, () => {})
    else pipeline(source, res, () => {})
  }
  // Uploads only ever go out as an allow-listed media type (or a download), never as a page.
  const isMedia = status === 200 && url.pathname.startsWith('/media/')
  const typeHeaders = isMedia ? mediaResponseHeaders(file) : { 'Content-Type': contentTypeOf(file) }
  const type = typeHeaders['Content-Type']
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`
  const headers: http.OutgoingHttpHeaders = {
    ...siteSecurityHeaders,
    ...typeHeaders,
    'Cache-Control': status === 404 ? 'no-store' : cacheControl(url.pathname),
    ETag: etag,
    'Last-Modified': stat.mtime.toUTCString(),
    'Accept-Ranges': 'bytes',
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
    res.writeHead(206, {
      ...headers,
      'Content-Range': `bytes ${start}-${end}/${stat.size}`,
      'Content-Length': end - start + 1,
    })
    if (req.method === 'HEAD') res.end()
    else send({ start, end })
    return
  }

  const accepts = String(req.headers['accept-encoding'] ?? '')
  const worthCompressing =
    compressible.test(type) || compressibleBinary.has(path.extname(file).toLowerCase())
  const encoding =
    worthCompressing && stat.size > 512
      ? /\bbr\b/.test(accepts)
        ? 'br'
        : /\bgzip\b/.test(accepts)
          ? 'gzip'
          : null
      : null
  if (!encoding) {
    res.writeHead(status, { ...headers, 'Content-Length': stat.size })
    if (req.method === 'HEAD') res.end()
    else send()
    return
  }
  if (stat.size <= smallFileBytes) {
    // Pages, search shards and display files: compressed once, kept, sent in one write.
    const body = compressedSmallFile(file, fd, stat, encoding)
    res.writeHead(status, {
      ...headers,
      'Content-Encoding': encoding,
      'Content-Length': body.length,
    })
    res.end(req.method === 'HEAD' ? undefined : body)
    return
  }
  res.writeHead(status, { ...headers, 'Content-Encoding': encoding })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  const compressor =
    encoding === 'br'
      ? zlib.createBrotliCompress({ params: brotliParams(stat.size) })
      : zlib.createGzip({ level: 6 })
  send(undefined, compressor)
}

const brotliParams = (size: number) => ({
  [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
  [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size,
})

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
function compressedSmallFile(
  file: string,
  fd: number,
  stat: fs.Stats,
  encoding: 'br' | 'gzip',
): Buffer {
  const key = `${encoding} ${stat.size} ${stat.mtimeMs} ${file}`
  const cached = compressedCache.get(key)
  if (cached) return cached
  const data = fs.readFileSync(fd)
  const body =
    encoding === 'br'
      ? zlib.brotliCompressSync(data, { params: brotliParams(data.length) })
      : zlib.gzipSync(data, { level: 6 })
  compressedCache.set(key, body)
  cachedBytes += body.length
  for (const [oldest, bytes] of compressedCache) {
    if (cachedBytes <= cacheBytes) break
    compressedCache.delete(oldest)
    cachedBytes -= bytes.length
  }
  return body
}
