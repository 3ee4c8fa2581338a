import type { SiteSettings } from '../../../shared/siteContent'
import type { PageRoute } from './pageRoutes'

/** What the publisher hands the warm renderer with each request (as `Astro.locals.render`). */
export interface RenderRequest {
  route: PageRoute
  site: SiteSettings
}
