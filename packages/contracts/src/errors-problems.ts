// Error codes of the problems module
import { defineErrors } from './errors';

export const problemsErrors = defineErrors({
  PROBLEM_AFTER_PHOTO_REQUIRED: {
    status: 422,
    message: [
      '验收前须有整改后照片',
      '驗收前須有整改後照片',
      'An after-photo of the rectification is required to verify',
    ],
  },
  PROBLEM_DUPLICATE_OF_ITSELF: {
    status: 422,
    message: ['问题不能标记为自身的重复', '問題不能標記為自身的重複', 'A problem cannot duplicate itself'],
  },
  PROBLEM_NOT_FOUND: {
    status: 404,
    message: ['问题不存在或无权查看', '問題不存在或無權查看', 'This problem does not exist or is not visible to you'],
  },
  PROBLEM_TRANSITION_NOT_ALLOWED: {
    status: 409,
    message: [
      '问题当前状态下不能执行此操作',
      '問題目前狀態下不能執行此操作',
      'This action is not allowed in the problem’s state',
    ],
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: ['不支持的文件类型', '不支援的檔案類型', 'This file type is not supported'],
  },
});
