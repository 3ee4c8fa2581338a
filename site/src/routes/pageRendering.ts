/**
 * Who renders the content pages (the route table) in `astro build`: by default the build's
 * worker threads, one per core (integrations/pagesOnWorkers.ts), and `[...path].astro` lists no
 * paths; with SITE_PAGE_RENDERER=astro, Astro's own static generation (one thread). Both write
 * the same bytes; the tests compare them.
 */
export const astroRendersPages = (): boolean => process.env.SITE_PAGE_RENDERER === 'astro'
