// Error codes of the news module (工作动态、典型案例).
import { defineErrors } from './errors';

export const newsErrors = defineErrors({
  NEWS_ARTICLE_NOT_FOUND: {
    status: 404,
    message: ['稿件不存在或无权查看', '稿件不存在或無權查看', 'Article not found'],
  },
  NEWS_TRANSITION_NOT_ALLOWED: {
    status: 409,
    message: ['稿件当前状态不允许此操作', '稿件當前狀態不允許此操作', 'The article is not in a state that allows this'],
  },
  NEWS_NOT_EDITABLE: {
    status: 409,
    message: [
      '稿件已提交审核或已发布，不能修改',
      '稿件已提交審核或已發布，不能修改',
      'The article is in review or published and cannot be edited',
    ],
  },
  NEWS_STALE_VERSION: {
    status: 409,
    message: [
      '稿件已被他人修改，请刷新后重试',
      '稿件已被他人修改，請重新整理後重試',
      'The article was changed by someone else; reload and retry',
    ],
  },
  NEWS_BODY_EMPTY: {
    status: 422,
    message: ['正文清理后为空，请填写正文', '正文清理後為空，請填寫正文', 'The body is empty once cleaned'],
  },
  NEWS_COVER_NOT_IMAGE: {
    status: 422,
    message: ['封面须为图片', '封面須為圖片', 'The cover must be an image'],
  },
});
