import { GENERATED_FAMILY_NAMES, GENERATED_GIVEN_NAMES } from './generated-names.ts';

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
tasha margot abbie adrienne alyssa allie annette archie becca brianna britney calvin carly cassie corey
courtney eliza elise geoff geoffrey gillian glenn hailey hayley johanna jonah kaitlyn karina kieran kristen
kylie leanne lindsey madeline maeve mandy marianne miranda monique nadine nigel nikki rhiannon ronan shaun
stacey tracey yvonne isaiah kenny maurice nathaniel reuben rupert tristan wesley ariana aaliyah imani keisha
latoya malik jermaine jude jules kat libby robbie steph suzy wes zac izzy jonny mikey aisling cathal colm
cormac darragh donal eimear grainne mairead niall sorcha tadhg cillian alasdair alistair catriona euan bethan
carys ffion huw owain rhian sian anais aurelie baptiste benoit brigitte cecile chantal clemence delphine
didier emilie etienne fabien fabrice francoise frederic gilles guillaume helene jean-luc jean-pierre juliette
loic mathilde matthieu nathalie olivier romain sandrine sebastien stephane sylvain sylvie thierry veronique
yann yves arnaud francois franck anke annika anja bernd birgit elke gerhard helmut hendrik holger jens joachim
jorg karsten katja kerstin maximilian rainer ralf silke stefanie steffen susanne thorsten ulrich volker jannik
dominik sascha franziska veronika ingo anouk bram daan ruud sanne femke jeroen joost koen lieke maarten
marieke martijn merel niels pieter stijn thijs wouter kees henk geert joris luuk marloes saskia gijs remco
anette birgitta camilla frida gustav hakan hanne hilde ivar jorgen kasper lasse leif malin mikael morten
pernilla pia rasmus signe stig torben tove trond ulf marit mikko pekka antti jukka elina leena tiina alessio
angelo antonella carlo claudio daniele domenico edoardo emanuele enrico enzo fabio fabrizio federica federico
filippo gabriele gianluca giacomo giorgio giovanna luigi manuela marcello massimo maurizio michele patrizia
salvatore silvia simona stefania stefano tommaso vincenzo agustina alfonso amparo begona blanca esteban felipe
gonzalo guillermo iker joaquin lorena marcos maite montse nerea noelia paloma susana vicente aitor borja
ismael josep xavi sergi laia mikel emilio ruben matias afonso alexandre andreia catarina diogo duarte fabiana
filipa goncalo guilherme gustavo henrique joana joaquim luiza marcelo marcio margarida nuno paulo priscila
vitor davi heloisa cristiane citlali dulce itzel jaqueline lizbeth lupita marcela octavio patricio ernesto
humberto maribel mayra osvaldo paulina rodolfo rogelio ulises javiera facundo bautista mariela yuliana dayana
jairo agata aleksandra alicja andrzej bartosz beata dawid dominika dorota ewelina grzegorz iwona jacek janusz
jerzy justyna kacper kamil karolina maciej marcin mariusz mateusz oliwia rafal sylwia szymon weronika eliska
karel klara lenka miroslav matej aleksandar bojan bojana darko dejan gordana jasmina katarina marija milica
mirjana nebojsa nemanja predrag sanja slobodan tanja damir davor hrvoje josip tomislav adnan haris lejla tarik
andrej dimitar georgi nikolay alexandru mihaela radu razvan roxana sorin ilir aleksandr aleksei artem daria
dmitry evgeny galina kirill ksenia maksim mikhail natalya nikita oleg polina ruslan sergey viktor viktoria
vitaly yelena katya kristina andriy bohdan dmytro iryna oleksandr taras alexandros angeliki antonis christos
despina dimitra dimitrios georgios giannis ioanna katerina konstantinos marios nikolaos panagiotis petros
spyros stavros vasiliki vasilis eirini ahmet baris bulent derya ebru esra fatih gizem gokhan hasan huseyin
irem kaan kemal merve mert murat onur ozge ozlem pinar selim serkan tolga yasemin zehra abdulaziz abdulrahman
adel amal amin anas asma ayman aziz dalia habib hadi hanan hani heba hisham khalil maha majid marwa marwan
maryam mazen mona nasser noura osama rasha reem saad samar tarek wael waleed yahya yasmine rachid hicham ayoub
afshin arman azadeh bahar behnam bijan ehsan farhad hamed hossein kamran kian mahsa masoud mehran mohsen negar
nima ramin roya saeed sahar zahra anat asaf avital eitan elad eyal hadas idan ilan keren lior liat meir moshe
nadav noa noam oren shira tamar tomer yael yoav yonatan yosef abhishek aditi akshay alok amrita anand ankita
anuj anushka archana arvind ashish ashwin dhruv gautam gayatri girish hemant ishita kapil manisha mohit mukesh
nilesh poonam prashant praveen rajeev rajiv rashmi sahil sakshi sandeep sangeeta sanjeev satish saurabh seema
shivani sumit supriya tarun vaibhav vikas vinay vishal yogesh balaji kannan kavitha murugan ramya saravanan
senthil vignesh anusha chaitanya lavanya naresh pavan srikanth swathi aniket ashwini gauri aishwarya abhijit
arnab partha sourav amandeep gurmeet jasbir kuldeep mandeep navjot rajinder ranjit bhavesh chirag hardik hetal
jignesh mehul nirav sejal manjunath anoop reshma aamir adeel ahsan asad asif farhan fawad irfan javed junaid
kashif nadeem naveed rizwan saima salman shahid shahzad shazia sidra umair usman waqas zeeshan anwar arif
ashraf kamrul mahbub masud nazmul rafiq sharmin tanvir nusrat farhana chaminda dilshan nuwan ruwan thilini
kasun tharindu lahiru bibek bikash binod bishal laxmi prabin sudip pasang tenzing hua jian jiayi ning qiang
qing xiaoming xiaoyan yifan yong zhiwei haoran yuxuan xinyi lijuan xiaohong jianhua haiyan tingting mei-ling
akane ayaka ayako daisuke erika haruki hideki hikari hiroko hiromi hiroyuki kyoko makoto masahiro megumi
michiko naoko noriko ryota satoshi sayaka takashi takuya tomoko yoko yumi ji-ho ji-hoon ji-min ji-yeon ji-eun
ji-young min-ji min-seo min-ho seo-jun seo-hyun hyun-woo eun-ji so-yeon su-jin jae-hyun jun-ho dong-hyun
ye-jin jimin binh cuong duy hieu huy khanh khoa phong phuong quan thuy tien trung xuan arthit chanida chatchai
malee nattapong somchai somsak supaporn wanida siriporn andi aisyah anisa ayu bambang citra dian dimas eko
fajar fitri hendra indah joko putra rizky wahyu nurul khairul jonalyn marites marivic mylene rodel rolando
rommel rowena arnel reynaldo danilo jayson abimbola adekunle ademola adewale ayomide bukola damilola funke
funmilayo gbenga jumoke kehinde kunle olamide olufemi olusegun rotimi temitope toyin yetunde yinka adaobi
chidinma chinyere chukwuma ijeoma ikechukwu nneka uchenna aliyu hadiza halima idris sani bashir yakubu adwoa
afua akwasi kwadwo kwasi kobina kweku selasi atieno chebet kibet kimani njoki wairimu wangari wanjiku ayanda
bheki busisiwe lungile mbali nomsa sandile sibusiso sifiso siyabonga sizwe thulani nhlanhla thandeka andile
xolani jaco liezl riaan ruan charl wynand almaz amanuel bereket biniam getachew haile hiwot kidist meseret
tigist yared yohannes rahel tsion awhina marama rawiri tamati tipene ngaire malia ioane tavita siaosi viliami
rangi aroha hemi wiremu manaia anahera moana georgie bisi dami bayo sade wale titi
salote tevita kainoa noelani
alexandrine aliyah amie aurelia bailee barney benny bertha beryl clarence clementine colleen dahlia daphne derrick
dexter dolly dora earl emmet fanny felicity franklin fritz garth jasper jess kelvin kris lance liana lilly lulu marge
marguerite mavis maxwell merle milo morris myrtle nancy nelson opal otto patsy patty pearl perry pierce poppy rhea
rickey rosemary sally sherry sibyl sienna smriti spencer tammy trey viola willy zack
`;

/** A lower-cased word without its accents ("Lucía" → "lucia"), so names match however they are typed. */
export function foldName(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean).map(foldName);

/** The hand-written given names above, folded (see foldName). */
export const FIRST_NAMES_CURATED: ReadonlySet<string> = new Set(words(NAMES));

/** Given names, folded: the list above and those of faker's locales (scripts/build-name-lists.ts). */
export const FIRST_NAMES: ReadonlySet<string> = new Set([...FIRST_NAMES_CURATED, ...words(GENERATED_GIVEN_NAMES)]);

// Frequent family names of many countries (with faker's, generated-names.ts), and the endings family names
// share. A capitalised pair whose given name is unknown still reads as a person when its last word is one
// ("Harpreet Kaur", "Zdenka Horáková", "Fionnuala O'Brien"); English words are left out ("Riverside Hall").
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
const SURNAME_SET: ReadonlySet<string> = new Set([...words(SURNAMES), ...words(GENERATED_FAMILY_NAMES)]);
const SURNAME_SHAPE = /^(?:o['’]|mc|mac)\p{L}{2,}$|(?:sson|sen|ová|ova|ski|ska|sky|vić|vic|ić|enko|escu|ian|yan|oglu|oğlu|poulos|akis|dóttir|dottir|wski|wska)$/u;

/** Whether a word is a family name: a frequent one, or shaped like one ("O'Brien", "Horáková"). */
export function isSurname(word: string): boolean {
  const folded = foldName(word).replace(/['’]/g, '');
  return SURNAME_SET.has(folded) || SURNAME_SHAPE.test(word.toLowerCase());
}
