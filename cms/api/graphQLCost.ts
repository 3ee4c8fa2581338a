import type {
  ExecutionArgs,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  GraphQLType,
  SelectionSetNode,
  ValidationRule,
} from 'graphql'
// The CommonJS files, which Payload's GraphQL and graphql-http use: under a loader that prefers
// graphql's .mjs build, an error class from there would not be recognised as a GraphQLError.
import { GraphQLError } from 'graphql/error/GraphQLError.js'
import { valueFromASTUntyped } from 'graphql/utilities/valueFromASTUntyped.js'
import {
  defaultPageSize,
  limitTooLargeMessage,
  queryLimitsFor,
  readAllRefusedMessage,
  type QueryLimits,
} from './queryLimits'

/** Response header by which the validation rule tells the route to answer 400 instead of graphql-http's 200. */
export const refusedQueryHeader = 'x-graphql-refused'

/** Selections visited at most: fragments that spread each other twice over would otherwise grow exponentially. */
const maxSelections = 20_000

interface Walk {
  schema: GraphQLSchema
  limits: QueryLimits
  fragments: Map<string, FragmentDefinitionNode>
  variables: Record<string, unknown>
  documents: number
  aliases: number
  selections: number
  error?: string
}

/** The type under lists and non-nulls (by shape: instanceof checks break across graphql's two builds). */
function namedType(type: GraphQLType): GraphQLNamedType {
  let inner: GraphQLType = type
  while ('ofType' in inner && inner.ofType) inner = inner.ofType as GraphQLType
  return inner as GraphQLNamedType
}

const unknownType = { name: 'Unknown' } as GraphQLNamedType

/** A field of a type, including the introspection fields every query type has. */
function fieldDefinition(
  schema: GraphQLSchema,
  type: GraphQLNamedType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (name === '__schema')
    return { type: schema.getType('__Schema'), args: [] } as unknown as GraphQLField<
      unknown,
      unknown
    >
  if (name === '__type')
    return { type: schema.getType('__Type'), args: [] } as unknown as GraphQLField<unknown, unknown>
  if (!('getFields' in type)) return undefined
  return (type.getFields() as Record<string, GraphQLField<unknown, unknown>>)[name]
}

function limitArgument(field: FieldNode, walk: Walk): unknown {
  const argument = field.arguments?.find((arg) => arg.name.value === 'limit')
  return argument ? valueFromASTUntyped(argument.value, walk.variables) : undefined
}

/** The page size a list field asks for, or an error message. */
function pageSize(field: FieldNode, walk: Walk): number | string {
  const given = limitArgument(field, walk)
  const size = given === undefined || given === null ? defaultPageSize : Number(given)
  if (!Number.isInteger(size) || size < 0) return 'limit 必须是非负整数。'
  if (size > walk.limits.maxLimit) return limitTooLargeMessage(walk.limits.maxLimit)
  if (size === 0) return walk.limits.mayReadAll ? walk.limits.maxLimit : readAllRefusedMessage
  return size
}

/** Visits every field the query would resolve (fragments expanded), counting documents, depth and aliases. */
function visit(
  selectionSet: SelectionSetNode,
  type: GraphQLNamedType,
  depth: number,
  multiplier: number,
  walk: Walk,
  spread: Set<string>,
): void {
  if (depth > walk.limits.maxDepth) walk.error ??= `查询嵌套过深：最多 ${walk.limits.maxDepth} 层。`
  for (const selection of selectionSet.selections) {
    if (walk.error) return
    if (++walk.selections > maxSelections) {
      walk.error = '查询过于复杂，请拆分后再试。'
      return
    }
    if (selection.kind === 'Field') {
      if (selection.alias) walk.aliases++
      if (walk.aliases > walk.limits.maxAliases)
        walk.error = `别名过多：一次查询最多 ${walk.limits.maxAliases} 个。`
      if (!selection.selectionSet) continue
      const definition = fieldDefinition(walk.schema, type, selection.name.value)
      let inner = multiplier
      // A paginated list: Payload gives every list query a `limit` argument.
      if (definition?.args.some((arg) => arg.name === 'limit')) {
        const size = pageSize(selection, walk)
        if (typeof size === 'string') walk.error = size
        else inner = multiplier * size
        walk.documents += inner
        if (walk.documents > walk.limits.maxDocuments) {
          walk.error ??= `查询读取的记录过多（最多 ${walk.limits.maxDocuments} 条，按每个列表的 limit 累计）：请减少列表、别名或 limit。`
        }
      }
      // Unknown fields (graphql's own rules report them) still count for depth and aliases.
      visit(
        selection.selectionSet,
        definition ? namedType(definition.type) : unknownType,
        depth + 1,
        inner,
        walk,
        spread,
      )
    } else if (selection.kind === 'InlineFragment') {
      const condition = selection.typeCondition
        ? walk.schema.getType(selection.typeCondition.name.value)
        : undefined
      visit(selection.selectionSet, condition ?? type, depth, multiplier, walk, spread)
    } else {
      const name = selection.name.value
      const fragment = walk.fragments.get(name)
      if (!fragment || spread.has(name)) continue // unknown or cyclic: graphql's own rules report it
      const condition = walk.schema.getType(fragment.typeCondition.name.value)
      visit(
        fragment.selectionSet,
        condition ?? type,
        depth,
        multiplier,
        walk,
        new Set(spread).add(name),
      )
    }
  }
}

/**
 * Payload's complexity rule counts each list once whatever its `limit`, so 160 aliases of
 * `Books(limit: 1000)` passed it. This rule counts the documents a query may read (each list at
 * its limit, times the lists it is nested in) and caps `limit`, depth and aliases, by role.
 */
export const limitGraphQLCost = (args: ExecutionArgs): ValidationRule[] => {
  const context = args.contextValue as
    { req?: { user?: unknown }; headers?: Record<string, string> } | undefined
  const limits = queryLimitsFor(context?.req?.user)
  return [
    (validation) => ({
      Document(document) {
        const walk: Walk = {
          schema: validation.getSchema(),
          limits,
          fragments: new Map(),
          variables: (args.variableValues as Record<string, unknown>) ?? {},
          documents: 0,
          aliases: 0,
          selections: 0,
        }
        for (const definition of document.definitions) {
          if (definition.kind === 'FragmentDefinition')
            walk.fragments.set(definition.name.value, definition)
        }
        const given = walk.variables
        for (const definition of document.definitions) {
          if (definition.kind !== 'OperationDefinition') continue
          // A variable's default (`$limit: Int = 5000`) counts when the request leaves it out.
          walk.variables = { ...given }
          for (const variable of definition.variableDefinitions ?? []) {
            const name = variable.variable.name.value
            if (walk.variables[name] === undefined && variable.defaultValue)
              walk.variables[name] = valueFromASTUntyped(variable.defaultValue)
          }
          const root = walk.schema.getRootType(definition.operation)
          if (root) visit(definition.selectionSet, root, 1, 1, walk, new Set())
        }
        if (walk.error) {
          if (context?.headers) context.headers[refusedQueryHeader] = '1'
          validation.reportError(new GraphQLError(walk.error))
        }
      },
    }),
  ]
}

/**
 * graphql-http answers validation errors with 200 when the client accepts `application/json`;
 * a refused query is a bad request, so the route turns the rule's signal into a 400.
 */
export function refuseWithBadRequest(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const response = await handler(request)
    if (!response.headers.has(refusedQueryHeader)) return response
    const headers = new Headers(response.headers)
    headers.delete(refusedQueryHeader)
    return new Response(response.body, { status: 400, statusText: 'Bad Request', headers })
  }
}
