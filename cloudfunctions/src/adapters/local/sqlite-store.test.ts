import { SqliteStore } from './sqlite-store';
import { runStoreContract } from '../store-contract';

runStoreContract('SQLite (:memory:)', async () => new SqliteStore(':memory:'));
