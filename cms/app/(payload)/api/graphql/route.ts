import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import { refuseWithBadRequest } from '../../../../api/graphQLCost'

export const POST = refuseWithBadRequest(GRAPHQL_POST(config))
export const OPTIONS = REST_OPTIONS(config)
