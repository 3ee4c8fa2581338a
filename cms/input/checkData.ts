import type { Field, Option } from 'payload'
import { inputLimits, textLimit } from './inputLimits'
import { isValidDateInput } from './isValidDateInput'

/**
 * Checks the data of a save against the field config before Payload touches it: JSON types,
 * list vs single value, nested junk, select keys, number ranges, real calendar dates, sizes, and
 * keys that are no field. Payload's own coercion would otherwise drop or reshape such values
 * silently (a string for a list becomes an empty list) or fail deep in the database (500).
 * Required fields, uniqueness and custom validators stay with Payload's validation.
 */
export type InputProblem = { path: string; message: string }
/** A relationship value to check for existence. */
export type Reference = { collection: string; id: number | string; path: string; label: string }

type Context = {
  problems: InputProblem[]
  references: Reference[]
  idType: 'number' | 'text'
  /** Keys a client may send beside the fields at the top level. */
  extraTopLevelKeys: ReadonlySet<string>
  /** Upload collections: Payload fills these fields from the file; decimals allowed (focal point). */
  uploadManaged: boolean
}

const uploadManagedNumbers = new Set(['focalX', 'focalY', 'filesize', 'width', 'height'])

export function checkData(
  fields: Field[],
  data: unknown,
  options: {
    idType: 'number' | 'text'
    extraTopLevelKeys?: Iterable<string>
    uploadManaged?: boolean
  },
): { problems: InputProblem[]; references: Reference[] } {
  const context: Context = {
    problems: [],
    references: [],
    idType: options.idType,
    extraTopLevelKeys: new Set(options.extraTopLevelKeys ?? []),
    uploadManaged: options.uploadManaged ?? false,
  }
  if (!isPlainObject(data)) {
    context.problems.push({ path: '', message: '提交的数据应为 JSON 对象。' })
  } else {
    checkObject(fields, data, '', context, true)
  }
  return { problems: context.problems, references: context.references }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export type DataField = Extract<Field, { name: string }>

/** The fields whose values sit in one data object: rows, collapsibles and unnamed tabs/groups are see-through. */
export function dataFields(fields: Field[]): DataField[] {
  const result: DataField[] = []
  for (const field of fields) {
    if (field.type === 'row' || field.type === 'collapsible')
      result.push(...dataFields(field.fields))
    else if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name)
          result.push({ ...tab, type: 'group', name: tab.name } as DataField)
        else result.push(...dataFields(tab.fields))
      }
    } else if (field.type === 'group' && !('name' in field && field.name))
      result.push(...dataFields(field.fields))
    else if ('name' in field && field.name && field.type !== 'ui' && field.type !== 'join')
      result.push(field as DataField)
  }
  return result
}

function checkObject(
  fields: Field[],
  data: Record<string, unknown>,
  prefix: string,
  context: Context,
  topLevel = false,
): void {
  const byName = new Map(dataFields(fields).map((field) => [field.name, field]))
  for (const [key, value] of Object.entries(data)) {
    const path = prefix ? `${prefix}.${key}` : key
    const field = byName.get(key)
    if (!field) {
      if ((topLevel && context.extraTopLevelKeys.has(key)) || (!topLevel && key === 'id')) continue
      context.problems.push({ path, message: `“${key}”不是可保存的字段。` })
      continue
    }
    checkValue(field, value, path, context)
  }
}

export const labelOf = (field: DataField): string =>
  typeof field.label === 'string' ? field.label : field.name

function checkValue(field: DataField, value: unknown, path: string, context: Context): void {
  if (value === undefined || value === null) return
  const label = labelOf(field)
  const problem = (message: string) =>
    context.problems.push({ path, message: `${label}：${message}` })

  if (
    'hasMany' in field &&
    field.hasMany &&
    ['text', 'number', 'select', 'relationship', 'upload'].includes(field.type)
  ) {
    if (!Array.isArray(value)) return void problem('应为列表（数组）。')
    const max = ('maxRows' in field && field.maxRows) || inputLimits.listItems
    if (value.length > max) return void problem(`最多 ${max} 项。`)
    value.forEach((item, index) => {
      if (item === null || item === undefined)
        return void context.problems.push({
          path: `${path}.${index}`,
          message: `${label}：列表中不能有空值。`,
        })
      checkSingle(field, item, `${path}.${index}`, context)
    })
    return
  }
  checkSingle(field, value, path, context)
}

