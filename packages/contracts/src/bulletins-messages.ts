// Messages of bulletins and the big screen (zh-CN, zh-TW, en), added to the platform's dictionaries on import.
import { errorMessages, fieldLabels } from './messages';

const add = (target: Record<string, [string, string, string]>, entries: Record<string, [string, string, string]>) => {
  for (const [k, v] of Object.entries(entries)) if (!target[k]) target[k] = v;
};
add(errorMessages, {});
add(fieldLabels, {
  replaces: ['被更正的通报', '被更正的通報', 'bulletin replaced'],
  format: ['文件格式', '檔案格式', 'format'],
});
