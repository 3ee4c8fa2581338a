import type { SiteSettings } from '../../../shared/siteContent'
import type { PageRoute } from './pageRoutes'

/** What the publisher hands the warm renderer with each request (as `Astro.locals.render`). */
export type RenderRequest = { kind: 'page'; route: PageRoute; site: SiteSettings }
