import { describeSlackConversation } from './slack-support.ts';

describeSlackConversation('socket');
