import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const DATA_DIR = process.env.LINLI_DATA_DIR ? resolve(process.env.LINLI_DATA_DIR) : join(REPO_ROOT, '.data');
export const DB_FILE = join(DATA_DIR, 'linli.db');
export const H5_DIR = join(REPO_ROOT, 'miniprogram', 'dist', 'h5');
