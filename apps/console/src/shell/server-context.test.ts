import { describe, expect, it } from 'vitest';
import { pickServer } from './server-context';

describe('pickServer: the DPM server the console shows', () => {
  const list = [
    { id: 'srv-DS1', state: 'Failed' as const },
    { id: 'srv-DS2', state: 'Online' as const },
    { id: 'srv-DS3', state: 'Online' as const },
  ];
  it('the one chosen in Connect to DPM server while it exists, online or not', () => {
    expect(pickServer(list, 'srv-DS3')).toBe('srv-DS3');
    expect(pickServer(list, 'srv-DS1')).toBe('srv-DS1');
  });
  it('else the first online one, else the first, else none', () => {
    expect(pickServer(list, null)).toBe('srv-DS2');
    expect(pickServer(list, 'srv-gone')).toBe('srv-DS2');
    expect(pickServer([{ id: 'srv-DS1', state: 'Failed' as const }], null)).toBe('srv-DS1');
    expect(pickServer([], 'srv-DS1')).toBeNull();
  });
});
