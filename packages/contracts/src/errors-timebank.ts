// Error codes of the timebank module
import { defineErrors } from './errors';

export const timebankErrors = defineErrors({
  TIMEBANK_ACCOUNT_NOT_FOUND: {
    status: 404,
    message: [
      '时间银行账户不存在或无权查看',
      '時間銀行帳戶不存在或無權查看',
      'This time-bank account does not exist or is not visible to you',
    ],
  },
  TIMEBANK_ALREADY_REVERSED: {
    status: 409,
    message: ['该笔记录已冲正', '該筆記錄已沖正', 'This movement is already reversed'],
  },
  TIMEBANK_BRANCH_NOT_FOUND: {
    status: 404,
    message: ['网点不存在或无权查看', '網點不存在或無權查看', 'No such branch, or it is outside your scope'],
  },
  TIMEBANK_INSUFFICIENT_BALANCE: {
    status: 422,
    message: [
      '时间余额不足：转出后将低于该账户允许的最低余额',
      '時間餘額不足：轉出後將低於該帳戶允許的最低餘額',
      'Not enough hours: the account would fall below its allowed minimum balance',
    ],
  },
  TIMEBANK_JOURNAL_NOT_FOUND: {
    status: 404,
    message: [
      '时间银行流水不存在或无权查看',
      '時間銀行流水不存在或無權查看',
      'This time-bank journal entry does not exist or is not visible to you',
    ],
  },
  TIMEBANK_NOT_FAMILY: {
    status: 422,
    message: [
      '只能转赠给已登记的家庭成员，或捐赠给公益基金',
      '只能轉贈給已登記的家庭成員，或捐贈給公益基金',
      'Hours go only to a registered family member or to a fund',
    ],
  },
  TIMEBANK_OUT_OF_STOCK: { status: 422, message: ['物品库存不足', '物品庫存不足', 'Not enough of this item in stock'] },
  TIMEBANK_REDEMPTION_DONE: {
    status: 409,
    message: ['兑换码已使用或已作废', '兌換碼已使用或已作廢', 'This code is already used or void'],
  },
  TIMEBANK_REDEMPTION_NOT_FOUND: {
    status: 404,
    message: [
      '兑换记录不存在或无权查看',
      '兌換記錄不存在或無權查看',
      'This redemption does not exist or is not visible to you',
    ],
  },
  TIMEBANK_REVERSAL_OF_REVERSAL: {
    status: 422,
    message: [
      '冲正记录不能再冲正，请另行记账',
      '沖正記錄不能再沖正，請另行記帳',
      'A reversal cannot be reversed; record a new movement',
    ],
  },
  TIMEBANK_SAME_ACCOUNT: {
    status: 422,
    message: ['不能转给同一账户', '不能轉給同一帳戶', 'Cannot move hours to the same account'],
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
