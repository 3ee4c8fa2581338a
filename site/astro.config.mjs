import react from '@astrojs/react'
import { defineConfig } from 'astro/config'
import { copyUsedMedia } from './integrations/copyUsedMedia.ts'
import { searchIndex } from './integrations/searchIndex.ts'

/**
 * The public site: static HTML from the CMS export, React only for islands that need it (the
 * search box, hydrated `client:focus`). searchIndex comes after copyUsedMedia, so the media scan
 * never reads the index's files.
 */
export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  compressHTML: true,
  prefetch: false,
  devToolbar: { enabled: false },
  integrations: [react(), copyUsedMedia(), searchIndex()],
})
