import {
  NotFound,
  ValidationError,
  type CollectionBeforeOperationHook,
  type Config,
  type Field,
  type GlobalConfig,
  type PayloadRequest,
} from 'payload'
import { checkData, type InputProblem, type Reference } from './checkData'
import { checkWhere } from './checkWhere'

type GlobalBeforeOperationHook = NonNullable<
  NonNullable<GlobalConfig['hooks']>['beforeOperation']
>[number]

/**
 * A strict check of what REST and GraphQL clients send, before Payload's operations run, driven
 * by the field config (checkData, checkWhere): a 400 naming each bad field instead of a 500 or a
 * silent fix-up, on drafts too. Local API callers (seed, publisher, hooks) are trusted code.
 */
export function strictInput(config: Config): Config {
  return {
    ...config,
    collections: config.collections?.map((collection) => ({
      ...collection,
      hooks: {
        ...collection.hooks,
        beforeOperation: [checkCollectionInput, ...(collection.hooks?.beforeOperation ?? [])],
      },
    })),
    globals: config.globals?.map((global) => ({
      ...global,
      hooks: {
        ...global.hooks,
        beforeOperation: [checkGlobalInput, ...(global.hooks?.beforeOperation ?? [])],
      },
    })),
  }
}

const fromClient = (req: PayloadRequest) =>
  req.payloadAPI === 'REST' || req.payloadAPI === 'GraphQL'
const idTypeOf = (req: PayloadRequest): 'number' | 'text' =>
  req.payload.db.defaultIDType === 'number' ? 'number' : 'text'

/** Keys a client may send beside the declared fields. */
const authKeys = ['password', 'confirm-password']

const checkCollectionInput: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (!fromClient(req)) return args
  const idType = idTypeOf(req)
  const input = args as { data?: unknown; id?: unknown; where?: unknown }
  if (
    'id' in input &&
    input.id !== undefined &&
    operation !== 'restoreVersion' &&
    !isId(input.id, idType)
  ) {
    throw new NotFound(req.t)
  }
  const problems: InputProblem[] = []
  if (input.where !== undefined)
    problems.push(...checkWhere(collection.fields, input.where, idType))
  if ((operation === 'create' || operation === 'update') && 'data' in input) {
    const { problems: dataProblems, references } = checkData(collection.fields, input.data, {
      idType,
      extraTopLevelKeys: ['id', ...(collection.auth ? authKeys : [])],
      uploadManaged: Boolean(collection.upload),
    })
    problems.push(...dataProblems)
    const data = input.data as Record<string, unknown> | null
    if (data && typeof data === 'object') {
      problems.push(...(await checkSystemFields(data, operation, input.id, collection.slug, req)))
    }
    if (!problems.length) problems.push(...(await missingReferences(references, req)))
  }
  if (problems.length)
    throw new ValidationError({ collection: collection.slug, errors: problems }, req.t)
  return args
}

const checkGlobalInput: GlobalBeforeOperationHook = async ({ args, global, operation, req }) => {
  if (!fromClient(req) || operation !== 'update') return args
  const input = args as { data?: unknown }
  const { problems, references } = checkData(global.fields as Field[], input.data, {
    idType: idTypeOf(req),
  })
  if (!problems.length) problems.push(...(await missingReferences(references, req)))
  if (problems.length) throw new ValidationError({ global: global.slug, errors: problems }, req.t)
  return args
}

function isId(value: unknown, idType: 'number' | 'text'): boolean {
  if (idType === 'text')
    return (
      (typeof value === 'string' && value.length > 0 && value.length <= 64) ||
      typeof value === 'number'
    )
  return (
    (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) ||
    (typeof value === 'string' && /^\d{1,15}$/.test(value))
  )
}

/** The id is the server's; `createdAt` is when it was first saved. Sending them back unchanged is fine. */
async function checkSystemFields(
  data: Record<string, unknown>,
  operation: 'create' | 'update',
  id: unknown,
  collection: string,
  req: PayloadRequest,
): Promise<InputProblem[]> {
  const problems: InputProblem[] = []
  const sendsId = data.id !== undefined && data.id !== null
  const sendsCreatedAt = data.createdAt !== undefined && data.createdAt !== null
  if (!sendsId && !sendsCreatedAt) return problems
  const stored =
    operation === 'update' && id !== undefined
      ? ((await req.payload.db.findOne({
          collection: collection as never,
          where: { id: { equals: id } },
          req,
        })) as { id: unknown; createdAt?: string } | null)
      : null
  if (sendsId && String(data.id) !== String(stored?.id ?? '')) {
    problems.push({ path: 'id', message: 'ID 由系统分配，不能设置或修改。' })
  }
  if (
    sendsCreatedAt &&
    (typeof data.createdAt !== 'string' ||
      Date.parse(data.createdAt) !== Date.parse(stored?.createdAt ?? ''))
  ) {
    problems.push({ path: 'createdAt', message: '创建时间由系统记录，不能设置或修改。' })
  }
  return problems
}

/** Related documents must exist (drafts count): a dangling id would otherwise fail in the database or vanish. */
async function missingReferences(
  references: Reference[],
  req: PayloadRequest,
): Promise<InputProblem[]> {
  const byCollection = new Map<string, Reference[]>()
  for (const reference of references)
    byCollection.set(reference.collection, [
      ...(byCollection.get(reference.collection) ?? []),
      reference,
    ])
  const problems: InputProblem[] = []
  for (const [collection, list] of byCollection) {
    if (!req.payload.collections[collection as never]) continue
    const ids = [...new Set(list.map((reference) => reference.id))]
    const found = await req.payload.db.find({
      collection,
      where: { id: { in: ids } },
      limit: ids.length,
      pagination: false,
      req,
      select: { id: true },
    } as never)
    const existing = new Set((found.docs as { id: number | string }[]).map((doc) => String(doc.id)))
    for (const reference of list) {
      if (!existing.has(String(reference.id))) {
        problems.push({
          path: reference.path,
          message: `${reference.label}：所选的文档（ID ${reference.id}）不存在。`,
        })
      }
    }
  }
  return problems
}
