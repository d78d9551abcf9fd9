import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';

export const ltree = customType<{ data: string }>({ dataType: () => 'ltree' });
export const tenantId = () => uuid('tenant_id').notNull();
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
