// The auth module's public face: sign-in routes, and the rule on which roles one account may hold together.
export { authRoutes } from './auth.routes';
export { assertRoleSeparation } from './auth.service';
