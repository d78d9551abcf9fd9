// Error codes of the campaigns module
import { defineErrors } from './errors';

export const campaignsErrors = defineErrors({
  CAMPAIGN_ACTION_IN_USE: {
    status: 409,
    message: ['该行动下已有任务，不能删除', '該行動下已有任務，不能刪除', 'The action line has tasks'],
  },
  CAMPAIGN_HAS_TASKS: {
    status: 409,
    message: ['该创建周期下已有任务，不能删除', '該創建週期下已有任務，不能刪除', 'The campaign has tasks'],
  },
  CAMPAIGN_NOT_FOUND: {
    status: 404,
    message: [
      '创建活动不存在或无权查看',
      '創建活動不存在或無權查看',
      'This campaign does not exist or is not visible to you',
    ],
  },
  LEDGER_ENTRY_ID_TAKEN: {
    status: 409,
    message: ['台账编号已用于其他任务', '台帳編號已用於其他任務', 'This entry id belongs to another task'],
  },
  NOTICE_ID_TAKEN: {
    status: 409,
    message: ['该编号已用于其他记录', '該編號已用於其他記錄', 'This id belongs to another record'],
  },
  NOTICE_NOT_FOUND: {
    status: 404,
    message: ['通知不存在或无权查看', '通知不存在或無權查看', 'This notice does not exist or is not visible to you'],
  },
  SELF_ASSESSMENT_EMPTY: {
    status: 422,
    message: ['尚未对任何指标自评打分', '尚未對任何指標自評打分', 'No indicator has been scored yet'],
  },
  SELF_ASSESSMENT_NOT_FOUND: {
    status: 404,
    message: [
      '自查自评不存在或无权查看',
      '自查自評不存在或無權查看',
      'This self-assessment does not exist or is not visible to you',
    ],
  },
  SELF_ASSESSMENT_NOT_SUBMITTED: {
    status: 409,
    message: ['自查自评尚未提交', '自查自評尚未提交', 'Not yet submitted'],
  },
  SELF_ASSESSMENT_SUBMITTED: {
    status: 409,
    message: ['自查自评已提交，不能修改', '自查自評已提交，不能修改', 'Already submitted'],
  },
  SELF_INSPECTION_REPORT_NOT_FOUND: {
    status: 404,
    message: [
      '自查报告不存在或无权查看',
      '自查報告不存在或無權查看',
      'This self-inspection report does not exist or is not visible to you',
    ],
  },
  TASK_NOT_FOUND: {
    status: 404,
    message: ['任务不存在或无权查看', '任務不存在或無權查看', 'This task does not exist or is not visible to you'],
  },
  TASK_TRANSITION_NOT_ALLOWED: {
    status: 409,
    message: ['当前状态下不能执行此操作', '目前狀態下不能執行此操作', 'Not allowed in this state'],
  },
  UNIT_HAS_NO_OVERDUE_TASKS: {
    status: 422,
    message: ['该单位没有逾期任务', '該單位沒有逾期任務', 'The unit has no overdue tasks'],
  },
  UNIT_NOT_FOUND: {
    status: 404,
    message: ['单位不存在或无权查看', '單位不存在或無權查看', 'This unit does not exist or is not visible to you'],
  },
});
