import fs from 'node:fs'
import path from 'node:path'
import type { SiteContent } from '../../shared/siteContent'

/** The export the e2e server built its site from (written by `npm start`). */
export function e2eSiteContent(): SiteContent {
  const file = path.join(process.env.E2E_DATA_DIR!, 'site-content.json')
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SiteContent
}

export const siteUrl = (pathname: string) => new URL(pathname, process.env.E2E_SITE_URL).toString()
