import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('parser start-up', () => {
  it('prints nothing: no dotenv banner from natural', () => {
    const script = [
      "const { createParser, sentimentOf } = await import('./src/nlu/index.ts');",
      "createParser()('called Jane at acme', { now: new Date(), timeZone: 'UTC', as: 'operator' });",
      "sentimentOf('great call');",
    ].join('\n');
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(stdout).toBe('');
  });
});
