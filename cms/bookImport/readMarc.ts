import { Marc, type Record as MarcRecord } from 'marcjs'
import { isStrictUtf8 } from './detectEncoding'
import { ImportFileError } from './importErrors'
import type { Table } from './readSpreadsheet'

/**
 * ISO 2709 MARC records (CNMARC or MARC21, told apart by their title field) as a table whose
 * columns are our own field names. marcjs reads each record; this module only maps fields.
 *
 * CNMARC: 010$a ISBN; 200$a title, $e other title, $f/$g responsibility; 210$c publisher, $d year;
 * 606$a subjects; 690$a 中图法; 330$a summary; 905 holdings: $c location, $d/$e call number
 * (class / book number), one 905 per copy. MARC21: 020$a; 245$a/$b/$c; 260 or 264 $b/$c; 650$a;
 * 084$a; 520$a; 852 holdings: $b location, $h/$i call number, one 852 per copy.
 */
const columns = [
  'title',
  'subtitle',
  'authors',
  'publisher',
  'year',
  'isbn',
  'clc',
  'callNumber',
  'location',
  'copies',
  'subjects',
  'summary',
] as const
type Column = (typeof columns)[number]

const recordTerminator = 0x1d
const listSeparator = '；'

function subfields(record: MarcRecord, tag: string, codes: string): string[][] {
  return record.fields
    .filter((field) => field[0] === tag)
    .map((field) => {
      const values: string[] = []
      for (let i = 2; i + 1 < field.length; i += 2)
        if (codes.includes(field[i])) values.push(field[i + 1].trim())
      return values
    })
}

const first = (record: MarcRecord, tag: string, code: string) =>
  subfields(record, tag, code).flat()[0] ?? ''
const all = (record: MarcRecord, tag: string, code: string) =>
  subfields(record, tag, code).flat().filter(Boolean)

/** Drops ISBD punctuation that cataloguers leave at the end of a subfield (`书名 /`, `出版社,`). */
const trimPunctuation = (value: string) => value.replace(/[\s/:;,.=]+$/u, '').trim()

/** People named in a statement of responsibility: `马克思, 恩格斯著 ; 中央编译局译` → 马克思, 恩格斯, 中央编译局. */
function peopleIn(statements: string[]): string[] {
  return statements
    .flatMap((statement) => statement.replace(/^by\s+/i, '').split(/\s*(?:[;；,，、]|\band\b)\s*/u))
    .map((name) =>
      trimPunctuation(name).replace(/(?:等)?(?:编著|主编|编译|著|编|译|撰|绘|整理|口述)$/u, ''),
    )
    .map((name) => name.trim())
    .filter(Boolean)
}

const yearIn = (value: string) => /\d{4}/.exec(value)?.[0] ?? trimPunctuation(value)

function callNumber(parts: string[][]): string {
  const [classPart, bookPart] = parts[0] ?? []
  return [classPart, bookPart].filter(Boolean).join('/')
}

function fromCnmarc(record: MarcRecord): Record<Column, string> {
  const holdings = subfields(record, '905', 'c')
  const responsibility = all(record, '200', 'fg')
  return {
    title: trimPunctuation(first(record, '200', 'a')),
    subtitle: trimPunctuation(first(record, '200', 'e')),
    authors: peopleIn(responsibility.length ? responsibility : all(record, '701', 'a')).join(
      listSeparator,
    ),
    publisher: trimPunctuation(first(record, '210', 'c')),
    year: yearIn(first(record, '210', 'd')),
    isbn: first(record, '010', 'a'),
    clc: first(record, '690', 'a'),
    callNumber: callNumber(subfields(record, '905', 'de')),
    location: holdings.flat()[0] ?? '',
    copies: holdings.length ? String(holdings.length) : '',
    subjects: all(record, '606', 'a').map(trimPunctuation).join(listSeparator),
    summary: first(record, '330', 'a'),
  }
}

function fromMarc21(record: MarcRecord): Record<Column, string> {
  const holdings = subfields(record, '852', 'b')
  const imprint = record.fields.some((field) => field[0] === '264') ? '264' : '260'
  return {
    title: trimPunctuation(first(record, '245', 'a')),
    subtitle: trimPunctuation(first(record, '245', 'b')),
    authors: peopleIn(all(record, '245', 'c')).join(listSeparator),
    publisher: trimPunctuation(first(record, imprint, 'b')),
    year: yearIn(first(record, imprint, 'c')),
    isbn: first(record, '020', 'a').split(/\s/)[0] ?? '',
    clc: first(record, '084', 'a'),
    callNumber: callNumber(subfields(record, '852', 'hi')),
    location: holdings.flat()[0] ?? '',
    copies: holdings.length ? String(holdings.length) : '',
    subjects: all(record, '650', 'a').map(trimPunctuation).join(listSeparator),
    summary: first(record, '520', 'a'),
  }
}

/** Reads every record; a record that cannot be read becomes a row with its problem. */
export function readMarc(bytes: Buffer): Table & { standard: 'CNMARC' | 'MARC21' | null } {
  const rows: Table['rows'] = []
  const standards = new Set<'CNMARC' | 'MARC21'>()
  let start = 0
  let rowNumber = 0
  while (start < bytes.length) {
    let end = bytes.indexOf(recordTerminator, start)
    if (end < 0) end = bytes.length - 1
    const raw = bytes.subarray(start, end + 1)
    start = end + 1
    if (raw.toString('latin1').trim() === '') continue
    rowNumber++
    const problem = (message: string) =>
      rows.push({ rowNumber, cells: columns.map(() => ''), problems: [message] })
    if (!/^\d{5}/.test(raw.toString('latin1', 0, 5)) || raw.length < 25) {
      problem('不是有效的 ISO 2709 MARC 记录（记录头损坏）。')
      continue
    }
    if (!isStrictUtf8(raw)) {
      problem('MARC 记录不是 UTF-8 编码；请在图书馆系统中以 UTF-8 导出。')
      continue
    }
    let record: MarcRecord
    try {
      record = Marc.parse(raw, 'iso2709')
    } catch {
      problem('MARC 记录无法解析（目录区损坏）。')
      continue
    }
    const tags = new Set(record.fields.map((field) => field[0]))
    const standard = tags.has('200') ? 'CNMARC' : tags.has('245') ? 'MARC21' : null
    if (!standard) {
      problem('MARC 记录没有题名字段（CNMARC 200 或 MARC21 245）。')
      continue
    }
    standards.add(standard)
    const values = standard === 'CNMARC' ? fromCnmarc(record) : fromMarc21(record)
    rows.push({ rowNumber, cells: columns.map((column) => values[column]) })
  }
  if (rowNumber === 0) throw new ImportFileError('MARC 文件里没有记录。')
  const standard = standards.size === 1 ? [...standards][0] : null
  return { headers: [...columns], rows, standard }
}
