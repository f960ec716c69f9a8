import { spawn } from 'node:child_process';

export interface ToolRun {
  code: number | null;
  stdout: Buffer;
  /** The tail of stderr, for messages; capped so a chatty tool cannot fill memory. */
  stderr: string;
  timedOut: boolean;
}

const STDERR_KEEP = 8 * 1024;

/**
 * Runs ffmpeg/ffprobe (or any tool) without a shell: arguments are never parsed, so a file name cannot
 * become a command. Killed when it runs past `timeoutMs`.
 */
export function runTool(
  command: string,
  args: readonly string[],
  options: { timeoutMs: number; maxStdoutBytes?: number },
): Promise<ToolRun> {
  const maxStdout = options.maxStdoutBytes ?? 16 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > maxStdout) child.kill('SIGKILL');
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEEP);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out), stderr: stderr.trim(), timedOut });
    });
  });
}
