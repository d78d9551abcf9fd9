import type { Dict } from '../../app/messages/types';

/** The phone's 我的任务 pages. */
export const myTasksMessages: Dict = {
  'myTasks.title': ['我的任务', '我的任務', 'My tasks'],
  'myTasks.entry': ['我的任务', '我的任務', 'My tasks'],
  'myTasks.entryHint': ['本单位牵头或配合的创建任务', '本單位牽頭或配合的創建任務', 'Tasks of my unit'],
  'myTasks.empty': ['暂无任务', '暫無任務', 'No tasks'],
  'myTasks.all': ['全部', '全部', 'All'],
  'myTasks.todo': ['待办', '待辦', 'To do'],
  'myTasks.deadline': ['时限 {{date}}', '時限 {{date}}', 'Due {{date}}'],
  'myTasks.lead': ['牵头', '牽頭', 'Lead'],
  'myTasks.reportTitle': ['报送进展', '報送進展', 'Report progress'],
  'myTasks.textPlaceholder': [
    '写明完成情况、存在问题和下一步打算',
    '寫明完成情況、存在問題和下一步打算',
    'What was done, what is open, what comes next',
  ],
  'myTasks.photos': ['现场照片', '現場照片', 'Photos'],
  'myTasks.takePhoto': ['拍照 / 选择照片', '拍照 / 選擇照片', 'Take or pick photos'],
  'myTasks.removePhoto': ['移除', '移除', 'Remove'],
  'myTasks.submit': ['提交报送', '提交報送', 'Submit'],
  'myTasks.queued': [
    '已保存到本机，联网后自动按顺序发送（照片与台账一起）。',
    '已儲存到本機，連網後自動依序傳送（照片與台帳一起）。',
    'Saved on this phone; it is sent in order (photos with the report) once online.',
  ],
  'myTasks.sent': ['报送成功', '報送成功', 'Report sent'],
  'myTasks.textRequired': ['请填写进展情况', '請填寫進展情況', 'Write what was done'],
  'myTasks.notAllowed': [
    '该任务当前状态不能报送',
    '該任務目前狀態不能報送',
    'The task cannot take a report in its current state',
  ],
  'myTasks.back': ['返回', '返回', 'Back'],
  'myTasks.returnedReason': ['退回原因：{{reason}}', '退回原因：{{reason}}', 'Returned: {{reason}}'],
  'myTasks.queuedCount': ['{{count}} 条待同步', '{{count}} 筆待同步', '{{count}} waiting to sync'],
};
