import { join } from 'node:path';

/**
 * Where the machine-readable bot contract lives inside the project (a copy kept in the
 * tree, so nothing reads outside the repository at run time).
 */
export const BOT_CONTRACT_PATH = join(__dirname, '..', 'bot-contract', 'openapi.yaml');
