import type { Field } from 'payload'
import { dataFields, labelOf, type DataField, type InputProblem } from './checkData'

/**
 * Checks the values of a query (`where`) against the types of the fields they compare with:
 * `where[publishedAt][equals]=garbage` or an id that is no id would otherwise fail inside the
 * database layer as a 500. Paths Payload does not know are left to its own query validation.
 */
export function checkWhere(
  fields: Field[],
  where: unknown,
  idType: 'number' | 'text',
): InputProblem[] {
  const problems: InputProblem[] = []
  walk(fields, where, idType, problems)
  return problems
}

const valueOperators = new Set([
  'equals',
  'not_equals',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'in',
  'not_in',
  'all',
])

type Kind = 'id' | 'date' | 'number'

function walk(
  fields: Field[],
  where: unknown,
  idType: 'number' | 'text',
  problems: InputProblem[],
): void {
  if (where === undefined || where === null) return
  if (typeof where !== 'object' || Array.isArray(where)) {
    problems.push({ path: 'where', message: '查询条件格式不正确。' })
    return
  }
  for (const [key, constraint] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      // A query string with many conditions parses into an object keyed 0, 1, 2…
      if (typeof constraint !== 'object' || constraint === null)
        problems.push({ path: `where.${key}`, message: '查询条件格式不正确（and/or 应为列表）。' })
      else Object.values(constraint).forEach((item) => walk(fields, item, idType, problems))
      continue
    }
    const target = kindOfPath(fields, key)
    if (!target || typeof constraint !== 'object' || constraint === null) continue
    for (const [operator, operand] of Object.entries(constraint)) {
      if (!valueOperators.has(operator)) continue
      const values =
        operator === 'in' || operator === 'not_in' || operator === 'all'
          ? Array.isArray(operand)
            ? operand
            : typeof operand === 'string'
              ? operand.split(',')
              : [operand]
          : [operand]
      const bad = values.find(
        (value) =>
          value !== null &&
          value !== undefined &&
          value !== '' &&
          !fits(target.kind, value, idType),
      )
      if (bad !== undefined)
        problems.push({
          path: key,
          message: `查询条件“${target.label}”的值 ${JSON.stringify(bad).slice(0, 40)} ${describe(target.kind)}`,
        })
    }
  }
}

const describe = (kind: Kind) =>
  kind === 'date' ? '不是有效的日期。' : kind === 'number' ? '不是有效的数字。' : '不是有效的 ID。'

function fits(kind: Kind, value: unknown, idType: 'number' | 'text'): boolean {
  if (kind === 'date') {
    if (typeof value === 'number') return Number.isFinite(value)
    return (
      typeof value === 'string' &&
      !Number.isNaN(Date.parse(value)) &&
      Math.abs(new Date(value).getUTCFullYear()) < 10_000
    )
  }
  if (kind === 'number') {
    if (typeof value === 'number') return Number.isFinite(value)
    return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())
  }
  if (idType === 'text') return typeof value === 'string' || typeof value === 'number'
  return (
    (typeof value === 'number' && Number.isSafeInteger(value)) ||
    (typeof value === 'string' && /^\d{1,15}$/.test(value.trim()))
  )
}

/** What a query path compares with, when it is a date, a number or an id; null otherwise. */
function kindOfPath(fields: Field[], path: string): { kind: Kind; label: string } | null {
  const segments = path.split('.')
  if (segments[0] === 'version' && segments.length > 1) segments.shift()
  if (segments.length === 1 && segments[0] === 'id') return { kind: 'id', label: 'ID' }
  let current: Field[] = fields
  for (let index = 0; index < segments.length; index++) {
    const field: DataField | undefined = dataFields(current).find(
      (candidate) => candidate.name === segments[index],
    )
    if (!field) return null
    const last = index === segments.length - 1
    if (field.type === 'relationship' || field.type === 'upload') {
      // A path into the related document is checked there; `cover` or `cover.id` compares ids.
      if (last || (index === segments.length - 2 && segments[index + 1] === 'id')) {
        return Array.isArray(field.relationTo) ? null : { kind: 'id', label: labelOf(field) }
      }
      return null
    }
    if (last) {
      if (field.type === 'date') return { kind: 'date', label: labelOf(field) }
      if (field.type === 'number') return { kind: 'number', label: labelOf(field) }
      return null
    }
    if (field.type === 'group' || field.type === 'array') current = field.fields
    else return null
  }
  return null
}
