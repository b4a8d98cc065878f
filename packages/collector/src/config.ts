import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { parseAllowedOrigin } from './http/origins.js';
import { readTrustProxy, TRUST_PROXY_INSTEAD, type TrustProxy } from './http/trust-proxy.js';
import { parseMonth } from './results/fft-report.js';
import type { RetentionPolicy } from './retention.js';
import { SERVER_DEFAULTS } from './server.js';

export interface CollectorConfig {
  port: number;
  host: string;
  /** A file path or `sqlite:`/`file:` URL for SQLite; `postgres://…` for PostgreSQL. */
  databaseUrl: string;
  /** Connections each instance keeps to PostgreSQL. */
  poolSize: number;
  allowedOrigins: string[];
  adminToken: string;
  /** True when no token was configured and one was made up for this run. */
  adminTokenGenerated: boolean;
  log: boolean;
  /** Posts per client per minute; 0 for no limit. */
  rateLimitPerMinute: number;
  minFillMs: number;
  trustProxy: TrustProxy;
  /** Seconds a request may take to arrive, headers and body. */
  requestTimeoutSeconds: number;
  retention: RetentionPolicy;
  minGroupSize: number;
  /** Counts in public results are rounded to the nearest multiple of this. */
  roundTo: number;
  /** Publish the month still open too, not only completed months. */
  publishOpenPeriod: boolean;
  /** Requests for results per client per minute; 0 for no limit. */
  resultsRateLimitPerMinute: number;
  timeZone: string;
}

/** What to do: serve (the default), apply migrations, purge what has expired, or print a report. */
export type Command =
  { name: 'serve' } | { name: 'migrate' } | { name: 'purge' } | { name: 'report-fft'; month: string };

export type ConfigResult =
  | { kind: 'config'; command: Command; config: CollectorConfig }
  | { kind: 'help' }
  | { kind: 'invalid'; problems: string[] };

export const DEFAULTS = {
  port: 8787,
  host: '127.0.0.1',
  databaseUrl: './data/participate.db',
  poolSize: 10,
  rateLimitPerMinute: SERVER_DEFAULTS.rateLimitPerMinute,
  minFillMs: SERVER_DEFAULTS.minFillMs,
  requestTimeoutSeconds: SERVER_DEFAULTS.requestTimeoutMs / 1000,
  minGroupSize: SERVER_DEFAULTS.minGroupSize,
  roundTo: SERVER_DEFAULTS.roundTo,
  resultsRateLimitPerMinute: SERVER_DEFAULTS.resultsRateLimitPerMinute,
  timeZone: SERVER_DEFAULTS.timeZone,
} as const;

const MIN_TOKEN_LENGTH = 16;

