import { describeSlackConversation } from './slack-support.ts';

describeSlackConversation('http');
