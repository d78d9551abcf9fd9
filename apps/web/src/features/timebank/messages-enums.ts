import type { TimebankAccountKind, TimebankBranchKind, TimebankJournalKind } from '@wenming/contracts';
import { type Names, prefixed } from '../../app/messages/names';
import type { Dict } from '../../app/messages/types';

const accountKinds: Names<TimebankAccountKind> = {
  volunteer: ['志愿者账户', '志願者帳戶', 'Volunteer'],
  resident: ['居民账户', '居民帳戶', 'Resident'],
  fund: ['公益基金', '公益基金', 'Fund'],
  issuance: ['时间发行账户', '時間發行帳戶', 'Issuance'],
};
const journalKinds: Names<TimebankJournalKind> = {
  deposit: ['服务时长存入', '服務時長存入', 'Service hours deposited'],
  transfer: ['家庭转赠', '家庭轉贈', 'Family transfer'],
  donation: ['捐赠基金', '捐贈基金', 'Donation to a fund'],
  service: ['服务支付', '服務支付', 'Paid for a service'],
  redemption: ['兑换物品', '兌換物品', 'Goods redeemed'],
  reversal: ['冲正', '沖正', 'Reversal'],
};
const branchKinds: Names<TimebankBranchKind> = {
  head: ['总行', '總行', 'Head branch'],
  branch: ['分行', '分行', 'Branch'],
};

export const timebankEnumMessages: Dict = {
  ...prefixed('tbAccountKind', accountKinds),
  ...prefixed('tbJournalKind', journalKinds),
  ...prefixed('tbBranchKind', branchKinds),
};
