import { importFields } from './importableFields'

/**
 * The usual column headers of library lists, Chinese and English, by the book field they mean.
 * Our own field names and form labels are added from the config (`importFields`).
 */
const aliases: Record<string, string[]> = {
  title: ['书名', '题名', '正题名', '图书名称', '名称', 'title', 'book title'],
  subtitle: ['副书名', '副题名', '其他题名', 'subtitle', 'other title'],
  authors: ['作者', '责任者', '著者', '编著者', '作译者', 'author', 'authors', 'creator'],
  publisher: ['出版社', '出版者', '出版单位', 'publisher'],
  year: ['出版年', '出版年份', '出版日期', '出版时间', 'year', 'publication year', 'date'],
  isbn: ['isbn', 'isbn号', '国际标准书号', '标准书号'],
  clc: ['中图分类号', '中图法分类号', '分类号', '中图号', 'clc', 'classification', 'class number'],
  callNumber: ['索书号', '索取号', 'call number', 'callno', 'call no'],
  location: ['馆藏地点', '馆藏地', '馆藏位置', '存放地点', 'location', 'shelf location'],
  copies: ['复本数', '复本', '册数', '馆藏册数', '藏书量', 'copies', 'holdings'],
  available: ['可借册数', '可借数', '在架册数', '可借', 'available', 'available copies'],
  subjects: ['主题词', '主题', '关键词', 'subjects', 'subject', 'keywords'],
  summary: ['摘要', '简介', '内容简介', '提要', '内容提要', 'summary', 'abstract', 'description'],
}

/** Compares headers loosely: width, case, spaces, punctuation and a trailing unit do not matter. */
export const headerKey = (header: string): string =>
  header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s_\-.:：*/]/g, '')

let fieldByHeader: Map<string, string> | undefined
const fieldOfHeader = (header: string) => {
  if (!fieldByHeader) {
    fieldByHeader = new Map()
    for (const field of importFields())
      for (const alias of [field.name, field.label, ...(aliases[field.name] ?? [])])
        fieldByHeader.set(headerKey(alias), field.name)
  }
  return fieldByHeader.get(headerKey(header)) ?? null
}

/** Header → book field (or null: not imported). Each field is taken by its first matching column. */
export type ColumnMapping = Record<string, string | null>

export function guessMapping(headers: string[]): ColumnMapping {
  const taken = new Set<string>()
  const mapping: ColumnMapping = {}
  for (const header of headers) {
    const field = fieldOfHeader(header)
    mapping[header] = field && !taken.has(field) ? field : null
    if (field) taken.add(field)
  }
  return mapping
}
