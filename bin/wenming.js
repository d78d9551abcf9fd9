#!/usr/bin/env node
// `npx wenming …`: run the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../apps/server/src/cli.ts');
