/**
 * The programs that read PDFs and scans — pdfinfo, pdftotext, pdftoppm (Debian poppler-utils) and
 * tesseract (tesseract-ocr, with tesseract-ocr-vie) — found on a search path and run with
 * execFile: no shell, arguments as a list, a timeout (then SIGKILL), a cap on what they print, and
 * cancelled when the server shuts down. Whether a tool is installed is asked when a file needs it,
 * so the server starts without them and a tool installed later is found without a restart.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../errors.ts';
import { type Tool, toolMissing, tooSlow } from './plan-files.limits.ts';

type Program = 'pdfinfo' | 'pdftotext' | 'pdftoppm' | 'tesseract';

export interface RunOptions {
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** A tool exited with an error: its exit code and what it said (never shown to a client). */
export class ToolFailed extends Error {
  constructor(
    readonly tool: Program,
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`${tool} exited with ${exitCode}: ${stderr.slice(0, 300)}`);
  }
}

/** A tool printed more than allowed (maxBytes). */
export class ToolOutputTooLarge extends Error {}

/** How long a missing tool is believed missing before the path is searched again. */
const RECHECK_MS = 30_000;

export interface PlanTools {
  /** Throws 503 naming the package when a tool (or Tesseract's Vietnamese) is missing. */
  require(tool: Tool): Promise<void>;
  run(program: Program, args: string[], options: RunOptions): Promise<RunResult>;
}

/** The tools found on `searchPath` (directories separated by ':'). */
export function planTools(searchPath: string): PlanTools {
  const found = new Map<string, { path: string | null; at: number }>();
  let languages: { has: boolean; at: number } | null = null;

  function locate(program: Program): string | null {
    const known = found.get(program);
    if (known && (known.path || Date.now() - known.at < RECHECK_MS)) return known.path;
    let located: string | null = null;
    for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
      const candidate = path.join(dir, program);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) {
          located = candidate;
          break;
        }
      } catch {
        // not here
      }
    }
    found.set(program, { path: located, at: Date.now() });
    return located;
  }

  function run(program: Program, args: string[], options: RunOptions): Promise<RunResult> {
    const file = locate(program);
    if (!file) return Promise.reject(toolMissing(program));
    return new Promise((resolve, reject) => {
      execFile(
        file,
        args,
        {
          timeout: options.timeoutMs,
          killSignal: 'SIGKILL',
          maxBuffer: options.maxBytes,
          signal: options.signal,
          encoding: 'utf8',
          windowsHide: true,
          // Tesseract uses every core unless told; one leaves the other to the server's requests.
          env: { PATH: searchPath, LANG: 'C.UTF-8', OMP_THREAD_LIMIT: '1', HOME: process.env.HOME ?? '/tmp' },
        },
        (error, stdout, stderr) => {
          if (!error) return resolve({ stdout, stderr });
          const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null; code?: string | number | null };
          if (e.name === 'AbortError') return reject(e);
          if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return reject(new ToolOutputTooLarge(program));
          if (e.killed && e.signal === 'SIGKILL') return reject(tooSlow(Math.round(options.timeoutMs / 1000)));
          if (e.code === 'ENOENT' || e.code === 'EACCES') {
            found.delete(program);
            return reject(toolMissing(program));
          }
          reject(new ToolFailed(program, typeof e.code === 'number' ? e.code : null, String(stderr ?? '')));
        },
      );
    });
  }

  return {
    async require(tool) {
      if (tool === 'tesseract-vie') {
        await this.require('tesseract');
        if (languages && (languages.has || Date.now() - languages.at < RECHECK_MS)) {
          if (!languages.has) throw toolMissing('tesseract-vie');
          return;
        }
        const listed = await run('tesseract', ['--list-langs'], { timeoutMs: 10_000, maxBytes: 1024 * 1024 }).catch((err) => {
          if (err instanceof AppError) throw err;
          return { stdout: '', stderr: '' };
        });
        // Tesseract 4 lists languages on stderr, 5 on stdout.
        const has = `${listed.stdout}\n${listed.stderr}`.split(/\r?\n/).some((line) => line.trim() === 'vie');
        languages = { has, at: Date.now() };
        if (!has) throw toolMissing('tesseract-vie');
        return;
      }
      if (!locate(tool)) throw toolMissing(tool);
    },
    run,
  };
}
