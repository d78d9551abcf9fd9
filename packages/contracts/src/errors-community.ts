// Error codes of the community module (issue 18): the three lists and claiming.
import { defineErrors } from './errors';

export const communityErrors = defineErrors({
  COMMUNITY_ITEM_NOT_FOUND: {
    status: 404,
    message: ['清单事项不存在或无权查看', '清單事項不存在或無權查看', 'No such list item, or it is outside your scope'],
  },
  COMMUNITY_ALREADY_CLAIMED: {
    status: 409,
    message: ['该事项已被认领', '該事項已被認領', 'This item is already claimed'],
  },
  COMMUNITY_ACTION_NOT_ALLOWED: {
    status: 409,
    message: [
      '当前状态下不能进行此操作',
      '目前狀態下不能進行此操作',
      'This step is not possible in the item’s current state',
    ],
  },
  COMMUNITY_CONFIRM_NOT_REQUESTER: {
    status: 403,
    message: ['只有提出需求的居民可以确认', '只有提出需求的居民可以確認', 'Only the resident who asked may confirm'],
  },
  COMMUNITY_CLOSE_TOO_EARLY: {
    status: 422,
    message: [
      '居民尚未确认，完成满规定天数后方可关闭',
      '居民尚未確認，完成滿規定天數後方可關閉',
      'The resident has not confirmed; the need may be closed only after the set number of days',
    ],
  },
});
