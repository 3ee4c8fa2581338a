/**
 * The review actions over GraphQL: `reviewDocument(collection, id, action, comment)`, with the
 * same rules and messages as REST (an error carries the HTTP status, which graphqlStatus answers
 * with when the whole request failed).
 */
import type { Config, PayloadRequest } from 'payload'
import { performReviewAction } from './performReviewAction'
import { reviewedCollections } from './reviewedCollections'
import { reviewActions, reviewStatuses, type ReviewAction } from './reviewStates'

type GraphQLLibrary = Parameters<NonNullable<NonNullable<Config['graphQL']>['mutations']>>[0]

/** GraphQL enum names cannot hold `-`: `approve_and_publish`. */
const enumName = (action: string) => action.replace(/-/g, '_')

export function reviewMutations(GraphQL: GraphQLLibrary) {
  const ReviewCollection = new GraphQL.GraphQLEnumType({
    name: 'ReviewCollection',
    values: Object.fromEntries(reviewedCollections.map((slug) => [slug, { value: slug }])),
  })
  const ReviewActionType = new GraphQL.GraphQLEnumType({
    name: 'ReviewAction',
    values: Object.fromEntries(
      reviewActions.map((action) => [enumName(action), { value: action }]),
    ),
  })
  const ReviewStatusType = new GraphQL.GraphQLEnumType({
    name: 'ReviewStatus',
    values: Object.fromEntries(reviewStatuses.map((status) => [status, { value: status }])),
  })
  const ReviewResult = new GraphQL.GraphQLObjectType({
    name: 'ReviewResult',
    fields: {
      id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
      status: { type: new GraphQL.GraphQLNonNull(ReviewStatusType) },
      statusLabel: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
      approvals: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLInt) },
      published: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLBoolean) },
      message: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
    },
  })
  return {
    reviewDocument: {
      type: ReviewResult,
      args: {
        collection: { type: new GraphQL.GraphQLNonNull(ReviewCollection) },
        id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        action: { type: new GraphQL.GraphQLNonNull(ReviewActionType) },
        comment: { type: GraphQL.GraphQLString },
      },
      resolve: async (
        _: unknown,
        args: {
          collection: (typeof reviewedCollections)[number]
          id: string
          action: ReviewAction
          comment?: string | null
        },
        context: { req: PayloadRequest },
      ) => {
        const result = await performReviewAction(context.req, {
          collection: args.collection,
          id: args.id,
          action: args.action,
          comment: args.comment ?? undefined,
        })
        return { ...result, approvals: result.review.approvals.length }
      },
    },
  }
}
