// Messages of bulletins and the big screen (zh-CN, zh-TW, en), added to the platform's dictionaries on import.
import { errorMessages, fieldLabels } from './messages';

const add = (target: Record<string, [string, string, string]>, entries: Record<string, [string, string, string]>) => {
  for (const [k, v] of Object.entries(entries)) if (!target[k]) target[k] = v;
};
add(errorMessages, {
  EVALUATION_NOT_DONE: [
    '考评尚未完成计算，不能发布通报',
    '考評尚未完成計算，不能發布通報',
    'The evaluation is not done yet',
  ],
  BULLETIN_ALREADY_SUPERSEDED: [
    '该通报已被更正，请更正最新一期',
    '該通報已被更正，請更正最新一期',
    'This bulletin was already corrected; correct the latest one',
  ],
  BULLETIN_NOT_FOUND: ['通报不存在', '通報不存在', 'Bulletin not found'],
});
add(fieldLabels, {
  replaces: ['被更正的通报', '被更正的通報', 'bulletin replaced'],
  format: ['文件格式', '檔案格式', 'format'],
});
