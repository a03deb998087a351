"""Closed-class English nouns for names: titles, roles, the words that make a name an
organization, a place or a group, and the few country spellings no ISO list has.

Grammar, not facts about the world; country, city and first-name lists come from packages
through brief/speech/lexicon/places.py.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that end a title before a name ("Foreign Minister of Mali Abdoulaye Diop", "Mr Obama"),
# compared in lowercase.
TITLES = _words(
    """
    president minister secretary senator sen representative rep governor gov mayor chancellor
    king queen prince princess pope general gen colonel col lieutenant lt captain capt sergeant
    sgt admiral adm major commander chief judge justice dr doctor mr mrs ms miss mx sir dame
    lord lady professor prof reverend rev father bishop archbishop cardinal rabbi imam sheikh
    ambassador commissioner director chairman chairwoman chairperson ceo cfo coo speaker
    spokesman spokeswoman spokesperson coach manager superintendent detective inspector
    constable sheriff councillor councilman councilwoman congressman congresswoman lawmaker
    premier emir sultan president-elect founder co-founder analyst striker midfielder
    defender goalkeeper winger quarterback pitcher skipper negotiator envoy leader whip mp mep
    cmdr cpl pvt spc brig supt insp det
    msp mla
    """
)


# Words that may stand inside a title before its last word ("Vice", "Foreign", "Deputy").
TITLE_MODIFIERS = _words(
    """
    vice prime deputy foreign defense defence finance interior justice health trade home state
    former acting executive senior assistant associate press supreme high first grand crown
    chief attorney general head interim secretary-general director-general managing
    """
)


# Titles that tell a person's gender ("Mr Obama" is male).
# Relatives: a person named in full beside a relative who shares the surname.
KINSHIP = _words(
    "father mother son daughter wife husband brother sister uncle aunt nephew niece cousin"
    " grandfather grandmother grandson granddaughter dad mom mum stepfather stepmother"
)
MALE_TITLES = _words("mr sir lord king prince father brother sheikh")


FEMALE_TITLES = _words("mrs ms miss dame lady queen princess sister")


# Lowercase nouns that end a role ("analyst", "the chief negotiator"): a role before a name
# must end in one of these (or a TITLE_WORDS word).
ROLE_NOUNS = TITLES | _words(
    """
    negotiator adviser advisor official spokesman spokeswoman spokesperson analyst expert
    economist researcher scientist professor teacher lawyer attorney activist journalist
    reporter writer author historian fellow candidate challenger rival opponent envoy diplomat
    commander boss chief president minister secretary coach manager player star singer actor
    actress rapper musician artist model director producer founder ceo chairman chairwoman
    head owner investor banker trader strategist officer soldier general imam cleric priest
    pastor leader lawmaker legislator senator governor mayor judge prosecutor student
    mother father son daughter wife husband brother sister nurse doctor surgeon farmer
    fisherman skipper resident worker employee executive engineer designer planner consultant
    ranger warden marshal defenseman defender forward center centre goalie goaltender
    linebacker receiver catcher shortstop outfielder infielder rookie veteran midfielder
    striker keeper referee umpire trainer chef pilot driver agent broker dealer vendor
    commissioner auditor accountant clerk treasurer trustee firefighter paramedic physician
    psychiatrist psychologist therapist dentist pharmacist veterinarian monk nun elder
    chieftain graduate principal lecturer dean provost rector scholar archaeologist
    biologist ecologist physicist chemist geologist epidemiologist virologist sociologist
    anthropologist demographer statistician pollster lobbyist campaigner organizer organiser
    volunteer donor philanthropist entrepreneur businessman businesswoman tycoon billionaire
    magnate mogul supervisor foreman laborer labourer miner rancher sailor marine aide
    assistant intern staffer editor columnist correspondent photographer filmmaker
    songwriter guitarist drummer bassist composer dancer choreographer painter sculptor
    architect novelist poet playwright blogger influencer comedian host presenter anchor
    commentator pundit critic programmer developer inventor co-founder chairperson captain
    co-author author
    """
)


# Nouns that head an unnamed human speaker ("a spokesman", "officials", "one of the protesters").
PERSON_NOUNS = _words(
    """
    spokesman spokeswoman spokesperson spokespeople official officials source sources witness
    witnesses resident residents protester protesters protestor protestors demonstrator
    demonstrators analyst analysts expert experts observer observers diplomat diplomats
    officer officers aide aides adviser advisers advisor advisors lawyer lawyers
    attorney attorneys activist activists doctor doctors nurse nurses teacher teachers student
    students worker workers employee employees insider insiders person people man woman men
    women neighbor neighbors neighbour neighbours relative relatives friend friends
    survivor survivors victim victims parent parents farmer farmers soldier soldiers fighter
    fighters villager villagers voter voters supporter supporters critic critics economist
    economists researcher researchers scientist scientists executive executives investor
    investors negotiator negotiators representative representatives member members organizer
    organizers organiser organisers leader leaders lawmaker lawmakers legislator legislators
    prosecutor prosecutors investigator investigators eyewitness eyewitnesses passenger
    passengers fan fans owner owners manager managers colleague colleagues journalist
    journalists reporter reporters historian historians engineer engineers commenter
    commenters user users poster viewer viewers reader readers follower followers physician
    physicians surgeon surgeons patient patients author authors co-author co-authors
    """
)


# Nouns that head a body speaking as one ("the ministry", "police", "Algerian authorities").
ORG_NOUNS = _words(
    """
    ministry government authorities authority police army military embassy office department
    agency company firm council committee commission court prosecutors prosecutor's
    administration presidency cabinet parliament senate congress party group organization
    organisation union alliance coalition federation association club team league board
    bureau service services forces force navy statement report spokesman's junta regime
    regulator regulators watchdog bank university school hospital network broadcaster
    newspaper channel outlet website campaign foundation institute studio label publisher
    retailer carrier airline maker manufacturer operator insurer
    ministère gouvernement préfecture parquet ministerio gobierno ministerium regierung
    """
)


# Capitalized words that make a name an organization ("Konrad Adenauer Foundation").
ORG_KEYWORDS = _words(
    """
    Ministry Foundation Party Army Council Bank University Inc Ltd Agency Alliance Union
    Organization Organisation Association Institute Institution Committee Commission
    Corporation Corp Company Co Group Department Office Court Police Service Services Forces
    Force Navy Assembly Parliament Congress Senate Government Administration Authority Board
    Bureau Center Centre Fund Forum Federation League Club Network News Times Post Journal
    Herald Tribune Guardian Gazette Telegraph Press Productions Entertainment Records Airlines
    Airways Motors Technologies Systems Media Studios Holdings Partners Hospital School College
    Academy Museum Church Front Movement Brigade Brigades Coalition Consortium Industries
    Label Market Bureau Agency Commission Council Cabinet Chamber Reserve Trust Society
    Command Corps Guard Guards Tribunal Secretariat Embassy Fed LLC PLC GmbH SA AG
    Nations House Channel TV Radio Magazine Daily Studio FC Hotspur Rovers Athletic Wanderers
    Research Finance Capital Energy Foods
    Pharmaceuticals Solutions Software Labs Laboratories Analytics Advisors Securities
    Investments Ventures Brands Stores Insurance Bancorp Broadcasting Publishing Pictures
    """
)


# Organization keywords that are names on their own ("Congress said"); any other keyword alone
# ("the Club", "Fund our schools") is an ordinary word.
INSTITUTIONS = _words("Congress Parliament Senate Fed Pentagon Kremlin Interpol")


# Capitalized words that make a name a document or event, not an actor ("Algiers Accords").
NON_ACTOR_KEYWORDS = _words(
    """
    Accords Accord Agreement Treaty Act Bill Law Convention Protocol Declaration Charter
    Cup Championship Championships Games Olympics Awards Award Prize Festival Summit Conference
    War Day Week Street Avenue Road Square Bridge Airport Station Stadium Park Hall Tower
    Building Program Programme Plan Initiative Project Report Index Strategy
    """
)


# Capitalized plurals that make a name a group ("House Democrats", "the Tories").
GROUP_KEYWORDS = _words(
    """
    Democrats Republicans Tories Conservatives Liberals Socialists Greens Islamists Maoists
    Taliban Houthis
    """
)


# Plural nouns that make the capitalized words before them a group ("Tuareg rebels").
GROUP_NOUNS = _words(
    """
    rebels militants insurgents mercenaries fighters jihadists separatists militias militia
    guerrillas extremists gangs cartel cartels tribes clans
    """
)


# Capitalized words that end the name of a place ("Stewart Island", "Bering Sea").
PLACE_KEYWORDS = _words(
    """
    Island Islands Isles Sea Ocean Beach Bay Lake Lakes River Mountain Mountains Mount Canal
    Locks Peninsula Coast Gulf Strait Straits Valley Desert County Province Region Harbour
    Harbor Falls Cape Heights Hills Forest Plains Delta Basin Glacier Reef Archipelago
    """
)


# Lowercase nouns after a capitalized word that make it a place ("the Tomboctou region").
PLACE_NOUNS = _words(
    """
    region province district county city town village state river valley desert island
    islands mountains peninsula area border capital neighborhood neighbourhood
    """
)


# Lowercase nouns before a capitalized word that make it an organization ("oil firm Sonatrach").
ORG_BEFORE_NAME = _words(
    """
    firm company group agency outlet newspaper broadcaster channel club team party label
    network giant maker operator carrier retailer bank insurer startup start-up conglomerate
    airline publisher daily magazine website organization organisation charity
    """
)


# Connectors allowed inside a capitalized name ("Bank of America", "Osama bin Laden").
NAME_CONNECTORS = _words(
    "of for on and the de del della di da dos das du des la le van von der den al el bin ibn &"
)


# Of those, the ones that only join parts of an organization or title, not of a person's name.
ORG_CONNECTORS = _words("of for on and the &")


# Directions that may precede a place without being part of its name ("northern Mali").
DIRECTIONS = _words(
    """
    North South East West Northern Southern Eastern Western Central Northeast Northwest
    Southeast Southwest North-East North-West South-East South-West Upper Lower Greater
    """
)


# Common abbreviations of countries that no ISO list spells as written in news.
COUNTRY_ABBREVIATIONS = {
    "US": "United States",
    "U.S": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "UK": "United Kingdom",
    "U.K": "United Kingdom",
    "U.K.": "United Kingdom",
    "UAE": "United Arab Emirates",
    # Not abbreviations, but names the country lists do not hold.
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
}


# Demonyms no suffix rule derives from their country's name (lexicon/places.py derives the
# rest).
IRREGULAR_DEMONYMS = {
    "French": "France",
    "British": "United Kingdom",
    "English": "United Kingdom",
    "Scottish": "United Kingdom",
    "Welsh": "United Kingdom",
    "Dutch": "Netherlands",
    "Swiss": "Switzerland",
    "Greek": "Greece",
    "Irish": "Ireland",
    "Portuguese": "Portugal",
    "Saudi": "Saudi Arabia",
    "Filipino": "Philippines",
    "Burkinabe": "Burkina Faso",
    "American": "United States",
    "Danish": "Denmark",
    "Spanish": "Spain",
    "Argentine": "Argentina",
    "Emirati": "United Arab Emirates",
    "Cypriot": "Cyprus",
}


# Second halves of compound adjectives after a capitalized word ("Kroger-owned", "Texas-based").
HYPHEN_SUFFIXES = _words(
    """
    made based owned led born backed run funded sponsored controlled style era type class bred
    raised speaking related linked oriented focused area wide level dominated affiliated
    allied aligned inspired themed bound centric friendly free like language american
    """
)
