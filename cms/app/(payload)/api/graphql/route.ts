import config from '@payload-config'
import { graphqlStatus } from '../../../../api/graphqlStatus'
import { guardApiRoute } from '../../../../api/guardApiRoute'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import { refuseWithBadRequest } from '../../../../api/graphQLCost'

export const POST = guardApiRoute(graphqlStatus(refuseWithBadRequest(GRAPHQL_POST(config))))
export const OPTIONS = REST_OPTIONS(config)
