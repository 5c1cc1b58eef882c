import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OpenedSecrets } from '../../main/network/opened-secrets.js';
import { createSecretBox, type SecretBox } from '../../main/secrets/index.js';

describe('router secrets opened once while unchanged', () => {
  const box = createSecretBox(randomBytes(32));
  const counting = (): SecretBox & { opens: number } => {
    const counter = {
      opens: 0,
      seal: (plain: string) => box.seal(plain),
      open(sealed: string) {
        counter.opens += 1;
        return box.open(sealed);
      },
    };
    return counter;
  };

  it('opens a sealed password once however many jobs ask for it', () => {
    const secrets = counting();
    const opened = new OpenedSecrets(secrets);
    const sealed = box.seal('rahasia');
    for (let i = 0; i < 100; i++) expect(opened.open(sealed)).toBe('rahasia');
    expect(secrets.opens).toBe(1);
  });

  it('an edited password (sealed afresh) is opened anew, never answered with the old one', () => {
    const opened = new OpenedSecrets(counting());
    expect(opened.open(box.seal('lama'))).toBe('lama');
    expect(opened.open(box.seal('baru'))).toBe('baru');
    // The same plain text sealed again is another sealed value: still the right answer.
    expect(opened.open(box.seal('lama'))).toBe('lama');
  });
});
