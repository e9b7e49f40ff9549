import { describe, expect, it } from 'vitest';
import { CATALOGUE, callbackKeysFor } from '../../../src/bridge/catalogue';
import { hookCallbackKeysFor } from '../../../src/capture/callbackKeys';

describe('hookCallbackKeysFor: the catalogue\'s callback keys, read without page-patchable methods', () => {
  it('gives what the catalogue gives for every command, and nothing for names a page may send', () => {
    for (const info of CATALOGUE) expect(hookCallbackKeysFor(info.command)).toEqual(callbackKeysFor(info.command));
    expect(CATALOGUE.some((info) => hookCallbackKeysFor(info.command).length > 0)).toBe(true);
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'no such command']) expect(hookCallbackKeysFor(name)).toEqual([]);
  });

  it('runs no Map.prototype.get a page patched', () => {
    const get = Object.getOwnPropertyDescriptor(Map.prototype, 'get')!;
    const command = CATALOGUE.find((info) => info.callbackKeys.length > 0)!.command;
    let ran = 0;
    let keys: readonly string[] = [];
    try {
      Object.defineProperty(Map.prototype, 'get', { value: () => (ran++, ['planted']), configurable: true, writable: true });
      keys = hookCallbackKeysFor(command);
    } finally {
      Object.defineProperty(Map.prototype, 'get', get);
    }
    expect(ran).toBe(0);
    expect(keys).toEqual(callbackKeysFor(command));
  });
});
