export { buildServer, type ServerOptions } from './server.js';
export { openStore } from './store/open-store.js';
export { SqliteStore } from './store/sqlite-store.js';
export { PostgresStore, type PostgresStoreOptions } from './store/postgres-store.js';
export {
  StoreUnavailableError,
  type ExportFilter,
  type InsertOutcome,
  type InsertResult,
  type ResponseStore,
  type StoredResponse,
} from './store/store.js';
export { loadConfig, type Command, type CollectorConfig, type ConfigResult } from './config.js';
export { purgeExpired, type RetentionPolicy } from './retention.js';
export { fftReportCsv } from './results/fft-report.js';
export { ERROR_CODES, type ErrorCode, type ErrorBody } from './http/errors.js';
