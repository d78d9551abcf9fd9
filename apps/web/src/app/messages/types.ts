/** UI strings side by side: [简体中文, 繁體中文, English]. Keys are flat (`unit.title`). */
export type Dict = Record<string, readonly [zhCN: string, zhTW: string, en: string]>;
