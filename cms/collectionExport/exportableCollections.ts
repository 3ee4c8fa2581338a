/** The collections staff can export (admin 导出 menu, GET /api/<slug>/export, `npm run export:collection`). */
export const exportableCollections = [
  'books',
  'news',
  'lectures',
  'exhibits',
  'speakers',
  // Admins only (its read access): the 操作日志 as CSV.
  'audit-log',
] as const

export type ExportableCollection = (typeof exportableCollections)[number]

export function isExportableCollection(value: unknown): value is ExportableCollection {
  return exportableCollections.includes(value as ExportableCollection)
}
