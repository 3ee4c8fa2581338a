import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from './tests/helpers/chromium'

/**
 * End-to-end tests against the real system: `npm start` (CMS, publisher and static server) on a
 * fresh temporary SQLite database (demo content seeded), driven through Debian's Chromium.
 */
const port = Number(process.env.E2E_CMS_PORT ?? 3100)
const sitePort = Number(process.env.E2E_SITE_PORT ?? 4400)
process.env.E2E_SITE_URL = `http://localhost:${sitePort}`
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-e2e-'))
const dataDir = process.env.E2E_DATA_DIR

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.spec.ts',
  outputDir: 'test-results',
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: 'npm start',
    // Ready when both are up: start.ts serves the site only after the CMS answers.
    url: `http://127.0.0.1:${sitePort}/`,
    timeout: 600_000,
    reuseExistingServer: Boolean(process.env.E2E_REUSE_SERVER),
    stdout: 'pipe',
    env: {
      CMS_PORT: String(port),
      SITE_PORT: String(sitePort),
      SITE_URL: `http://localhost:${sitePort}`,
      SITE_CONTENT_FILE: path.join(dataDir, 'site-content.json'),
      DATABASE_URL: `file:${path.join(dataDir, 'cms.db')}`,
      MEDIA_DIR: path.join(dataDir, 'media'),
      PAYLOAD_SECRET: 'e2e-secret',
      DEMO_ADMIN_EMAIL: 'admin@hongse.example',
      DEMO_ADMIN_PASSWORD: 'hongse-demo-2026',
      // publish.e2e.spec.ts: a page whose content holds this marker fails to render.
      PUBLISHER_FAULT_MARKER: '【渲染故障】',
      SITE_FULL_BUILD_HOURS: '0',
      // security.e2e / access.e2e: one trusted proxy (tests choose their client address with
      // X-Forwarded-For and their scheme with X-Forwarded-Proto), and the site-build key.
      TRUST_PROXY: '1',
      SITE_BUILD_TOKEN: 'e2e-site-build-key',
    },
  },
})
