import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('settings from the environment', () => {
  it('mail is not configured without DPM_SMTP_URL, and takes an smtp:// or smtps:// URL', () => {
    expect(loadConfig({}).smtpUrl).toBeNull();
    expect(loadConfig({ DPM_SMTP_URL: 'smtp://mail.contoso.com:25' })).toMatchObject({
      smtpUrl: 'smtp://mail.contoso.com:25',
      smtpFrom: 'DPM Reporting <dpm-reports@localhost>',
    });
    expect(
      loadConfig({ DPM_SMTP_URL: 'smtps://reports:secret@mail.contoso.com:465', DPM_SMTP_FROM: 'dpm@contoso.com' })
        .smtpFrom,
    ).toBe('dpm@contoso.com');
  });

  it('a bad DPM_SMTP_URL stops the start with its name, never its value', () => {
    expect(() => loadConfig({ DPM_SMTP_URL: 'http://user:hunter2@mail.contoso.com' })).toThrow(
      /^Invalid setting DPM_SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL$/,
    );
    expect(() => loadConfig({ DPM_SMTP_URL: 'not a url' })).toThrow(/^Invalid setting DPM_SMTP_URL/);
  });
});
