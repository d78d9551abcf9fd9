import type { Dict } from '../../app/messages/types';

export const importMessages: Dict = {
  'import.title.units': ['导入单位', '匯入單位', 'Import units'],
  'import.title.people': ['导入人员', '匯入人員', 'Import people'],
  'import.template': ['下载导入模板', '下載匯入範本', 'Download the template'],
  'import.pickFile': ['选择 Excel 文件（.xlsx）', '選擇 Excel 檔案（.xlsx）', 'Choose an Excel file (.xlsx)'],
  'import.dropHint': ['点击或拖拽文件到此处', '點擊或拖曳檔案到此處', 'Click or drop a file here'],
  'import.rule': [
    '整个文件要么全部导入，要么全部不导入；有错误的行会逐行列出。',
    '整個檔案要麼全部匯入，要麼全部不匯入；有錯誤的列會逐列列出。',
    'A file is imported whole or not at all; every bad row is listed.',
  ],
  'import.start': ['开始导入', '開始匯入', 'Start import'],
  'import.again': ['重新导入', '重新匯入', 'Import another file'],
  'import.progress': ['导入进度', '匯入進度', 'Import progress'],
  'import.done': ['导入完成，新增 {{count}} 条', '匯入完成，新增 {{count}} 筆', 'Import finished: {{count}} created'],
  'import.failed': ['导入失败，未做任何更改', '匯入失敗，未做任何變更', 'Import failed; nothing was changed'],
  'import.rowErrors': ['错误行', '錯誤列', 'Rows with errors'],
  'import.row': ['行号', '列號', 'Row'],
  'import.field': ['字段', '欄位', 'Field'],
  'import.message': ['问题', '問題', 'Problem'],
  'import.errorReport': ['下载错误报告', '下載錯誤報告', 'Download the error report'],
};