export const USAGE = `Usage: participate-collector [command] [options]

Receives responses from Participate widgets, validates them and stores them.
Every option can also be set with the environment variable shown; a flag wins.

Commands:
  serve (default)             Apply pending migrations, then take responses
  migrate                     Apply pending database migrations and exit
  purge                       Delete answers and contact details older than the retention settings, and exit
  report fft --month YYYY-MM  Print that month's Friends and Family Test counts per topic as CSV

Options:
  --port <number>             PORT                         Port to listen on (default ${DEFAULTS.port}; 0 picks a free one)
  --host <address>            HOST                         Address to listen on (default ${DEFAULTS.host}; 0.0.0.0 for all)
  --database <path-or-url>    DATABASE_URL                 SQLite file path or sqlite:/file: URL, or postgres://user:password@host/db
                                                           (default ${DEFAULTS.databaseUrl})
  --pool-size <number>        PARTICIPATE_POOL_SIZE        PostgreSQL connections per instance, 1 to 100 (default ${DEFAULTS.poolSize})
  --allowed-origins <list>    PARTICIPATE_ALLOWED_ORIGINS  Required to serve. Comma-separated origins of the pages that post
                                                           responses, e.g. https://www.example.gov.uk ("*" is not allowed)
  --admin-token <token>       PARTICIPATE_ADMIN_TOKEN      Bearer token for the admin routes, at least ${MIN_TOKEN_LENGTH} characters
                                                           (default: a random one is generated and printed at start)
  --rate-limit <number>       PARTICIPATE_RATE_LIMIT       Posts each client address may make per minute, counted for all
                                                           instances together on PostgreSQL; 0 for no limit (default ${DEFAULTS.rateLimitPerMinute})
  --min-fill-ms <number>      PARTICIPATE_MIN_FILL_MS      Answers sent sooner than this after the widget appeared are
                                                           discarded as spam and counted; 0 turns it off (default ${DEFAULTS.minFillMs})
  --trust-proxy <addresses>   PARTICIPATE_TRUST_PROXY      Take the client address from X-Forwarded-For as the proxies in
                                                           front vouch for it: their addresses and CIDR ranges, comma-
                                                           separated, e.g. 127.0.0.1 or 10.0.0.0/16 (default off: the
                                                           connection's address)
  --request-timeout <seconds> PARTICIPATE_REQUEST_TIMEOUT  Seconds a request may take to arrive, headers and body, 1 to 600;
                                                           then it gets 408 and the connection closes (default ${DEFAULTS.requestTimeoutSeconds})
  --retention-days <days>     PARTICIPATE_RETENTION_DAYS   Delete answers this many days after they arrive (default: keep)
  --contact-retention-days <days>
                              PARTICIPATE_CONTACT_RETENTION_DAYS
                                                           Delete contact details this many days after they arrive (default: keep)
  --min-group-size <number>   PARTICIPATE_MIN_GROUP_SIZE   Public results hide groups and counts of fewer people than this
                                                           (default ${DEFAULTS.minGroupSize})
  --round-to <number>         PARTICIPATE_ROUND_TO         Public results round counts to the nearest multiple of this, 1 to 100;
                                                           1 shows them exactly (default ${DEFAULTS.roundTo})
  --publish-open-period       PARTICIPATE_PUBLISH_OPEN_PERIOD=true
                                                           Count answers of the month still open in public results too;
                                                           by default only completed months are published
  --results-rate-limit <number>
                              PARTICIPATE_RESULTS_RATE_LIMIT
                                                           Requests for results each client address may make per minute;
                                                           0 for no limit (default ${DEFAULTS.resultsRateLimitPerMinute})
  --time-zone <zone>          PARTICIPATE_TIME_ZONE        IANA time zone of the calendar months in results and reports
                                                           (default ${DEFAULTS.timeZone})
  --month <YYYY-MM>                                        The month for "report fft"
  --log                       PARTICIPATE_LOG=true         Log method, route and status of each request (default off)
  -h, --help                                               Show this help

Examples:
  PARTICIPATE_ALLOWED_ORIGINS=https://www.example.gov.uk,https://www.example.nhs.uk \\
  PARTICIPATE_ADMIN_TOKEN=$(openssl rand -base64 24) \\
    participate-collector --port 8787 --database ./data/participate.db

  DATABASE_URL=postgres://participate:secret@db.internal/participate participate-collector migrate
  participate-collector report fft --month 2026-10 > fft-2026-10.csv
`;

type Env = Readonly<Record<string, string | undefined>>;

function parseFlags(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      database: { type: 'string' },
      'pool-size': { type: 'string' },
      'allowed-origins': { type: 'string' },
      'admin-token': { type: 'string' },
      'rate-limit': { type: 'string' },
      'min-fill-ms': { type: 'string' },
      'trust-proxy': { type: 'string' },
      'request-timeout': { type: 'string' },
      'retention-days': { type: 'string' },
      'contact-retention-days': { type: 'string' },
      'min-group-size': { type: 'string' },
      'round-to': { type: 'string' },
      'publish-open-period': { type: 'boolean' },
      'results-rate-limit': { type: 'string' },
      'time-zone': { type: 'string' },
      month: { type: 'string' },
      log: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

type Flags = ReturnType<typeof parseFlags>['values'];
type FlagName = keyof Flags;

/** parseArgs explains itself at length; one short line is enough here. */
function describeArgError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(message ?? '')?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option ${quoted ?? ''}. Run participate-collector --help to see the options.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = quoted?.split(' ')[0] ?? 'An option';
      // It used to be a switch: say what to write now.
      return option === '--trust-proxy'
        ? `--trust-proxy needs a value: ${TRUST_PROXY_INSTEAD}.`
        : `${option} needs a value.`;
    }
    default:
      return message ?? String(error);
  }
}

