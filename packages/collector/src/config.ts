import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { parseAllowedOrigin } from './http/origins.js';

export interface CollectorConfig {
  port: number;
  host: string;
  /** A file path, `sqlite:`/`file:` URL; `postgres://` is refused by openStore for now. */
  databaseUrl: string;
  allowedOrigins: string[];
  adminToken: string;
  /** True when no token was configured and one was made up for this run. */
  adminTokenGenerated: boolean;
  log: boolean;
}

export type ConfigResult =
  { kind: 'config'; config: CollectorConfig } | { kind: 'help' } | { kind: 'invalid'; problems: string[] };

export const DEFAULTS = {
  port: 8787,
  host: '127.0.0.1',
  databaseUrl: './data/participate.db',
} as const;

const MIN_TOKEN_LENGTH = 16;

export const USAGE = `Usage: participate-collector [options]

Receives responses from Participate widgets, validates them and stores them.
Every option can also be set with the environment variable shown; a flag wins.

Options:
  --port <number>             PORT                         Port to listen on (default ${DEFAULTS.port}; 0 picks a free one)
  --host <address>            HOST                         Address to listen on (default ${DEFAULTS.host}; 0.0.0.0 for all)
  --database <path-or-url>    DATABASE_URL                 SQLite file path, or a sqlite:/file: URL (default ${DEFAULTS.databaseUrl})
  --allowed-origins <list>    PARTICIPATE_ALLOWED_ORIGINS  Required. Comma-separated origins of the pages that post
                                                           responses, e.g. https://www.example.gov.uk ("*" is not allowed)
  --admin-token <token>       PARTICIPATE_ADMIN_TOKEN      Bearer token for the export, at least ${MIN_TOKEN_LENGTH} characters
                                                           (default: a random one is generated and printed at start)
  --log                       PARTICIPATE_LOG=true         Log method, route and status of each request (default off)
  -h, --help                                               Show this help

Example:
  PARTICIPATE_ALLOWED_ORIGINS=https://www.example.gov.uk,https://www.example.nhs.uk \\
  PARTICIPATE_ADMIN_TOKEN=$(openssl rand -base64 24) \\
    participate-collector --port 8787 --database ./data/participate.db
`;

type Env = Readonly<Record<string, string | undefined>>;

function parseFlags(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      database: { type: 'string' },
      'allowed-origins': { type: 'string' },
      'admin-token': { type: 'string' },
      log: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
}

/** parseArgs explains itself at length; one short line is enough here. */
function describeArgError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(message ?? '')?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option ${quoted ?? ''}. Run participate-collector --help to see the options.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Unexpected argument ${quoted ?? ''}: every setting is given as --name value.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `${quoted?.split(' ')[0] ?? 'An option'} needs a value.`;
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

/**
 * Reads the configuration from command-line flags over environment variables. Pure
 * apart from generating a token: it never prints or exits, the CLI does.
 */
export function loadConfig(argv: readonly string[] = process.argv.slice(2), env: Env = process.env): ConfigResult {
  let flags: ReturnType<typeof parseFlags>;
  try {
    flags = parseFlags(argv);
  } catch (error) {
    return { kind: 'invalid', problems: [describeArgError(error)] };
  }
  if (flags.help) return { kind: 'help' };

  const problems: string[] = [];

  const port = pick(flags.port, 'port', env, 'PORT');
  let portNumber: number = DEFAULTS.port;
  if (port.value !== undefined) {
    portNumber = /^\d{1,5}$/.test(port.value.trim()) ? Number(port.value.trim()) : NaN;
    if (!(portNumber >= 0 && portNumber <= 65535)) {
      problems.push(`${port.source} must be a whole number from 0 to 65535 (got "${port.value}").`);
    }
  }

  const host = pick(flags.host, 'host', env, 'HOST');
  if (host.value?.trim() === '') problems.push(`${host.source} must not be empty.`);

  const database = pick(flags.database, 'database', env, 'DATABASE_URL');
  if (database.value?.trim() === '') problems.push(`${database.source} must not be empty.`);

  const origins = pick(flags['allowed-origins'], 'allowed-origins', env, 'PARTICIPATE_ALLOWED_ORIGINS');
  const allowedOrigins: string[] = [];
  const entries = (origins.value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) {
    problems.push(
      `${origins.source} is not set: give the origins of the pages that post responses, comma-separated, e.g. https://www.example.gov.uk`,
    );
  }
  for (const entry of entries) {
    const parsed = parseAllowedOrigin(entry);
    if (!parsed.ok) problems.push(`${origins.source}: ${parsed.reason}.`);
    else if (!allowedOrigins.includes(parsed.origin)) allowedOrigins.push(parsed.origin);
  }

  const token = pick(flags['admin-token'], 'admin-token', env, 'PARTICIPATE_ADMIN_TOKEN');
  if (token.value !== undefined && (token.value.length < MIN_TOKEN_LENGTH || /\s/.test(token.value))) {
    problems.push(
      `${token.source} must be at least ${MIN_TOKEN_LENGTH} characters with no spaces; leave it unset to have one generated.`,
    );
  }

  let log = flags.log ?? false;
  if (flags.log === undefined && env.PARTICIPATE_LOG !== undefined) {
    const value = env.PARTICIPATE_LOG.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(value)) log = true;
    else if (!['', '0', 'false', 'no', 'off'].includes(value)) {
      problems.push(`PARTICIPATE_LOG must be true or false (got "${env.PARTICIPATE_LOG}").`);
    }
  }

  if (problems.length > 0) return { kind: 'invalid', problems };
  return {
    kind: 'config',
    config: {
      port: portNumber,
      host: host.value?.trim() ?? DEFAULTS.host,
      databaseUrl: database.value?.trim() ?? DEFAULTS.databaseUrl,
      allowedOrigins,
      adminToken: token.value ?? randomBytes(24).toString('base64url'),
      adminTokenGenerated: token.value === undefined,
      log,
    },
  };
}
