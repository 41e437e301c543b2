// Common given names (English-speaking countries plus frequent European, Latin American, South
// and East Asian, African and Middle Eastern ones). LABELING.md makes a lone person's name a
// `contact` and a lone company-looking name a `customer`; this list is how the parser tells them apart.
const NAMES = `
aaron abby abdul abdullah abe abigail abraham ada adam adaeze adele adrian adriana agnes ahmad ahmed aidan aiden
aisha akira alan alana albert alberto alejandra alejandro alessandra alessandro alex alexa alexander alexandra
alexis alfie alfred alfredo ali alice alicia alina alison allison alma amanda amara amber amelia amelie amélie amir
amit amy ana anastasia anders andre andrea andreas andrei andres andrew andy angela angelica angelina angie anita
ann anna anne annie anthony antoine anton antonio anya april arjun arnav arthur arturo asha ashley astrid aubrey
audrey aurora austin ava axel ayesha barbara barry beatrice beatriz becky bella ben benjamin bernard beth bethany
betty bianca bill billy bjorn blake bob bobby bonnie brad bradley brandon brenda brendan brian bridget brittany
brooke bruce bruno bryan caitlin caleb camila cameron camille carl carla carlos carmen carol caroline carolyn
carrie casey cassandra catherine cathy cecilia cedric celine chad charles charlie charlotte chelsea chen cheng
chiara chidi chinedu chloe chris christian christina christine christopher chuck cindy claire clara claudia
clement clint colin connor conor constance cora craig cristina crystal curtis cynthia dale damian dan dana
daniel daniela danielle danny dara darius darren dave david dawn dean debbie deborah deepak denise dennis derek
desmond devon diana diane diego dimitri dina dmitri dominic dominique don donald donna doris dorothy doug douglas
duncan dustin dwight dylan ebony ed eddie edgar edith eduardo edward edwin eileen elaine elena eleanor eli elias
elif elijah elisa elizabeth ella ellen ellie elliot elsa emeka emil emilia emily emma emre enrique eric erica erik
erin ernest esther ethan eugene eva evan eve evelyn ezra fabian faisal farah fatima fatma felix fernando filip
fiona florian frances francesca francesco francis francisco frank franz fred freddie frederick freya gabriel
gabriela gabrielle gareth gary gavin gemma george georgia gerald gerard gianni gilbert gina giovanni giulia
giuseppe gloria gordon grace graham grant greg gregory greta gus guy gwen hamza hana hank hannah hans harold
harper harriet harry harvey hassan hazel heather hector heidi helen helena hemi henrik henry herbert hiroshi
holly hugh hugo hyun ian ibrahim ida igor ilya imran ines ingrid irene iris isaac isabel isabella isabelle
ivan ivy jack jackie jackson jacob jacqueline jade jai jaime jake james jamie jan jana jane janet janice jared
jasmine jason javier jay jayden jean jeff jeffrey jen jenna jennifer jenny jeremy jerome jerry jesse jessica
jessie jill jim jimmy jin jo joan joanna joanne joao jodie joe joel joey johan johann john johnny jon jonas
jonathan jordan jorge jose josef joseph josh joshua joy joyce juan judith judy julia julian juliana julie
julien juliet julio june justin kai kamal karen karim karin karl kate katherine kathleen kathy katie katrina
kavya kay keith kelly ken kenji kenneth kevin khalid kim kimberly kira kirsten klaus kofi kumar kwame kyle
lakshmi lana lara larry lars laura lauren laurent layla leah lee leila lena leo leon leonard leonardo leslie
levi lewis liam lily lina linda lindsay lisa liz lizzie logan lois lola lorenzo lori louis louise luca lucas
lucia lucy luis luisa luka lukas luke lydia lynn mabel madison maggie maja malcolm mal manuel mara marc marcel
marco marcus margaret maria mariana marie marina mario marion marisa mark marta martha martin mary mason mateo
matilda matt matteo matthew maureen max maxine maya megan mehmet mei melanie melissa mere meredith mia michael
michaela michel michelle miguel mike mila miles min mina miriam mitchell mohammed mohammad molly monica morgan
muhammad nadia naomi natalia natalie natasha nate nathan neil nia nicholas nick nicola nicolas nicole nikhil
niko nikolai nina noah noel noor nora norma oliver olivia olga omar oscar owen pablo paige pam pamela paola
patricia patrick paul paula pauline pedro peggy penny pepper peter petra phil philip philippe phoebe pierre
pooja priya rachel rafael rahul raj rajesh ralph ramon randy raphael raquel ravi ray raymond rebecca reggie
renata rhys ricardo richard rick ricky rita rob robert roberta roberto robin rocio rodrigo roger roman ron
ronald rosa rose ross roy ruby rudy russell ruth ryan sabrina sadie salma sam samantha samir samuel sandra
sanjay santiago sara sarah sasha saul scott sean sebastian selena serena sergei sergio seth shane shannon
sharon shawn sheila shirley shreya siddharth simon simone sofia sophia sophie soren stacy stan stanley stefan
stella stephanie stephen steve steven stuart sue sunil susan suzanne sven sylvia takeshi tamara tanya tara
tariq ted teresa terry tess thea theo theodore thomas tiffany tim timothy tina toby todd tom tomas tommy toni
tony tracy travis trevor troy tyler uma valentina valerie vanessa venkat vera veronica vicky victor victoria
vijay vikram vince vincent violet vivian vladimir walter wanda wayne wei wendy will william willow xavier
xin yan yara yasmin yolanda yuki yusuf yuri zach zachary zainab zara zoe zoey zofia
ngozi chioma chiamaka ifeanyi obinna tunde babatunde bola funmi folake kemi yemi segun dayo femi tolu
oluwaseun seun uche nnamdi amaka ada kelechi musa aminu hauwa fatimah abubakar kwabena kojo ama abena
akua yaw esi thabo sipho lerato zanele themba naledi wanjiru wambui kamau otieno achieng njeri baraka
abdi amina hodan farah tesfaye abebe selam dawit meron yonas aarav vivaan aditya ananya diya ishaan
rohan arjun karan neha pooja sneha rakesh suresh ramesh mahesh ganesh lakshman anil sunita geeta rekha
deepika priyanka shruti swati manoj vinod ashok harish nitin sachin gaurav varun kunal pranav rishi
tanvi isha riya aisha sana ayaan zoya hiro haruto sota yuto ren kaito sakura yui aoi hina mei rin
takumi kenta daiki shota naoki yuka ayumi mariko keiko akiko wei jun li ming hao yang lei jie xiao
ling hui fang jing ying yu zhang liu chen min-jun seo-yeon ji-woo ha-eun do-yun jae hyun soo jin
mohamed mahmoud mustafa karima nour layla rania samira yousef omar tariq hamid rashid ziad rami
bilal hassan hussein khaled walid fadi nabil jamal salim kareem leyla emine zeynep ayse mehmet
burak cem deniz elif can arda ozan selin thiago joao gabriel lucas matheus rafaela beatriz larissa
camila valeria ximena sofia mateo santiago sebastian emiliano diego alejandro jimena renata fernanda
guadalupe lupe rosa jesus josé maría josefina inés ignacio agustin lautaro martina catalina
lawrence debra cheryl kathryn marilyn theresa kayla penelope madelyn rory ronnie frankie rosie imogen evie
elsie millie esme rosalind yolanda hamish isla niamh siobhan eoin aoife saoirse oisin seamus callum ewan
lachlan iain kirsty marisol tobias
nils magnus linnea oskar elin ebba finn jakob niklas lea katharina moritz monika sabine ursula helga heike
jurgen dieter wolfgang uwe horst markus matthias christoph philipp johannes benedikt luc mathieu maxime
thibault manon margaux elodie giorgia alessia davide riccardo paolo pietro joao tiago rui pilar dolores raul
rocio nuria jordi oriol alvaro ivan hector irina svetlana tatiana ekaterina yulia oksana alexei pavel
boris katarzyna agnieszka malgorzata piotr krzysztof tomasz pawel marek michal jakub ewa tereza lucie petr
jiri lukas ondrej ionut andreea ioana mihai vlad bogdan cristian gheorghe kostas nikos giorgos eleni
dimitris yiannis nandi akosua chinonso ifeoma juma zawadi neema mandla tendai farai tatenda chipo kudzai
nyasha tariro mariam fatou aminata moussa ibrahima mamadou ousmane khadija youssef amine mehdi imane meriem
chukwuemeka chukwudi chiamaka tobi mitch mick mickey wyatt bruna anjali kiran meera vivek divya karthik sai
haruka minho jisoo minh thanh linh huong anh duc siti putri budi agus dewi reza dariusz magdalena olena
sigrid mikkel soren aino juha matti timo ciaran declan padraig dafydd cerys fergus ailsa mairi
nisha arun manish suman pradeep ritu sonia ajay ankit padma shilpa smita rohit
akash amitabh anika anupam aruna bhavna chetan deepa devika dinesh gopal harpreet hema indira jaya jyoti kabir
kajal kavita krishna lata madhu meena mohan nandini naveen pallavi prakash preeti rani sanjana santosh sarita
shalini shanti shweta usha yash meenal venkatesh anirudh harsha srinivas lalitha gurpreet manpreet jaspreet
simran navdeep abiodun adebayo adeola adjoa afia ayodele babajide bongani buhle chika chinwe ebuka efua ikenna
kwaku lindiwe nkechi nomvula olumide thandiwe thandi zodwa akinyi kwesi yaa ekow aroha hine kahu keoni kalani
leilani mele moana ngaio nikau sione wiremu manaia anahera kirra jarrah kiri consuelo eduarda esperanza
fabiola graciela luana maricel mateus milagros nayeli rogerio rogério xochitl yesenia caio isabela leticia
letícia thais thaís vinicius vinícius leandro aiko daichi jiwoo jiho kaori ngoc thao trang seoyeon yuna
xiaoling sora riku kazuki yusuke minjun seojun jiwon eunji soyeon quang tuan amira aylin farnaz fatemeh nasrin
shirin arash dariush kaveh parisa laleh navid babak dagny dragan dragana goran jelena kasia milena mirela
ragnhild vesna zdenka zoran åsa bjørn hallvard solveig torbjorn torbjørn kjell ragnar sindre eirik liv siri
dusan dušan milos miloš ivana lukasz łukasz wojciech caoimhe ciara cian fionnuala orla roisin róisín sinead
sinéad
`;

