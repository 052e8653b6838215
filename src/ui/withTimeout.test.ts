import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimedOut, withTimeout } from './withTimeout';

afterEach(() => vi.useRealTimers());

describe('withTimeout', () => {
  it('passes on an answer that comes in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000, 'The history')).resolves.toBe(7);
    await expect(withTimeout(Promise.reject(new Error('full')), 1000, 'The history')).rejects.toThrow('full');
  });

  it('turns a promise that never settles into an error saying what did not answer', async () => {
    vi.useFakeTimers();
    const never = new Promise<number>(() => undefined);
    const result = withTimeout(never, 30_000, 'The history');
    vi.advanceTimersByTime(30_000);
    await expect(result).rejects.toBeInstanceOf(TimedOut);
    await expect(result).rejects.toThrow('The history did not answer within 30 seconds');
  });
});
