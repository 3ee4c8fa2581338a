import { createLocalReq, type Payload, type PayloadRequest, type TypedUser } from 'payload'
import { recordAudit } from '../audit/recordAudit'
import { createBooksInBulk } from './createBooksInBulk'
import type { ImportPlan, PlannedRow } from './planImport'

/** `valid`: import the valid rows and skip the invalid ones; `all`: import only if every row is valid. */
export type ImportMode = 'valid' | 'all'

export interface ImportProgress {
  done: number
  total: number
}

export interface ImportResult {
  created: number
  updated: number
  unchanged: number
  skipped: number
}

/** An import refused before or during the write; the catalogue is as it was. */
export class ImportRefused extends Error {
  constructor(
    message: string,
    readonly rowNumber?: number,
  ) {
    super(message)
  }
}

const progressEvery = 100

/** The Books collection's create rule, which the bulk writer does not run through the Local API. */
const mayCreateBooks = async (req: PayloadRequest) =>
  Boolean(await req.payload.collections.books.config.access.create({ req }))

/**
 * Writes a plan's new and changed books as one transaction: if any write fails, or the process
 * dies, none of them is kept. New books go in through `createBooksInBulk` (the collection's
 * rules, hooks and defaults, without a Local API call per book); an update goes through the Books
 * collection as an editor's save would. Access is the collection's when a `user` is given. The
 * publisher's queue rows commit with the books, so it sees the whole import at once and
 * publishes it as one update. On MongoDB without a replica set there are no transactions; the
 * README says so.
 */
export async function applyImport(
  payload: Payload,
  plan: ImportPlan,
  {
    mode,
    user,
    onProgress,
    fileName,
  }: {
    mode: ImportMode
    user?: TypedUser | null
    onProgress?: (progress: ImportProgress) => void
    /** Named in the audit log's entry for the import. */
    fileName?: string
  },
): Promise<ImportResult> {
  if (mode === 'all' && plan.counts.invalid > 0)
    throw new ImportRefused(
      `有 ${plan.counts.invalid} 行无效，按“全部有效才导入”的选择，没有导入任何图书。`,
    )
  const writes = plan.rows.filter(
    (row): row is PlannedRow => row.action === 'new' || row.action === 'updated',
  )
  const result: ImportResult = {
    created: plan.counts.new,
    updated: plan.counts.updated,
    unchanged: plan.counts.unchanged,
    skipped: plan.counts.invalid,
  }
  if (writes.length === 0) return result

  const req = await createLocalReq({ user: user ?? undefined }, payload)
  const transactionID = await payload.db.beginTransaction()
  if (transactionID) req.transactionID = transactionID
  const options = { overrideAccess: !user, req, depth: 0 }
  const created = writes.filter((row) => row.action === 'new')
  const updated = writes.filter((row) => row.action === 'updated')
  let current: PlannedRow | undefined
  let reported = 0
  const report = (done: number) => {
    reported = done
    onProgress?.({ done, total: writes.length })
  }
  try {
    // New books in bulk (createBooksInBulk); an update goes through the Local API, as an editor's.
    if (created.length && user && !(await mayCreateBooks(req)))
      throw new Error('当前账号没有新增图书的权限。')
    await createBooksInBulk(
      req,
      created.map((row) => row.data),
      {
        atRow: (index) => (current = created[index]),
        onProgress: (done) => report(done),
      },
    )
    current = undefined
    for (const [index, row] of updated.entries()) {
      current = row
      await payload.update({ collection: 'books', id: row.id!, data: row.data, ...options })
      const done = created.length + index + 1
      if (done % progressEvery === 0) report(done)
    }
    // One entry for the import as a whole (each book's own change is recorded by its save).
    await recordAudit(req, {
      action: 'import',
      targetCollection: 'books',
      documentTitle: fileName ?? null,
      summary: `导入馆藏${fileName ? `（${fileName}）` : ''}：新增 ${result.created} 本，更新 ${result.updated} 本，未变 ${result.unchanged} 本，跳过无效 ${result.skipped} 行`,
    })
    if (transactionID) await payload.db.commitTransaction(transactionID)
  } catch (error) {
    if (transactionID) await payload.db.rollbackTransaction(transactionID).catch(() => undefined)
    const message = error instanceof Error ? error.message : String(error)
    throw new ImportRefused(
      current
        ? `第 ${current.rowNumber} 行（${current.title || '无书名'}）保存失败，整个导入已撤销，馆藏没有变化：${message}`
        : `导入失败，整个导入已撤销，馆藏没有变化：${message}`,
      current?.rowNumber,
    )
  }
  if (reported !== writes.length) onProgress?.({ done: writes.length, total: writes.length })
  return result
}
