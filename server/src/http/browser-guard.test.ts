import { describe, expect, it } from 'vitest';
import { isSameOrigin } from './browser-guard.ts';

describe('isSameOrigin', () => {
  it('reads a default port in the Host the way the Origin leaves it out', () => {
    expect(isSameOrigin({ origin: 'http://localhost' }, 'localhost:80')).toBe(true);
    expect(isSameOrigin({ origin: 'http://localhost:80' }, 'localhost:80')).toBe(true);
    expect(isSameOrigin({ origin: 'https://ytcs.example.vn' }, 'ytcs.example.vn:443')).toBe(true);
  });

  it('refuses another port, another host, another scheme and odd origins', () => {
    expect(isSameOrigin({ origin: 'http://localhost:8080' }, 'localhost:3000')).toBe(false);
    expect(isSameOrigin({ origin: 'http://evil.example' }, 'localhost:3000')).toBe(false);
    expect(isSameOrigin({ origin: 'https://localhost' }, 'localhost:80')).toBe(false);
    expect(isSameOrigin({ origin: 'null' }, 'localhost:3000')).toBe(false);
    expect(isSameOrigin({ origin: 'file:///x' }, 'localhost:3000')).toBe(false);
  });
});
