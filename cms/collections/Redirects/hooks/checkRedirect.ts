import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { ValidationError } from 'payload'
import {
  isExternalTarget,
  normaliseSourcePath,
  normaliseTarget,
  targetPath,
} from '../../../../shared/redirects/sitePaths'
import type { Redirect } from '../../../payload-types'
import { siteUrl } from '../../../settings'
import { whyNotASource } from '../pagePaths'

/** Longest chain of existing redirects followed when collapsing. */
const maxHops = 20

type Target = NonNullable<Redirect['to']>

const refuse = (req: PayloadRequest, path: string, message: string) =>
  new ValidationError({ collection: 'redirects', errors: [{ message, path }] }, req.t)

const redirectFrom = async (req: PayloadRequest, from: string, exceptId?: number | string) =>
  (await req.payload.db.findOne({
    collection: 'redirects',
    where: {
      and: [
        { from: { equals: from } },
        ...(exceptId != null ? [{ id: { not_equals: exceptId } }] : []),
      ],
    },
    req,
  })) as Redirect | null

/**
 * Every save of a redirect, by hand or automatic: the source made canonical and checked (a site
 * path, not a live page, not taken), the target made canonical and checked (a site path or an
 * `https://` address; `//evil.example` and `javascript:` refused), and a target that is itself
 * the source of a redirect replaced by that redirect's target, so chains collapse as they are
 * made (a → b with b → c is stored as a → c). A redirect onto itself, or one that closes a cycle,
 * is refused with the chain in the message (400).
 */
export const checkRedirect: CollectionBeforeChangeHook<Redirect> = async ({
  data,
  originalDoc,
  req,
}) => {
  const id = originalDoc?.id
  const from = normaliseSourcePath(String(data.from ?? originalDoc?.from ?? ''), siteUrl())
  if (!from.ok) throw refuse(req, 'from', from.message)
  const notSource = await whyNotASource(req, from.value)
  if (notSource) throw refuse(req, 'from', notSource)
  if (await redirectFrom(req, from.value, id))
    throw refuse(req, 'from', `已有从 ${from.value} 出发的跳转，请修改那一条。`)

  const to: Partial<Target> = { ...originalDoc?.to, ...data.to }
  let target: Target
  if (to.type === 'custom') {
    target = await collapsedTarget(req, from.value, String(to.url ?? ''), id)
  } else {
    if (!to.reference) throw refuse(req, 'to.reference', '请选择要跳转到的内容。')
    target = { type: 'reference', reference: to.reference, url: null }
  }
  return {
    ...data,
    from: from.value,
    to: target,
    origin: data.origin ?? originalDoc?.origin ?? 'manual',
  }
}

/** The custom target, checked, with the redirects it leads through collapsed into it. */
async function collapsedTarget(
  req: PayloadRequest,
  from: string,
  input: string,
  id: number | string | undefined,
): Promise<Target> {
  const checked = normaliseTarget(input, { siteOrigin: siteUrl() })
  if (!checked.ok) throw refuse(req, 'to.url', checked.message)
  let target: Target = { type: 'custom', url: checked.value, reference: null }
  const chain = [from]
  for (let hop = 0; hop < maxHops; hop++) {
    const url = target.url!
    if (isExternalTarget(url)) return target
    const path = targetPath(url)
    if (path === from) {
      throw refuse(
        req,
        'to.url',
        chain.length === 1
          ? `不能从 ${from} 跳转到它自己。`
          : `这会形成循环跳转：${[...chain, from].join(' → ')}。`,
      )
    }
    // A target with its own query or fragment is kept as the editor wrote it.
    if (path !== url) return target
    const next = await redirectFrom(req, path, id)
    if (!next?.to) return target
    chain.push(path)
    if (next.to.type === 'reference' && next.to.reference)
      return { type: 'reference', reference: next.to.reference, url: null }
    target = { type: 'custom', url: next.to.url ?? '', reference: null }
  }
  throw refuse(req, 'to.url', `跳转链过长（超过 ${maxHops} 次）：${chain.join(' → ')}。`)
}
