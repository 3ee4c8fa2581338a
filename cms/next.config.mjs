import { withPayload } from '@payloadcms/next/withPayload'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { securityHeaders } from './server/securityHeaders.mjs'

const cmsDir = path.dirname(fileURLToPath(import.meta.url))

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The CMS has no public pages of its own.
  redirects: async () => [{ source: '/', destination: '/admin', permanent: false }],
  headers: async () => [{ source: '/:path*', headers: securityHeaders }],
  // The admin is type-checked by `npm run typecheck`; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  turbopack: { root: path.resolve(cmsDir, '..') },
  outputFileTracingRoot: path.resolve(cmsDir, '..'),
  webpack: (config) => {
    config.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return config
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
