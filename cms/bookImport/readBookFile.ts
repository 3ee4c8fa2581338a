import path from 'node:path'
import { decodeText, guessEncoding, type TextEncoding } from './detectEncoding'
import { ImportFileError } from './importErrors'
import { readMarc } from './readMarc'
import { readCsv, readXlsx, type Table } from './readSpreadsheet'

export type BookFileFormat = 'xlsx' | 'csv' | 'marc'

export const formatLabels: Record<BookFileFormat, string> = {
  xlsx: 'Excel (.xlsx)',
  csv: 'CSV',
  marc: 'MARC (ISO 2709)',
}

export interface BookFile {
  format: BookFileFormat
  /** CSV only: the encoding used, and the one guessed from the bytes. */
  encoding?: TextEncoding
  guessedEncoding?: TextEncoding
  /** MARC only: CNMARC or MARC21 (null when the file mixes them). */
  standard?: 'CNMARC' | 'MARC21' | null
  table: Table
}

const startsWith = (bytes: Buffer, ...magic: number[]) =>
  magic.every((byte, index) => bytes[index] === byte)

/** Tells the format from the content first (a renamed file still reads), then from the extension. */
function formatOf(bytes: Buffer, fileName: string): BookFileFormat {
  const extension = path.extname(fileName).toLowerCase()
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return 'xlsx'
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0))
    throw new ImportFileError('这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后再导入。')
  if (/^\d{5}/.test(bytes.toString('latin1', 0, 5)) && bytes.includes(0x1d)) return 'marc'
  if (extension === '.mrc' || extension === '.iso' || extension === '.marc')
    throw new ImportFileError('不是有效的 ISO 2709 MARC 文件（记录头应以 5 位记录长度开始）。')
  if (['.csv', '.txt', '.tsv', ''].includes(extension)) return 'csv'
  throw new ImportFileError(
    `不支持的文件类型 ${extension}：请上传 Excel（.xlsx）、CSV（.csv）或 MARC（.mrc、.iso）文件。`,
  )
}

/** Reads an uploaded or given catalogue file. `encoding` overrides the guess for CSV. */
export async function readBookFile(
  bytes: Buffer,
  fileName: string,
  encoding?: TextEncoding,
): Promise<BookFile> {
  if (bytes.length === 0) throw new ImportFileError('文件是空的。')
  const format = formatOf(bytes, fileName)
  if (format === 'xlsx') return { format, table: await readXlsx(bytes) }
  if (format === 'marc') {
    const { standard, ...table } = readMarc(bytes)
    return { format, standard, table }
  }
  const guessedEncoding = guessEncoding(bytes)
  const used = encoding ?? guessedEncoding
  return {
    format,
    encoding: used,
    guessedEncoding,
    table: readCsv(decodeText(bytes, used)),
  }
}
