/** Every migration, in order. Append only. */
import initial from './0001-initial';

export interface Migration {
  id: string;
  sql: string;
}

export const migrations: readonly Migration[] = [{ id: '0001-initial', sql: initial }];
