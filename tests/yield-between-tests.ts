import { afterEach } from 'vitest';

// A worker must read its runner's replies within 60 s (vitest's fixed RPC timeout). Tests that are
// all synchronous (index rebuilds in fault-injection.test.ts: 51 of them, 70–100 s on a loaded
// 2-core machine) never give the event loop a turn, so a reply waits unread until the timer
// fails the run although every test passed. One macrotask after each test lets it through.
afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
