import type { Bot, InlineKeyboard } from 'grammy';

// grammY's re-export of the Bot API types does not resolve under NodeNext, so they are derived
// from what it does export rather than imported from its transitive @grammyjs/types package.

/** One Bot API update. */
export type Update = Parameters<Bot['handleUpdate']>[0];
/** A message in a chat. */
export type Message = NonNullable<Update['message']>;
/** A marked part of a message's text (mention, command...). */
export type MessageEntity = NonNullable<Message['entities']>[number];
/** A Telegram user. */
export type User = NonNullable<Message['from']>;
/** The bot itself, as getMe answers. */
export type UserFromGetMe = Bot['botInfo'];
/** A button of an inline keyboard. */
export type InlineKeyboardButton = InlineKeyboard['inline_keyboard'][number][number];
