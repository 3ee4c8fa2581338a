/** The shared site-file rules (shared/siteFiles) and responsive images: pure functions, tiny fixtures. */
import { expect, it } from 'vitest'
import { imageSources } from '../../shared/responsiveImage'
import type { ImageRef } from '../../shared/siteContent'
import { contentTypeOf, mediaResponseHeaders } from '../../shared/siteFiles/contentTypes'
import {
  collectMediaReferences,
  isPublishableMediaName,
  uploadFileName,
} from '../../shared/siteFiles/mediaNames'
import { fileOfPath, resolveUrlPath } from '../../shared/siteFiles/urlToFile'

it('names an upload by its sniffed type: no RTL override, no second extension, bounded length', () => {
  expect(uploadFileName('x.html', 'image/png')).toBe('x.png')
  expect(uploadFileName('x.png.html', 'image/png')).toBe('x-png.png')
  expect(uploadFileName('invoice\u202Efdp.exe', 'application/pdf')).toBe('invoicefdp.pdf')
  expect(uploadFileName('\u2066a\u2069 b\u200b.JPG', 'image/jpeg')).toBe('a-b.jpg')
  expect(uploadFileName('../../etc/passwd', 'audio/mpeg')).toBe('passwd.mp3')
  expect(uploadFileName('.htaccess', 'image/gif')).toBe('htaccess.gif')
  expect(uploadFileName('\u202E', 'video/mp4')).toBe('file.mp4')
  expect(Buffer.byteLength(uploadFileName('党'.repeat(10_000), 'image/webp'))).toBeLessThanOrEqual(
    125,
  )
  expect(uploadFileName('😀'.repeat(100), 'image/avif')).toMatch(/^(😀)+\.avif$/)
  expect(() => uploadFileName('x.svg', 'image/svg+xml')).toThrow()
})

it('types media only by the allow-list: pages, SVG and unknown names are downloads', () => {
  expect(mediaResponseHeaders('a.webp')['Content-Type']).toBe('image/webp')
  expect(mediaResponseHeaders('a.PDF')).toMatchObject({
    'Content-Type': 'application/pdf',
    'Content-Disposition': 'inline',
  })
  for (const name of ['x.html', 'x.svg', 'x.js', 'x', 'x.png.html', '.png']) {
    expect(mediaResponseHeaders(name), name).toMatchObject({
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': 'attachment',
      'X-Content-Type-Options': 'nosniff',
    })
  }
  expect(contentTypeOf('/news/index.html')).toBe('text/html; charset=utf-8')
  expect(isPublishableMediaName('x.png')).toBe(true)
  for (const name of ['x.html', 'x.svg', '../x.png', '.x.png', 'a/b.png', 'x\u0000.png'])
    expect(isPublishableMediaName(name), name).toBe(false)
  const names = new Set<string>()
  collectMediaReferences(
    '<img src="/media/a%ZZ.png"> <img srcset="/media/b.webp 320w, /media/c.webp?x=1 640w">',
    names,
  )
  expect([...names]).toEqual(['b.webp', 'c.webp'])
})

it('maps URLs to files by one rule, refusing NUL, bad escapes, traversal and over-long paths', () => {
  const root = '/srv/site'
  expect(fileOfPath(root, '/news/x/')).toBe('/srv/site/news/x/index.html')
  expect(fileOfPath(root, '/news/%E5%85%9A/')).toBe('/srv/site/news/党/index.html')
  expect(fileOfPath(root, '/rss.xml')).toBe('/srv/site/rss.xml')
  for (const bad of ['/%', '/a%00/', '/a%0a/', `/${'a'.repeat(3000)}/`, 'relative/'])
    expect(() => fileOfPath(root, bad), bad.slice(0, 20)).toThrow()
  expect(resolveUrlPath(root, '/%E0%A4%A')).toEqual({ invalid: true })
  expect(resolveUrlPath(root, '/x%00')).toEqual({ invalid: true })
  expect(fileOfPath(root, '/../x/')).toBe('/srv/site/x/index.html')
  expect(resolveUrlPath(root, '/../../etc/passwd')).toBeNull()
  expect(resolveUrlPath(root, `/${'a'.repeat(400)}`)).toBeNull()
})

it('never offers the uploaded original in srcset, however wide (only sharp renditions)', () => {
  const rendition = (file: string, width: number, height: number) => ({
    file,
    width,
    height,
    mimeType: 'image/webp',
  })
  const wide: ImageRef = {
    ...rendition('x.html', 2400, 1200),
    mimeType: 'image/png',
    alt: '',
    caption: null,
    focalX: null,
    focalY: null,
    sizes: {
      heroSmall: rendition('x-800x400.webp', 800, 400),
      hero: rendition('x-1600x800.webp', 1600, 800),
      card: rendition('x-640x400.webp', 640, 400),
    },
  }
  for (const shape of ['hero', 'card'] as const) {
    const { src, srcset } = imageSources(wide, shape)
    expect(`${src} ${srcset}`).not.toContain('x.html')
    expect(srcset.split(', ').every((candidate) => /\.webp \d+w$/.test(candidate))).toBe(true)
  }
  const onlyThumbnail: ImageRef = {
    ...wide,
    sizes: { thumbnail: rendition('x-320x240.webp', 320, 240) },
  }
  expect(imageSources(onlyThumbnail, 'hero').src).toBe('/media/x-320x240.webp')
})
