// Error codes of the frameworks module
import { defineErrors } from './errors';

export const frameworksErrors = defineErrors({
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    message: ['不支持的文件类型', '不支援的檔案類型', 'This file type is not allowed'],
  },
  FRAMEWORK_CODE_TAKEN: {
    status: 409,
    message: ['测评体系编码已被使用', '測評體系編碼已被使用', 'Another framework uses this code'],
  },
  FRAMEWORK_EMPTY: {
    status: 422,
    message: ['测评体系中还没有指标', '測評體系中還沒有指標', 'The framework has no indicators'],
  },
  FRAMEWORK_NOT_DRAFT: {
    status: 409,
    message: [
      '已发布的测评体系不能修改，请派生新版本',
      '已發布的測評體系不能修改，請衍生新版本',
      'A published framework cannot change; derive a new version',
    ],
  },
  FRAMEWORK_NOT_FOUND: {
    status: 404,
    message: [
      '测评体系不存在或无权查看',
      '測評體系不存在或無權查看',
      'This framework does not exist or is not visible to you',
    ],
  },
  FRAMEWORK_NOT_PUBLISHED: {
    status: 409,
    message: ['只能从已发布的版本派生', '只能從已發布的版本衍生', 'Only a published version can be derived from'],
  },
  FRAMEWORK_POINTS_MISMATCH: {
    status: 422,
    message: [
      '下级分值之和与上级分值不符',
      '下級分值之和與上級分值不符',
      "Children's points do not add up to their parent",
    ],
  },
  INDICATOR_MOVE_INVALID: {
    status: 422,
    message: [
      '不能把指标移到它自己或其下级之下',
      '不能把指標移到它自己或其下級之下',
      'An indicator cannot move under itself',
    ],
  },
  INDICATOR_NOT_FOUND: {
    status: 404,
    message: ['指标不存在或无权查看', '指標不存在或無權查看', 'This indicator does not exist or is not visible to you'],
  },
  NEGATIVE_ITEM_NOT_FOUND: {
    status: 404,
    message: [
      '负面清单事项不存在或无权查看',
      '負面清單事項不存在或無權查看',
      'This negative-list item does not exist or is not visible to you',
    ],
  },
});
