// The three lists (需求清单、资源清单、项目清单) with two-way claiming (issue 18).
export { communityRoutes } from './community.routes';
