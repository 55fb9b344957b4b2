import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { LoggingLevelSchema, SetLevelRequestSchema, type LoggingLevel } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from '../log.js';

/** The logger name clients show beside each message. */
const LOGGER_NAME = 'minzheng';

/** Until the client sets a level, it is sent what a person should see: info and worse. */
const DEFAULT_LEVEL: LoggingLevel = 'info';

const SEVERITY = new Map(LoggingLevelSchema.options.map((level, index) => [level, index]));

/**
 * The logging capability: what the server logs goes to stderr as before and, as
 * `notifications/message`, to the client at or above the level it chose with `logging/setLevel`
 * (info until it chooses). One McpServer serves one client, so the level is this server's.
 * Call before connecting: capabilities are fixed by the handshake.
 */
export interface ClientLogger extends Logger {
  /** Sent to the client only, when it asked for debug: too chatty for stderr. */
  debug(message: string): void;
}

export function logToClient(server: McpServer, local: Logger): ClientLogger {
  let threshold: LoggingLevel = DEFAULT_LEVEL;
  server.server.registerCapabilities({ logging: {} });
  // The SDK answers setLevel by keying levels per session and sends everything until one is set;
  // this handler keeps the one level this server needs (an unknown level is refused by the schema).
  server.server.setRequestHandler(SetLevelRequestSchema, (request) => {
    threshold = request.params.level;
    return {};
  });
  const send = (level: LoggingLevel, message: string) => {
    if ((SEVERITY.get(level) ?? 0) < (SEVERITY.get(threshold) ?? 0) || !server.isConnected()) return;
    server.server.notification({ method: 'notifications/message', params: { level, logger: LOGGER_NAME, data: message } }).catch(() => {
      // The client is gone or not initialised yet: stderr has the message already.
    });
  };
  return {
    debug(message) {
      send('debug', message);
    },
    info(message) {
      local.info(message);
      send('info', message);
    },
    warn(message) {
      local.warn(message);
      send('warning', message);
    },
  };
}

/**
 * Every tool registered after this call says at debug level how long each call took and whether it
 * failed ("search_reports: 3 ms"), so a client that sets the level to debug can see what it cost.
 * `afterFirstAnswer` runs once, after the first answer has gone out (a timer: the SDK sends it first).
 */
export function logToolCalls(server: McpServer, logger: ClientLogger, afterFirstAnswer?: () => void): void {
  let first = afterFirstAnswer;
  const register = server.registerTool.bind(server) as (name: string, config: unknown, callback: (...args: unknown[]) => unknown) => unknown;
  (server as { registerTool: typeof register }).registerTool = (name, config, callback) =>
    register(name, config, async (...args: unknown[]) => {
      const started = performance.now();
      const result = (await callback(...args)) as { isError?: boolean };
      logger.debug(`${name}: ${Math.round(performance.now() - started)} ms${result?.isError ? ' (error)' : ''}`);
      if (first) setTimeout(first, 0).unref();
      first = undefined;
      return result;
    });
}
