import { describe, expect, it } from 'vitest';
import { fonnteBaseUrlRefusal } from '../../main/wa/providers/fonnte/index.js';

describe('Fonnte base URL rules', () => {
  it('accepts https anywhere, and plain http only on this machine', () => {
    for (const url of ['https://api.fonnte.com', 'https://relay.example.id:8443/fonnte/', 'http://127.0.0.1:43210', 'http://127.8.9.10', 'http://localhost:3000', 'http://[::1]:8080']) {
      expect(fonnteBaseUrlRefusal(url), url).toBeNull();
    }
  });

  it('refuses plain http to any other host', () => {
    for (const url of ['http://api.fonnte.com', 'http://192.168.1.10:8080', 'http://10.0.0.1', 'http://0.0.0.0', 'http://localhost.evil.example']) {
      expect(fonnteBaseUrlRefusal(url), url).toBe('wa.baseUrlHttps');
    }
  });

  it('refuses link-local and metadata addresses even over https, in every spelling', () => {
    const refused = [
      'https://169.254.169.254/latest/meta-data',
      'http://169.254.1.1',
      'http://2852039166/',
      'http://0xa9.0xfe.0xa9.0xfe/',
      'http://[fe80::1]/',
      'http://[::ffff:169.254.169.254]/',
      'https://metadata.google.internal/computeMetadata/v1',
      'https://METADATA.google.internal./',
      'http://100.100.100.200/latest/meta-data',
      'http://[fd00:ec2::254]/',
    ];
    for (const url of refused) expect(fonnteBaseUrlRefusal(url), url).toBe('wa.baseUrlLinkLocal');
  });

  it('refuses what is not an http(s) address', () => {
    for (const url of ['api.fonnte.com', 'ftp://api.fonnte.com', 'file:///etc/passwd', '']) expect(fonnteBaseUrlRefusal(url), url).toBe('wa.baseUrlInvalid');
  });
});
