import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'

/** React's modules as the search islands' client code imports them, and their preact/compat twins. */
const aliases: Record<string, string> = {
  react: 'preact/compat',
  'react-dom': 'preact/compat',
  'react-dom/client': 'preact/compat/client',
  'react/jsx-runtime': 'preact/compat/jsx-runtime',
  'react/jsx-dev-runtime': 'preact/compat/jsx-dev-runtime',
}

const components = fileURLToPath(new URL('../src/components/', import.meta.url))

/**
 * Client code that may import React (and gets Preact): the search box and the search page with
 * their helpers (site/src/components/Search*), and @astrojs/react's client renderer, which
 * hydrates the /search/ island.
 */
const mayImportReact = (importer: string) =>
  (importer.startsWith(components) && path.basename(importer).startsWith('Search')) ||
  /[\\/]@astrojs[\\/]react[\\/]/.test(importer)

/**
 * The search box and the search page run on Preact in the browser: `react`, `react-dom` and the
 * JSX runtime resolve to `preact/compat` in the client build, so the first search downloads
 * ~10 KB of framework instead of React's ~57 KB (gzipped). The components keep React's API
 * (hooks, events, `hydrateRoot`) and are still rendered to HTML by React: Astro's server and
 * prerender environments, the header form (SearchBoxMarkup.ts) and the publisher's warm renderer
 * (pages/render/) are untouched, and Preact hydrates React's markup.
 *
 * A resolveId hook for the client environment only (Vite's `resolve.alias` is global, not per
 * environment), at build time only (`astro dev` keeps React and its pre-bundled dependencies).
 * The site has no other React island; one added later would also get Preact, so a client import of
 * React from anywhere else fails the build rather than silently changing framework.
 */
export function searchOnPreact(): AstroIntegration {
  const plugin = {
    name: 'hongse:search-on-preact',
    apply: 'build' as const,
    enforce: 'pre' as const,
    applyToEnvironment: (environment: { name: string }) => environment.name === 'client',
    async resolveId(
      this: {
        resolve(
          source: string,
          importer?: string,
          options?: { skipSelf?: boolean },
        ): Promise<{ id: string } | null>
        error(message: string): never
      },
      source: string,
      importer: string | undefined,
    ) {
      const target = aliases[source]
      if (!target) return null
      if (!importer || !mayImportReact(importer))
        this.error(
          `${importer ?? 'an entry'} imports ${source} in the client build, where React is aliased to Preact for the search islands only (site/integrations/searchOnPreact.ts): add it there knowingly, or keep React out of the client`,
        )
      return this.resolve(target, importer, { skipSelf: true })
    },
  }
  return {
    name: 'hongse:search-on-preact',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [plugin] } })
      },
    },
  }
}
