import path from 'node:path'
import { Release } from '../../publisher/releases'
import type { SiteContent } from '../../shared/siteContent'
import fs from 'node:fs'

/** The content the e2e server's live site shows (its release snapshot and journal, from `npm start`). */
export function e2eSiteContent(): SiteContent {
  const current = fs.realpathSync(path.join(process.env.E2E_DATA_DIR!, 'site', 'current'))
  return new Release(current).readContent()
}

export const siteUrl = (pathname: string) => new URL(pathname, process.env.E2E_SITE_URL).toString()
