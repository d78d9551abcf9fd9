import type { Dict } from '../../app/messages/types';

/** 工作动态、典型案例: the desk (write, review, publish) and the public pages. */
export const newsMessages: Dict = {
  'menu.news': ['工作动态', '工作動態', 'News'],
  'news.title': ['工作动态与典型案例', '工作動態與典型案例', 'News and typical cases'],
  'news.create': ['写稿', '寫稿', 'Write'],
  'news.edit': ['修改稿件', '修改稿件', 'Edit article'],
  'news.kind': ['栏目', '欄目', 'Section'],
  'news.headline': ['标题', '標題', 'Title'],
  'news.summary': ['摘要', '摘要', 'Summary'],
  'news.body': [
    '正文（可粘贴富文本 HTML，保存时自动清理）',
    '正文（可貼上富文字 HTML，儲存時自動清理）',
    'Body (rich text HTML, cleaned when saved)',
  ],
  'news.region': ['地区', '地區', 'Region'],
  'news.tags': ['标签', '標籤', 'Tags'],
  'news.status': ['状态', '狀態', 'Status'],
  'news.author': ['作者', '作者', 'Author'],
  'news.publishedAt': ['发布时间', '發布時間', 'Published'],
  'news.note': ['审核意见', '審核意見', 'Review note'],
  'news.preview': ['预览', '預覽', 'Preview'],
  'news.public': ['公开页面', '公開頁面', 'Public page'],
  'news.feeds': ['订阅：RSS · JSON Feed', '訂閱：RSS · JSON Feed', 'Feeds: RSS · JSON Feed'],
  'news.publicTitle': ['工作动态 · 典型案例', '工作動態 · 典型案例', 'News and typical cases'],
  'news.back': ['返回列表', '返回列表', 'Back to the list'],
  'news.all': ['全部', '全部', 'All'],
};
