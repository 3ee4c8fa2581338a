/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The site settings every page's shell shows; set by RoutePage (or the page) before rendering. */
    site: import('../../shared/siteContent').SiteSettings
    /** The page's public path, when it is rendered at another URL (the publisher's warm renderer). */
    pagePath?: string
    /** Set by the publisher's warm renderer for pages/render/: the page to render. */
    render?: import('./routes/renderRequest').RenderRequest
  }
}