/** A setting from its flag, else its environment variable; remembers which, for messages. */
function pick(flagValue: string | undefined, flag: string, env: Env, variable: string) {
  if (flagValue !== undefined) return { value: flagValue, source: `--${flag}` };
  const fromEnv = env[variable];
  if (fromEnv !== undefined && fromEnv !== '') return { value: fromEnv, source: variable };
  return { value: undefined, source: `${variable} (or --${flag})` };
}

/** Reads settings one by one, collecting every problem so they can all be reported at once. */
class SettingsReader {
  readonly problems: string[] = [];

  constructor(
    private readonly flags: Flags,
    private readonly env: Env,
  ) {}

  text(flag: FlagName, variable: string) {
    const setting = pick(this.flags[flag] as string | undefined, flag, this.env, variable);
    if (setting.value?.trim() === '') this.problems.push(`${setting.source} must not be empty.`);
    return { value: setting.value?.trim(), source: setting.source };
  }

  /** A whole number in [min, max], or `fallback` when unset. */
  wholeNumber(flag: FlagName, variable: string, min: number, max: number): number | undefined {
    const { value, source } = this.text(flag, variable);
    if (value === undefined || value === '') return undefined;
    const number = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
    if (number >= min && number <= max) return number;
    this.problems.push(`${source} must be a whole number from ${min} to ${max} (got "${value}").`);
    return undefined;
  }

  /** A flag that is on when given, else an environment variable saying true or false. */
  switch(flag: FlagName, variable: string): boolean {
    const fromFlag = this.flags[flag] as boolean | undefined;
    if (fromFlag !== undefined) return fromFlag;
    const raw = this.env[variable];
    if (raw === undefined) return false;
    const value = raw.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(value)) return true;
    if (!['', '0', 'false', 'no', 'off'].includes(value)) {
      this.problems.push(`${variable} must be true or false (got "${raw}").`);
    }
    return false;
  }
}

const COMMANDS = 'serve, migrate, purge, report fft';

