// The platform module's public face: routes of files, jobs, health and settings shared by every module.
export { platformRoutes } from './platform.routes';
