import { describe, expect, it } from 'vitest';
import { hostAllowed, parseAllowedHost, parseHost } from '../../src/verify/hosts.js';

const KNOWN = ['*.beyondtrustcloud.com'];

describe('hosts that may receive a credential', () => {
  it('accepts sites under a known domain and hosts the user allowed, nothing else', () => {
    expect(hostAllowed('acme.beyondtrustcloud.com', KNOWN, [])).toBe(true);
    expect(hostAllowed('ACME.BeyondTrustCloud.com.', KNOWN, [])).toBe(true);
    for (const host of [
      'beyondtrustcloud.com',
      'acme.beyondtrustcloud.com.evil.example',
      'evilbeyondtrustcloud.com',
      'acme.beyondtrustcloud.com:8443',
      'user@acme.beyondtrustcloud.com',
      'acme.beyondtrustcloud.com/x',
    ]) {
      expect(hostAllowed(host, KNOWN, []), host).toBe(false);
    }
    expect(hostAllowed('support.example.com', KNOWN, ['support.example.com'])).toBe(true);
    expect(hostAllowed('other.example.com', KNOWN, ['support.example.com'])).toBe(false);
    expect(hostAllowed('bt.corp.example', KNOWN, ['*.corp.example'])).toBe(true);
    expect(hostAllowed('corp.example', KNOWN, ['*.corp.example'])).toBe(false);
  });

  it('reads --verify-host values strictly', () => {
    expect(parseAllowedHost('Support.Example.com')).toBe('support.example.com');
    expect(parseAllowedHost('*.corp.example')).toBe('*.corp.example');
    for (const bad of ['https://support.example.com', 'support.example.com:443', '*', 'a b', ''])
      expect(() => parseAllowedHost(bad), bad).toThrow(/not a host name/);
    expect(parseHost('-bad-.example')).toBeUndefined();
  });
});
