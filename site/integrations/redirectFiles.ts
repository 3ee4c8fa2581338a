import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { redirectFiles } from '../../shared/redirects/redirectFiles'
import { buildTimeContent } from '../src/cms/buildTimeIndex'
import { siteRedirectRules } from '../src/redirects/siteRedirects'
import { allPageRoutes } from '../src/routes/pageRoutes'

/**
 * Writes the 网址跳转 redirects beside the pages for any server: `dist/_redirects` (Netlify's
 * format; our static server reads it) and `dist/_redirects.map` (nginx `map` entries). Computed
 * from the same export and route table as the pages (src/redirects/siteRedirects.ts), after them.
 */
export function redirectFilesIntegration(): AstroIntegration {
  return {
    name: 'hongse:redirect-files',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { content, index } = await buildTimeContent()
        const pages = new Set(allPageRoutes(index).map((route) => route.path))
        const rules = siteRedirectRules(content.redirects, index, (page) => pages.has(page))
        const outDir = fileURLToPath(dir)
        for (const file of redirectFiles(rules))
          fs.writeFileSync(path.join(outDir, file.path), file.data)
        logger.info(`${rules.length} redirects written to _redirects and _redirects.map`)
      },
    },
  }
}
