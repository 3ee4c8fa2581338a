import { clcClasses, clcClassOf, clcPattern } from '../../shared/clc'
import { isbnProblem, normalizeIsbn } from '../../shared/isbn'
import { bookLocations, type BookLocation } from '../../shared/vocabulary'
import { Books } from '../collections/Books'
import { checkData } from '../input/checkData'
import { fieldLabel, type RawBook } from './importableFields'

/** A book's values ready for the Local API: only the fields the file carries. */
export type BookData = {
  title?: string
  subtitle?: string | null
  authors?: string[]
  publisher?: string | null
  year?: number | null
  isbn?: string | null
  clc?: string
  callNumber?: string | null
  location?: BookLocation
  copies?: number
  available?: number
  subjects?: string[]
  summary?: string | null
}

/** List cells hold several values: 马克思；恩格斯 (export's separator), 马克思、恩格斯, or one per line. */
export const splitList = (cell: string): string[] =>
  cell
    .split(/[；;、\n]/u)
    .map((item) => item.trim())
    .filter(Boolean)

const locationByName = new Map<string, BookLocation>(
  Object.entries(bookLocations).flatMap(([value, label]) => [
    [value, value as BookLocation],
    [label, value as BookLocation],
  ]),
)
const locationNames = Object.values(bookLocations).join('、')

const shown = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value)

/**
 * Turns one row's cells into book data and the reasons it cannot be imported, in Chinese.
 * Empty cells clear an optional field; for copies, available and location they keep the default
 * (or, on an update, the stored value). Checks the catalogue's own rules, then the same input
 * checks every API save goes through, so a row the preview accepts is a row the save accepts.
 */
export function checkBookRow(
  raw: RawBook,
  { currentYear, creating }: { currentYear: number; creating: boolean },
): { data: BookData; problems: string[] } {
  const problems: string[] = []
  const data: BookData = {}
  const has = (name: string) => raw[name] !== undefined
  const text = (name: string) => (raw[name] ?? '').trim()
  const optionalText = (name: 'subtitle' | 'publisher' | 'callNumber' | 'summary') => {
    if (has(name)) data[name] = text(name) || null
  }

  if (has('title') || creating) {
    if (!text('title')) problems.push('缺少书名。')
    else data.title = text('title')
  }
  optionalText('subtitle')
  optionalText('publisher')
  optionalText('callNumber')
  optionalText('summary')
  if (has('authors')) data.authors = splitList(text('authors'))
  if (has('subjects')) data.subjects = splitList(text('subjects'))

  if (has('isbn')) {
    const isbn = normalizeIsbn(text('isbn'))
    const problem = isbn ? isbnProblem(isbn) : null
    if (problem === 'format')
      problems.push(`ISBN「${shown(text('isbn'))}」格式不正确，应为 10 位或 13 位。`)
    else if (problem === 'checksum') problems.push(`ISBN「${text('isbn')}」校验位不正确。`)
    else data.isbn = isbn || null
  }

  if (has('clc') || creating) {
    const clc = text('clc').normalize('NFKC').toUpperCase()
    const letter = clcClassOf(clc)
    if (!clc) problems.push('缺少中图分类号。')
    else if (!letter || !(letter in clcClasses))
      problems.push(`中图分类号「${shown(clc)}」无法识别：没有「${clc[0]}」这个大类。`)
    else if (!clcPattern.test(clc)) problems.push(`中图分类号「${shown(clc)}」格式不正确。`)
    else data.clc = clc
  }

  if (has('year')) {
    const year = text('year')
    if (!year) data.year = null
    else if (!/^\d{1,6}$/.test(year)) problems.push(`出版年「${shown(year)}」不是年份。`)
    else if (Number(year) > currentYear) problems.push(`出版年 ${year} 在未来。`)
    else if (Number(year) < 1800) problems.push(`出版年 ${year} 早于 1800 年。`)
    else data.year = Number(year)
  }

  const count = (name: 'copies' | 'available') => {
    const value = text(name).normalize('NFKC')
    if (!value) return
    if (!/^[-+]?\d+$/.test(value)) problems.push(`${fieldLabel(name)}「${shown(value)}」应为整数。`)
    else if (Number(value) < 0) problems.push(`${fieldLabel(name)}不能为负数（${value}）。`)
    else if (Number(value) > 100_000) problems.push(`${fieldLabel(name)} ${value} 过大。`)
    else data[name] = Number(value)
  }
  count('copies')
  count('available')
  // A sheet that gives only the copies means they are all on the shelf.
  if (data.copies !== undefined && data.available === undefined && !text('available'))
    data.available = data.copies
  if (data.copies !== undefined && data.available !== undefined && data.available > data.copies)
    problems.push(`可借册数（${data.available}）多于复本数（${data.copies}）。`)

  if (text('location')) {
    const location = locationByName.get(text('location'))
    if (!location)
      problems.push(`馆藏地点「${shown(text('location'))}」不存在，可用的有：${locationNames}。`)
    else data.location = location
  }

  if (problems.length === 0) {
    for (const problem of checkData(Books.fields, data, { idType: 'number' }).problems)
      problems.push(`${fieldLabel(problem.path.split('.')[0])}：${problem.message}`)
  }
  return { data, problems }
}
