import type { CollectionAfterChangeHook } from 'payload'
import type { Redirect } from '../../../payload-types'

/**
 * After a redirect from `a` is saved, redirects that pointed at `a` point where it points
 * (x → a, a → b becomes x → b, a → b), in the same transaction. With `checkRedirect`, which
 * collapses a new redirect's own target, no stored chain is longer than one hop.
 */
/** A target as it is written: a reference by id (`doc` may hold the referenced document). */
export function storedTarget(to: Redirect['to']): Redirect['to'] {
  const reference = to.reference
  if (!reference) return { type: to.type, url: to.url ?? null, reference: null }
  const value = reference.value
  return {
    type: to.type,
    url: null,
    reference: {
      relationTo: reference.relationTo,
      value: typeof value === 'object' ? value.id : value,
    } as NonNullable<Redirect['to']['reference']>,
  }
}

export const collapseChainsInto: CollectionAfterChangeHook<Redirect> = async ({ doc, req }) => {
  const { docs } = await req.payload.db.find({
    collection: 'redirects',
    where: {
      and: [
        { 'to.type': { equals: 'custom' } },
        { 'to.url': { equals: doc.from } },
        { id: { not_equals: doc.id } },
      ],
    },
    pagination: false,
    limit: 0,
    req,
  })
  for (const pointing of docs as Redirect[]) {
    await req.payload.update({
      collection: 'redirects',
      id: pointing.id,
      data: { to: storedTarget(doc.to) },
      depth: 0,
      overrideAccess: true,
      req,
    })
  }
  return doc
}
