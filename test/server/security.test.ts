import { describe, expect, it } from 'vitest';
import { isAllowedHost, isAllowedOrigin, safeRequestPath } from '../../src/server/security';

describe('safeRequestPath', () => {
  it.each([
    '/deck/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/deck/%2E%2E/secret',
    '/deck/..%2fsecret',
    '/deck/%252e%252e/secret',
    '/deck/..\\..\\secret',
    '/deck/%5c..%5csecret',
    '/deck/a%00.png',
    '/deck/./index.html',
    'deck/index.html',
    '//evil.example/x',
    '/deck/index.html#/2',
  ])('refuses %s', (p) => expect(safeRequestPath(p)).toBeNull());

  it('accepts plain paths and decodes them once', () => {
    expect(safeRequestPath('/my%20deck/index.html?x=1')).toBe('/my deck/index.html');
  });
});

describe('host and origin checks', () => {
  it('allows loopback names on the right port only', () => {
    expect(isAllowedHost('127.0.0.1:3030', '127.0.0.1', 3030)).toBe(true);
    expect(isAllowedHost('localhost:3030', '127.0.0.1', 3030)).toBe(true);
    expect(isAllowedHost('localhost:3031', '127.0.0.1', 3030)).toBe(false);
    expect(isAllowedHost('evil.example:3030', '127.0.0.1', 3030)).toBe(false);
    expect(isAllowedHost(undefined, '127.0.0.1', 3030)).toBe(false);
    expect(isAllowedHost('192.168.1.5:3030', '192.168.1.5', 3030)).toBe(true);
  });
  it('allows only this server as WebSocket origin', () => {
    expect(isAllowedOrigin('http://127.0.0.1:3030', '127.0.0.1', 3030)).toBe(true);
    expect(isAllowedOrigin('http://evil.example', '127.0.0.1', 3030)).toBe(false);
    expect(isAllowedOrigin('null', '127.0.0.1', 3030)).toBe(false);
    expect(isAllowedOrigin(undefined, '127.0.0.1', 3030)).toBe(false);
  });
});
