/**
 * Excel (.xlsx) through exceljs's streaming writer: numbers stay numbers, booleans booleans, text
 * is stored as text (never as a formula), the header row is frozen. Excel refuses a cell longer
 * than 32,767 characters, so such a text (a long lecture transcript) is cut there and marked; the
 * CSV and JSON exports keep it whole.
 */
import ExcelJS from 'exceljs'
import { PassThrough } from 'node:stream'
import type { Cell } from './cellValue'
import type { ExportColumn } from './exportColumns'
import type { ExportDocument } from './readDocuments'
import { documentRow, headerRow } from './tableRows'

export const excelCellMaxLength = 32_767
const cutMark = '…（超出 Excel 单元格长度上限，已截断；完整内容见 CSV 或 JSON 导出）'

/** A cell Excel can hold. */
export function fitExcelCell(cell: Cell): Cell {
  if (typeof cell !== 'string' || cell.length <= excelCellMaxLength) return cell
  return cell.slice(0, excelCellMaxLength - cutMark.length) + cutMark
}

export async function* writeXlsx(
  columns: ExportColumn[],
  pages: AsyncIterable<ExportDocument[]>,
  sheetName: string,
): AsyncGenerator<Uint8Array> {
  const output = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: false,
    useSharedStrings: false,
  })
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  const writing = (async () => {
    sheet.addRow(headerRow(columns)).commit()
    for await (const page of pages)
      for (const document of page)
        sheet.addRow(documentRow(columns, document).map(fitExcelCell)).commit()
    sheet.commit()
    await workbook.commit()
  })()
  // A failed read ends the file with the error instead of leaving the reader waiting.
  writing.catch((error: unknown) => output.destroy(error as Error))
  let finished = false
  try {
    for await (const chunk of output) yield chunk as Uint8Array
    await writing
    finished = true
  } finally {
    if (!finished) output.destroy()
  }
}
