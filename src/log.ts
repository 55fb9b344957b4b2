/** stdout belongs to the MCP protocol: every diagnostic goes to stderr. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** How far a build has come (a server building after its handshake tells its clients). */
  progress?(done: number, total: number, unit: string): void;
}

export const stderrLogger: Logger = {
  info: (message) => process.stderr.write(`[minzheng] ${message}\n`),
  warn: (message) => process.stderr.write(`[minzheng] warning: ${message}\n`),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {} };
