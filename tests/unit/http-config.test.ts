import { describe, expect, it } from 'vitest';
import { DEFAULT_HTTP_PORT, isLoopback, readHttpConfig, type HttpConfig } from '../../src/config.js';
import { originAllowed, refusalOf } from '../../src/http/guard.js';

const TOKEN = 'a-token-of-enough-length';

describe('readHttpConfig', () => {
  it('is undefined without --http, 127.0.0.1 on the default port with it', () => {
    expect(readHttpConfig([], {})).toBeUndefined();
    expect(readHttpConfig(['--http'], {})).toEqual({ host: '127.0.0.1', port: DEFAULT_HTTP_PORT, token: undefined, allowedOrigins: [] });
    expect(readHttpConfig(['--http', '--port', '0', '--host', '::1'], {})).toMatchObject({ host: '::1', port: 0 });
    expect(readHttpConfig(['--http', '--host=0.0.0.0'], { MINZHENG_TOKEN: ` ${TOKEN} ` })).toMatchObject({ host: '0.0.0.0', token: TOKEN });
    expect(readHttpConfig(['--http'], { MINZHENG_ALLOWED_ORIGINS: 'https://chat.example.org/, http://10.0.0.5:3000' })?.allowedOrigins).toEqual([
      'https://chat.example.org',
      'http://10.0.0.5:3000',
    ]);
  });

  it.each([
    [['--http', '--host', '0.0.0.0'], {}, /refusing to serve on 0\.0\.0\.0 without a token/],
    [['--http', '--host', '192.168.1.20'], {}, /refusing to serve on 192\.168\.1\.20/],
    [['--http', '--host', ''], {}, /--host is empty/],
    [['--http', '--port', '65536'], {}, /is not a port/],
    [['--http', '--port', '-1'], {}, /is not a port/],
    [['--http', '--port', '80.5'], {}, /is not a port/],
    [['--http'], { MINZHENG_TOKEN: '' }, /MINZHENG_TOKEN is too short \(0 characters\)/],
    [['--http'], { MINZHENG_TOKEN: 'secret' }, /too short/],
    [['--http', '--allowed-origins', 'chat.example.org'], {}, /is not an origin/],
  ] as [string[], Record<string, string>, RegExp][])('refuses %j %j', (argv, env, message) => {
    expect(() => readHttpConfig(argv, env)).toThrow(message);
  });

  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['::', false],
    ['localhost.evil.example', false],
    ['10.0.0.1', false],
  ])('isLoopback(%s) = %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});

describe('refusalOf', () => {
  const local: HttpConfig = { host: '127.0.0.1', port: 8765, token: undefined, allowedOrigins: ['https://chat.example.org'] };
  const shared: HttpConfig = { host: '0.0.0.0', port: 8765, token: TOKEN, allowedOrigins: [] };

  it.each([
    [local, { host: '127.0.0.1:8765' }, undefined],
    [local, { host: 'localhost:8765', origin: 'http://localhost:6274' }, undefined],
    [local, { host: '[::1]:8765', origin: 'https://chat.example.org' }, undefined],
    [local, { host: 'attacker.example:8765' }, 403],
    [local, {}, 403],
    [local, { host: '127.0.0.1:8765', origin: 'http://attacker.example' }, 403],
    [local, { host: '127.0.0.1:8765', origin: 'null' }, 403],
    [shared, { host: 'minzheng.internal:8765', authorization: `Bearer ${TOKEN}` }, undefined],
    [shared, { host: 'minzheng.internal:8765', authorization: `bearer ${TOKEN}` }, undefined],
    [shared, { host: 'minzheng.internal:8765' }, 401],
    [shared, { host: 'minzheng.internal:8765', authorization: `Bearer ${TOKEN.slice(1)}` }, 401],
    [shared, { host: 'minzheng.internal:8765', authorization: TOKEN }, 401],
  ] as [HttpConfig, Record<string, string>, number | undefined][])('%# %j → %s', (config, headers, status) => {
    expect(refusalOf(headers, config)?.status).toBe(status);
  });

  it('grants browsers on loopback and listed origins only', () => {
    expect(originAllowed('http://127.0.0.1:5173', local)).toBe(true);
    expect(originAllowed('https://chat.example.org/', local)).toBe(true);
    expect(originAllowed('https://chat.example.org.evil.example', local)).toBe(false);
    expect(originAllowed('file://', local)).toBe(false);
  });
});
