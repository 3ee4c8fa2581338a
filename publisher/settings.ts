import path from 'node:path'
import { siteContentFile } from '../cms/settings'

/** Where site releases live (`SITE_RELEASES_DIR`, default `site/` beside the content export in `data/`). */
export function siteReleasesDir(): string {
  return path.resolve(
    process.env.SITE_RELEASES_DIR || path.join(path.dirname(siteContentFile()), 'site'),
  )
}

/** The socket the static server forwards preview requests to. */
export function publisherSocket(): string {
  return path.join(siteReleasesDir(), 'publisher.sock')
}

/** Hours between consistency full builds (`SITE_FULL_BUILD_HOURS`, default 24, 0 for never). */
export function fullBuildIntervalHours(): number {
  const value = Number(process.env.SITE_FULL_BUILD_HOURS)
  return Number.isFinite(value) &&
    value >= 0 &&
    process.env.SITE_FULL_BUILD_HOURS !== '' &&
    process.env.SITE_FULL_BUILD_HOURS !== undefined
    ? value
    : 24
}

/** The folder the static server serves: the current release, through its link (a restarted publisher keeps it). */
export function servedSiteDir(): string {
  return path.join(siteReleasesDir(), 'current', 'public')
}
