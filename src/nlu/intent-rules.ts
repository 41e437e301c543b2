import type { Intent } from '../core/command.ts';
import { isPersonName } from './names.ts';

/** Contract intents an operator's message can have (engine housekeeping is matched separately). */
export type RuleIntent = Exclude<Intent,
  | 'nps_reply' | 'unknown' | 'merge_customers' | 'link_contact' | 'invite_contact' | 'schedule_report'
  | 'set_surveys' | 'set_survey_rule' | 'set_timezone' | 'inbox'>;

const LOG_VERB =
  '(?:called|call(?:ed)?\\s+(?:with|w/)|phoned|phone\\s+call|rang|spoke|talked|met|meeting|mtg|e-?mailed|emailed|wrote\\s+to|sent\\s+(?:an?\\s+)?e-?mail|messaged|texted|dm\'?d|dmed|pinged|chatted|whats\\s?app(?:ed|\'d)?|slacked|lunch|coffee|dinner|breakfast|drinks|demo(?:ed)?|visited|zoom(?:ed)?|video\\s*call|(?:quick|short|long|late|good|great|phone|video|sales|intro|discovery)\\s+call|call(?=\\s+(?:with\\b|w/)|\\s*[:\\-–—])|catch[- ]?up|sat\\s+down|(?:stopped|dropped|popped|came)\\s+(?:by|in\\s+at)|(?:coaching|strategy|discovery|onboarding|training|kick-?off|working)\\s+session|left\\s+(?:a\\s+)?(?:voicemail|vm)|(?:voicemail|vm)\\s+(?:left\\s+)?for|(?:e-?mail|mail|call|message|msg|sms|text|voicemail|dm|tg|wa)\\s+(?:from|to)|chat\\s+(?:with|w/)|followed\\s+up\\s+(?:with|w/)|(?:phone\\s+call|phone|call|e-?mail|email\\s+thread|meeting|video\\s+call|zoom|skype|facetime|teams\\s+call|msg|message|sms|whats\\s?app|dm|lunch\\s+meeting)(?=\\s*[:\\-–—→/]|\\s+(?:with|w\\/|w|re:?)\\s)|(?:whats\\s?app|sync|catch[- ]?up|zoom|skype|facetime|teams)\\s+call|facetime(?:d|\'d)?|skype|(?:zalo|viber|wechat|line)\\s+(?:with|w/|from|to)|session\\s+(?:with|w/|w)(?=\\s)|(?:just\\s+)?finished\\s+(?:a|the|my|our)\\s+(?:meeting|call|session|walkthrough|visit|lesson)\\s+(?:with|w/|at)|(?:slack\\s+)?huddle|(?:quick\\s+)?chat\\s+(?:on|via)\\s+\\w+|bumped\\s+into|hopped\\s+on\\s+a\\s+call|telefonat|gave(?=\\s[^,;:!?]{1,60}?\\s(?:a\\s+)?(?:call|ring|buzz|bell)\\b)|(?:site\\s+)?visit\\s+(?:at|to|with)\\b|(?:google\\s+|g)meet(?=\\s+(?:with|w/)\\s))';