/** A lower-cased word without its accents ("Lucía" → "lucia"), so names match however they are typed. */
export function foldName(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** Given names, lower-cased and without accents (see foldName). */
export const FIRST_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean).map(foldName));

// Frequent family names of many countries, and the endings family names share. A capitalised pair whose
// given name is not in the list above still reads as a person when its last word is one ("Harpreet
// Kaur", "Zdenka Horáková", "Fionnuala O'Brien"); English words are left out ("Riverside Hall").
const SURNAMES = `
kim lee park choi jung kang cho yoon jang lim han shin oh seo kwon hwang ahn song nguyen tran le pham hoang phan
vu vo dang bui ngo duong wang zhang liu chen yang huang zhao wu zhou xu zhu hu guo lin luo gao zheng liang xie
tang feng cao deng xiao cheng yuan singh kaur kumar sharma patel gupta shah khan ali ahmed hassan hussain
ibrahim mohamed mohammed rahman chowdhury das iyer nair reddy rao joshi mehta desai verma mishra agarwal
sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi
matsumoto inoue kimura hayashi shimizu mori abe ikeda hashimoto ishikawa ogawa okada goto fujita
silva santos oliveira souza pereira costa rodrigues ferreira almeida lima gomes ribeiro carvalho martins
rocha alves araujo barbosa cardoso teixeira garcia martinez lopez gonzalez hernandez perez sanchez ramirez
torres flores rivera reyes morales ortiz gutierrez jimenez ruiz diaz alvarez moreno romero navarro dominguez
vazquez castillo mendoza aguilar vargas castro ramos medina herrera
muller mueller schmidt schneider fischer weber meyer wagner becker schulz hoffmann koch richter klein
schroder neumann schwarz zimmermann kruger hofmann hartmann schmitt werner krause meier lehmann
rossi russo ferrari esposito bianchi romano colombo ricci greco gallo conti giordano mancini rizzo lombardi
moretti dubois durand leroy moreau lefebvre petit girard bonnet lambert fontaine rousseau
nowak kowalski wisniewski wojcik kowalczyk kaminski lewandowski zielinski szymanski novak horvat kovac
ivanov petrov smirnov popov sokolov kuznetsov volkov
okafor okoye nwosu adeyemi okonkwo eze obi mensah boateng owusu asante osei acheampong diallo ndiaye
traore keita kamau otieno mwangi njoroge banda phiri
yilmaz kaya demir sahin celik yildiz aydin ozturk arslan dogan
cohen levi mizrahi friedman katz
murphy kelly byrne ryan walsh obrien oconnor oneill mcdonald mccarthy doyle
johansson andersson karlsson nilsson eriksson larsson olsen hansen jensen nielsen pedersen andersen
christensen larsen halvorsen solberg haugen berg holm lindqvist lindberg virtanen korhonen nieminen
`;
const SURNAME_SET: ReadonlySet<string> = new Set(SURNAMES.split(/\s+/).filter(Boolean).map(foldName));
const SURNAME_SHAPE = /^(?:o['’]|mc|mac)\p{L}{2,}$|(?:sson|sen|ová|ova|ski|ska|sky|vić|vic|ić|enko|escu|ian|yan|oglu|oğlu|poulos|akis|dóttir|dottir|wski|wska)$/u;

/** Whether a word is a family name: a frequent one, or shaped like one ("O'Brien", "Horáková"). */
export function isSurname(word: string): boolean {
  const folded = foldName(word).replace(/['’]/g, '');
  return SURNAME_SET.has(folded) || SURNAME_SHAPE.test(word.toLowerCase());
}
