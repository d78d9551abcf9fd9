// The audit module's public face: the audit log's routes.
export { auditRoutes } from './audit.routes';
