import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/**
 * Runs a real `astro build` of site/ from an export file into outDir; throws with its output on
 * failure. `pageRenderer: 'astro'` has Astro's own static generation render the content pages
 * instead of the build's worker threads (site/src/routes/pageRendering.ts).
 */
export function buildSite(options: {
  contentFile: string
  mediaDir: string
  outDir: string
  siteUrl?: string
  pageRenderer?: 'astro' | 'workers'
}): void {
  const result = spawnSync(path.resolve('node_modules/.bin/astro'), ['build', '--root', 'site'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      SITE_CONTENT_FILE: options.contentFile,
      MEDIA_DIR: options.mediaDir,
      SITE_URL: options.siteUrl ?? 'https://hongse.example',
      CMS_URL: '',
      SITE_OUT_DIR: options.outDir,
      SITE_PAGE_RENDERER: options.pageRenderer ?? 'workers',
    },
  })
  if (result.status !== 0)
    throw new Error(`astro build failed:\n${result.stdout}\n${result.stderr}`)
}

/** Every file under dir with its text (binary files skipped). */
export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>()
  const visit = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) visit(full)
      else if (/\.(html|xml|txt|json|js|css|vtt)$/.test(entry.name))
        files.set(path.relative(dir, full), fs.readFileSync(full, 'utf8'))
    }
  }
  visit(dir)
  return files
}
