/**
 * A release opened for updates: its warm renderer loaded and warmed up, the content it shows as a
 * `SiteState`, and its search index's updater.
 */
import { siteUrl as settingsSiteUrl } from '../cms/settings'
import { SearchIndexUpdater } from '../shared/search/updateIndex'
import { pageFamilies, routesOf } from '../site/src/routes/pageRoutes'
import type { Release } from './releases'
import { SiteState } from './siteState'
import { WarmRenderer } from '../site/server/warmRenderer'

/** The live release with everything needed to update it. */
export interface LiveSite {
  release: Release
  state: SiteState
  renderer: WarmRenderer
  /** The `SITE_URL` the release was built with (absolute URLs in feeds and the sitemap). */
  siteUrl: URL
  search: SearchIndexUpdater
}

export async function openLiveSite(release: Release): Promise<LiveSite> {
  const content = release.readContent()
  const renderer = await WarmRenderer.start(release.renderDir)
  try {
    const state = SiteState.from(content)
    // A few pages of each kind on every thread, discarded: the first update runs on optimised code.
    await renderer.warmUp(
      pageFamilies.flatMap((family) => routesOf(family, state.index).slice(0, 60)),
      state.site,
    )
    const siteUrl = new URL(release.info()?.siteUrl ?? settingsSiteUrl())
    return { release, state, renderer, siteUrl, search: SearchIndexUpdater.open(release.searchDir) }
  } catch (error) {
    await renderer.close()
    throw error
  }
}
