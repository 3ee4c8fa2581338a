import { describe, expect, it } from 'vitest'
import {
  previewLifetimeSeconds,
  previewPath,
  signPreviewUrl,
  verifyPreview,
} from '../../shared/previewLink'

const secret = 'preview-test-secret'
const now = Date.parse('2026-11-28T06:00:00Z')

/** The parts of a signed link, as the site's preview route reads them. */
function parse(url: string) {
  const { pathname, searchParams } = new URL(url)
  const [, , collection, id] = pathname.split('/')
  return {
    collection,
    id,
    expires: searchParams.get('expires'),
    signature: searchParams.get('signature'),
  }
}

describe('preview links', () => {
  const link = signPreviewUrl('http://localhost:4321/', 'news', 42, secret, now)

  it('points at the document on the site and expires after 30 minutes', () => {
    expect(previewPath('news', 42)).toBe('/__preview/news/42/')
    expect(link).toMatch(
      /^http:\/\/localhost:4321\/__preview\/news\/42\/\?expires=\d+&signature=[0-9a-f]{64}$/,
    )
    expect(Number(parse(link).expires)).toBe(now / 1000 + previewLifetimeSeconds)
  })

  it('verifies a link as signed, until it expires', () => {
    expect(verifyPreview(parse(link), secret, now)).toBe(true)
    expect(verifyPreview(parse(link), secret, now + (previewLifetimeSeconds - 1) * 1000)).toBe(true)
    expect(verifyPreview(parse(link), secret, now + previewLifetimeSeconds * 1000)).toBe(false)
  })

  it('refuses a tampered link', () => {
    const good = parse(link)
    const flipped = good.signature!.replace(/^./, (c) => (c === '0' ? '1' : '0'))
    expect(verifyPreview({ ...good, signature: flipped }, secret, now)).toBe(false)
    expect(verifyPreview({ ...good, id: '43' }, secret, now)).toBe(false)
    expect(verifyPreview({ ...good, collection: 'lectures' }, secret, now)).toBe(false)
    expect(
      verifyPreview({ ...good, expires: String(Number(good.expires) + 3600) }, secret, now),
    ).toBe(false)
    expect(verifyPreview(good, 'another-secret', now)).toBe(false)
  })

  it('refuses malformed or missing parameters', () => {
    const good = parse(link)
    for (const bad of [
      { ...good, signature: null },
      { ...good, signature: good.signature!.slice(0, 63) },
      { ...good, signature: 'zz'.repeat(32) },
      { ...good, expires: null },
      { ...good, expires: '1e12' },
      { ...good, expires: '-1' },
    ]) {
      expect(verifyPreview(bad, secret, now)).toBe(false)
    }
  })
})