function checkSingle(field: DataField, value: unknown, path: string, context: Context): void {
  const label = labelOf(field)
  const problem = (message: string) =>
    context.problems.push({ path, message: `${label}：${message}` })
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code': {
      if (typeof value !== 'string') return void problem('应为文字。')
      const max = textLimit(
        field.type,
        field.name,
        'maxLength' in field ? field.maxLength : undefined,
      )
      if (value.length > max) problem(`不能超过 ${max} 个字符（现有 ${value.length} 个）。`)
      return
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return void problem('应为数字。')
      const decimals =
        (context.uploadManaged && uploadManagedNumbers.has(field.name)) ||
        field.custom?.decimals === true
      if (!decimals && !Number.isInteger(value)) return void problem('应为整数。')
      const min = field.min ?? -inputLimits.numberMagnitude
      const max = field.max ?? inputLimits.numberMagnitude
      if (value < min || value > max) problem(`应在 ${min} 到 ${max} 之间。`)
      return
    }
    case 'checkbox':
      if (typeof value !== 'boolean') problem('应为 true 或 false。')
      return
    case 'select':
    case 'radio': {
      const allowed = field.options.map((option: Option) =>
        typeof option === 'string' ? option : option.value,
      )
      if (typeof value !== 'string' || !allowed.includes(value))
        problem(`应为以下之一：${allowed.join('、')}。`)
      return
    }
    case 'date':
      if (!isValidDateInput(value))
        problem(
          '不是有效的日期（应为 2026-05-01 或 2026-05-01T08:00:00Z 这样的真实日期，年份四位）。',
        )
      return
    case 'relationship':
    case 'upload':
      return checkReference(field, value, path, context)
    case 'richText': {
      if (
        !isPlainObject(value) ||
        !isPlainObject(value.root) ||
        !Array.isArray(value.root.children)
      ) {
        return void problem('格式不正确（应为富文本编辑器的内容）。')
      }
      const size = JSON.stringify(value).length
      if (size > inputLimits.richText)
        problem(`内容过长（${size} 个字符，最多 ${inputLimits.richText}）。`)
      return
    }
    case 'json': {
      const size = JSON.stringify(value)?.length ?? 0
      if (size > inputLimits.json) problem(`内容过长（最多 ${inputLimits.json} 个字符）。`)
      return
    }
    case 'point':
      if (
        !Array.isArray(value) ||
        value.length !== 2 ||
        !value.every((n) => typeof n === 'number' && Number.isFinite(n))
      ) {
        problem('应为两个数字组成的坐标。')
      }
      return
    case 'group':
      if (!isPlainObject(value)) return void problem('应为对象。')
      return checkObject(field.fields, value, path, context)
    case 'array': {
      if (!Array.isArray(value)) return void problem('应为列表（数组）。')
      const max = field.maxRows ?? inputLimits.arrayRows
      if (value.length > max) return void problem(`最多 ${max} 行。`)
      value.forEach((row, index) => {
        if (!isPlainObject(row))
          return void context.problems.push({
            path: `${path}.${index}`,
            message: `${label}：每一行应为对象。`,
          })
        checkObject(field.fields, row, `${path}.${index}`, context)
      })
      return
    }
    case 'blocks': {
      if (!Array.isArray(value)) return void problem('应为列表（数组）。')
      value.forEach((row, index) => {
        const block = isPlainObject(row)
          ? field.blocks.find((candidate) => candidate.slug === row.blockType)
          : undefined
        if (!block || !isPlainObject(row))
          return void context.problems.push({
            path: `${path}.${index}`,
            message: `${label}：未知的内容块。`,
          })
        const { blockName, ...rest } = row
        delete rest.blockType
        if (blockName != null && typeof blockName !== 'string')
          context.problems.push({
            path: `${path}.${index}.blockName`,
            message: `${label}：块名称应为文字。`,
          })
        checkObject(block.fields, rest, `${path}.${index}`, context)
      })
      return
    }
    default:
      return
  }
}

/** An id (a positive integer on SQLite, a string on MongoDB), or `{ relationTo, value }` for a polymorphic field. */
function checkReference(
  field: Extract<DataField, { type: 'relationship' | 'upload' }>,
  value: unknown,
  path: string,
  context: Context,
): void {
  const problem = (message: string) =>
    context.problems.push({ path, message: `${labelOf(field)}：${message}` })
  let collection: string
  let id: unknown = value
  if (Array.isArray(field.relationTo)) {
    if (
      !isPlainObject(value) ||
      typeof value.relationTo !== 'string' ||
      !field.relationTo.includes(value.relationTo as never)
    ) {
      return void problem(
        `应为 { relationTo, value }，relationTo 为 ${field.relationTo.join('、')} 之一。`,
      )
    }
    collection = value.relationTo
    id = value.value
  } else {
    collection = field.relationTo
    // A document read with depth and sent back keeps its id.
    if (isPlainObject(value) && 'id' in value) id = value.id
  }
  const validId =
    context.idType === 'number'
      ? typeof id === 'number' && Number.isSafeInteger(id) && id > 0
      : typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id)
  if (!validId)
    return void problem(
      context.idType === 'number' ? '应为所引用文档的 ID（正整数）。' : '应为所引用文档的 ID。',
    )
  context.references.push({ collection, id: id as number | string, path, label: labelOf(field) })
}
