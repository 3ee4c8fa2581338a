import path from 'node:path'

/**
 * Settings read from the environment, in one place. Paths resolve against the project root
 * (the folder `npm` runs scripts in), so the CLI, scripts, tests and the Next server agree.
 */
export const projectRoot = process.env.PROJECT_ROOT ?? process.cwd()

export const isProduction = process.env.NODE_ENV === 'production'

export const defaultDatabaseUrl = 'file:data/cms.db'

export function databaseUrl(): string {
  return process.env.DATABASE_URL || defaultDatabaseUrl
}

export function mediaDir(): string {
  return path.resolve(projectRoot, process.env.MEDIA_DIR || 'media')
}

/** Largest upload accepted, in bytes (`MEDIA_MAX_BYTES`, default 50 MB). */
export function mediaMaxBytes(): number {
  const value = Number(process.env.MEDIA_MAX_BYTES)
  return Number.isFinite(value) && value > 0 ? value : 50 * 1024 * 1024
}

export function cmsPort(): number {
  return Number(process.env.CMS_PORT) || 3000
}

export function sitePort(): number {
  return Number(process.env.SITE_PORT) || 4321
}

/** The public site's address without a trailing slash (`SITE_URL`, default `http://localhost:<SITE_PORT>`). */
export function siteUrl(): string {
  return (process.env.SITE_URL || `http://localhost:${sitePort()}`).replace(/\/+$/, '')
}

/** The secret signing logins. Production refuses to run without one from the environment. */
export function payloadSecret(): string {
  const secret = process.env.PAYLOAD_SECRET
  if (secret) return secret
  if (isProduction) {
    throw new Error(
      'PAYLOAD_SECRET 未设置：生产环境（NODE_ENV=production）必须通过环境变量提供密钥，拒绝启动。',
    )
  }
  return 'development-only-secret-not-for-production'
}

/** Where `npm run export` writes the published content for the site build. */
export function siteContentFile(): string {
  return path.resolve(projectRoot, process.env.SITE_CONTENT_FILE || 'data/site-content.json')
}

/**
 * Origins whose browsers may use an admin's login cookie (Payload `csrf`): the CMS's own address
 * (`CMS_URL`, default `http://localhost:<CMS_PORT>` and `http://127.0.0.1:<CMS_PORT>`) and any
 * listed in `CMS_ALLOWED_ORIGINS` (comma-separated). Not the public site: nothing there needs a
 * login, and a page on it must never act with one.
 */
export function cmsTrustedOrigins(): string[] {
  const own = process.env.CMS_URL
    ? [process.env.CMS_URL]
    : [`http://localhost:${cmsPort()}`, `http://127.0.0.1:${cmsPort()}`]
  const extra = (process.env.CMS_ALLOWED_ORIGINS ?? '').split(',')
  return [
    ...new Set(
      [...own, ...extra].map((origin) => origin.trim().replace(/\/+$/, '')).filter(Boolean),
    ),
  ]
}

/** Origins allowed to read the API from a browser (Payload `cors`): the trusted ones and the public site. */
export function cmsCorsOrigins(): string[] {
  return [...new Set([...cmsTrustedOrigins(), siteUrl()])]
}

/** Key a site build sends as `Authorization: Bearer …` to read `GET /api/site-content` (`SITE_BUILD_TOKEN`); none set = staff only. */
export function siteBuildToken(): string | undefined {
  return process.env.SITE_BUILD_TOKEN?.trim() || undefined
}
