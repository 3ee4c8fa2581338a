import type { CollectionBeforeOperationHook, CollectionConfig, Field } from 'payload'
import { APIError } from 'payload'
import { isStaffUser } from '../access/roles'
import {
  limitTooLargeMessage,
  queryLimitsFor,
  readAllRefusedMessage,
  sortRefusedMessage,
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

/**
 * REST and GraphQL reads (the Local API is trusted): page sizes within the caller's limits, and
 * for the public, sorting only by the collection's own public fields. A sort through a
 * relationship (`exhibition._status`) would order by documents the visitor may not read.
 */
export function limitApiQueries(collection: CollectionConfig): CollectionBeforeOperationHook {
  let sortable: Set<string> | undefined
  return ({ args, operation, overrideAccess, req }) => {
    if (req.payloadAPI !== 'REST' && req.payloadAPI !== 'GraphQL') return args
    if (operation !== 'read' && operation !== 'readDistinct') return args
    const { currentDepth, disableErrors, limit, pagination, sort } = args as {
      currentDepth?: number
      disableErrors?: boolean
      limit?: number
      pagination?: boolean
      sort?: string | string[]
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
