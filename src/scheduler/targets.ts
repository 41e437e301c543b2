import type { KnownOperatorChat, OperatorAccount, OperatorChat } from './types.ts';

/** The console chat's target: the terminal has one chat and one operator. */
export const CONSOLE_CHAT: OperatorChat = { platform: 'console', chatId: 'console', who: 'console' };

/** Flattens the configured operator ids per platform into accounts, in a stable order. */
export function operatorAccounts(operatorIds: Record<string, ReadonlySet<string>>): OperatorAccount[] {
  return Object.keys(operatorIds).sort().flatMap((platform) => [...(operatorIds[platform] ?? [])].sort().map((userId) => ({ platform, userId })));
}

/**
 * Where operator messages go: each configured operator whose chat is known on a running platform,
 * once; the console only when no such chat exists (so one person never gets a message twice
 * because the terminal is open too). Someone removed from the operator ids gets nothing.
 */
export function chooseOperatorChats(
  operators: OperatorAccount[], known: KnownOperatorChat[], platforms: ReadonlySet<string>,
): OperatorChat[] {
  const byAccount = new Map(known.map((k) => [`${k.platform}:${k.userId}`, k]));
  const chats: OperatorChat[] = [];
  for (const a of operators) {
    const who = `${a.platform}:${a.userId}`;
    const k = byAccount.get(who);
    if (!k || !platforms.has(k.platform) || chats.some((c) => c.who === who)) continue;
    chats.push({ platform: k.platform, chatId: k.chatId, who });
  }
  if (chats.length === 0 && platforms.has('console')) chats.push(CONSOLE_CHAT);
  return chats;
}

/** Looks the operators' chats up and chooses where messages go. */
export async function operatorChats(deps: {
  operators: OperatorAccount[];
  platforms: ReadonlySet<string>;
  find: (accounts: OperatorAccount[]) => Promise<KnownOperatorChat[]>;
}): Promise<OperatorChat[]> {
  const reachable = deps.operators.filter((a) => deps.platforms.has(a.platform));
  const known = reachable.length ? await deps.find(reachable) : [];
  return chooseOperatorChats(deps.operators, known, deps.platforms);
}
