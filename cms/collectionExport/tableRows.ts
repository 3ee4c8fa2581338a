/**
 * The export's table: a header row of field names, then one row of cells per document, in the
 * column order exportColumns derived from the config. Shared by the CSV and xlsx writers.
 */
import { cellValue, type Cell } from './cellValue'
import type { ExportColumn } from './exportColumns'
import type { ExportDocument } from './readDocuments'

export function headerRow(columns: ExportColumn[]): string[] {
  return columns.map((column) => column.name)
}

export function documentRow(columns: ExportColumn[], document: ExportDocument): Cell[] {
  return columns.map((column) => cellValue(column.field, document[column.name]))
}
