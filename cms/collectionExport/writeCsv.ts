/**
 * CSV as Excel opens it correctly: UTF-8 with a byte-order mark (without one, Excel on Chinese
 * Windows reads the file as GBK and shows mojibake), CRLF line ends (RFC 4180), booleans as
 * `true`/`false`. A text cell that starts like a formula (`=`, `+`, `-`, `@`, tab, CR) gets a
 * leading `'`, so a spreadsheet shows it as text instead of running it (CSV injection); the
 * importer drops that `'` again. Written a page at a time (csv-stringify on each page).
 */
import { stringify } from 'csv-stringify/sync'
import type { Cell } from './cellValue'
import type { ExportColumn } from './exportColumns'
import type { ExportDocument } from './readDocuments'
import { documentRow, headerRow } from './tableRows'

const formulaStart = /^[=+\-@\t\r]/

/** A text cell Excel would read as a formula, made plain text. */
export function neutralizeFormula(cell: Cell): Cell {
  return typeof cell === 'string' && formulaStart.test(cell) ? `'${cell}` : cell
}

const options = {
  record_delimiter: 'windows',
  cast: { boolean: (value: boolean) => (value ? 'true' : 'false') },
} as const

export async function* writeCsv(
  columns: ExportColumn[],
  pages: AsyncIterable<ExportDocument[]>,
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder()
  yield encoder.encode(stringify([headerRow(columns)], { ...options, bom: true }))
  for await (const page of pages) {
    const rows = page.map((document) => documentRow(columns, document).map(neutralizeFormula))
    yield encoder.encode(stringify(rows, options))
  }
}
