import config from '@payload-config'
import '@payloadcms/next/css'
import { guardApiRoute } from '../../../../api/guardApiRoute'
import {
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'

export const GET = guardApiRoute(REST_GET(config))
export const POST = guardApiRoute(REST_POST(config))
export const DELETE = guardApiRoute(REST_DELETE(config))
export const PATCH = guardApiRoute(REST_PATCH(config))
export const PUT = guardApiRoute(REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
