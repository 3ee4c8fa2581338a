/**
 * `POST /api/<collection>/<id>/review/<action>` (news, exhibitions, exhibits, lectures), action one
 * of `submit`, `approve`, `approve-and-publish`, `return` (body `{"comment": "…"}`, required). Answers
 * 200 with the new review state, or a Chinese message with 400 (no or too long a comment, unknown
 * action), 401, 403 (not a reviewer, one's own submission, the same reviewer twice), 404 or 409 (the
 * document is not in a state that allows the action).
 */
import { addDataAndFileToRequest, APIError, type Endpoint } from 'payload'
import { performReviewAction } from './performReviewAction'
import { isReviewedCollection } from './reviewedCollections'
import { isReviewAction, reviewActions } from './reviewStates'

const refuse = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status })

export const reviewEndpoint: Endpoint = {
  path: '/:id/review/:action',
  method: 'post',
  handler: async (req) => {
    const { collection, id, action } = (req.routeParams ?? {}) as Record<string, unknown>
    if (!req.user) return refuse(401, '请先登录。')
    if (!isReviewedCollection(collection)) return refuse(404, '该集合没有发布审核。')
    if (!isReviewAction(action))
      return refuse(400, `未知的审核操作：只能是 ${reviewActions.join('、')}。`)
    try {
      await addDataAndFileToRequest(req)
    } catch {
      return refuse(400, '请求内容不是有效的 JSON。')
    }
    const comment = (req.data as { comment?: unknown } | undefined)?.comment
    if (comment !== undefined && typeof comment !== 'string')
      return refuse(400, '退回意见应为文字。')
    try {
      const result = await performReviewAction(req, {
        collection,
        id: String(id),
        action,
        comment,
      })
      return Response.json(result)
    } catch (error) {
      if (error instanceof APIError && error.status < 500)
        return refuse(error.status, error.message)
      throw error
    }
  },
}
