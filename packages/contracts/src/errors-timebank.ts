// Error codes of the time bank's branches (issue 18): creating head and grid branches, moving accounts.
import { defineErrors } from './errors';

export const timebankErrors = defineErrors({
  TIMEBANK_ACCOUNT_NOT_FOUND: {
    status: 404,
    message: ['账户不存在或无权查看', '帳戶不存在或無權查看', 'No such account, or it is outside your scope'],
  },
  TIMEBANK_BRANCH_NOT_FOUND: {
    status: 404,
    message: ['网点不存在或无权查看', '網點不存在或無權查看', 'No such branch, or it is outside your scope'],
  },
  TIMEBANK_BRANCH_EXISTS: {
    status: 409,
    message: [
      '该社区已有总行，或该网格已有分行',
      '該社區已有總行，或該網格已有分行',
      'This community already has a head branch, or this grid already has a branch',
    ],
  },
  TIMEBANK_HEAD_BRANCH_MISSING: {
    status: 422,
    message: [
      '请先为该网格所在社区开设总行',
      '請先為該網格所在社區開設總行',
      'Open the head branch of the grid’s community first',
    ],
  },
  TIMEBANK_SAME_BRANCH: {
    status: 422,
    message: ['账户已在该网点', '帳戶已在該網點', 'The account is already in this branch'],
  },
  TIMEBANK_BRANCH_OTHER_COMMUNITY: {
    status: 422,
    message: [
      '只能在同一社区的总行与分行之间转移',
      '只能在同一社區的總行與分行之間轉移',
      'An account moves only between branches of the same community',
    ],
  },
});
