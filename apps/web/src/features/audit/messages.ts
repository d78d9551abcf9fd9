import type { Dict } from '../../app/messages/types';

export const auditMessages: Dict = {
  'audit.title': ['审计日志', '稽核日誌', 'Audit log'],
  'audit.readOnly': [
    '审计事件只可追加、按哈希链接，任何删改都可被校验发现。',
    '稽核事件只可追加、按雜湊鏈結，任何刪改都可被校驗發現。',
    'Audit events are append-only and hash-chained; any edit or deletion is detectable.',
  ],
  'audit.seq': ['序号', '序號', 'Seq'],
  'audit.at': ['时间', '時間', 'Time'],
  'audit.actor': ['操作人', '操作人', 'Actor'],
  'audit.action': ['动作', '動作', 'Action'],
  'audit.objectType': ['对象类型', '對象類型', 'Object type'],
  'audit.objectId': ['对象编号', '對象編號', 'Object id'],
  'audit.object': ['对象', '對象', 'Object'],
  'audit.timeRange': ['时间范围', '時間範圍', 'Time range'],
  'audit.ip': ['IP 地址', 'IP 位址', 'IP address'],
  'audit.requestId': ['请求编号', '請求編號', 'Request id'],
  'audit.before': ['变更前', '變更前', 'Before'],
  'audit.after': ['变更后', '變更後', 'After'],
  'audit.hash': ['哈希', '雜湊', 'Hash'],
  'audit.filter': ['查询', '查詢', 'Filter'],
};
