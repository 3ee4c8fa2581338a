import type { CollectionBeforeOperationHook, CollectionConfig, Field } from 'payload'
import { APIError } from 'payload'
import { isStaffUser } from '../access/roles'
import {
  limitTooLargeMessage,
  queryLimitsFor,
  readAllRefusedMessage,
  sortRefusedMessage,
  whereRefusedMessage,
} from './queryLimits'

/** Top-level fields anyone may sort by: plain data fields without field-level read rules. */
function publicSortFields(fields: Field[]): Set<string> {
  const names = new Set(['id', 'createdAt', 'updatedAt'])
  for (const field of fields as {
    name?: string
    type: string
    hidden?: boolean
    access?: { read?: unknown }
  }[]) {
    if (!field.name || field.hidden || field.access?.read) continue
    if (
      [
        'relationship',
        'upload',
        'join',
        'array',
        'blocks',
        'group',
        'richText',
        'json',
        'tabs',
      ].includes(field.type)
    )
      continue
    names.add(field.name)
  }
  return names
}

const relationTypes = new Set(['relationship', 'upload', 'join'])

/** Top-level fields that point at other documents (inside rows and collapsibles too). */
function relationFields(fields: Field[]): Set<string> {
  const names = new Set<string>()
  for (const field of fields as { name?: string; type: string; fields?: Field[] }[]) {
    if ((field.type === 'row' || field.type === 'collapsible') && field.fields)
      for (const name of relationFields(field.fields)) names.add(name)
    else if (field.name && relationTypes.has(field.type)) names.add(field.name)
  }
  return names
}

/** Every field path a `where` filters on (through `and` / `or`). */
function wherePaths(where: unknown): string[] {
  if (!where || typeof where !== 'object') return []
  return Object.entries(where as Record<string, unknown>).flatMap(([key, value]) =>
    (key === 'and' || key === 'or') && Array.isArray(value) ? value.flatMap(wherePaths) : [key],
  )
}

/**
 * REST and GraphQL reads (the Local API is trusted): page sizes within the caller's limits, and
 * for the public, sorting only by the collection's own public fields. A sort through a
 * relationship (`exhibition._status`) would order by documents the visitor may not read, and a
 * filter through one (`where[exhibition._status][equals]=draft`) would tell which exist: the
 * public filters on a relationship's id only.
 */
export function limitApiQueries(collection: CollectionConfig): CollectionBeforeOperationHook {
  let sortable: Set<string> | undefined
  let relations: Set<string> | undefined
  return ({ args, operation, overrideAccess, req }) => {
    if (req.payloadAPI !== 'REST' && req.payloadAPI !== 'GraphQL') return args
    if (operation !== 'read' && operation !== 'readDistinct') return args
    const { currentDepth, disableErrors, limit, pagination, sort, where } = args as {
      currentDepth?: number
      disableErrors?: boolean
      limit?: number
      pagination?: boolean
      sort?: string | string[]
      where?: unknown
    }
    // The request's own query only: not the Local API calls hooks make with its `req`, nor
    // Payload's population of relationships (batched by id, bounded by the page around them).
    if (overrideAccess || currentDepth || disableErrors) return args
    const limits = queryLimitsFor(req.user)
    if (limit !== undefined && limit !== null) {
      const value = Number(limit)
      if (!Number.isFinite(value) || value < 0)
        throw new APIError('limit 必须是非负整数。', 400, null, true)
      if (value > limits.maxLimit)
        throw new APIError(limitTooLargeMessage(limits.maxLimit), 400, null, true)
      if (value === 0 && !limits.mayReadAll)
        throw new APIError(readAllRefusedMessage, 400, null, true)
    }
    if (pagination === false && !limits.mayReadAll)
      throw new APIError(readAllRefusedMessage, 400, null, true)
    if (sort && !isStaffUser(req.user)) {
      sortable ??= publicSortFields(collection.fields)
      const paths = (Array.isArray(sort) ? sort : String(sort).split(',')).map((path) =>
        path.trim().replace(/^-/, ''),
      )
      const refused = paths.find((path) => path && !sortable!.has(path))
      if (refused) throw new APIError(sortRefusedMessage(refused), 400, null, true)
    }
    if (where && !isStaffUser(req.user)) {
      relations ??= relationFields(collection.fields)
      const through = wherePaths(where).find((path) => {
        const [first, ...rest] = path.split('.')
        return rest.length > 0 && relations!.has(first) && !(rest.length === 1 && rest[0] === 'id')
      })
      if (through) throw new APIError(whereRefusedMessage(through), 400, null, true)
    }
    return args
  }
}

/** Adds the query limits to every collection (first, so nothing runs for a refused query). */
export function withApiQueryLimits(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [limitApiQueries(collection), ...(collection.hooks?.beforeOperation ?? [])],
    },
  }))
}
