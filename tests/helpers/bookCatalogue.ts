/**
 * A library's catalogue as it arrives for import, generated in code: rows under the usual Chinese
 * headers, with bad rows of every kind the preview must report, written as .xlsx, CSV (UTF-8 or
 * GBK) and ISO 2709 MARC (CNMARC, MARC21) by the same libraries the importer reads them with.
 */
import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { Marc, Record as MarcRecord } from 'marcjs'
import { isbn10CheckDigit, isbn13CheckDigit } from '../../shared/isbn'

export const catalogueHeaders = [
  '书名',
  '副书名',
  '作者',
  '出版社',
  '出版年',
  'ISBN',
  '中图分类号',
  '索书号',
  '馆藏地点',
  '复本数',
  '可借册数',
  '主题词',
  '简介',
]

export type BadRowKind =
  | 'checksum'
  | 'missingTitle'
  | 'duplicateIsbn'
  | 'futureYear'
  | 'negativeCopies'
  | 'unknownLocation'
  | 'unknownClc'

/** Words the preview's reason for each kind contains. */
export const badRowReasons: Record<BadRowKind, RegExp> = {
  checksum: /校验位不正确/,
  missingTitle: /缺少书名/,
  duplicateIsbn: /与第 \d+ 行的 ISBN 相同/,
  futureYear: /在未来/,
  negativeCopies: /不能为负数/,
  unknownLocation: /馆藏地点「.+」不存在/,
  unknownClc: /无法识别/,
}

/** 30 bad rows, as the test asks: every kind, several times. */
const badKinds: BadRowKind[] = [
  ...Array<BadRowKind>(5).fill('checksum'),
  ...Array<BadRowKind>(5).fill('missingTitle'),
  ...Array<BadRowKind>(5).fill('duplicateIsbn'),
  ...Array<BadRowKind>(4).fill('futureYear'),
  ...Array<BadRowKind>(4).fill('negativeCopies'),
  ...Array<BadRowKind>(4).fill('unknownLocation'),
  ...Array<BadRowKind>(3).fill('unknownClc'),
]

const topics = [
  ['中国共产党简史', 'D23', ['党史', '中国共产党']],
  ['新时代党建工作实务', 'D26', ['党的建设', '基层党组织']],
  ['楼宇党建案例选编', 'D267', ['楼宇党建', '非公企业党建']],
  ['红色家书选读', 'K26', ['革命文献', '家书']],
  ['长征路上的故事', 'K263', ['长征', '革命历史']],
  ['志愿服务指南', 'D669.3', ['志愿服务', '社区治理']],
  ['数字经济概论', 'F49', ['数字经济', '产业发展']],
  ['职场沟通的艺术', 'C912.1', ['沟通', '职场']],
  ['上海城市更新史话', 'K295.1', ['城市更新', '地方史']],
  ['人工智能通识读本', 'TP18', ['人工智能', '科普']],
] as const
const publishers = [
  '人民出版社',
  '党建读物出版社',
  '上海人民出版社',
  '中共党史出版社',
  '学习出版社',
]
const surnames = ['张', '王', '李', '赵', '陈', '刘', '周', '吴', '郑', '孙']
const givenNames = ['明华', '建国', '秀英', '志强', '丽娟', '海涛', '晓红', '文博']
const locations = ['汇书房', '无人值守图书馆', '党建阅览区']

/** A checksum-valid ISBN-13 of the 978-7 range, distinct for each index (apart from the demo seed's). */
export function catalogueIsbn(index: number): string {
  const first12 = `9787${String(50_000_000 + index * 37).slice(-8)}`
  return first12 + isbn13CheckDigit(first12)
}

/** The ISBN-10 form of a 978 ISBN-13: the same book written the older way. */
export function isbn10Of(isbn13: string): string {
  const first9 = isbn13.slice(3, 12)
  return first9 + isbn10CheckDigit(first9)
}

export interface Catalogue {
  headers: string[]
  rows: string[][]
  /** Spreadsheet row numbers (the header is row 1) of the bad rows, with their kind. */
  bad: { rowNumber: number; kind: BadRowKind }[]
}

