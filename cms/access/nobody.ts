import type { Access } from 'payload'

/** No one through REST, GraphQL or the admin; server code writes with `overrideAccess`. */
export const nobody: Access = () => false
