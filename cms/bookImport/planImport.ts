import type { Payload, PayloadRequest } from 'payload'
import { equivalentIsbns, isbnProblem, normalizeIsbn } from '../../shared/isbn'
import { withoutInvisible } from '../../shared/invisibleCharacters'
import type { Book } from '../payload-types'
import { checkBookRow, type BookData } from './checkBookRow'
import type { ColumnMapping } from './headerAliases'
import { fieldLabel, importFields, type RawBook } from './importableFields'
import type { Table } from './readSpreadsheet'

export type RowAction = 'new' | 'updated' | 'unchanged' | 'invalid'

export interface PlannedRow {
  rowNumber: number
  action: RowAction
  problems: string[]
  data: BookData
  /** The catalogue's book this row updates (or leaves as it is). */
  id?: number
  title: string
  /** Labels of the fields an update changes. */
  changes?: string[]
}

export interface ImportPlan {
  rows: PlannedRow[]
  counts: Record<RowAction, number>
}

type StoredBook = Pick<Book, 'id'> & Partial<Book>

/** A row's cells as raw book values, by the mapping (unmapped columns are left out). */
export function rawBookOf(headers: string[], cells: string[], mapping: ColumnMapping): RawBook {
  const raw: RawBook = {}
  headers.forEach((header, index) => {
    const field = mapping[header]
    if (field) raw[field] = cells[index] ?? ''
  })
  return raw
}

const isbnKeys = (cell: string | undefined): string[] => {
  const isbn = normalizeIsbn(cell ?? '')
  return isbn && !isbnProblem(isbn) ? equivalentIsbns(isbn) : []
}
const callNumberKey = (cell: string | undefined) => (cell ?? '').normalize('NFKC').trim()

const sameValue = (stored: unknown, incoming: unknown): boolean => {
  const normal = (value: unknown) =>
    Array.isArray(value) ? JSON.stringify(value) : value === '' || value == null ? null : value
  return normal(stored) === normal(incoming)
}

/**
 * A row's title as the preview and the CLI name the row: without invisible and control characters
 * (they would garble a preview or a terminal line), at most 60 characters.
 */
export function shownTitle(title: string): string {
  const characters = [...withoutInvisible(title).trim()]
  return characters.length > 60 ? `${characters.slice(0, 60).join('')}…` : characters.join('')
}

/** Every book of the catalogue with the fields an import compares, read once. */
async function storedBooks(payload: Payload, req?: PayloadRequest): Promise<StoredBook[]> {
  const select = Object.fromEntries(importFields().map((field) => [field.name, true]))
  const { docs } = await payload.find({
    collection: 'books',
    depth: 0,
    limit: 0,
    pagination: false,
    select,
    overrideAccess: true,
    req,
  })
  return docs as StoredBook[]
}

/**
 * Decides, row by row, what an import would do: add a book, update one (matched by ISBN, in
 * either ISBN form, or by 索书号 when the row has no ISBN), leave one as it is, or refuse the
 * row with its reasons. Nothing is written.
 */
export async function planImport(
  payload: Payload,
  table: Table,
  mapping: ColumnMapping,
  { now = new Date(), req }: { now?: Date; req?: PayloadRequest } = {},
): Promise<ImportPlan> {
  const stored = await storedBooks(payload, req)
  const byIsbn = new Map<string, StoredBook>()
  const byCallNumber = new Map<string, StoredBook>()
  for (const book of stored) {
    for (const key of isbnKeys(book.isbn ?? undefined)) byIsbn.set(key, book)
    if (book.callNumber) byCallNumber.set(callNumberKey(book.callNumber), book)
  }

  const rowOfIsbn = new Map<string, number>()
  const rowOfCallNumber = new Map<string, number>()
  const rows: PlannedRow[] = []
  for (const { rowNumber, cells, problems: unreadable } of table.rows) {
    const raw = rawBookOf(table.headers, cells, mapping)
    const title = shownTitle(raw.title ?? '')
    if (unreadable?.length) {
      rows.push({ rowNumber, action: 'invalid', problems: unreadable, data: {}, title })
      continue
    }
    const isbns = isbnKeys(raw.isbn)
    const callNumber = isbns.length === 0 ? callNumberKey(raw.callNumber) : ''
    const match = isbns.length
      ? isbns.map((key) => byIsbn.get(key)).find(Boolean)
      : callNumber
        ? byCallNumber.get(callNumber)
        : undefined
    const { data, problems } = checkBookRow(raw, {
      currentYear: now.getFullYear(),
      creating: !match,
    })

    const earlierIsbn = isbns.map((key) => rowOfIsbn.get(key)).find((row) => row !== undefined)
    if (earlierIsbn !== undefined) problems.push(`与第 ${earlierIsbn} 行的 ISBN 相同。`)
    else for (const key of isbns) rowOfIsbn.set(key, rowNumber)
    const earlierCallNumber = callNumber ? rowOfCallNumber.get(callNumber) : undefined
    if (earlierCallNumber !== undefined)
      problems.push(`与第 ${earlierCallNumber} 行的索书号相同（两行都没有 ISBN）。`)
    else if (callNumber) rowOfCallNumber.set(callNumber, rowNumber)

    if (match && problems.length === 0) {
      const copies = data.copies ?? match.copies ?? 0
      const available = data.available ?? match.available ?? 0
      if (available > copies) problems.push(`可借册数（${available}）多于复本数（${copies}）。`)
    }
    if (problems.length) {
      rows.push({ rowNumber, action: 'invalid', problems, data, title })
      continue
    }
    if (!match) {
      rows.push({ rowNumber, action: 'new', problems, data, title })
      continue
    }
    const changed = importFields()
      .filter(({ name }) => name in data)
      .map(({ name }): [string, unknown] => [name, data[name as keyof BookData]])
      .filter(
        ([name, value]) =>
          !sameValue(match[name as keyof StoredBook], value) &&
          // The same ISBN in its other form (10 or 13 digits) is no change.
          !(name === 'isbn' && isbnKeys(match.isbn ?? undefined).includes(value as string)),
      )
    rows.push({
      rowNumber,
      action: changed.length ? 'updated' : 'unchanged',
      problems,
      data: Object.fromEntries(changed),
      id: match.id,
      title: title || shownTitle(match.title ?? ''),
      changes: changed.map(([name]) => fieldLabel(name)),
    })
  }

  const counts: Record<RowAction, number> = { new: 0, updated: 0, unchanged: 0, invalid: 0 }
  for (const row of rows) counts[row.action]++
  return { rows, counts }
}
