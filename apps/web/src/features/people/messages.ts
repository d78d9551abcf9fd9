import type { Dict } from '../../app/messages/types';

export const peopleMessages: Dict = {
  'person.title': ['人员', '人員', 'People'],
  'person.create': ['新建人员', '新建人員', 'New person'],
  'person.edit': ['编辑人员', '編輯人員', 'Edit person'],
  'person.name': ['姓名', '姓名', 'Name'],
  'person.gender': ['性别', '性別', 'Gender'],
  'person.idCard': ['身份证号', '身分證號', 'ID number'],
  'person.phone': ['手机号', '手機號', 'Mobile phone'],
  'person.unit': ['所在单位', '所在單位', 'Unit'],
  'person.region': ['所属区划', '所屬區劃', 'Region'],
  'person.position': ['职务', '職務', 'Position'],
  'person.hasAccount': ['已开通账号', '已開通帳號', 'Has an account'],
  'person.filterUnit': ['单位筛选', '單位篩選', 'Filter by unit'],
  'person.keep': [
    '留空则不修改（当前 {{masked}}）',
    '留空則不修改（目前 {{masked}}）',
    'Leave empty to keep ({{masked}})',
  ],
  'person.reveal': ['查看完整', '檢視完整', 'Show in full'],
  'person.revealTitle': ['完整个人信息：{{name}}', '完整個人資料：{{name}}', 'Personal data in full: {{name}}'],
  'person.revealAudited': [
    '本次查看已记录在审计日志中（查看人、时间、对象）。请勿截屏或外传。',
    '本次檢視已記錄在稽核日誌中（檢視人、時間、對象）。請勿截圖或外傳。',
    'This view is recorded in the audit log (who, when, whom). Do not copy or pass it on.',
  ],
};
