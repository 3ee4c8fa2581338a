/**
 * Security headers of the public site (static server and draft preview). The Content-Security-Policy
 * allows scripts from the site itself and the inline scripts by hash only: the site's own
 * (site/src/lib/inlineScripts.ts) and Astro's island runtime with its `client:load` directive (the
 * search page's React island). JSON-LD is data, not script, and needs no hash.
 */
import { createHash } from 'node:crypto'
import islandScript from 'astro/runtime/server/astro-island.prebuilt.js'
import loadDirectiveScript from 'astro/runtime/client/load.prebuilt.js'
import { siteInlineScripts } from '../src/lib/inlineScripts'

const scriptHash = (script: string) =>
  `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`

/** Every inline script a page of the site may carry, as CSP hash sources. */
export const inlineScriptHashes = [...siteInlineScripts, islandScript, loadDirectiveScript].map(
  scriptHash,
)

export const siteContentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' ${inlineScriptHashes.join(' ')}`,
  // Astro inlines small stylesheets and the island's `display: contents` rule.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "media-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ')

/** Headers every response of the public site carries. */
export const siteSecurityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': siteContentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
}
