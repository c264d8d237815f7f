import { spawn } from 'node:child_process';
import path from 'node:path';

const CLI = path.resolve(__dirname, '..', '..', 'bin', 'deckhand.js');

/**
 * Runs a serving command (`deckhand dev …`, `deckhand talk.md`) as its own process group, as a
 * terminal's foreground job is (Ctrl+C reaches every process in it), and resolves once it says
 * where it serves.
 */
export async function serveCli(cwd: string, args: string[], env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
      const m = /serving with live preview at (\S+)/.exec(stderr);
      if (m) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error(`exited before serving:\n${stderr}`)));
  });
  return {
    url,
    stderr: () => stderr,
    exited,
    interrupt: () => process.kill(-child.pid!, 'SIGINT'),
    kill: () => process.kill(-child.pid!, 'SIGKILL'),
  };
}
