// The workbench module's public face: the desktop home of every role.
export { workbenchRoutes } from './workbench.routes';
