import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'crm-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the real `crm` command in a clean environment with a fresh database. */
function crm(args: string[], input = '') {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: dir, DATABASE_URL: `file:${join(dir, 'crm.db')}`, CRM_TIME_ZONE: 'UTC' };
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'crm.js'), ...args], { cwd: dir, env, input, encoding: 'utf8', timeout: 60_000 });
}

describe('the crm command', () => {
  it('drives the console chat from piped input: one reply per line, then exits', () => {
    const run = crm(['start'], 'add customer Acme\nlog call with Acme: discussed pricing\nsummary Acme\n');
    expect(run.status).toBe(0);
    const out = run.stdout;
    expect(out).toContain('Added customer Acme.');
    expect(out).toContain('Logged call with Acme: “discussed pricing”.');
    expect(out).toMatch(/Acme[\s\S]*call: discussed pricing/);
    // Nothing but the replies on stdout: no dotenv banner, no logs.
    expect(out).not.toMatch(/dotenv|injecting env|"level"/i);
  });

  it('doctor reports the database and that no platform is configured', () => {
    const run = crm(['doctor']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/✔ database .*sqlite.*migrations applied/);
    expect(run.stdout).toContain('slack: not configured');
    expect(run.stdout).toContain('opens the console chat');
  });

  it('explains a bad DATABASE_URL in one line, without a stack trace', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'crm.js'), 'migrate'], {
      cwd: dir, env: { PATH: process.env.PATH ?? '', DATABASE_URL: 'mysql://nope' }, encoding: 'utf8', timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('DATABASE_URL must start with file:');
  });
});
