// Word lists the name reader stops at. A name is read word by word; these words cannot be part of
// one, so "met bob from globex for lunch" yields Bob and Globex and stops at "for".
const STOP = `
a an the this that these those it its it's they them their theirs he him his she her hers we us our ours you
you're we're they're i'll you'll we'll they'll he'll she'll he's she's that's there's let's
your yours i i'm i've i'd me my mine who whom whose what which when where why how all any some no not none
each every both either neither other another such own same so than too very just also only even still yet
again already now then here there about above across after against along among around as at before behind
below beneath beside between beyond but by despite down during except for from in inside into like near of
off on onto out outside over past per since through throughout till to toward towards under until up upon via
with within without re regarding abt tel mailto whats mit and or nor if because while though although unless whether
is am are was were be been being have has had having do does did done doing will would shall should can could
may might must ought get gets got getting go goes went going gone make makes made say says said saying tell
told ask asked want wants wanted need needs needed like likes liked love loves loved hate think thinks thought
know knows knew see saw seen look looks looked seem seems seemed feel feels felt let lets keep keeps kept
give gives gave take takes took come comes came put send sends sent sending reply replied report reports
reported reporting complain complains complained paid pays pay paying renewed renews renew bought buys buy
purchased purchase upgraded upgrade signed sign agreed agree confirmed confirm wrote write writes called call
calls calling phoned phone rang ring emailed email emails messaged message texted text pinged ping met meet
meeting meetings chatted chat spoke speak talked talk visited visit demoed demo demos lunch dinner breakfast
coffee drinks zoom video zoomed dm dm'd dmed whatsapp whatsapped slack slacked skype skyped teams
today tonight tomorrow yesterday morning afternoon evening night noon midnight eod eow week weeks month months
year years day days hour hours minute minutes next last previous coming later earlier soon asap
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri
january february march april june july august september october november december jan feb mar apr jun jul aug
sep sept oct nov dec
deal deals ticket tickets issue issues bug bugs problem reminder reminders follow followup follow-up followups
follow-ups task tasks todo proposal proposals invoice invoices contract contracts quote quotes order orders
team folks people guys ops account accounts survey surveys nps customer customers client clients lead leads stage
tag tags number phone email mail address info information data details notes note summary status update
updates news history profile overview pipeline export help undo done finished complete completed
plan plans seat seats license licenses licence licences user users price pricing discount renewal
yes yeah yep no nope ok okay thanks thank please pls hi hello hey lol lmao omg wtf hmm k thx ty bye
something anything everything nothing someone anyone everyone nobody somebody anybody stuff thing things
way time lot lots bit yourself myself himself herself itself ourselves themselves yourselves
one two three four five six seven eight nine ten
went going happy unhappy worried keen interested ready new old big small good great bad w
check review chase prepare renew book schedule plan draft finish sign submit share discuss
confirm cancel follow-up invite merge link close resolve fix fixed open create add remove delete forget
erase mark snooze postpone push move set change tell show list give thank pay
api csv pdf sso saml nps crm ui ux sdk po pos sow nda qbr sla seo ios android oauth sql url ssl dns vpn
sms gdpr soc2 kpi roi q1 q2 q3 q4 cfo ceo cto coo vp hr pr faq eod eta fyi asap tbd
vat gst tds hst aws gcp dpa msa rfp rfq kyc aml irs 2fa mfa otp saas b2b
`;

/** Lower-cased words that never belong to a customer's or contact's name. */
export const STOP_WORDS: ReadonlySet<string> = new Set(STOP.split(/\s+/).filter(Boolean));

/** Lower-cased words that mark a company name ("Umbrella Corp", "Acme Labs"); kept as written. */
export const COMPANY_SUFFIXES: ReadonlySet<string> = new Set(`
inc inc. incorporated corp corp. corporation co co. company ltd ltd. limited llc llp plc gmbh ag kg aps sa sas sarl spa srl ltda
bv nv pty oy ab kk labs lab industries systems technologies technology tech group holdings partners enterprises
solutions software studios studio ventures trading analytics media consulting agency bank foods logistics capital
international global networks dynamics robotics health motors ai fze fzco fzc mmc şti sti
`.split(/\s+/).filter(Boolean));

/**
 * Lower-cased trade nouns that end a business's name ("Ganesh Traders", "Mia Chen Photography", "Apple
 * Tree Dental"), kept without accents. Unlike suffixes they are ordinary words, so they only mark a name
 * already read as one.
 */
export const TRADE_NOUNS: ReadonlySet<string> = new Set(`
design designs designers florals flowers photography photo dental dentistry clinic clinics coffee cafe café bakery
kitchen kitchens traders architects architecture legal yoga fitness gym shop shops store stores school
academy print printing salon hotel hotels restaurant bistro brewery builders construction plumbing
electrical auto garage farm farms florist pharmacy publishing films productions events travel tours
realty properties homes insurance accounting associates sons textiles interiors landscaping catering
bar house haus inn lodge resort deli grill pizzeria diner roasters roastery creamery dairy winery wines vineyard
distillery brewing ceramics pottery gallery boutique market workshop works glassworks foundry joinery carpentry
tailors barbers barbershop nails beauty spa physio therapy vets veterinary pets bikes cycles outfitters supplies
hardware nursery gardens rugs jewellery jewelry optics apparel fashion cleaning laundry marketing creative digital
exports imports castings supply marine outdoor outdoors packaging engineering contractors fabrics metals plastics
constructions trust fellowship church academy montessori electronics point corner hub collective express
tailoring tailor parlour parlor fencing tiling tiles roofing painting painters decorators bicycles brothers sisters
home scaffolding cabinetry joinery upholstery framing glazing flooring kilim carpets fabrics konfeksiyon tekstil
tuhafiye libreria papeleria ferreteria drogueria
piekarnia kancelaria optyk apteka warsztat sklep biuro pracownia kwiaciarnia cukiernia syn synowie hijos filhos figli
fils söhne weddings attorneys lawyers solicitors accountants pharma plaza pavilion condos residences
fotografia fotografie photographie abogados advogados contabilidade contabilidad asesores asesoria consultores
panaderia panadería bäckerei bakkerij boulangerie patisserie pâtisserie restaurante ristorante trattoria osteria
taqueria cafeteria cafetería floristeria floristería tienda atelier werkstatt kanzlei apotheke immobilien
inmobiliaria imobiliaria imobiliária bodega bodegas vinos clinica clínica klinik farmacia ferreteria ferretería
logistik logistica logística logistyka transportes transporte interiorismo
`.split(/\s+/).filter(Boolean).map((w) => w.normalize('NFD').replace(/\p{M}/gu, '')));
