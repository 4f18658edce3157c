import { describe, expect, it } from 'vitest';
import { parseSlots } from './imports.limits.ts';

describe('parse slots', () => {
  it('lets `parallel` parses run, queues `waiting` more, refuses the next, and hands slots on', async () => {
    const slots = parseSlots(2, 1, 60_000);
    const first = await slots.acquire();
    const second = await slots.acquire();
    expect(first).toBeTypeOf('function');
    expect(second).toBeTypeOf('function');
    const third = slots.acquire();
    expect(await slots.acquire()).toBeNull(); // queue full
    first?.();
    first?.(); // releasing twice frees one slot only
    const released = await third;
    expect(released).toBeTypeOf('function');
    expect(await Promise.race([slots.acquire(), new Promise((r) => setTimeout(() => r('waiting'), 20))])).toBe('waiting');
  });

  it('gives up on a wait that lasts too long', async () => {
    const slots = parseSlots(1, 1, 10);
    await slots.acquire();
    expect(await slots.acquire()).toBeNull();
  });
});
