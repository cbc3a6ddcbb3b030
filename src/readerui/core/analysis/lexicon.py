"""Hand-written word lists the analysis engine leans on.

These are small on purpose: a general-purpose gazetteer or NER model would be bigger than the
whole app and still need the contextual rules in :mod:`names`. Each list holds words whose
*role* in a sentence is fixed (a title, a weekday, an organisation suffix), never names of
particular people.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """Split a whitespace-separated block into a frozen set of lowercase words."""
    return frozenset(w.lower() for w in text.split())


_words = words


HONORIFICS = _words(
    """mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady prof prof. madam madame monsieur
    mme mme. mlle herr frau rev rev. reverend fr fr. mx mx."""
)
"""Courtesy titles: a capitalised word after one of these is a person."""

MALE_HONORIFICS = _words("mr mr. sir lord monsieur herr king prince father brother")
"""Titles that tell a man: the strongest gender cue for "he said"."""
FEMALE_HONORIFICS = _words(
    "mrs mrs. ms ms. miss dame lady madam madame mme mme. mlle frau queen princess sister"
)
"""Titles that tell a woman."""

TITLES = _words(
    """president prime minister chancellor senator sen sen. rep rep. representative
    congressman congresswoman congressmember gov gov. governor mayor premier judge justice
    secretary general gen gen. col col. colonel capt capt. captain lt lt. lieutenant sgt sgt.
    sergeant cpl cpl. corporal major maj maj. admiral adm adm. commander cmdr marshal officer
    constable const const. det det. detective inspector insp insp. superintendent supt supt.
    coach ceo cfo coo cto chairman chairwoman chair chairperson director pope king queen prince
    princess duke duchess earl countess baron baroness emperor empress sheikh sultan emir
    bishop archbishop cardinal rabbi imam pastor father sister ambassador commissioner
    councillor councilor coun coun. councilman councilwoman alderman mp mpp mla mna mep leader
    spokesman spokeswoman spokesperson professor dean provost attorney speaker treasurer
    comptroller auditor ombudsman registrar sheriff magistrate candidate nominee founder
    co-founder publisher editor manager trustee minister-designate president-elect
    vice-president chief count"""
)
"""Core title words: the name starts after the last of these ("Prime Minister Justin
Trudeau", "Nova Scotia Premier Stephen McNeil")."""

TITLE_MODIFIERS = _words(
    """vice deputy acting former interim then then- late associate assistant senior junior
    defence defense foreign finance health interior home trade environment education labour
    labor justice transport transportation energy agriculture immigration public safety
    economic economy culture heritage housing industry innovation natural resources veterans
    affairs indigenous international development infrastructure treasury state war navy army
    opposition house senate crown grand supreme high federal provincial national general
    attorney solicitor chief executive operating financial technology"""
)
"""Words that make up a capitalised title before a name ("Foreign Minister", "Gen.")."""

ROLE_NOUNS = _words(
    """president minister chancellor senator governor mayor premier judge justice chief
    secretary general colonel captain lieutenant sergeant officer constable detective inspector
    coach ceo chairman chairwoman chair director pope king queen prince princess bishop
    archbishop rabbi imam pastor ambassador commissioner councillor councilor mp mpp mla leader
    spokesman spokeswoman spokesperson professor dean principal attorney lawyer speaker
    treasurer sheriff candidate founder co-founder owner publisher editor manager analyst
    economist scientist researcher expert strategist historian author writer columnist
    reporter correspondent journalist photographer producer host anchor adviser advisor
    consultant official executive president-elect vice-president spokes chairperson head
    organizer organiser activist advocate lobbyist counsel prosecutor investigator
    superintendent trustee physician doctor surgeon nurse psychologist psychiatrist
    epidemiologist economist teacher student resident member partner vice-chair
    player forward defenceman defenseman goaltender goalie striker midfielder defender
    pitcher quarterback captain manager striker engineer architect farmer villager fisherman
    harbourmaster harbormaster goalkeeper envoy diplomat negotiator worker labourer nurse
    firefighter paramedic pilot driver mechanic chef owner shopkeeper landlord tenant
    broker banker trader investor entrepreneur singer actor actress musician artist poet
    novelist filmmaker director playwright comedian athlete runner swimmer skater cyclist
    boxer golfer referee umpire priest minister vicar monk nun spokesperson lawmaker
    legislator congressman senator mp delegate campaigner protester volunteer survivor
    witness victim mother father son daughter wife husband brother sister grandmother
    grandfather neighbour neighbor friend republican democrat liberal conservative tory
    proprietor resident veteran rookie defenceman star champion titleholder winger
    linebacker receiver coordinator administrator commander soldier tycoon billionaire
    magnate rapper dancer designer councilman councilwoman alderman assemblyman
    assemblywoman congresswoman teammate assistant deputy clerk auditor trooper warden
    chaplain lecturer"""
)
"""Lower-case nouns that introduce a name as a role ("Kremlin spokesman Dmitry Peskov")."""

DAYS_MONTHS = _words(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
    fri sat sun january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow tonight"""
)
"""Calendar words: capitalised but never people."""

NATIONALITIES = _words(
    """american british english scottish welsh irish french german italian spanish portuguese
    dutch belgian swiss austrian swedish norwegian danish finnish icelandic polish czech slovak
    hungarian romanian bulgarian greek turkish russian ukrainian belarusian lithuanian latvian
    estonian serbian croatian bosnian slovenian albanian georgian armenian azerbaijani
    israeli palestinian lebanese syrian iraqi iranian saudi emirati qatari kuwaiti yemeni
    omani jordanian egyptian libyan tunisian algerian moroccan sudanese ethiopian somali
    kenyan ugandan tanzanian rwandan nigerian ghanaian senegalese malian congolese angolan
    zimbabwean zambian south african chinese japanese korean taiwanese vietnamese thai
    cambodian laotian burmese malaysian singaporean indonesian filipino australian
    zealander indian pakistani afghan bangladeshi nepali sri lankan mexican canadian
    brazilian argentine argentinian chilean peruvian colombian venezuelan cuban haitian
    jamaican dominican puerto rican european asian african arab western eastern northern
    southern soviet north-korean quebec québécois albertan ontarian kurdish uzbek kazakh
    tajik mongolian tibetan sikh muslim christian jewish catholic protestant hindu buddhist
    democratic republican liberal conservative tory labour ndp green socialist communist"""
)
"""Demonyms and party adjectives: modifiers of a title ("French President"), never names."""

GIVEN_NAME_DEMONYMS = _words("christian norman")
"""Demonyms that are also common given names ("Christian Bale")."""

ORG_WORDS = _words(
    """party inc inc. corp corp. corporation co co. ltd ltd. llc plc group company companies
    bank banks university college school schools academy institute institution foundation
    association council committee commission board agency authority department ministry
    office bureau service services police force forces army navy fleet court courts tribunal
    parliament congress senate assembly legislature government cabinet administration
    union league federation society club team fc united city town county province state
    states republic kingdom empire district region island islands river lake lakes mountain
    mountains valley bay beach park parks street st. avenue ave road rd boulevard blvd highway
    hwy bridge station airport port harbour harbor square centre center complex arena stadium
    hall tower towers building library museum gallery theatre theater hospital clinic church
    cathedral mosque temple news times post journal herald tribune gazette daily weekly press
    media network networks radio television tv channel magazine review reuters associated
    airlines airways motors systems technologies technology labs industries holdings partners
    capital fund trust brands foods energy oil gas mining pharmaceuticals health care
    project program programme plan act law code treaty accord agreement summit
    conference forum festival awards award prize cup games olympics championship series
    tournament open grand prix war wars revolution crisis line lines express railway rail
    transit heights hills gardens village plaza mall market markets exchange index
    centre-left centre-right coalition alliance movement front caucus network initiative
    foundation fellowship network hotel inn resort restaurant cafe café bar pub store
    stores shop studio studios records entertainment pictures films productions mall
    avenue drive lane crescent court way place terrace circle trail parkway expressway
    freeway memorial monument palace castle house senate reserve nation nations first
    sea ocean gulf strait canal desert forest coast peninsula continent world globe
    church ministries diocese parish star gmbh ag sa nv bv ab oy spa mobile tech resorts
    builders design milk cross shares stocks futures fans senators jets flames oilers
    canucks canadiens raptors leafs blues kings rangers islanders devils penguins bruins
    sabres lightning panthers capitals hurricanes predators stars wild coyotes sharks ducks
    knights kraken avalanche blackhawks bulls celtics lakers clippers warriors rockets nets
    knicks heat magic suns spurs mavericks nuggets jazz thunder pistons pacers bucks cavaliers
    hawks hornets grizzlies pelicans timberwolves trail blazers giants yankees mets dodgers
    cubs sox orioles mariners astros brewers braves cardinals marlins padres phillies pirates
    reds rockies royals tigers twins athletics angels patriots cowboys eagles packers bears
    steelers chiefs raiders broncos chargers dolphins bills colts texans titans jaguars
    ravens browns bengals saints falcons buccaneers vikings lions seahawks rams niners
    argonauts alouettes roughriders stampeders eskimos elks redblacks tiger-cats
    united city rovers wanderers athletic albion hotspur checkers jackets capitals
    invitational classic masters pga nhl nba nfl mlb mls cfl national pines oaks springs
    falls creek ridge meadows glen affairs research studies sciences newsroom desk brothers
    bros st saint re international worldwide point cove inlet fjord reef cliffs bluff quay
    wharf pier marina heath junction landing estate farm ranch vineyard"""
)

SURNAME_LIKE_ORG_WORDS = _words(
    """house green park hall banks bay lake rivers field young price cross ford brook wood woods
    king hill hills major cardinal bishop church post love power law gates chase burns page
    sea star bell bird fish fox rose stone street hunter mason marshall porter dean knight
    parks lane temple castle tower baker cook miller wells"""
)
"""Organisation words that are also common surnames: after a known given name ("Christopher
House") they do not make the run an organisation."""
"""Words that make a capitalised phrase an organisation, place or thing rather than a person."""

PLACE_PREFIXES = _words(
    """new los las san santa são sao st st. saint fort port mount mt mt. lake cape north south
    east west upper lower greater central hong buenos costa sierra el la le rio puerto grand
    grande prince red thunder niagara baton nova royal"""
)
"""First words of multi-word place names ("San Jose", "Port Moody"): such a phrase is only a
person with other evidence (a title or honorific)."""

NAME_PARTICLES = _words(
    """de da das dos do du del della di van von der den ter ten bin ibn bint al el la le
    y e zu af av"""
)
"""Lower-case particles that may sit inside a name ("Ursula von der Leyen", "Mohammed bin
Salman")."""

NOT_NAMES = _words(
    """a an the and or but nor so yet for of in on at to by with from as if when while after
    before since because although though unless until once then than that this these those
    there here where what which who whom whose why how all any both each every few many more
    most much some such no not only own same other another i me my we us our you your he him
    his she her it its they them their one two three four five six seven eight nine ten
    first last next new old also still even just now yes ok okay please thanks thank dear
    is are was were be been being do does did have has had can could will would shall should
    may might must let lets let's according meanwhile however moreover therefore instead
    despite during about above across against along among around behind below beneath
    beside besides between beyond inside outside over through throughout toward towards
    under underneath unlike up upon via within without like near off out into onto
    photo photos image images video file files source sources getty afp ap cp pa epa
    reuters bloomberg cnn bbc cbc ctv abc nbc cbs fox npr pbs msnbc xinhua itar-tass tass
    interfax kyodo yonhap ansa efe dpa pap bernama anatolia
    god christmas easter ramadan covid covid-19 coronavirus internet web online email
    twitter facebook instagram youtube tiktok google apple amazon microsoft netflix
    uber lyft tesla boeing airbus walmart wikipedia linkedin whatsapp
    read watch listen click tap subscribe sign share follow related more advertisement
    breaking update updated editor's note chapter part section figure table page
    mr mrs ms dr sir madam eh oh ah hey hi hello well why yeah wow sorry
    north south east west northern southern eastern western central
    government police army parliament congress senate court city state country nation
    province region team club party league university college school company
    black white asian latino hispanic indigenous aboriginal"""
)
"""Capitalised words that are not a name on their own, whatever their position."""

CHROME_WORDS = _words(
    """photo photos image images video videos file files source sources getty afp ap cp pa
    epa reuters bloomberg read watch listen click tap subscribe share follow related
    advertisement update updated newsletter podcast gallery submitted contributed courtesy
    handout staff reports report wire"""
)
"""Media and page words: a capitalised run holding one is a credit or a link, not a name."""

DOTTED_ACRONYMS = frozenset(
    {"u.s", "u.k", "u.n", "e.u", "d.c", "b.c", "n.b", "n.s", "p.e.i", "n.l", "l.a", "n.y"}
)
"""Dotted abbreviations that look like initials but name places ("U.S. Trump")."""

KNOWN_NAMELIKE_ORGS = (
    "goldman sachs",
    "morgan stanley",
    "lehman brothers",
    "wells fargo",
    "charles schwab",
    "merrill lynch",
    "dow jones",
    "rolls royce",
    "rolls-royce",
    "marks spencer",
    "johnson johnson",
    "procter gamble",
    "ernst young",
    "price waterhouse",
    "hudson bay",
    "tim hortons",
    "warner bros",
    "warner brothers",
    "walt disney",
    "john deere",
    "jp morgan",
    "j.p. morgan",
    "salvation army",
    "ronald mcdonald house",
    "harley davidson",
    "harley-davidson",
    "hang seng",
    "nikkei",
    "standard poor's",
)
"""Firms and places named after people, lower-cased and without '&': not people."""

PRONOUNS_MALE = frozenset({"he", "him", "his", "himself"})
"""Pronouns that point back to a man."""

SPEECH_VERBS = _words(
    """said says say saying told tells tell telling added adds adding asked asks asking
    explained explains explaining wrote writes writing noted notes noting stated states
    argued argues arguing claimed claims claiming insisted insists insisting continued
    continues responded responds replied replies recalled recalls recalling warned warns
    warning joked jokes declared declares announced announces acknowledged acknowledges
    admitted admits countered counters emphasized emphasised emphasizes emphasises stressed
    stresses suggested suggests tweeted tweets posted posts shouted shouts yelled cried
    remarked remarks observed observes commented comments concluded concludes conceded
    concedes confirmed confirms described describes predicted predicts promised promises
    vowed vows urged urges pleaded pleads pointed points reported reports testified
    testifies wondered wonders whispered recounted recounts assured assures maintained
    maintains contended contends cautioned cautions agreed agrees disagreed complained
    complains lamented laments mused muses quipped quips exclaimed explain reiterated
    reiterates repeated repeats announced affirmed affirms acknowledged advised advises
    boasted boasts charged charges alleged alleges accused accuses criticized criticised
    blasted slammed praised praises hailed hails thanked wrote texted emailed messaged
    quoted tweeted reflected reflects elaborated elaborates summarized summed answered
    answers began begins went goes sighed laughed shrugged nodded read reads
    defended defends questioned questions demanded demands called calls mentioned mentions
    echoed echoes writing tweeting posting scolded scolds retorted retorts crowed sniffed
    snapped fumed gushed gushes muttered mutters murmured murmurs screamed confessed
    confesses bragged brags interjected interjects teased marveled marvelled marvels
    opined admits admitted confided confides grins grinned smiles smiled laughs shrugs
    sighs beams beamed recalls notes cautioned chimed chimes cites cited dubbed dubs
    labelled labeled branded brands termed terms"""
)
"""Verbs that attribute speech or writing ("said", "told", "wrote")."""

WEAK_SPEECH_VERBS = _words(
    """began begins went goes read reads called calls pointed points defended defends
    questioned questions charged charges described describes demanded demands"""
)
"""Speech verbs that only attribute a quote when right beside it ("went on", "called it")."""

COMMON_SENTENCE_STARTERS = _words(
    """but and or so yet also still then now when while if as after before since because
    although though however meanwhile later earlier instead in on at for from with without
    by to of about under over during despite among between through the a an this that these
    those there here it its he she they we i you his her their our my your what which who
    why how where no not yes some many most all both each every any another such only even
    just perhaps maybe indeed overall asked speaking according citing given last next first
    thanks like unlike following amid amidst including besides across along around behind
    beyond toward towards upon via within outside inside against until unless whether
    hence thus therefore moreover nevertheless nonetheless otherwise accordingly
    consequently furthermore finally suddenly again sometimes often always never"""
)
"""Function words that are capitalised only because they open a sentence."""

PLACE_NAMES = _words(
    """canada ontario quebec alberta manitoba saskatchewan nunavut yukon toronto montreal
    vancouver ottawa calgary edmonton winnipeg halifax regina america usa
    washington california texas florida york chicago boston london england britain scotland
    wales ireland paris france berlin germany rome italy madrid spain lisbon portugal
    brussels belgium amsterdam netherlands geneva switzerland vienna austria stockholm sweden
    oslo norway copenhagen denmark helsinki finland warsaw poland prague budapest hungary
    athens greece ankara istanbul turkey moscow russia kremlin kyiv kiev ukraine minsk
    belarus beijing china shanghai hong taiwan tokyo japan seoul korea pyongyang delhi india
    mumbai pakistan islamabad kabul afghanistan tehran iran baghdad iraq damascus syria
    jerusalem israel gaza beirut lebanon cairo egypt riyadh saudi dubai qatar doha yemen
    nairobi kenya lagos nigeria johannesburg africa sydney australia melbourne auckland
    zealand mexico brazil argentina venezuela cuba havana caracas bogota colombia chile peru
    pentagon whitehall westminster downing europe asia
    nato un eu who ndp rcmp fbi cia nasa"""
)
"""Countries, capitals and seats of government: a lone one beside "said" speaks for a state
("Moscow said"), not a person."""

WORLD_PLACES = _words(
    """afghanistan albania algeria andorra angola antigua argentina armenia australia austria
    azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan
    bolivia bosnia herzegovina botswana brazil brunei bulgaria burkina faso burundi cambodia
    cameroon canada chile china colombia comoros congo croatia cuba cyprus czechia denmark
    djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france
    gabon gambia germany ghana greece grenada guatemala guinea guinea-bissau guyana haiti
    honduras hungary iceland india indonesia iran iraq ireland italy jamaica japan
    kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia
    libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta
    mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco
    mozambique myanmar burma namibia nauru nepal netherlands nicaragua niger nigeria
    macedonia norway oman pakistan palau palestine panama papua paraguay peru philippines
    poland portugal qatar romania russia rwanda samoa sanmarino senegal serbia seychelles
    sierra leone singapore slovakia slovenia somalia somaliland spain lanka sudan suriname
    sweden switzerland syria taiwan tajikistan tanzania thailand timor togo tonga tobago
    tunisia turkey turkmenistan tuvalu uganda ukraine emirates uruguay uzbekistan vanuatu
    vatican venezuela vietnam yemen zambia zimbabwe crimea donbas donetsk luhansk kashmir
    tibet xinjiang chechnya darfur kurdistan catalonia flanders bavaria scandinavia siberia
    balkans caucasus caribbean sahara sahel arabia africa europe asia oceania antarctica
    arctic greenland britain england scotland wales ulster gaza cisjordan golan sinai
    alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii
    idaho illinois iowa kansas kentucky louisiana maine maryland massachusetts michigan
    minnesota mississippi missouri nebraska nevada hampshire jersey ohio oklahoma oregon
    pennsylvania rhode tennessee texas utah vermont wisconsin wyoming dakota
    ontario quebec alberta manitoba saskatchewan nunavut yukon labrador newfoundland
    scotia brunswick columbia
    toronto montreal vancouver ottawa calgary edmonton winnipeg halifax saskatoon
    kitchener mississauga brampton gatineau fredericton moncton yellowknife whitehorse
    iqaluit
    chicago boston philadelphia pittsburgh baltimore seattle portland miami atlanta
    detroit minneapolis milwaukee denver sacramento angeles diego francisco brooklyn
    manhattan queens bronx honolulu anchorage nashville memphis louisville baghdad
    london paris berlin rome madrid lisbon brussels amsterdam geneva zurich vienna
    stockholm oslo copenhagen helsinki warsaw prague budapest athens ankara istanbul moscow
    petersburg kyiv kiev kharkiv odesa odessa minsk vilnius riga tallinn bucharest sofia
    belgrade zagreb sarajevo tbilisi yerevan baku beijing shanghai shenzhen guangzhou
    wuhan hong kong macau taipei tokyo osaka kyoto seoul pyongyang delhi mumbai bombay
    kolkata calcutta chennai bangalore karachi lahore islamabad kabul kandahar tehran
    damascus aleppo jerusalem beirut cairo alexandria riyadh jeddah mecca medina dubai
    dhabi doha kuwait muscat sanaa amman ramallah khartoum nairobi lagos abuja accra dakar
    kinshasa johannesburg pretoria durban addis ababa mogadishu kampala kigali harare
    lusaka luanda tripoli tunis algiers rabat casablanca sydney melbourne brisbane perth
    canberra auckland havana caracas bogota bogotá lima santiago quito asuncion
    montevideo aires janeiro paulo brasilia bangkok hanoi saigon manila jakarta
    singapore kuala lumpur dhaka kathmandu colombo yangon ulaanbaatar tashkent almaty
    astana marseille lyon munich hamburg frankfurt cologne milan naples venice barcelona
    seville edinburgh glasgow belfast dublin cardiff manchester liverpool birmingham leeds
    rotterdam antwerp krakow gdansk mosul basra fallujah kandahar herat benghazi aden
    tel aviv haifa hebron nablus jenin rafah mariupol bakhmut kherson zaporizhzhia"""
)
"""Countries, regions, US states, Canadian provinces and major world cities (a general
place list, not tuned to any text): a word here on its own is a place, never a person."""

COUNTRY_WORDS = _words("republic kingdom states emirates islands federation union")
"""Words of a country's long name after a place or demonym: "Czech Republic"."""

PLACE_SURNAMES = _words(
    """jordan chad georgia israel victoria virginia carolina washington houston austin
    dallas jackson lincoln hamilton wellington cleveland columbus troy salem paris florence
    charlotte phoenix orlando denver montana wales holland england ireland france london
    berlin kent chester preston bristol york sydney perth regina milan cuba china kenya
    india dakota jersey columbia santiago lima sofia medina niger mali peru tobago
    alexandria madison indiana nevada brunswick sierra guinea panama salvador aden
    georgia tennessee brooklyn queens paulo francisco diego angeles rhode arabia jamaica
    hampshire scotia labrador perth malta bosnia kosovo"""
)
"""Places that are also common given names or surnames ("Michael Jordan", "Jack London",
"Sydney Sweeney"): inside a longer name they do not make it a place."""

LONE_PLACES = WORLD_PLACES | PLACE_NAMES
"""Every place word: alone ("Sudan said", "in Idaho") it is never a person."""

PLACE_NAMES = PLACE_NAMES | (WORLD_PLACES - PLACE_SURNAMES)

INNER_FUNCTION_WORDS = _words(
    """me my mine we us our ours you your yours it its they them their him his she her
    is are was were be been am does did has have had can't won't don't not up out into
    onto off than that this these those what which whom whose"""
)
"""Function words that never sit inside a name: a capitalised run holding one is a title or
a slogan ("Tell Me Why", "Sign Up Free"), not a person. ("He" is a Chinese given name.)"""

RELATIONAL_NOUNS = _words(
    """mother father son daughter wife husband brother sister grandmother grandfather friend
    neighbour neighbor widow widower uncle aunt cousin parent parents boyfriend girlfriend
    official source witness"""
)
"""Relational and anonymous-source nouns: "the father said", "the official said" bring in
someone new (a relative, an unnamed source), not the person already in focus; "his father's
friend, Pavel Roe" is in apposition, not a subject."""

KIN_NOUNS = _words(
    """father mother dad mom mum brother sister husband wife son daughter uncle aunt cousin
    grandson granddaughter grandmother grandfather grandma grandpa nephew niece fiance fiancee
    fiancé fiancée girlfriend boyfriend widow widower stepfather stepmother stepson
    stepdaughter"""
)
"""Relatives that introduce a name in apposition ("his father, Joe"): a person of their own."""

PERSON_NOUNS = _words("astronaut pollster prelate nominee veteran pensioner")
"""Nouns for a person that are no role: "the astronaut added". ("The woman said", "the
father said" more often bring in someone new: they are not here.)"""

ADJECTIVE_SUFFIXES = _words(
    "based born led owned backed run bound made style like era area wide level sized"
)
"""Second halves of hyphenated adjectives: "Boston-based", "Ontario-born" are no names."""

ROLE_SUFFIXES = ("ist", "ists", "ian", "ians")
"""Endings of nouns for what someone does ("cartoonist", "historians")."""

SHARED_ROLES = _words(
    "host head member partner owner leader producer publisher manager operator sponsor star"
    " player winner"
)
"""Roles a firm, team or venue holds as often as a person ("Acme, the host of …")."""

NOT_AGENT_NOUNS = _words(
    """under over after later never ever whether together rather either neither other
    another per better further former latter sooner faster longer border order for nor
    or her their your our mayor manner member chapter quarter matter letter paper water
    winter summer number december november october september sector major minor error
    floor door poor color colour favor favour honor honour labor labour harbor harbour
    behavior behaviour interior exterior superior inferior senior junior prior
    trawler freighter tanker steamer liner cruiser carrier destroyer schooner tractor trailer
    container scooter helicopter computer printer elevator reactor generator motor"""
)
"""Words ending like doer nouns that are not doers: vessels and machines ("the trawler
Morning Star" names a boat) and everyday words."""

VESSEL_NOUNS = _words(
    """ship boat trawler freighter tanker steamer liner cruiser carrier destroyer frigate
    schooner yacht ferry barge tug tugboat vessel dinghy sloop submarine launch lifeboat
    aircraft plane jet airliner helicopter train locomotive rocket spacecraft probe satellite
    horse racehorse colt filly mare stallion dog"""
)
"""Vessels, vehicles and animals: "the ferry Northern Star" names no person."""

AUXILIARIES = _words("is are was were be been being has have had will would")
"""Auxiliary verbs: never part of a role before a name ("is lawyer Jane Roe")."""

NAME_MONTHS = _words("may june april august")
"""Months that double as names ("Theresa May"): kept at the end of a run."""

DETERMINERS = _words("the a an one some another his her their")
"""Words that open a noun phrase naming a source ("the official", "one aide")."""

DELEGATE_NOUNS = _words(
    """office offices campaign team staff aides aide ministry department lawyers lawyer
    spokesman spokeswoman spokesperson press secretary representatives representative
    agent agents camp family"""
)
"""Who speaks *for* someone: "his office said" is not the man himself."""

SPEECH_ADVERBS = _words("also later then previously has had have")
"""Words that may sit between a name and its speech verb ("Roe also said", "Roe has told")."""

NAME_SPEECH_VERBS = _words(
    """said says told tells added adds wrote writes asked explained noted stated argued
    recalled warned insisted replied responded"""
)
"""Speech verbs whose subject right before them is a person ("Roe warned")."""

SUBJECT_SPEECH_VERBS = _words(
    """said says told tells added adds wrote writes explained recalled insisted replied
    responded quipped confirmed continued"""
)
"""Speech verbs that make the name right before them the speaker of a quote."""

INVERTED_SPEECH_VERBS = _words("said says added wrote asked explained quipped recalled continued")
"""Speech verbs that come before their speaker in news prose ("…,” said Roe)."""

APPOSITION_PERSON_NOUNS = _words(
    """resident student mother father son daughter wife husband friend neighbour neighbor
    survivor"""
)
"""Person nouns in apposition that make a name a person ("Roe, a local resident")."""

ORG_KIND_NOUNS = _words(
    """company firm agency organisation organization group charity nonprofit non-profit
    startup start-up corporation foundation association band club team brand retailer chain
    network website app publication magazine newspaper broadcaster manufacturer maker
    developer bank insurer carrier airline provider venue restaurant hotel school university
    college hospital museum gallery studio label publisher"""
)
"""Kinds of organisation: "Harrow Vale, a non-profit agency" names no person."""

THING_KIND_NOUNS = _words(
    """company firm agency organisation organization charity nonprofit non-profit startup
    start-up corporation foundation association band brand chain website app publication
    magazine newspaper manufacturer bank insurer airline restaurant hotel museum gallery
    consultancy shop store boutique bakery outfit album song film movie sitcom series novel
    musical opera sculpture painting exhibition"""
)
"""Kinds of firm or work named right after them: "consultancy Harrow Lab", "the sitcom Fay
Lund", "a shop called Tova Lind". No noun that may name a person's job ("publisher",
"broadcaster") or a verb ("show", "record")."""

PAST_VERBS = _words(
    """met saw told took gave got made found left joined hired fired named called beat
    thanked praised introduced interviewed visited replaced succeeded defeated"""
)
"""Common past-tense verbs that can stand right before a role and a name ("… met rapper Joe
Banks"): no part of the role."""
