import { beforeEach } from 'vitest';

/**
 * Many tests here are synchronous (index builds, extraction). Run back to back they never give the
 * worker's event loop a turn, and on a loaded machine a file of them outlasts vitest's 60 s RPC
 * timeout ("Timeout calling onTaskUpdate"). A macrotask before each test lets the RPC answers in.
 */
beforeEach(async () => {
  await new Promise((resolve) => setImmediate(resolve));
});