function commandFrom(positionals: readonly string[], month: string | undefined, problems: string[]): Command {
  const [name = 'serve', ...rest] = positionals;
  const extra = (args: readonly string[]) => {
    if (args.length > 0) problems.push(`Unexpected argument ${args[0] ?? ''}: every setting is given as --name value.`);
  };
  switch (name) {
    case 'serve':
    case 'migrate':
    case 'purge':
      extra(rest);
      if (month !== undefined) problems.push('--month is only for "report fft".');
      return { name };
    case 'report': {
      const [kind, ...more] = rest;
      if (kind !== 'fft') {
        problems.push(
          `Unknown report ${kind === undefined ? '(none given)' : `"${kind}"`}: the report is "report fft".`,
        );
      }
      extra(more);
      const parsed = parseMonth(month);
      if (parsed === undefined) {
        problems.push(
          month === undefined
            ? 'report fft needs --month YYYY-MM, e.g. --month 2026-10.'
            : `--month must be a month written YYYY-MM, e.g. 2026-10 (got "${month}").`,
        );
      }
      return { name: 'report-fft', month: parsed ?? '' };
    }
    default:
      problems.push(`Unknown command "${name}". The commands are ${COMMANDS}; settings are given as --name value.`);
      return { name: 'serve' };
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads the command and configuration from command-line flags over environment variables.
 * Pure apart from generating a token: it never prints or exits, the CLI does.
 */
export function loadConfig(argv: readonly string[] = process.argv.slice(2), env: Env = process.env): ConfigResult {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (error) {
    return { kind: 'invalid', problems: [describeArgError(error)] };
  }
  const flags = parsed.values;
  if (flags.help) return { kind: 'help' };

  const read = new SettingsReader(flags, env);
  const { problems } = read;
  const command = commandFrom(parsed.positionals, flags.month, problems);

  const port = read.wholeNumber('port', 'PORT', 0, 65535);
  const host = read.text('host', 'HOST');
  const database = read.text('database', 'DATABASE_URL');
  const poolSize = read.wholeNumber('pool-size', 'PARTICIPATE_POOL_SIZE', 1, 100);

  const origins = read.text('allowed-origins', 'PARTICIPATE_ALLOWED_ORIGINS');
  const allowedOrigins: string[] = [];
  const entries = (origins.value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0 && command.name === 'serve') {
    problems.push(
      `${origins.source} is not set: give the origins of the pages that post responses, comma-separated, e.g. https://www.example.gov.uk`,
    );
  }
  for (const entry of entries) {
    const origin = parseAllowedOrigin(entry);
    if (!origin.ok) problems.push(`${origins.source}: ${origin.reason}.`);
    else if (!allowedOrigins.includes(origin.origin)) allowedOrigins.push(origin.origin);
  }

  const token = pick(flags['admin-token'], 'admin-token', env, 'PARTICIPATE_ADMIN_TOKEN');
  if (token.value !== undefined && (token.value.length < MIN_TOKEN_LENGTH || /\s/.test(token.value))) {
    problems.push(
      `${token.source} must be at least ${MIN_TOKEN_LENGTH} characters with no spaces; leave it unset to have one generated.`,
    );
  }

  const rateLimitPerMinute = read.wholeNumber('rate-limit', 'PARTICIPATE_RATE_LIMIT', 0, 100_000);
  const minFillMs = read.wholeNumber('min-fill-ms', 'PARTICIPATE_MIN_FILL_MS', 0, 600_000);
  const trustProxySetting = read.text('trust-proxy', 'PARTICIPATE_TRUST_PROXY');
  const trustProxy = readTrustProxy(trustProxySetting.value ?? '', trustProxySetting.source);
  if (!trustProxy.ok) problems.push(...trustProxy.problems);
  const requestTimeoutSeconds = read.wholeNumber('request-timeout', 'PARTICIPATE_REQUEST_TIMEOUT', 1, 600);
  const responseDays = read.wholeNumber('retention-days', 'PARTICIPATE_RETENTION_DAYS', 1, 36_500);
  const contactDays = read.wholeNumber('contact-retention-days', 'PARTICIPATE_CONTACT_RETENTION_DAYS', 1, 36_500);
  const minGroupSize = read.wholeNumber('min-group-size', 'PARTICIPATE_MIN_GROUP_SIZE', 1, 1000);
  const roundTo = read.wholeNumber('round-to', 'PARTICIPATE_ROUND_TO', 1, 100);
  const publishOpenPeriod = read.switch('publish-open-period', 'PARTICIPATE_PUBLISH_OPEN_PERIOD');
  const resultsRateLimit = read.wholeNumber('results-rate-limit', 'PARTICIPATE_RESULTS_RATE_LIMIT', 0, 100_000);
  const timeZone = read.text('time-zone', 'PARTICIPATE_TIME_ZONE');
  if (timeZone.value && !isTimeZone(timeZone.value)) {
    problems.push(`${timeZone.source} must be an IANA time zone such as Europe/London (got "${timeZone.value}").`);
  }
  const log = read.switch('log', 'PARTICIPATE_LOG');

  if (problems.length > 0) return { kind: 'invalid', problems };
  const retention: RetentionPolicy = {};
  if (responseDays !== undefined) retention.responseDays = responseDays;
  if (contactDays !== undefined) retention.contactDays = contactDays;
  return {
    kind: 'config',
    command,
    config: {
      port: port ?? DEFAULTS.port,
      host: host.value ?? DEFAULTS.host,
      databaseUrl: database.value ?? DEFAULTS.databaseUrl,
      poolSize: poolSize ?? DEFAULTS.poolSize,
      allowedOrigins,
      adminToken: token.value ?? randomBytes(24).toString('base64url'),
      adminTokenGenerated: token.value === undefined,
      log,
      rateLimitPerMinute: rateLimitPerMinute ?? DEFAULTS.rateLimitPerMinute,
      minFillMs: minFillMs ?? DEFAULTS.minFillMs,
      trustProxy: trustProxy.ok ? trustProxy.value : false,
      requestTimeoutSeconds: requestTimeoutSeconds ?? DEFAULTS.requestTimeoutSeconds,
      retention,
      minGroupSize: minGroupSize ?? DEFAULTS.minGroupSize,
      roundTo: roundTo ?? DEFAULTS.roundTo,
      publishOpenPeriod,
      resultsRateLimitPerMinute: resultsRateLimit ?? DEFAULTS.resultsRateLimitPerMinute,
      timeZone: timeZone.value ?? DEFAULTS.timeZone,
    },
  };
}
