import { describe, expect, it } from 'vitest';
import { lazyModule } from '../../../src/ui/lazy-module.tsx';

describe('lazyModule', () => {
  it('fetches the module once however often it is asked for, and publishes it when it arrives', async () => {
    let fetches = 0;
    let arrive: (module: { name: string }) => void = () => undefined;
    const lazy = lazyModule(() => {
      fetches += 1;
      return new Promise<{ name: string }>((resolve) => {
        arrive = resolve;
      });
    });
    expect(fetches).toBe(0);
    const first = lazy.load();
    const second = lazy.load();
    expect(fetches).toBe(1);
    expect(lazy.module.value).toBeNull();
    arrive({ name: 'planner' });
    expect(await first).toEqual({ name: 'planner' });
    expect(await second).toBe(await first);
    expect(lazy.module.value).toEqual({ name: 'planner' });
    await lazy.load();
    expect(fetches).toBe(1);
  });
});
