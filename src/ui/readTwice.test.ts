import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const send = vi.fn();
vi.mock('../background/protocol', () => ({ send: (...args: unknown[]) => send(...args) }));

const { ASK_AGAIN_MS, askTwice, READ_TYPES, readTwice } = await import('./readTwice');
const { TimedOut } = await import('./withTimeout');

const OPTIONS = { againAfterMs: 10_000, totalMs: 30_000, what: 'The history' };
const never = <T>() => new Promise<T>(() => undefined);
const databaseTimeout = () =>
  Object.assign(new Error('The history database did not open within 8 s'), { name: 'DatabaseTimeout' });

beforeEach(() => {
  vi.useFakeTimers();
  send.mockReset();
});
afterEach(() => vi.useRealTimers());

describe('askTwice', () => {
  it('asks once when the first try answers', async () => {
    const ask = vi.fn(async () => 'detail');
    await expect(askTwice(ask, OPTIONS)).resolves.toBe('detail');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('passes on an error of the first try without asking again', async () => {
    const ask = vi.fn(async () => {
      throw new Error('Malformed ui.article request');
    });
    await expect(askTwice(ask, OPTIONS)).rejects.toThrow('Malformed ui.article request');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('asks again when the first try has not answered in time, and takes the second answer', async () => {
    const ask = vi.fn<() => Promise<string>>().mockReturnValueOnce(never()).mockResolvedValueOnce('detail');
    const result = askTwice(ask, OPTIONS);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(ask).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(ask).toHaveBeenCalledTimes(2);
    await expect(result).resolves.toBe('detail');
  });

  it('takes the first try’s answer when it comes after all', async () => {
    let answerFirst: (value: string) => void = () => undefined;
    const first = new Promise<string>((resolve) => {
      answerFirst = resolve;
    });
    const ask = vi.fn<() => Promise<string>>().mockReturnValueOnce(first).mockReturnValueOnce(never());
    const result = askTwice(ask, OPTIONS);
    await vi.advanceTimersByTimeAsync(12_000);
    answerFirst('late detail');
    await expect(result).resolves.toBe('late detail');
  });

  it('asks again at once when the background says its database did not open in time', async () => {
    const ask = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(databaseTimeout())
      .mockResolvedValueOnce('detail');
    await expect(askTwice(ask, OPTIONS)).resolves.toBe('detail');
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('asks at most twice and gives up at the overall limit', async () => {
    const ask = vi.fn(() => never<string>());
    const result = askTwice(ask, OPTIONS);
    result.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(ask).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).rejects.toBeInstanceOf(TimedOut);
    await expect(result).rejects.toThrow('The history did not answer within 30 seconds');
  });

  it('ignores the first try’s late error once the second was sent, and passes on the second’s', async () => {
    let failFirst: (error: unknown) => void = () => undefined;
    const first = new Promise<string>((_resolve, reject) => {
      failFirst = reject;
    });
    let failSecond: (error: unknown) => void = () => undefined;
    const second = new Promise<string>((_resolve, reject) => {
      failSecond = reject;
    });
    const ask = vi.fn<() => Promise<string>>().mockReturnValueOnce(first).mockReturnValueOnce(second);
    const result = askTwice(ask, OPTIONS);
    result.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(10_000);
    failFirst(databaseTimeout());
    await vi.advanceTimersByTimeAsync(0);
    expect(ask).toHaveBeenCalledTimes(2);
    failSecond(new Error('QuotaExceededError'));
    await expect(result).rejects.toThrow('QuotaExceededError');
  });

  it('sends nothing after the overall limit', async () => {
    const ask = vi.fn(() => never<string>());
    const result = askTwice(ask, { ...OPTIONS, againAfterMs: 40_000 });
    result.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(result).rejects.toBeInstanceOf(TimedOut);
    expect(ask).toHaveBeenCalledTimes(1);
  });
});

describe('readTwice', () => {
  it('sends the read again through send()', async () => {
    send.mockReturnValueOnce(never()).mockResolvedValueOnce(null);
    const result = readTwice('ui.article', { url: 'https://news.test/a' }, 'The history');
    await vi.advanceTimersByTimeAsync(ASK_AGAIN_MS);
    await expect(result).resolves.toBeNull();
    expect(send.mock.calls).toEqual([
      ['ui.article', { url: 'https://news.test/a' }],
      ['ui.article', { url: 'https://news.test/a' }],
    ]);
  });

  it('lists only reads', () => {
    for (const type of READ_TYPES) expect(type).toMatch(/^(ui|rules|settings|recheck)\./);
    const writes = [
      'ui.import',
      'ui.deleteAll',
      'ui.deleteSite',
      'ui.retention',
      'ui.choose',
      'settings.update',
    ];
    const writesOfRules = ['rules.add', 'rules.delete', 'history.delete'];
    for (const write of [...writes, ...writesOfRules]) expect(READ_TYPES).not.toContain(write);
  });
});