// The channel may come first: "LinkedIn msg to Yusuf", "Slack DM from Dom"; spoken fillers before it
// all ("um so i called …", "ok, so we met …").
const LOG_LEAD = '(?:(?:um+|uh+|erm|so|ok(?:ay)?|right|well|anyway|also|btw)[\\s,]+)*(?:(?:i|we|just|quick(?:ly)?|had|have|did|got|a|an|the|late|long|short|good|great|nice|productive|first|another|intro|follow-?up|inbound|incoming|outbound|missed|linkedin|slack|insta(?:gram)?|twitter|facebook|fb|signal|telegram|teams)\\s+)*';
/** The words opening a logged interaction ("called", "had coffee with", "just got off the phone with"). */
export const LOG_HEAD = new RegExp(`^(?:(?:i\\s+|we\\s+)?(?:just\\s+)?got\\s+off\\s+(?:the|a)\\s+(?:call|phone)\\b|${LOG_LEAD}${LOG_VERB}\\b)`, 'i');
// A time said before the request: "tomorrow 10am remind me ...", "on Friday follow up with ...".
const LEADING_TIME = /(?:(?:tomorrow|tmrw|today|tonight|(?:on\s+|next\s+|this\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|next\s+week|in\s+(?:a|an|\d+|one|two|three|four|five|six|seven|ten)\s+(?:hours?|days?|weeks?|months?))(?:\s+(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm)?|\s+(?:morning|afternoon|evening))?[\s,]+)?/.source;
const FOLLOWUP_REQUEST = /(?:(?:please|pls|can you|could you)\s+)?(?:remind\b(?!(?:\s+me)?[\s,]+(?:what|who|how|why|where|when|which)\b)(?:\s+me)?|reminder\b|set\s+(?:a\s+)?reminder|ping\s+me\b|nudge\s+me\b|remember\s+to\b|don'?t\s+let\s+me\s+forget\b|make\s+sure\s+i\b|note\s+to\s+self\b|i\s+need\s+to\s+remember\b|to-?do\s*:|task\s*:|follow[- ]?up\s+(?:with\b|on\b|w\/)|(?:f\/u|fu)\s+(?:with\b|w\/)|check\s+in\s+with\b|circle\s+back\s+with\b|touch\s+base\s+with\b|need\s+to\s+(?:chase|nudge|follow\s+up|call|email|ping|text)\b|(?:chase|nudge)\s+(?!(?:it|that|this)\b)\S)/;
const FOLLOWUP_HEAD = new RegExp(`^${LEADING_TIME}${FOLLOWUP_REQUEST.source}`);
const IMPERATIVE_TASK = /^(?:call|email|e-mail|text|ping|send|chase|invoice|prepare|renew|check\s+in\s+with)\b(?!\s+(?:with|w\/|paid|me|my|us)\b)/;
// A character of a name at the start of a message: no clause punctuation, but the dot of a title or
// abbreviation ("Mr. Arjun Mehta", "Acme Inc.", "J. Smith").
const NAME_CHAR = '(?:[^,.;:!?\u2063]|(?<=\\b(?:mr|mrs|ms|mx|dr|dra|prof|mme|mlle|sra|srta|sig|dott|ing|smt|co|inc|ltd|corp|jr|sr|[a-z]))\\.)';
// An address or number in a message, replaced by DETAIL for the rules that read around one
// ("Jane Doe <jane@acme.com> replied", "Jane Doe from Acme, +1 415 555 0100, called").
const DETAIL_IN_TEXT = /<?[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}>?|\(?\+?\d[\d ().-]{5,40}\d\)?/g;
const DETAIL = '\u2063';
// Commas around it belong to it; NAME_CHAR never matches DETAIL, so each message is read one way only.
const SENDER_DETAIL = `(?:,\\s*)?${DETAIL}`;
const DEAL_STAGE = '(?:lead|qualified|proposal|negotiation|won|lost|closed[- ]won|closed[- ]lost|dead)';
const LIFECYCLE = '(?:lead|active|at[- _]?risk|churned)';
const CONTACT_FIELD = '(?:phone(?:\\s+number)?|number|mobile|cell|tel(?:ephone)?|landline|fax|e-?mail(?:\\s+address)?|address|stage|status|tags?)';
// Words that qualify a contact field ("the main phone for Acme", "contact email for Globex").
const FIELD_QUALIFIER = '(?:(?:new|main|contact|work|office|billing|direct)\\s+)*';

/** One rule: the first whose pattern matches the lower-cased message decides the intent. */
interface Rule {
  intent: RuleIntent;
  re: RegExp;
  /** Tested on the message with each e-mail address and phone number replaced by DETAIL. */
  details?: boolean;
  /**
   * The wording alone is too weak ("how's it going", "I called my mom"): the intent counts only if
   * the message names a customer or contact (or, for 'name-or-pronoun', says "them", "her", ...).
   */
  needs?: Needs;
}

/** What a weak rule needs besides its wording. */
export type Needs = 'name' | 'name-or-pronoun';

/** What the rules decided. */
export interface RuleMatch {
  intent: RuleIntent;
  needs?: Needs;
}

/** The words between a customer's old name and its new one: "is now called", "changed their name to". */
export const RENAMED_AS = '(?:is\\s+now\\s+called|(?:is|was|has\\s+been|got)\\s+renamed(?:\\s+to)?|renamed\\s+(?:itself\\s+)?(?:to|as)|changed\\s+(?:their|its|his|her|the(?:\\s+company|\\s+business)?)\\s+name\\s+to|(?:now\\s+)?goes\\s+by)';
/** A customer's new name: "rename X to Y", "X is now called Y", "X changed their name to Y", "Acme is now Acme Labs". */
export const RENAME = new RegExp(
  `^(?:(?:please|pls)\\s+)?rename\\s+.+?\\s+(?:to|as)\\s+\\S|^(?:(?:please|pls)\\s+)?change\\s+(?:the\\s+name\\s+of\\s+.+?|.+?['’]s?\\s+name)\\s+to\\s+\\S|^.+?\\s+${RENAMED_AS}\\s+\\S|^(\\S+)(?:\\s+\\S+){0,5}?\\s+is\\s+now\\s+\\1(?:\\s|$)`,
  'i',
);

const RULES: Rule[] = [
  // Leading words that say what is asked, however the rest reads.
  { intent: 'snooze_followup', re: /^(?:snooze|snoze|postpone|defer|delay|reschedule|remind\s+me\s+again|push\s+(?:it|that|this|the\b.*\b(?:reminder|follow[- ]?up|task))|move\s+(?:it|that|this|the\b.*\b(?:reminder|follow[- ]?up|task))|later,?\s+snooze)\b/ },
  { intent: 'list_followups', re: /^(?:remind(?:ers)?|follow[- ]?ups?)\s+(?:for|list)\b|^(?:(?:can\s+you\s+)?(?:show|list|see|view|get)\s+(?:me\s+)?|my\s+|pending\s+|upcoming\s+|open\s+|overdue\s+|all\s+)(?:my\s+|the\s+|all\s+)?(?:(?:overdue|open|pending|upcoming|due)\s+)?(?:follow[- ]?ups?|reminders|tasks|to-?dos?)\b/ },
  { intent: 'create_followup', re: FOLLOWUP_HEAD },
  { intent: 'complete_followup', re: /^(?:done|finished|completed?|ticked?\s+off|tick\s+off|check(?:ed)?\s+off|mark(?:ed)?\s+(?:it|that|this)\s+(?:as\s+)?(?:done|complete))\b(?!.*\b(?:ticket|bug|issue)\b)|^mark\b.*\b(?:follow[- ]?up|reminder|task)\b.*\b(?:done|complete)|^that'?s\s+done\b|^[^,;:]*?\b(?:(?:is|are)\s+)?(?:done|finished|complete|completed)\s*[.!]*$/ },
  { intent: 'close_ticket', re: /^(?:[^,;]{1,60}[,;]\s*)?(?:close|closed|resolve|resolved|fix|fixed|mark)\b.*\b(?:ticket|issue|bug|problem)s?\b|\b(?:ticket|issue|bug)\s+(?:is\s+|has\s+been\s+)?(?:closed|resolved|fixed|done)\b|^[^,;:]{1,60}?\b(?:is|are|was|has\s+been|have\s+been|got)\s+(?:now\s+)?(?:fixed|resolved)\b/ },
  { intent: 'update_customer', re: /^(?:remove|delete|drop)\s+(?:the\s+)?tag\b/ },
  { intent: 'update_customer', needs: 'name', re: RENAME },
  // "Sunday Social Club - mark at risk", "orchard, summary pls", "wholesale order from X, $1,240".
  { intent: 'update_customer', needs: 'name', re: new RegExp(`^[^,:;]{1,60}?(?:\\s[-–—]|[,:;])\\s*(?:pls\\s+|please\\s+)?mark(?:ed)?\\s+(?:as\\s+|them\\s+(?:as\\s+)?)?(?:an?\\s+)?${LIFECYCLE}\\b`) },
  { intent: 'customer_summary', needs: 'name', re: /^[^,:;]{1,40}(?:,|\s[-–—])\s*(?:summary|status|update|overview)\s*(?:pls|please|plz)?\s*\??$/ },
  { intent: 'record_purchase', needs: 'name', re: /^(?:new\s+|wholesale\s+|big\s+)*(?:order|purchase|sale)\s+(?:from|by)\s+[^,]+,\s*(?:[$€£¥₹]\s?\d|\d[\d.,]*\s?(?:k\b|usd|eur|gbp|aud|cad|inr))/ },
  { intent: 'erase_contact', re: /^(?:please\s+)?(?:gdpr\b.*\b)?(?:forget|erase|purge|wipe)\b|^(?:please\s+)?(?:delete|remove)\b.*\b(?:personal\s+)?(?:data|info|information|details|contact)\b|^(?:please\s+)?(?:delete|remove|erase)\s+(?:everything|all)\s+(?:(?:we|i)\s+(?:have|hold|keep|store)\s+)?(?:on|about|for)\b|\bgdpr\b|\bright\s+to\s+be\s+forgotten\b/ },
  { intent: 'send_survey', re: /^(?:please\s+)?(?:send|email|text)\b.*\b(?:survey|nps|csat)\b|^survey\s+(?!results?\b)\S|^(?:nps|csat)\s+survey\s+(?:for|to)\s|^ask\b.*\b(?:nps|survey|recommend|rate\s+us)\b/ },
  { intent: 'add_customer', re: /^(?:(?:please|pls)\s+)?(?:(?:add|adding|create|new|onboard|onboarded|signed|sign\s+up)\s+(?:(?:a|an|the)\s+)?(?:new\s+)?(?:customer|client|cust|account|lead)\b|new\s+(?:customer|client|lead|account)\b|signed\s+(?:up\s+)?a\s+new\s+(?:customer|client)|add(?:ing)?\s+.+\s+as\s+(?:a\s+|an\s+)?(?:new\s+)?(?:customer|client|lead)|add\s+(?!(?:the\s+)?(?:tag|contact|note)\b)[^,(]+?[,(]\s*contact\b)/ },
  { intent: 'create_deal', re: /^(?:(?:add|create|open|start|log|new|potential|possible)\s+(?:(?:a|an)\s+)?(?:new\s+)?(?:deal|opportunity|opp)\b|new\s+(?:deal|opportunity|opp)\b|(?:opportunity|opp)\b|deal\s*:)/ },
  { intent: 'update_deal', re: new RegExp(`^move\\s+.+\\s+to\\s+${DEAL_STAGE}\\b|^(?:we\\s+)?(?:won|lost)\\b.*\\bdeal\\b|^(?:mark|bump|update|change|set|raise|lower)\\b.*\\bdeal\\b|\\bdeal\\b.*\\b(?:is|now|moved|moves|to|:|stage|closed|went)\\b.*\\b${DEAL_STAGE}\\b|\\bdeal\\b[^a-z0-9]{0,8}(?:is\\s+|now\\s+|was\\s+)?${DEAL_STAGE}\\b|\\bdeal\\s+(?:is\\s+)?(?:now\\s+)?(?:worth|valued\\s+at|value\\s+is)\\b|\\bdeal\\s+(?:was\\s+|got\\s+|has\\s+been\\s+)?(?:bumped|raised|increased|upped|lowered|reduced|cut|dropped|changed|updated)\\s+(?:up\\s+|down\\s+)?to\\b`) },
  // "tag you're it" tags no one: tagging needs someone to tag.
  { intent: 'update_customer', needs: 'name-or-pronoun', re: /^(?:tag|untag|label|retag)\b/ },
  // "Redwood Kombucha Co. — tag: beverage".
  { intent: 'update_customer', needs: 'name', re: /\btag\s*:\s*\S/ },
  // "update Acme: contact Priya Nair, …".
  { intent: 'update_customer', needs: 'name', re: /^(?:update|edit|change)\s+[^:]{1,60}:\s*\S/ },
  // "Pepper & Pine: new contact Joanna Wiśniewska, …".
  { intent: 'update_customer', needs: 'name', re: /^[^:]{1,60}?(?::|\s[-–—])\s*(?:new|added?)\s+(?:a\s+)?contact\b/ },
  // "Acme's new contact: Priya Nair", "save Priya's cell +1 …".
  { intent: 'update_customer', needs: 'name', re: /^[^,:;]{1,60}?['’]s?\s+(?:new\s+)?(?:main\s+|primary\s+)?(?:contact|point\s+of\s+contact|poc)\s*(?::|is\b)|^[^,:;]{1,60}?['’]s?\s+(?:new\s+)?(?:buyer|owner|manager|founder|ceo|cto|cfo|coo)\s*(?::|is\b)(?=.*(?:@|\d{3})|\s+now\s)|^(?:save|store|record|note\s+down)\s+.{1,60}?\b(?:e-?mail|phone|number|mobile|cell)\b/ },
  { intent: 'update_customer', re: new RegExp(`^rename\\b|^add\\s+(?:the\\s+)?tag\\b|^(?:mark|set|flag)\\s+.+\\s+(?:as\\s+)?(?:an?\\s+)?${LIFECYCLE}\\b|^(?:update|change|set)\\b.*\\b${CONTACT_FIELD}\\b|^new\\s+${FIELD_QUALIFIER}${CONTACT_FIELD}\\s+for\\b|^(?:the\\s+)?${FIELD_QUALIFIER}${CONTACT_FIELD}\\s+(?:for|of)\\b.*(?:\\bis\\b|:)|^(?:add(?:ed)?|new)\\s+(?:a\\s+)?(?:new\\s+)?contact\\b|'s\\s+(?:new\\s+)?${CONTACT_FIELD}\\b(?!.*\\b(?:paid|pays|bought|purchased|renewed|ordered)\\b).*(?:\\bis\\b|:|\\d|@)|\\bis\\s+(?:now\\s+)?(?:the|our)\\s+(?:new\\s+)?(?:main\\s+)?(?:contact|point\\s+of\\s+contact|poc)\\s+(?:at|for|with)\\b|'s\\s+(?:new\\s+)?(?:main\\s+)?(?:contact|point\\s+of\\s+contact|poc)\\s+is\\b`) },
  { intent: 'log_interaction', re: /^(?:log\s+(?:a\s+|an\s+)?(?:call|email|e-mail|meeting|message|note|text|sms|dm|chat|lunch|coffee|demo)\b|note\s+(?:for|on|re|about|to)\b|note\s*:|fyi\b|nb\s*:)/ },
  { intent: 'log_interaction', needs: 'name-or-pronoun', re: LOG_HEAD },
  // "Jared, Pied Piper's COO, called": a contact with their role, then what they did.
  { intent: 'log_interaction', needs: 'name', re: new RegExp(`^${NAME_CHAR}{1,40},\\s*[^,;:!?]{1,60}?['’]s?\\s+[^,;:!?]{1,30},\\s*(?:called|e-?mailed|texted|messaged|pinged|rang|phoned|wrote|replied|dm'?d|reached\\s+out|got\\s+in\\s+touch|left\\s+(?:a\\s+)?(?:voicemail|vm))\\b`) },
  { intent: 'log_interaction', needs: 'name', details: true, re: new RegExp(`^(?!(?:i|we|they|he|she|who|what|someone|somebody|nobody)\\b)(?:${SENDER_DETAIL}|${NAME_CHAR}){1,60}?,?\\s(?:called|e-?mailed|texted|messaged|pinged|rang|phoned|wrote\\s+(?:in|back|to\\s+(?:me|us))|replied|dm'?d|whats\\s?app(?:ed|'d)|reached\\s+out|got\\s+in\\s+touch|left\\s+(?:me\\s+|us\\s+)?(?:a\\s+)?(?:voicemail|vm|voice\\s+message)|(?:came|stopped|dropped|popped)\\s+(?:by|in|over|round))\\b`) },
  // "Acme call: ..." and "Greenway HOA board meeting last night, …" log an interaction; "Acme email:
  // ops@acme.com" gives an address (below).
  { intent: 'log_interaction', needs: 'name', re: /^[^,.;:!?]{1,60}?\s(?:call|meeting|mtg|email|lunch|coffee|demo|zoom|chat|catch-?up)\s*(?::(?!\s*(?:mailto:)?[\w.+-]+@)|\s[-–—]\s|\s+(?:last\s+night|today|yesterday|this\s+(?:morning|afternoon|evening)|earlier)\s*,)/ },
  { intent: 'update_customer', needs: 'name', re: new RegExp(`^(?!(?:my|our|your|his|her|their|the|this|that|i|we)\\b)[\\w&. -]+(?:'s?)?\\s${FIELD_QUALIFIER}${CONTACT_FIELD}\\s*(?::|is\\b)`) },
  // "Canyon Creative's Theo: theo@canyoncreative.co" gives a contact's details.
  { intent: 'update_customer', needs: 'name', re: /^[^,:;]{1,60}?['’]s\s+[\w.'’-]+(?:\s+[\w.'’-]+)?\s*:\s*(?:mailto:)?[\w.+-]+@|^[^,:;]{1,60}?['’]s\s+[\w.'’-]+(?:\s+[\w.'’-]+)?\s*:\s*(?:tel:)?\+?[\d(][\d\s().-]{6,}\d/ },
  { intent: 'open_ticket', re: /^[^,:;]{1,60}?\b(?:reports|reported|is\s+reporting|complains?|complained|is\s+complaining|says|said|flagged|noticed|(?:opened|raised|filed|logged)\s+an?\s+(?:support\s+)?(?:ticket|issue|bug))\b|^(?:new\s+|open\s+(?:a\s+)?|log\s+(?:a\s+)?|raise\s+(?:a\s+)?|file\s+(?:a\s+)?)?(?:support\s+)?(?:ticket|bug|issue|problem)\b/ },
  // Subject first: "Acme paid ...".
  { intent: 'record_purchase', re: /\b(?:paid|pd|pays|prepaid|renewed|renewd|renews|bought|purchased|upgraded)\b|\b(?:sent|wired|transferred|remitted)\b[^,.;]*?(?:[$€£¥₹]\s?\d|\d[\d.,]*\s?(?:k|m)\b|\d\s?(?:usd|eur|gbp|chf|dollars|euros|pounds)\b)|^(?:payment|invoice\s+paid|received|got)\b.*(?:\d|\bfrom\b)|^\S*\d\S*\s+(?:from|by)\s/ },
  // Reports and housekeeping, by keyword anywhere.
  { intent: 'undo', re: /^(?:oops,?\s+|scratch\s+that,?\s+)?(?:undo|revert|take\s+(?:that|it)\s+back|roll\s*back)\b|^scratch\s+that$|^(?:ctrl|cmd)\s*\+?\s*z$/ },
  { intent: 'export', re: /^(?:please\s+)?export\b|(?<!\b(?:list|show|display|which|all)\s+)\bexport\s+(?:(?:my|all|the|our)\s+)*(?:customers|clients|contacts|interactions|purchases|payments|deals|data|everything|list)\b|\bdownload\b.*\b(?:csv|customers|data|contacts)\b|\bcsv\s+export\b|\bas\s+(?:a\s+)?csv\b/ },
  { intent: 'list_customers', re: /\b(?:customers|clients|accounts)\s+(?:tagged|with\s+(?:the\s+)?tag)\b/ },
  // RFM segments by name ("who are my champions").
  { intent: 'segment_report', re: /\bsegment(?:s|ed|ation)?\b|\brfm\b|\b(?:champions|loyalists|hibernating|can'?t\s+lose\s+them)\b/ },
  { intent: 'clv_report', re: /\b(?:clv|ltv|lifetime\s+value|most\s+valuable|best\s+customers|worth\s+the\s+most|top\s+(?:\d+\s+)?(?:customers|clients|accounts)|by\s+revenue|biggest\s+customers|highest[- ]value|most\s+revenue|biggest\s+spenders|top\s+accounts|spends?\s+the\s+most|spent\s+the\s+most|most\s+(?:profitable|lucrative))\b/ },
  { intent: 'update_customer', re: /^(?!(?:who|which|what|any|anyone|anybody|how|is|are)\b).+\bis\s+(?:now\s+)?(?:an?\s+)?(?:active|churned|at[- ]risk|lead)(?:\s+(?:customer|client))?(?:\s+(?:now|again))?\s*(?:[.!]*$|[,;]\s+(?!(?:who|which|what|why|how)\b))/ },
  // "Kaufhaus Brandl KG churned, they moved to a competitor".
  { intent: 'update_customer', needs: 'name', re: /^(?!(?:who|which|what|any|anyone|anybody|how|did|has|have|i|we|they)\b)[^,;:?]{1,60}?\s+(?:has\s+|just\s+)?churned\s*(?:[.!]*$|[,;]\s)/ },
  // "Rs 45,000 received from Dr. Rao", "$300 from the Brennans for the repair".
  { intent: 'record_purchase', needs: 'name', re: /^(?:received\s+|got\s+)?(?:[$€£¥₹]|rs\.?\s*|inr\s*|usd\s*|eur\s*|gbp\s*|[a-z]{1,2}\$\s*)?\d[\d,.']*\s*(?:k|[a-z]{3}\b|€|£|euros?|dollars?|bucks|rupees)?\s+(?:received\s+|paid\s+|in\s+|(?:via\s+)?(?:venmo|paypal|zelle|revolut|wise|m-?pesa|cash|(?:bank\s+|e-?)?transfer|payment|deposit)\s+)?(?:from|by)\s+\S/ },
  // "Sunny Side Pediatrics - closed won!!", "Nagarjuna Agro deal, put in proposal stage".
  { intent: 'update_deal', needs: 'name', re: new RegExp(`\\bclosed[- ](?:won|lost)\\b|\\bdeal\\b[^?]*\\b(?:put|set|moved?)\\s+(?:it\\s+)?(?:in|into|to)\\s+(?:the\\s+)?${DEAL_STAGE}\\b`) },
  // Arrows: "Koala Freight → proposal", "Ngata Family Dental -> at risk".
  { intent: 'update_deal', needs: 'name', re: new RegExp(`^[^?]{1,80}?\\s*(?:->|→|=>)\\s*${DEAL_STAGE}\\b`) },
  { intent: 'update_deal', needs: 'name', re: new RegExp(`^[^?,]{1,60}?\\s+(?:moved|moves|went|is\\s+now|now)\\s+(?:in)?to\\s+(?:the\\s+)?${DEAL_STAGE}\\b`) },
  { intent: 'update_customer', needs: 'name', re: new RegExp(`^[^?]{1,80}?\\s*(?:->|→|=>)\\s*${LIFECYCLE}\\b`) },
  { intent: 'churn_report', re: /^(?!(?:how'?s|how\s+(?:is|are))\s.{1,60}?\s+doing\b)(?:.*?)\b(?:at[- ]risk|churn(?:ing)?\s+(?:risk|report)|risk\s+report|churn|churning|might\s+(?:churn|leave|cancel)|likely\s+to\s+(?:churn|leave|cancel)|(?:going|about)\s+to\s+(?:churn|leave|cancel)|cancel\s+on\s+(?:me|us)|worry\s+about|(?:haven'?t|hasn'?t|not)\s+(?:been\s+)?(?:contacted|talked\s+to|heard\s+from|ordered|bought|purchased)|stopped\s+(?:ordering|buying)|gone\s+quiet|going\s+cold|slipping(?:\s+away)?)\b/ },
  { intent: 'nps_report', re: /\bnps\b|\bnet\s+promoter\b|\bsurvey\s+(?:results?|scores?|responses?)\b|\bsurveys?\b.*\b(?:say|said|results?)\b|\b(?:say|said|think)\b.*\bsurveys?\b|\bpromoter\s+score\b|\b(?:promoters|detractors|passives)\b/ },
  { intent: 'pipeline_report', re: /\bpipe\s?line\b|^(?:open|all|my|active)\s+deals\b|\bdeals\s+by\s+stage\b|^deals\s*\??$|\bdeals?\s+(?:are\s+)?(?:open|in\s+progress|active)\b|^(?:show|list)\s+(?:me\s+)?(?:all\s+)?(?:the\s+|my\s+)?(?:open\s+)?deals\b|^(?:what'?s|what\s+is|what\s+are|which\s+deals\s+are|deals)\s+(?:in|at)\s+(?:the\s+)?(?:lead|qualified|proposal|negotiation)\b/ },
  { intent: 'list_followups', re: /\b(?:what'?s|whats|what\s+is|anything|is\s+anything)\s+(?:due|overdue|pending)\b|^anything\s+(?:for|on)\s+(?:today|tomorrow|tmrw|this\s+week|next\s+week|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|\bwhat\s+do\s+i\s+(?:(?:need|have)\s+to\s+do|have)\b|\bwhat\s+(?:have|'ve)\s+i\s+got\b|\bwhat'?ve\s+i\s+got\b|\bon\s+my\s+(?:plate|list|agenda|calendar)\b|\bwhat'?s\s+on\s+(?:for\s+)?(?:today|tomorrow|this\s+week|next\s+week)\b|\bto-?do\s+list\b|^(?:my\s+)?to-?dos(?:\s+(?:for\s+)?(?:today|tomorrow|this\s+week))?\s*\??$|\b(?:which|what|any)\s+(?:reminders|follow[- ]?ups|tasks)\b|\bdo\s+i\s+have\s+anything\s+(?:due|on)\b|\b(?:any|my|upcoming|pending)\s+(?:follow[- ]?ups|reminders|tasks)\b/ },
  { intent: 'help', re: /^(?:help|help\s+me|commands|menu|usage|\?+|show\s+help|what\s+can\s+(?:you|i|this\s+bot|the\s+bot|this\s+thing)\s+(?:do|ask|say|help)(?:\s+you)?|what\s+commands|list\s+(?:of\s+)?commands|how\s+do\s+i\b|how\s+(?:does\s+this|do\s+you|does\s+it)\s+work|how\s+to\s+use)\b/ },
  { intent: 'list_customers', re: /^(?:list|show|display|all|which|who\s+are)\b.*\b(?:customers|clients|leads|accounts)\b|^(?:list|show)\s+(?:my\s+|all\s+)?(?:leads|customer\s+list)\b|^customers\s+(?:tagged|with\s+tag|in\s+stage)\b|^my\s+customer\s+list\b|\b(?:customers|clients)\s+(?:tagged|in\s+stage|with\s+tag)\b|^(?:my\s+)?customers\s*\??$|^how\s+many\s+(?:customers|clients|accounts)\b|^(?:[a-z][\w-]*\s+){1,2}(?:customers|clients)\s*\?*$/ },
  { intent: 'customer_summary', needs: 'name', re: /^(?:how\s+is|how's|hows|how\s+are\s+things\s+(?:with|at)|what'?s\s+up\s+with|what'?s\s+(?:happening|new|going\s+on)\s+(?:with|at)|what'?s\s+the\s+(?:story|latest|deal)\s+with|tell\s+me\s+(?:about|more\s+about)|what\s+do\s+(?:we|i)\s+know\s+about|status\s+(?:of|for|on)|summary|summari[sz]e|overview\s+(?:of|for)|info\s+(?:on|about|for)|catch\s+me\s+up\s+on|where\s+are\s+we\s+with|history\s+(?:with|of|for)|any\s+news\s+(?:on|from|about)|show\s+me|profile\s+(?:of|for)|details\s+(?:on|for|of)|who\s+is|who's|(?:give\s+me\s+)?(?:the\s+|a\s+)?(?:quick\s+|short\s+|brief\s+)?(?:lowdown|rundown|update|low-down|run-down)\s+(?:on|for|about)|what\s+about|and)\s+\S|^(?:summary|overview|profile|status)\s*:\s*\S|^[^,?]{1,60},\s*where\s+are\s+we\b|^[\w&.'-]+(?:\s+[\w&.'-]+){0,3}\s+(?:status|overview|update|profile|info|history)\s*\??$|^(?:give\s+me\s+)?(?:a\s+|the\s+)?summary\s+(?:of|for|on)\b|^(?:(?:get|give|show)\s+me\s+)?[\w&.'-]+(?:\s+[\w&.'-]+){0,3}\s+summary\b|^(?:tell\s+me\s+)?how\s+(?!(?:are|is|do|does|did|was|were|much|many|long|often|come)\b)\S.{0,50}?\s+(?:is\s+)?doing\b|^anything\s+new\s+(?:from|with|on|at)\s+\S|^what'?s\s+the\s+(?:go|latest|news|deal|story|word)\s+(?:with|w\/|on|at)\s+\S|^whats\s+the\s+(?:go|latest|news)\s+(?:with|w\/|on|at)\s+\S|^status\s+(?!(?:of|for|on|report|update)\b)\S|^remind\s+me\s+who\s+.{1,60}\s+is\s*\??$|^how\s+are\s+(?!(?:you|we|things|u)\b)\S.{0,50}?\s+(?:doing|going)\b/ },
  { intent: 'open_ticket', needs: 'name', re: /\b(?:can'?t|cannot|unable\s+to|doesn'?t\s+work|don'?t\s+work|won'?t\s+(?:load|work|open|sync))\b|\b(?:broken|not\s+working|failing|crash(?:es|ing|ed)?|fails?|failed|errors?|bug|outage|down)\b|\b(?:having|has|have|had)\s+(?:trouble|issues|problems)\b|\b(?:trouble|issues?|problems?)\s+with\b/ },
  { intent: 'export', re: /\bcsv\s+(?:of|with|for)\b/ },
  { intent: 'create_followup', re: IMPERATIVE_TASK },
];

/** Rules that only make sense as the whole message ("done", "undo", "help"). */
const WHOLE: ReadonlyArray<readonly [RuleIntent, RegExp]> = [
  ['complete_followup', /^(?:done|all\s+done|finished|completed?|did\s+it)$/],
  ['undo', /^undo$/],
  ['help', /^help$/],
  ['list_followups', /^(?:my\s+|any\s+|open\s+)?(?:follow[- ]?ups?|reminders|to-?dos?)$/],
];

// Questions that open like a command ("remind me why ...", "remind me, what's the wifi password?").
const CHATTER = /^remind\s+me[\s,]+(?:what|who|how|why|where|when|which)\b/;
// Chit-chat no rule may take: "forget it", "done for today", family and friends paying ("my mom paid for dinner").
const SMALL_TALK = /^(?:forget\s+(?:it|that|this|about\s+it)|never\s*mind)\b|^done\s+for\s+(?:today|the\s+day|now|tonight|the\s+week)\b|^my\s+(?:mom|mum|dad|wife|husband|partner|friend|bro|brother|sister|kid|son|daughter|roommate|flatmate|neighbou?r|landlord|boss|[a-z]+\s+(?:guy|girl))\s+paid\b/;

/** True for a message that reads like a command but is chit-chat, so no classifier guess applies. */
export function isChatter(lower: string): boolean {
  return CHATTER.test(lower) || SMALL_TALK.test(lower);
}

/** The intent a rule assigns to the lower-cased, normalised message, or undefined when none applies. */
export function ruleIntent(lower: string, text = lower): RuleMatch | undefined {
  if (/^\s*\?+\s*$/.test(lower)) return { intent: 'help' };
  if (SMALL_TALK.test(lower)) return undefined;
  const bare = lower.replace(/[\s.!?,]+$/g, '').replace(/^(?:(?:hey|hi|ok|okay|so|please|pls|can\s+you|could\s+you|would\s+you|pls\s+can\s+you)[,!]?\s+)+/, '');
  for (const [intent, re] of WHOLE) if (re.test(bare)) return { intent };
  // "add Priyanka Shetty to Pellucid Labs": a person added to a customer is a new contact.
  const added = /^add\s+(.+?)\s+(?:to|at)\s+\S/.exec(text.trim());
  if (added && isPersonName(added[1] ?? '')) return { intent: 'update_customer' };
  let withDetails: string | undefined;
  for (const rule of RULES) {
    const subject = rule.details ? (withDetails ??= bare.replace(DETAIL_IN_TEXT, DETAIL)) : bare;
    if (rule.re.test(subject)) return { intent: rule.intent, needs: rule.needs };
  }
  // A name and a question mark alone ("Acme?") asks how that customer is doing.
  if (/^[\p{L}\d&.'-]+(?:\s+[\p{L}\d&.'-]+){0,3}\s*\?+$/u.test(text.trim())) return { intent: 'customer_summary', needs: 'name' };
  // "delete Jane Doe": deleting a person is erasing their data.
  const target = /^(?:delete|remove)\s+(?:contact\s+)?(.+)$/.exec(bare);
  if (target && isPersonName(target[1] ?? '')) return { intent: 'erase_contact' };
  return undefined;
}
