import type { Command } from './command.ts';

/** Who wrote the message: operators give commands, customers only answer surveys. */
export type Speaker = 'operator' | 'customer';

/** What a parse needs besides the text; parsing never touches the database. */
export interface ParseContext {
  /** The instant relative times are resolved against. */
  now: Date;
  /** IANA zone of the operator (or customer), e.g. "Europe/Berlin". */
  timeZone: string;
  as: Speaker;
  /** BCP 47 locale; decides e.g. whether 3/4 is March 4 (en-US) or April 3 (en-GB). Default en-US. */
  locale?: string;
}

/** Turns one message into one Command; never throws, never returns anything else. */
export type Parser = (text: string, ctx: ParseContext) => Command;
