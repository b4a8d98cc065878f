export { buildServer, type ServerOptions } from './server.js';
export { openStore } from './store/open-store.js';
export { SqliteStore } from './store/sqlite-store.js';
export {
  StoreUnavailableError,
  type ExportFilter,
  type InsertOutcome,
  type InsertResult,
  type ResponseStore,
  type StoredResponse,
} from './store/store.js';
export { loadConfig, type CollectorConfig, type ConfigResult } from './config.js';
export { ERROR_CODES, type ErrorCode, type ErrorBody } from './http/errors.js';
