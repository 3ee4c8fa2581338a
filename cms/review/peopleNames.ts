import type { Payload } from 'payload'
import type { UserId } from './reviewStates'

/**
 * Names of the people in review states (submitters, reviewers), for the admin's notices and panel.
 * Read past access: editors may not list other accounts, but may see who reviewed what.
 */
export async function peopleNames(
  payload: Payload,
  ids: (UserId | null | undefined)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is UserId => id != null).map(String))]
  if (!wanted.length) return new Map()
  const { docs } = await payload.find({
    collection: 'users',
    where: { id: { in: wanted } },
    limit: wanted.length,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { name: true, email: true },
  })
  return new Map(
    docs.map((user) => [String(user.id), user.name || user.email || `用户 ${user.id}`]),
  )
}
