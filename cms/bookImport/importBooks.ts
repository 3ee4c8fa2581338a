import type { Payload, PayloadRequest, TypedUser } from 'payload'
import { applyImport, type ImportMode, type ImportProgress, type ImportResult } from './applyImport'
import { textEncodings, type TextEncoding } from './detectEncoding'
import { guessMapping, type ColumnMapping } from './headerAliases'
import { importFields, isImportField } from './importableFields'
import { ImportFileError } from './importErrors'
import { planImport, type ImportPlan, type RowAction } from './planImport'
import { formatLabels, readBookFile, type BookFile } from './readBookFile'

/** What the editor chooses beside the file: an encoding and a mapping to use instead of the guesses. */
export interface ImportChoices {
  encoding?: TextEncoding
  mapping?: ColumnMapping
}

/** The preview an editor confirms: how the file was read, the mapping, and what each row would do. */
export interface ImportPreview {
  fileName: string
  format: BookFile['format']
  formatLabel: string
  encoding?: TextEncoding
  guessedEncoding?: TextEncoding
  standard?: BookFile['standard']
  headers: string[]
  mapping: ColumnMapping
  fields: { name: string; label: string; required: boolean }[]
  total: number
  counts: Record<RowAction, number>
  /** Every invalid row (up to `listedRows`), with its reasons. */
  invalid: { rowNumber: number; title: string; problems: string[] }[]
  /** The first rows that would change something. */
  changes: { rowNumber: number; action: RowAction; title: string; changes?: string[] }[]
}

const listedRows = 2000
const listedChanges = 50

/** Checks the editor's choices as they arrive over HTTP or the command line (a wrong shape is a 400, not a crash). */
export function checkChoices(value: unknown, headers?: string[]): ImportChoices {
  if (value == null) return {}
  if (typeof value !== 'object' || Array.isArray(value))
    throw new ImportFileError('导入选项应为 JSON 对象。')
  const { encoding, mapping } = value as Record<string, unknown>
  const choices: ImportChoices = {}
  if (encoding != null && encoding !== '' && encoding !== 'auto') {
    if (!textEncodings.includes(encoding as TextEncoding))
      throw new ImportFileError(
        `不支持的编码「${String(encoding)}」，可选：UTF-8、GB18030（GBK）。`,
      )
    choices.encoding = encoding as TextEncoding
  }
  if (mapping != null) {
    if (typeof mapping !== 'object' || Array.isArray(mapping))
      throw new ImportFileError('列对应关系应为“列名 → 字段名”的对象。')
    const entries = Object.entries(mapping as Record<string, unknown>)
    for (const [header, field] of entries) {
      if (headers && !headers.includes(header))
        throw new ImportFileError(`文件中没有名为「${header}」的列。`)
      if (field !== null && field !== '' && !isImportField(field as string))
        throw new ImportFileError(`列「${header}」对应的字段「${String(field)}」不存在。`)
    }
    const used = entries.map(([, field]) => field).filter(Boolean)
    const twice = used.find((field, index) => used.indexOf(field) !== index)
    if (twice) throw new ImportFileError(`字段「${String(twice)}」被对应到了多个列。`)
    choices.mapping = Object.fromEntries(
      entries.map(([header, field]) => [header, field ? String(field) : null]),
    )
  }
  return choices
}

interface Source {
  bytes: Buffer
  fileName: string
  choices: ImportChoices
}

async function readAndPlan(
  payload: Payload,
  { bytes, fileName, choices }: Source,
  req?: PayloadRequest,
) {
  const file = await readBookFile(bytes, fileName, choices.encoding)
  checkChoices(choices, file.table.headers)
  const mapping = { ...guessMapping(file.table.headers), ...choices.mapping }
  const plan = await planImport(payload, file.table, mapping, { req })
  return { file, mapping, plan }
}

function previewOf(
  fileName: string,
  file: BookFile,
  mapping: ColumnMapping,
  plan: ImportPlan,
): ImportPreview {
  return {
    fileName,
    format: file.format,
    formatLabel: formatLabels[file.format],
    encoding: file.encoding,
    guessedEncoding: file.guessedEncoding,
    standard: file.standard,
    headers: file.table.headers,
    mapping,
    fields: importFields().map(({ name, label, required }) => ({ name, label, required })),
    total: plan.rows.length,
    counts: plan.counts,
    invalid: plan.rows
      .filter((row) => row.action === 'invalid')
      .slice(0, listedRows)
      .map(({ rowNumber, title, problems }) => ({ rowNumber, title, problems })),
    changes: plan.rows
      .filter((row) => row.action === 'new' || row.action === 'updated')
      .slice(0, listedChanges)
      .map(({ rowNumber, action, title, changes }) => ({ rowNumber, action, title, changes })),
  }
}

/** Reads a file and says what importing it would do; writes nothing. */
export async function previewBookImport(payload: Payload, source: Source): Promise<ImportPreview> {
  const { file, mapping, plan } = await readAndPlan(payload, source)
  return previewOf(source.fileName, file, mapping, plan)
}

/** Reads and plans (again: the catalogue may have changed since the preview), ready to apply. */
export async function prepareBookImport(
  payload: Payload,
  source: Source,
): Promise<{ preview: ImportPreview; plan: ImportPlan }> {
  const { file, mapping, plan } = await readAndPlan(payload, source)
  return { preview: previewOf(source.fileName, file, mapping, plan), plan }
}

/** Reads, plans and imports as one unit. Returns the preview it acted on with the result. */
export async function runBookImport(
  payload: Payload,
  source: Source,
  options: {
    mode: ImportMode
    user?: TypedUser | null
    onProgress?: (progress: ImportProgress) => void
  },
): Promise<{ preview: ImportPreview; result: ImportResult }> {
  const { preview, plan } = await prepareBookImport(payload, source)
  return {
    preview,
    result: await applyImport(payload, plan, { ...options, fileName: source.fileName }),
  }
}

/** One line for an editor: 新增 970 本，更新 0 本，未变 0 本，跳过无效 30 行。 */
export function describeResult(result: ImportResult): string {
  if (result.created + result.updated === 0)
    return `馆藏没有变化：${result.unchanged} 本与文件一致${result.skipped ? `，跳过无效 ${result.skipped} 行` : ''}。`
  return `新增 ${result.created} 本，更新 ${result.updated} 本，未变 ${result.unchanged} 本${result.skipped ? `，跳过无效 ${result.skipped} 行` : ''}。`
}
