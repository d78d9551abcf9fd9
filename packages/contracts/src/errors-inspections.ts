// Error codes of the inspections module
import { defineErrors } from './errors';

export const inspectionsErrors = defineErrors({
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message: [
      '重复提交的请求内容不一致',
      '重複提交的請求內容不一致',
      'This Idempotency-Key was used for a different request',
    ],
  },
  INSPECTION_ID_TAKEN: {
    status: 409,
    message: ['该编号已用于其他记录', '該編號已用於其他記錄', 'This id belongs to another record'],
  },
  INSPECTION_INCOMPLETE: {
    status: 422,
    message: ['还有测评标准未填写结果', '還有測評標準未填寫結果', 'Some standards of the checklist have no result'],
  },
  INSPECTION_NOT_FOUND: {
    status: 404,
    message: [
      '测评记录不存在或无权查看',
      '測評記錄不存在或無權查看',
      'This inspection does not exist or is not visible to you',
    ],
  },
  INSPECTION_PLAN_NOT_FOUND: {
    status: 404,
    message: [
      '督查计划不存在或无权查看',
      '督查計劃不存在或無權查看',
      'This inspection plan does not exist or is not visible to you',
    ],
  },
  INSPECTION_TEAM_NOT_FOUND: {
    status: 404,
    message: [
      '督查组不存在或无权查看',
      '督查組不存在或無權查看',
      'This inspection team does not exist or is not visible to you',
    ],
  },
  OBSERVATION_ID_TAKEN: {
    status: 409,
    message: [
      '测评结果编号已用于其他记录',
      '測評結果編號已用於其他記錄',
      'An observation id belongs to another inspection',
    ],
  },
  PLAN_CLOSED: { status: 409, message: ['计划已结束', '計畫已結束', 'The plan is closed'] },
  PLAN_EMPTY: { status: 422, message: ['计划还没有抽取点位', '計畫還沒有抽取點位', 'The plan has no points yet'] },
  PLAN_HAS_INSPECTIONS: {
    status: 409,
    message: ['计划已有测评记录，不能删除', '計畫已有測評記錄，不能刪除', 'The plan has inspections'],
  },
  PLAN_HAS_NO_TEAMS: { status: 422, message: ['计划还没有督查组', '計畫還沒有督查組', 'The plan has no teams'] },
  PLAN_NOT_DRAFT: {
    status: 409,
    message: ['计划已发布，不能再修改此项', '計畫已發布，不能再修改此項', 'The plan is no longer a draft'],
  },
  PLAN_NOT_OPEN: {
    status: 422,
    message: ['计划未发布或已结束，不能提交', '計畫未發布或已結束，不能提交', 'The plan is not open for inspections'],
  },
  PLAN_POINTS_UNASSIGNED: {
    status: 422,
    message: ['还有点位未分配给督查组', '還有點位未分配給督查組', 'Some points are not assigned to a team'],
  },
  POINT_NOT_ASSIGNED_TO_YOU: {
    status: 403,
    message: [
      '该点位未分配给您所在的督查组',
      '該點位未分配給您所在的督查組',
      'This point is not assigned to your team',
    ],
  },
  POINT_NOT_FOUND: {
    status: 404,
    message: [
      '点位不存在或无权查看',
      '點位不存在或無權查看',
      'This inspection point does not exist or is not visible to you',
    ],
  },
  QUESTIONNAIRE_CLOSED: { status: 409, message: ['问卷已结束', '問卷已結束', 'The questionnaire is closed'] },
  QUESTIONNAIRE_HAS_RESPONSES: {
    status: 409,
    message: [
      '问卷已有答卷，不能修改题目',
      '問卷已有答卷，不能修改題目',
      'The questionnaire has responses; its questions cannot change',
    ],
  },
  QUESTIONNAIRE_NOT_FOUND: {
    status: 404,
    message: [
      '问卷不存在或无权查看',
      '問卷不存在或無權查看',
      'This questionnaire does not exist or is not visible to you',
    ],
  },
  SURVEY_RESPONSE_ID_TAKEN: {
    status: 409,
    message: ['该编号已用于其他答卷', '該編號已用於其他答卷', 'This id belongs to another response'],
  },
});
