/**
 * Who renders the content pages (the route table) and the per-document files (file families:
 * lecture timelines, sitemap sections) in `astro build`: by default the build itself after Astro's
 * generation, pages on worker threads, one per core (integrations/pagesOnWorkers.ts), and their
 * Astro routes list no paths; with SITE_PAGE_RENDERER=astro, Astro's own static generation (one
 * thread). Both write the same bytes; the tests compare them.
 */
export const astroRendersPages = (): boolean => process.env.SITE_PAGE_RENDERER === 'astro'
