import type { Dict } from '../app/messages/types';

export const mobileMessages: Dict = {
  'mobile.title': ['文明创建', '文明創建', 'Wenming'],
  'mobile.online': ['在线', '線上', 'Online'],
  'mobile.offline': ['离线', '離線', 'Offline'],
  'mobile.offlineHint': [
    '当前离线：提交的内容会先保存在本机，联网后自动按顺序同步。',
    '目前離線：提交的內容會先儲存在本機，連網後自動依序同步。',
    'Offline: what you submit is kept on this phone and sent in order once you are back online.',
  ],
  'mobile.me': ['我的信息', '我的資訊', 'Me'],
  'mobile.roles': ['我的角色', '我的角色', 'My roles'],
  'mobile.pending': ['待同步', '待同步', 'Waiting to sync'],
  'mobile.pendingCount': ['待同步 {{count}} 条', '待同步 {{count}} 筆', '{{count}} waiting to sync'],
  'mobile.noPending': ['没有待同步的内容', '沒有待同步的內容', 'Nothing waiting to sync'],
  'mobile.failed': ['同步失败', '同步失敗', 'Refused by the server'],
  'mobile.sync': ['立即同步', '立即同步', 'Sync now'],
  'mobile.syncing': ['同步中…', '同步中…', 'Syncing…'],
  'mobile.syncResult': [
    '已同步 {{sent}} 条，剩余 {{remaining}} 条',
    '已同步 {{sent}} 筆，剩餘 {{remaining}} 筆',
    '{{sent}} sent, {{remaining}} left',
  ],
  'mobile.stopped.network': ['网络不可用，稍后自动重试', '網路不可用，稍後自動重試', 'No network; will retry'],
  'mobile.stopped.server': [
    '服务器暂时不可用，稍后自动重试',
    '伺服器暫時不可用，稍後自動重試',
    'Server unavailable; will retry',
  ],
  'mobile.stopped.auth': [
    '登录已失效，请重新登录后同步',
    '登入已失效，請重新登入後同步',
    'Signed out; sign in again to sync',
  ],
  'mobile.attempts': ['已尝试 {{count}} 次', '已嘗試 {{count}} 次', '{{count}} attempts'],
  'mobile.retry': ['重新提交', '重新提交', 'Retry'],
  'mobile.discard': ['放弃', '放棄', 'Discard'],
  'mobile.desktop': ['电脑版', '電腦版', 'Desktop version'],
  'mobile.login': ['登录', '登入', 'Sign in'],
};
