/**
 * `npm run export:collection -- <collection> [--format csv|xlsx|json] [--out <file>] [--as <email>]`:
 * one collection to a file (cms/collectionExport), by default CSV to `exports/<slug>-<date>.csv`.
 * Whoever runs this holds the database, so it exports everything (drafts and staff-only fields
 * included) unless `--as` names an account whose read access should apply. Written to a temporary
 * file and renamed, so a failed export leaves no half file.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import {
  exportableCollections,
  isExportableCollection,
} from '../collectionExport/exportableCollections'
import {
  exportFormatNames,
  isExportFormat,
  unknownFormatMessage,
} from '../collectionExport/exportFormats'
import { exportFileName } from '../collectionExport/exportFileName'
import { loadEnvironment } from './loadEnvironment'
import { openPayload, parseArguments, runScript } from './openPayload'

loadEnvironment()

const usage = `用法：npm run export:collection -- <${exportableCollections.join('|')}> [--format ${exportFormatNames.join('|')}] [--out <文件>] [--as <账号邮箱>]`

await runScript('export:collection', async () => {
  const { values, positionals } = parseArguments(
    () =>
      parseArgs({
        options: {
          format: { type: 'string', default: 'csv' },
          out: { type: 'string' },
          as: { type: 'string' },
        },
        allowPositionals: true,
        strict: true,
      }),
    usage,
  )
  const [collection, ...extra] = positionals
  if (!collection) throw new Error(`请指定要导出的集合。${usage}`)
  if (extra.length) throw new Error(`多余的参数 ${extra.join(' ')}。${usage}`)
  if (!isExportableCollection(collection))
    throw new Error(
      `没有可导出的集合“${collection}”：可导出 ${exportableCollections.join('、')}。${usage}`,
    )
  const format = values.format
  if (!isExportFormat(format)) throw new Error(unknownFormatMessage(format))

  process.env.PAYLOAD_LOG_LEVEL ??= 'warn'
  const [{ createLocalReq }, { exportCollection }, { isStaffUser }] = await Promise.all([
    import('payload'),
    import('../collectionExport/exportCollection'),
    import('../access/roles'),
  ])
  const payload = await openPayload()
  const started = performance.now()
  let req
  if (values.as) {
    const { docs } = await payload.find({
      collection: 'users',
      where: { email: { equals: values.as.trim().toLowerCase() } },
      limit: 1,
      depth: 0,
    })
    const user = docs[0] ? { ...docs[0], collection: 'users' as const } : undefined
    if (!user) throw new Error(`没有账号 ${values.as}。`)
    if (!isStaffUser(user))
      throw new Error(`账号 ${values.as} 不是投稿人、编辑或管理员，不能导出。`)
    req = await createLocalReq({ user }, payload)
  } else req = await createLocalReq({}, payload)

  const result = await exportCollection({
    req,
    collection,
    format,
    overrideAccess: !values.as,
  })
  const file = path.resolve(values.out ?? path.join('exports', exportFileName(collection, format)))
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  try {
    await pipeline(Readable.from(result.body), fs.createWriteStream(temporary))
    fs.renameSync(temporary, file)
  } catch (error) {
    fs.rmSync(temporary, { force: true })
    throw error
  }
  const shown = file.startsWith(process.cwd() + path.sep)
    ? path.relative(process.cwd(), file)
    : file
  return `${collection} ${result.documents()} 条${values.as ? `（按 ${values.as} 的权限）` : ''} → ${shown}（${result.columns.length} 列，${Math.round(performance.now() - started)} ms）`
})
