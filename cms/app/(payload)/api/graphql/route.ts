import config from '@payload-config'
import { graphqlStatus } from '../../../../api/graphqlStatus'
import { guardApiRoute } from '../../../../api/guardApiRoute'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

export const POST = guardApiRoute(graphqlStatus(GRAPHQL_POST(config)))
export const OPTIONS = REST_OPTIONS(config)
