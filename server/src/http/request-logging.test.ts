import { PassThrough } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from '../app.ts';
import { RequestLogController } from './request-logging.ts';

/** A Fastify app logging as ours does, with the lines it writes. */
async function appAt(level: string) {
  const stream = new PassThrough();
  const lines: { level: number; msg: string; req?: { path: string }; res?: { statusCode: number } }[] = [];
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
  });
  const app = Fastify({ logger: loggerOptions(level, stream), logController: new RequestLogController() });
  app.get('/ok', async () => ({ ok: true }));
  app.get('/unavailable', async (_req, reply) => reply.code(503).send({ down: true }));
  app.get('/warns', async (req) => {
    req.log.warn('something to look at');
    return {};
  });
  await app.ready();
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { app, lines, settle };
}

describe('request logging', () => {
  it('writes nothing for an answered request at the default level, but keeps warnings and failures', async () => {
    const { app, lines, settle } = await appAt('info');
    await app.inject('/ok?q=Nguyen+Van+A');
    await app.inject('/warns');
    await app.inject('/unavailable');
    await settle();
    expect(lines.map((l) => l.msg)).toEqual(['something to look at', 'request failed']);
    expect(lines[1]).toMatchObject({ level: 40, res: { statusCode: 503 } });
    await app.close();
  });

  it('logs each request at debug, by path only (a query string can carry a searched name)', async () => {
    const { app, lines, settle } = await appAt('debug');
    await app.inject('/ok?q=Nguyen+Van+A');
    await app.inject('/nowhere?q=001234567890');
    await settle();
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [20, 'incoming request'],
      [20, 'request completed'],
      [20, 'incoming request'],
      [20, 'route not found'],
      [20, 'request completed'],
    ]);
    expect(lines[0]?.req?.path).toBe('/ok');
    expect(JSON.stringify(lines)).not.toMatch(/Nguyen|001234567890/);
    await app.close();
  });
});
