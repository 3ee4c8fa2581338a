import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { ImportFileError } from './importErrors'

/** A sheet as read from a file: its header row, and each data row with the row number a spreadsheet shows. */
export interface Table {
  headers: string[]
  /** `problems`: why a row could not be read at all (a damaged MARC record). */
  rows: { rowNumber: number; cells: string[]; problems?: string[] }[]
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '')

/** Makes repeated or empty headers distinct, so each column can be mapped on its own. */
function distinctHeaders(headers: string[]): string[] {
  const seen = new Map<string, number>()
  return headers.map((header, index) => {
    const name = header.trim() || `第 ${index + 1} 列`
    const count = (seen.get(name) ?? 0) + 1
    seen.set(name, count)
    return count === 1 ? name : `${name} (${count})`
  })
}

function toTable(records: string[][]): Table {
  const headerIndex = records.findIndex((cells) => !isBlank(cells))
  if (headerIndex < 0) throw new ImportFileError('文件是空的：没有找到表头和数据行。')
  const headers = distinctHeaders(records[headerIndex])
  const rows = records
    .map((cells, index) => ({ rowNumber: index + 1, cells }))
    .slice(headerIndex + 1)
    .filter((row) => !isBlank(row.cells))
  return { headers, rows }
}

/** Our CSV export writes `'` before a cell that Excel would run as a formula; the import takes it off. */
const withoutFormulaGuard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell)

/** CSV text (any delimiter among , ; tab) as a table; rows are numbered by record, as a spreadsheet shows them. */
export function readCsv(text: string): Table {
  try {
    const records: string[][] = parse(text, {
      delimiter: [',', '\t', ';'],
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
    })
    return toTable(records.map((cells) => cells.map(withoutFormulaGuard)))
  } catch (error) {
    if (error instanceof ImportFileError) throw error
    const line = (error as { lines?: number }).lines
    throw new ImportFileError(
      `CSV 文件格式有误${line ? `（第 ${line} 行附近）` : ''}：${(error as Error).message}`,
    )
  }
}

/** The text a cell shows; numbers are written out in full (an ISBN typed as a number stays 13 digits). */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value
  if (value == null) return ''
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value)
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object' && 'result' in value && value.result != null)
    return String(value.result instanceof Date ? value.result.toISOString() : value.result)
  return cell.text ?? ''
}

/** The first worksheet of an .xlsx file as a table. */
export async function readXlsx(bytes: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw new ImportFileError(
      '无法读取 Excel 文件：请确认它是 .xlsx 格式（旧的 .xls 请先另存为 .xlsx）。',
    )
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new ImportFileError('Excel 文件里没有工作表。')
  const records: string[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = []
    for (let column = 1; column <= row.cellCount; column++)
      cells.push(cellText(row.getCell(column)))
    records[rowNumber - 1] = cells
  })
  for (let index = 0; index < records.length; index++) records[index] ??= []
  return toTable(records)
}