/** `count` rows, and with `withBadRows` 30 bad ones spread through them. */
export function catalogue(count: number, { withBadRows = false, firstIndex = 0 } = {}): Catalogue {
  const rows: string[][] = []
  for (let i = 0; i < count; i++) {
    const index = firstIndex + i
    const [topic, clc, subjects] = topics[index % topics.length]
    const author = `${surnames[index % 10]}${givenNames[Math.floor(index / 10) % 8]}`
    const copies = 1 + (index % 4)
    rows.push([
      `${topic}（第 ${Math.floor(index / topics.length) + 1} 辑）`,
      index % 3 === 0 ? '学习辅导读本' : '',
      index % 5 === 0 ? `${author}；本书编写组` : author,
      publishers[index % publishers.length],
      String(1990 + (index % 35)),
      catalogueIsbn(index),
      clc,
      `${clc}/${index + 1}`,
      locations[index % locations.length],
      String(copies),
      String(copies - (index % 2)),
      subjects.join('；'),
      `${topic}的第 ${index + 1} 种读物，供党员和楼宇白领学习参考。`,
    ])
  }
  const bad: Catalogue['bad'] = []
  if (withBadRows) {
    const step = Math.floor(count / badKinds.length)
    badKinds.forEach((kind, k) => {
      const at = k * step + Math.floor(step / 2)
      const row = rows[at]
      if (kind === 'checksum') row[5] = row[5].slice(0, 12) + String((Number(row[5][12]) + 1) % 10)
      if (kind === 'missingTitle') row[0] = ''
      if (kind === 'duplicateIsbn') row[5] = isbn10Of(rows[at - 1][5])
      if (kind === 'futureYear') row[4] = String(new Date().getFullYear() + 2)
      if (kind === 'negativeCopies') row[9] = '-2'
      if (kind === 'unknownLocation') row[8] = '地下二层仓库'
      if (kind === 'unknownClc') row[6] = 'W12'
      bad.push({ rowNumber: at + 2, kind })
    })
  }
  return { headers: catalogueHeaders, rows, bad }
}

export async function toXlsx({ headers, rows }: Catalogue): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('馆藏')
  sheet.addRow(headers)
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export function toCsv({ headers, rows }: Catalogue, encoding: 'utf-8' | 'gbk' = 'utf-8'): Buffer {
  const text = stringify([headers, ...rows])
  return encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8')
}

/** The fields a MARC record carries, as the test expects them back. */
export interface MarcBook {
  title: string
  subtitle: string
  authors: string[]
  publisher: string
  year: number
  isbn: string
  clc: string
  callNumber: string
  location: string
  copies: number
  subjects: string[]
  summary: string
}

export function marcBooks(count: number, firstIndex = 0): MarcBook[] {
  return catalogue(count, { firstIndex }).rows.map((row) => ({
    title: row[0],
    subtitle: row[1] || '专题读本',
    authors: row[2].split('；'),
    publisher: row[3],
    year: Number(row[4]),
    isbn: row[5],
    clc: row[6],
    callNumber: row[7],
    location: row[8],
    copies: Number(row[9]),
    subjects: row[11].split('；'),
    summary: row[12],
  }))
}

function marcFile(records: MarcRecord[]): Buffer {
  return Buffer.concat(records.map((record) => Buffer.from(Marc.format(record, 'iso2709'))))
}

/** CNMARC (UNIMARC) records as Chinese library systems export them. */
export function toCnmarc(books: MarcBook[]): Buffer {
  return marcFile(
    books.map((book, index) => {
      const record = new MarcRecord()
      record.leader = '00000nam0 2200000   450 '
      const [classPart, bookPart] = book.callNumber.split('/')
      record.append(
        ['001', `CN${index + 1}`],
        ['010', '  ', 'a', book.isbn, 'd', 'CNY45.00'],
        ['200', '1 ', 'a', book.title, 'e', book.subtitle, 'f', `${book.authors.join('，')}著`],
        ['210', '  ', 'a', '北京', 'c', book.publisher, 'd', `${book.year}.5`],
        ['330', '  ', 'a', book.summary],
        ...book.subjects.map((subject) => ['606', '0 ', 'a', subject, 'x', '研究']),
        ['690', '  ', 'a', book.clc, 'v', '5'],
        ...Array.from({ length: book.copies }, (_, copy) => [
          '905',
          '  ',
          'a',
          'HSF',
          'b',
          `${index + 1}-${copy + 1}`,
          'c',
          book.location,
          'd',
          classPart,
          'e',
          bookPart,
        ]),
      )
      return record
    }),
  )
}

/** MARC21 records, as other library systems export them. */
export function toMarc21(books: MarcBook[]): Buffer {
  return marcFile(
    books.map((book, index) => {
      const record = new MarcRecord()
      record.leader = '00000cam a2200000 a 4500'
      const [classPart, bookPart] = book.callNumber.split('/')
      record.append(
        ['001', `US${index + 1}`],
        ['020', '  ', 'a', `${book.isbn} (pbk.)`],
        ['084', '  ', 'a', book.clc, '2', 'clc'],
        [
          '245',
          '10',
          'a',
          `${book.title} :`,
          'b',
          `${book.subtitle} /`,
          'c',
          `${book.authors.join(', ')}.`,
        ],
        ['264', ' 1', 'a', 'Beijing :', 'b', `${book.publisher},`, 'c', `${book.year}.`],
        ['520', '  ', 'a', book.summary],
        ...book.subjects.map((subject) => ['650', ' 0', 'a', `${subject}.`]),
        ...Array.from({ length: book.copies }, () => [
          '852',
          '  ',
          'b',
          book.location,
          'h',
          classPart,
          'i',
          bookPart,
        ]),
      )
      return record
    }),
  )
}
