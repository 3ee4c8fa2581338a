import react from '@astrojs/react'
import { defineConfig } from 'astro/config'
import { copyUsedMedia } from './integrations/copyUsedMedia.ts'

/** The public site: static HTML from the CMS export, React only for islands that need it. */
export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  compressHTML: true,
  prefetch: false,
  devToolbar: { enabled: false },
  integrations: [react(), copyUsedMedia()],
})
