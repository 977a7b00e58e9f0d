// The perf scripts' one way to serve a build: ../serve.mjs on a free loopback port, as a
// child process, resolved once it listens. Shared by first-render.mjs, lighthouse.mjs and
// studio.mjs so the three measure the same server the end-to-end tests use.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/** A port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Serves `root` on a free port; resolves to `{ port, child }` once serve.mjs listens. */
export async function serve(root) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(here, '..', 'serve.mjs'), '--root', root, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve.mjs did not start within 10 s')), 10_000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`serve.mjs exited early (${code})`)));
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes('serving')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { port, child };
}
