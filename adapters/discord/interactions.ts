/** Discord keeps an interaction token usable for 15 minutes; stop a minute early. */
const TOKEN_LIFETIME_MS = 14 * 60_000;

/** An interaction the bot has acknowledged; its token stays in memory only, never in the database. */
export interface PendingInteraction {
  id: string;
  applicationId: string;
  token: string;
  /** 'reply' (slash command: the first reply replaces "thinking…") or 'update' (button press: replies follow up). */
  kind: 'reply' | 'update';
  /** Answers only the user sees (a /crm in a server, and what its buttons lead to). */
  ephemeral: boolean;
  /** Resolves true once the defer went through; replies wait for it, so they never overtake it. */
  acknowledged: Promise<boolean>;
  /** The deferred "thinking…" message has been replaced. */
  originalUsed: boolean;
  expiresAtMs: number;
}

/** Interactions whose replies are still owed, by interaction id. */
export class InteractionRegistry {
  private readonly byId = new Map<string, PendingInteraction>();

  constructor(private readonly nowMs: () => number = Date.now) {}

  /** Remembers an interaction for the token's lifetime. */
  add(entry: Omit<PendingInteraction, 'originalUsed' | 'expiresAtMs'>): PendingInteraction {
    this.prune();
    const pending: PendingInteraction = { ...entry, originalUsed: false, expiresAtMs: this.nowMs() + TOKEN_LIFETIME_MS };
    this.byId.set(entry.id, pending);
    return pending;
  }

  /** The interaction, while its token is still valid. */
  get(id: string): PendingInteraction | undefined {
    const entry = this.byId.get(id);
    if (entry && entry.expiresAtMs <= this.nowMs()) {
      this.byId.delete(id);
      return undefined;
    }
    return entry;
  }

  /** Forgets an interaction (Discord said its token is no longer valid). */
  delete(id: string): void {
    this.byId.delete(id);
  }

  private prune(): void {
    // Insertion order is expiry order, so the scan stops at the first live entry.
    const now = this.nowMs();
    for (const [id, entry] of this.byId) {
      if (entry.expiresAtMs > now) break;
      this.byId.delete(id);
    }
  }
}
