/** Chat platforms the product speaks on; adapters may add others without touching the core. */
export type Platform = 'console' | 'slack' | 'discord' | 'telegram' | (string & {});

/** A button press: the value of a choice offered in an earlier Reply. */
export interface ButtonPress {
  /** The `value` of the pressed `Choice`. */
  value: string;
}

/** One inbound message, the same shape for every channel (made by an adapter). */
export interface InboundMessage {
  platform: Platform;
  /** Opaque chat id (a DM, channel or group), encoded by the adapter. */
  chatId: string;
  /**
   * True when the chat is the author's one-to-one conversation with the bot: the only kind of chat
   * reminders and alerts may go to later, since they carry customer data.
   */
  direct?: boolean;
  /** The author's platform user id. */
  userId: string;
  /** The author's display name, when the platform gives one. */
  userName?: string;
  /** The text as written; empty for a pure button press. */
  text: string;
  /** Opaque thread id the reply should go to. */
  threadId?: string;
  /** Id of the message this one replies to. */
  replyToId?: string;
  /** The platform's id for this delivery, used to drop re-deliveries. */
  eventId?: string;
  /** Set when the message is a button press rather than typed text. */
  button?: ButtonPress;
  /** When the platform received it. */
  receivedAt: Date;
  /** The platform's own event; only the adapter that made it may read it. */
  raw?: unknown;
}
