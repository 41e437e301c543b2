// npm run bench:adapters — per platform, against its fake: sustained messages per second and
// p50/p99 from event in to reply received, at 20 and 200 concurrent conversations (SQLite), plus
// the Slack ack latency. Targets: p99 under 100 ms at 200 conversations; Slack ack p99 under 50 ms.
// Each level runs twice (shared.ts): paced at one message a second per conversation, the most a
// platform delivers into one chat, where the targets are judged; and flat out, which measures
// capacity and whose latency is conversations / throughput by Little's law.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDiscord } from './adapters/discord.ts';
import { benchSlack } from './adapters/slack.ts';
import { describeLoad } from './adapters/shared.ts';
import { benchTelegram } from './adapters/telegram.ts';

// `npm run bench:adapters -- slack` runs one platform.
const only = process.argv[2];
const benches = { slack: benchSlack, discord: benchDiscord, telegram: benchTelegram };

for (const [name, bench] of Object.entries(benches)) {
  if (only && only !== name) continue;
  const dir = mkdtempSync(join(tmpdir(), `crm-bench-${name}-`));
  try {
    const result = await bench({ provider: 'sqlite', databaseUrl: `file:${join(dir, 'crm.db')}` });
    console.log(`\n${result.platform} (SQLite)`);
    for (const r of result.rows) {
      const judged = r.concurrency >= 200 && r.load.kind === 'paced';
      const met = judged ? (r.p99Ms < 100 ? '  target met' : '  target MISSED (p99 < 100 ms)') : '';
      console.log(`  ${String(r.concurrency).padStart(3)} conversations, ${describeLoad(r.load).padEnd(24)} ${String(r.messages).padStart(5)} messages, ${r.messagesPerSecond}/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms${met}`);
    }
    for (const note of result.notes) console.log(`  ${note}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
