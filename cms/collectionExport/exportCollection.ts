/**
 * Exports one collection as CSV, xlsx or JSON: the columns from its field config, the documents
 * the request's user may read, a page at a time, into a stream of bytes. The first page is read
 * before anything is returned, so a refusal (403) or a bad query is an answer, not a broken
 * download. Used by the REST endpoint (GET /api/<slug>/export) and `npm run export:collection`.
 */
import type { CollectionSlug, PayloadRequest, Where } from 'payload'
import { exportColumns, readableColumns } from './exportColumns'
import { exportFileName } from './exportFileName'
import { exportFormats, type ExportFormat } from './exportFormats'
import { readPage, readPages, type ExportDocument, type ReadOptions } from './readDocuments'
import { writeCsv } from './writeCsv'
import { writeJson } from './writeJson'
import { writeXlsx } from './writeXlsx'

export interface ExportRequest {
  req: PayloadRequest
  collection: CollectionSlug
  format: ExportFormat
  /** Read as the database's owner (command line without `--as`); the API never does. */
  overrideAccess?: boolean
  pageSize?: number
  /** Export only the matching documents (`?where[…]=…`, as the admin list filters). */
  where?: Where
}

export interface CollectionExport {
  /** `books-20261203.csv` */
  fileName: string
  /** The collection's Chinese name, for the download's display name. */
  label: string
  contentType: string
  columns: string[]
  body: AsyncIterable<Uint8Array>
  /** Documents written so far (all of them once `body` is read to the end). */
  documents: () => number
}

function pluralLabel(label: unknown, fallback: string): string {
  if (typeof label === 'string') return label
  if (label && typeof label === 'object') {
    const labels = label as Record<string, string>
    return labels.zh ?? Object.values(labels)[0] ?? fallback
  }
  return fallback
}

export async function exportCollection({
  req,
  collection,
  format,
  overrideAccess = false,
  pageSize,
  where,
}: ExportRequest): Promise<CollectionExport> {
  const config = req.payload.collections[collection].config
  const allColumns = exportColumns(config)
  const columns = overrideAccess ? allColumns : await readableColumns(allColumns, req)
  const options: ReadOptions = { req, collection, overrideAccess, pageSize, where }
  const first = await readPage(options)

  let documents = 0
  async function* counted(): AsyncGenerator<ExportDocument[]> {
    for await (const page of readPages(options, first)) {
      documents += page.length
      yield page
    }
  }
  const body =
    format === 'csv'
      ? writeCsv(columns, counted())
      : format === 'xlsx'
        ? writeXlsx(columns, counted(), collection)
        : writeJson(counted())
  return {
    fileName: exportFileName(collection, format),
    label: pluralLabel(config.labels?.plural, collection),
    contentType: exportFormats[format].contentType,
    columns: columns.map((column) => column.name),
    body,
    documents: () => documents,
  }
}
