// Messages of the time bank (zh-CN, zh-TW, en), added to the platform's dictionaries on import.
import { errorMessages, fieldLabels, validationMessages } from './messages';

const add = (target: Record<string, [string, string, string]>, entries: Record<string, [string, string, string]>) => {
  for (const [k, v] of Object.entries(entries)) if (!target[k]) target[k] = v;
};
add(errorMessages, {
  TIMEBANK_NO_ACCOUNT: ['尚未开立时间银行账户', '尚未開立時間銀行帳戶', 'No time bank account is open yet'],
});
add(fieldLabels, {
  fromAccountId: ['转出账户', '轉出帳戶', 'from account'],
  toAccountId: ['转入账户', '轉入帳戶', 'to account'],
  hours: ['时长（小时）', '時數（小時）', 'hours'],
  memo: ['备注', '備註', 'memo'],
  from: ['开始日期', '開始日期', 'from'],
  to: ['结束日期', '結束日期', 'to'],
  memberAccountId: ['家庭成员账户', '家庭成員帳戶', 'family member account'],
  priceHours: ['兑换所需时长', '兌換所需時數', 'price in hours'],
  stock: ['库存', '庫存', 'stock'],
  goodsId: ['物品', '物品', 'item'],
  quantity: ['数量', '數量', 'quantity'],
  accountId: ['账户', '帳戶', 'account'],
  branchId: ['网点', '網點', 'branch'],
  accountIds: ['管理员', '管理員', 'managers'],
  siteId: ['所属阵地', '所屬陣地', 'practice site'],
});
add(validationMessages, {
  unknown_account: ['账户不存在', '帳戶不存在', 'names no account'],
  unknown_goods: ['物品不存在', '物品不存在', 'names no item'],
  unknown_branch: ['网点不存在', '網點不存在', 'names no branch'],
  unknown_grid: ['网格不存在', '網格不存在', 'names no grid'],
  unknown_site: ['阵地不存在', '陣地不存在', 'names no practice site'],
});
