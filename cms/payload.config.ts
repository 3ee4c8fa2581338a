import { buildConfig } from 'payload'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { zh } from '@payloadcms/translations/languages/zh'
import sharp from 'sharp'
import path from 'node:path'
import { Books } from './collections/Books'
import { Exhibitions } from './collections/Exhibitions'
import { Exhibits } from './collections/Exhibits'
import { Lectures } from './collections/Lectures'
import { Media } from './collections/Media'
import { News } from './collections/News'
import { Redirects } from './collections/Redirects'
import { automaticRedirects } from './collections/Redirects/automaticRedirects'
import { Speakers } from './collections/Speakers'
import { SiteChanges } from './collections/SiteChanges'
import { bookImportPath } from './components/BookImport/bookImportPath'
import { Users } from './collections/Users'
import { auditLogPlugin } from './audit/auditLogPlugin'
import { collectionExportPlugin } from './collectionExport/collectionExportPlugin'
import { exportableCollections } from './collectionExport/exportableCollections'
import { editorsRunJobs } from './access/editorsRunJobs'
import { answerServerFault } from './api/answerServerFault'
import { limitGraphQLCost } from './api/graphQLCost'
import { withApiQueryLimits } from './api/limitApiQueries'
import { logRefusalsAsInfo } from './api/logRefusalsAsInfo'
import { requestLogFields } from './api/requestContext'
import { selectDatabaseAdapter } from './database/selectDatabaseAdapter'
import { logEmail } from './email/logEmail'
import { siteContentEndpoint } from './export/siteContentEndpoint'
import { Site } from './globals/Site'
import { SiteStatus } from './globals/SiteStatus'
import { strictInput } from './input/strictInput'
import { reviewPlugin } from './review/reviewPlugin'
import {
  cmsCorsOrigins,
  cmsTrustedOrigins,
  databaseUrl,
  mediaMaxBytes,
  payloadSecret,
  projectRoot,
} from './settings'

export default buildConfig({
  secret: payloadSecret(),
  db: selectDatabaseAdapter(databaseUrl()),
  editor: lexicalEditor(),
  sharp,
  email: logEmail,
  collections: withApiQueryLimits([
    News,
    Exhibitions,
    Exhibits,
    Lectures,
    Speakers,
    Books,
    Media,
    Users,
    SiteChanges,
    Redirects,
  ]),
  globals: [Site, SiteStatus],
  endpoints: [siteContentEndpoint],
  plugins: [
    // The audit log (操作日志) and review (三审) wire themselves into the collections above.
    auditLogPlugin({ excludeCollections: ['site-changes'], globals: ['site'] }),
    collectionExportPlugin({ collections: [...exportableCollections] }),
    automaticRedirects,
    strictInput,
    // After strictInput: review's hook that drops a client's `review` runs before the input check.
    reviewPlugin(),
  ],
  hooks: { afterError: [answerServerFault] },
  i18n: { supportedLanguages: { zh }, fallbackLanguage: 'zh' },
  upload: { limits: { fileSize: mediaMaxBytes() + 1 } },
  graphQL: { disablePlaygroundInProduction: true, validationRules: limitGraphQLCost },
  // A login cookie counts only from the CMS's own origins (a page elsewhere cannot act as its user).
  csrf: cmsTrustedOrigins(),
  cors: cmsCorsOrigins(),
  admin: {
    user: Users.slug,
    // No Gravatar: the admin must not call out to third parties.
    avatar: 'default',
    dateFormat: 'yyyy年M月d日 HH:mm',
    meta: { titleSuffix: ' · 红色山高内容管理', description: '红色山高楼宇党建内容管理系统' },
    components: {
      graphics: {
        Logo: '/cms/components/Brand#BrandLogo',
        Icon: '/cms/components/Brand#BrandIcon',
      },
      beforeDashboard: ['/cms/components/SiteStatus/SiteStatusOnDashboard#SiteStatusOnDashboard'],
      views: {
        bookImport: {
          Component: '/cms/components/BookImport/BookImportView#BookImportView',
          path: bookImportPath,
        },
      },
    },
    importMap: {
      baseDir: projectRoot,
      importMapFile: path.resolve(projectRoot, 'cms/app/(payload)/admin/importMap.js'),
    },
  },
  jobs: {
    // Scheduled publishing runs through Payload's job queue; the server checks it every minute.
    autoRun: [{ cron: '* * * * *', queue: 'default' }],
    shouldAutoRun: () => process.env.PAYLOAD_JOBS_AUTORUN !== 'false',
    // Jobs publish and unpublish: running, queueing or cancelling them is editors' and admins' work.
    access: { run: editorsRunJobs, queue: editorsRunJobs, cancel: editorsRunJobs },
  },
  typescript: { outputFile: path.resolve(projectRoot, 'cms/payload-types.ts') },
  telemetry: false,
  // Refusals (403, 404, 400, failed logins) are expected: one info line, not an error with a stack.
  loggingLevels: {
    APIError: 'info',
    AuthenticationError: 'info',
    LockedAuth: 'info',
    QueryError: 'info',
    FileUploadError: 'info',
  },
  // PAYLOAD_LOG_LEVEL=warn keeps tests and scripts quiet; the server logs at info.
  logger: {
    options: {
      level: process.env.PAYLOAD_LOG_LEVEL || 'info',
      mixin: requestLogFields,
      hooks: { logMethod: logRefusalsAsInfo },
    },
  },
})
