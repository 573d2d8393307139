/**
 * Which serviceUrls the bot answers: loopback always, the configured prefixes, and (only with
 * Bot Framework authentication and no list) whatever the token vouches for. Parsed as URLs, so
 * look-alike hosts, credentials and other schemes do not slip through a string prefix.
 */
import { ServiceUrlPolicy } from '../../../bot/src/teams/service-url-policy';

describe('ServiceUrlPolicy', () => {
  const LOOPBACK = ['http://localhost:56150/_connector', 'http://127.0.0.1:3979/', 'http://127.1/', 'https://127.200.3.4/x', 'http://[::1]:8080/', 'http://[::ffff:127.0.0.1]/'];
  const FOREIGN = ['https://smba.trafficmanager.net/emea/', 'http://127.0.0.1.evil.example/', 'http://localhost.evil.example/', 'http://10.0.0.5/', 'http://[::2]/'];
  const NOT_URLS = ['file:///etc/passwd', 'javascript:alert(1)', 'inte en url', '', 42, null, undefined, 'http://user@127.0.0.1/'];

  it('without authentication and without a list: loopback only', () => {
    const policy = new ServiceUrlPolicy([], false);
    for (const url of LOOPBACK) expect([url, policy.allows(url)]).toEqual([url, true]);
    for (const url of [...FOREIGN, ...NOT_URLS]) expect([url, policy.allows(url)]).toEqual([url, false]);
  });

  it('with authentication and without a list: whatever the token vouches for, but still only http(s)', () => {
    const policy = new ServiceUrlPolicy([], true);
    for (const url of [...LOOPBACK, ...FOREIGN]) expect([url, policy.allows(url)]).toEqual([url, true]);
    for (const url of NOT_URLS) expect([url, policy.allows(url)]).toEqual([url, false]);
  });

  it.each([false, true])('with a list (authenticated: %s): loopback and the listed prefixes, by scheme, host, port and path segments', (authenticated) => {
    const policy = new ServiceUrlPolicy(['https://smba.trafficmanager.net/emea/', 'https://connector.example.se/'], authenticated);
    for (const url of [...LOOPBACK, 'https://smba.trafficmanager.net/emea/', 'https://smba.trafficmanager.net/emea', 'https://smba.trafficmanager.net:443/emea/v3', 'https://connector.example.se/any/path']) {
      expect([url, policy.allows(url)]).toEqual([url, true]);
    }
    for (const url of ['https://smba.trafficmanager.net/amer/', 'https://smba.trafficmanager.net/emeax/', 'http://smba.trafficmanager.net/emea/', 'https://smba.trafficmanager.net.evil.example/emea/', 'https://connector.example.se:8443/', ...NOT_URLS]) {
      expect([url, policy.allows(url)]).toEqual([url, false]);
    }
  });
});
