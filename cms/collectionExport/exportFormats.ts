/**
 * The export formats: each one's file extension, content type and label in the admin's 导出 menu.
 * `format` values from a request or the command line are checked against this list.
 */
export const exportFormats = {
  csv: {
    extension: 'csv',
    contentType: 'text/csv; charset=utf-8',
    label: 'CSV（Excel 可直接打开）',
  },
  xlsx: {
    extension: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel（.xlsx）',
  },
  json: {
    extension: 'json',
    contentType: 'application/json; charset=utf-8',
    label: 'JSON（完整数据）',
  },
} as const

export type ExportFormat = keyof typeof exportFormats

export const exportFormatNames = Object.keys(exportFormats) as ExportFormat[]

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && Object.hasOwn(exportFormats, value)
}

export const unknownFormatMessage = (format: string) =>
  `不支持的导出格式“${format.slice(0, 40)}”：请选择 ${exportFormatNames.join('、')}。`
