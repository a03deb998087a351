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
    adm administrator admiral ambassador analyst archbishop bishop brig capt captain cardinal
    ceo cfo chairman chairperson chairwoman chancellor chief cmdr co-founder coach col colonel
    commander commissioner congressman congresswoman constable coo councillor councilman
    councilwoman cpl dame defender det detective director doctor dr emir envoy father founder
    gen general goalkeeper gov governor imam insp inspector judge justice king lady lawmaker
    leader lieutenant lord lt major manager mayor mep midfielder minister miss mla mp mr mrs ms
    msp mx negotiator pitcher pope premier president president-elect prince princess prof
    professor pvt quarterback queen rabbi rep representative rev reverend secretary sen senator
    sergeant sgt sheikh sheriff sir skipper spc speaker spokesman spokesperson spokeswoman
    striker sultan superintendent supt whip winger
    """
)


# Words that may stand inside a title before its last word ("Vice", "Foreign", "Deputy").
TITLE_MODIFIERS = _words(
    """
    acting assistant associate attorney chief crown defence defense deputy director-general
    executive finance first foreign former general grand head health high home interim interior
    justice managing press prime secretary-general senior state supreme trade vice
    """
)


# Relatives: a person named in full beside a relative who shares the surname.
KINSHIP = _words(
    """
    aunt brother cousin dad daughter father granddaughter grandfather grandmother grandson
    husband mom mother mum nephew niece sister son stepfather stepmother uncle wife
    """
)

# Forms of address, never roles: "Mr Obama", "Dr Fox" state no office.
HONORIFICS = _words("dr madam madame mademoiselle miss mister mme mr mrs ms mx")
# Titles of peers and knights, part of how the person is named ("Lord Butler", "Sir Anthony
# Greener", "Dame Judi Dench"), not a role.
PEERAGE = _words("baron baroness dame earl lady lord sir viscount")


# Titles that tell a person's gender ("Mr Obama" is male).
MALE_TITLES = _words("brother father king lord mr prince sheikh sir")
FEMALE_TITLES = _words("dame lady miss mrs ms princess queen sister")


# Lowercase nouns that end a role ("analyst", "the chief negotiator"): a role before a name
# must end in one of these (or a TITLE_WORDS word).
ROLE_NOUNS = TITLES | _words(
    """
    accountant activist actor actress administrator adviser advisor agent aide alderman ally
    analyst anchor anthropologist archaeologist architect artist assemblyman assemblywoman
    assistant attorney auditor author backer banker barrister bassist billionaire biologist
    blogger boss broker brother businessman businesswoman campaigner candidate captain catcher
    center centre ceo chairman chairperson chairwoman challenger chaplain chef chemist chief
    chieftain choreographer cleric clerk co-author co-founder coach columnist comedian commander
    commentator commissioner composer comptroller confidant confidante consultant coordinator
    coroner correspondent counsel critic curator dancer daughter dealer dean defender defenseman
    delegate demographer dentist deputy designer developer diplomat director doctor donor driver
    drummer ecologist economist editor elder employee engineer entrepreneur envoy epidemiologist
    executive expert farmer father fellow filmmaker firefighter fisherman foreman forward
    founder general geologist goalie goaltender governor gp graduate guitarist head historian
    host husband imam incumbent infielder influencer intern inventor investor journalist judge
    keeper laborer labourer lawmaker lawyer leader lecturer legislator linebacker lobbyist
    loyalist magistrate magnate manager marine marshal mayor midfielder miner minister model
    mogul monk mother musician negotiator nominee novelist nun nurse officer official ombudsman
    operative opponent organiser organizer outfielder owner painter paramedic partner pastor
    pharmacist philanthropist photographer physician physicist pilot planner player playwright
    poet pollster presenter president priest principal producer professor programmer prosecutor
    provost psychiatrist psychologist pundit rancher ranger rapper receiver rector referee
    registrar reporter researcher resident rival rookie sailor scholar scientist sculptor
    secretary senator shortstop singer sister skipper sociologist soldier solicitor son
    songwriter spokesman spokesperson spokeswoman staffer star statistician strategist striker
    student supervisor surgeon teacher therapist trader trainer treasurer trooper trustee tycoon
    umpire undersecretary vendor veteran veterinarian virologist volunteer warden wife worker
    writer
    """
)


# Nouns that head an unnamed human speaker ("a spokesman", "officials", "one of the protesters").
PERSON_NOUNS = _words(
    """
    activist activists adviser advisers advisor advisors aide aides allies ally analyst analysts
    attorney attorneys author authors backer backers co-author co-authors colleague colleagues
    commenter commenters confidant confidante confidants critic critics demonstrator
    demonstrators diplomat diplomats doctor doctors donor donors economist economists employee
    employees engineer engineers executive executives expert experts eyewitness eyewitnesses fan
    fans farmer farmers fighter fighters follower followers friend friends heavyweight
    heavyweights historian historians insider insiders investigator investigators investor
    investors journalist journalists lawmaker lawmakers lawyer lawyers leader leaders legislator
    legislators loyalist loyalists man manager managers member members men negotiator
    negotiators neighbor neighbors neighbour neighbours nurse nurses observer observers officer
    officers official officials operative operatives organiser organisers organizer organizers
    owner owners parent parents passenger passengers patient patients people person physician
    physicians poster prosecutor prosecutors protester protesters protestor protestors reader
    readers relative relatives reporter reporters representative representatives researcher
    researchers resident residents scientist scientists soldier soldiers source sources
    spokesman spokespeople spokesperson spokeswoman strategist strategists student students
    supporter supporters surgeon surgeons survivor survivors teacher teachers user users victim
    victims viewer viewers villager villagers voter voters witness witnesses woman women worker
    workers
    """
)


# Nouns that head a body speaking as one ("the ministry", "police", "Algerian authorities").
ORG_NOUNS = _words(
    """
    administration agency airline alliance army association authorities authority bank board
    broadcaster bureau cabinet campaign carrier channel club coalition commission committee
    company congress council court department embassy federation firm force forces foundation
    gobierno gouvernement government group hospital institute insurer journal junta label league
    magazine maker manufacturer military ministerio ministerium ministry ministère navy network
    newspaper office operator organisation organization outlet parliament parquet party police
    presidency prosecutor's prosecutors préfecture publisher regierung regime regulator
    regulators report retailer school senate service services spokesman's statement station
    studio tabloid team union university watchdog website
    """
)


# Heads of "a spokesperson for the British Foreign Office": the body behind them speaks.
DELEGATES = _words(
    "official officials representative source sources spokesman spokesperson spokeswoman statement"
)

# Writings that speak for whoever is named before them ("the latest WHO report said").
SPEAKING_DOCUMENTS = _words("complaint filing report statement study survey")

# Heads of phrases naming a text, not a speaker: it speaks for whoever issued it.
DOCUMENT_NOUNS = _words(
    """
    complaint document filing lawsuit letter memo paper poll post release report ruling
    statement study survey tweet website
    """
)

# Heads of descriptions that fit any organization ("the company said").
GENERIC_ORG_HEADS = _words(
    "agency club company firm group network organisation organization report statement team"
)

# Nouns after a name's verb that make the name a body speaking through a text ("X said in a
# statement").
STATEMENT_NOUNS = _words("communique communiqué release statement")

# Plural nouns whose possessive opens a name rather than ending one ("People’s Daily").
IRREGULAR_PLURALS = _words("children men people women")

# Suffixes after a person's surname ("Patrick Carlineo Jr." is called "Carlineo").
NAME_SUFFIXES = _words("II III IV Jr Sr")


# Capitalized words that make a name an organization ("Konrad Adenauer Foundation").
ORG_KEYWORDS = _words(
    """
    Academy Administration Advisors AG Agency Airlines Airways Alliance Analytics Army Assembly
    Association Athletic Authority Bancorp Bank Board Brands Brigade Brigades Broadcasting
    Bureau Cabinet Capital Center Centre Chamber Channel Church Club Co Coalition College
    Command Commission Committee Company Congress Consortium Corp Corporation Corps Council
    Court Daily Department Embassy Energy Entertainment FC Fed Federation Finance Foods Force
    Forces Forum Foundation Front Fund Gazette GmbH Government Group Guard Guardian Guards
    Herald Holdings Hospital Hotspur House Inc Industries Institute Institution Insurance
    Investments Journal Label Laboratories Labs League LLC Ltd Magazine Market Media Ministry
    Motors Movement Museum Nations Navy Network News Office Organisation Organization Parliament
    Partners Party Pharmaceuticals Pictures PLC Police Post Press Productions Publishing Radio
    Records Research Reserve Rovers SA School Secretariat Securities Senate Service Services
    Society Software Solutions Stores Studio Studios Systems Technologies Telegraph Times
    Tribunal Tribune Trust TV Union University Ventures Wanderers
    """
)


# Organization keywords that are names on their own ("Congress said"); any other keyword alone
# ("the Club", "Fund our schools") is an ordinary word.
INSTITUTIONS = _words("Congress Fed Interpol Kremlin Parliament Pentagon Senate")


# Capitalized words that make a name a document or event, not an actor ("Algiers Accords").
NON_ACTOR_KEYWORDS = _words(
    """
    Accord Accords Act Agreement Airport Avenue Award Awards Bill Bridge Building Championship
    Championships Charter Conference Convention Cup Day Declaration Festival Games Hall Index
    Initiative Law Olympics Park Plan Prize Program Programme Project Protocol Report Road
    Square Stadium Station Strategy Street Summit Tower Treaty War Week
    """
)


# Capitalized plurals that make a name a group ("House Democrats", "the Tories").
GROUP_KEYWORDS = _words(
    """
    Conservatives Democrats Greens Houthis Islamists Liberals Maoists Republicans Socialists
    Taliban Tories
    """
)


# Plural nouns that make the capitalized words before them a group ("Tuareg rebels").
GROUP_NOUNS = _words(
    """
    cartel cartels clans extremists fighters gangs guerrillas insurgents jihadists mercenaries
    militants militia militias rebels separatists tribes
    """
)


# Capitalized words that end the name of a place ("Stewart Island", "Bering Sea").
PLACE_KEYWORDS = _words(
    """
    Archipelago Basin Bay Beach Canal Cape Coast County Delta Desert Falls Forest Glacier Gulf
    Harbor Harbour Heights Hills Island Islands Isles Lake Lakes Locks Mount Mountain Mountains
    Ocean Peninsula Plains Province Reef Region River Sea Strait Straits Valley
    """
)


# Lowercase nouns after a capitalized word that make it a place ("the Tomboctou region").
PLACE_NOUNS = _words(
    """
    area border capital city county desert district island islands mountains neighborhood
    neighbourhood peninsula province region river state town valley village
    """
)


# Lowercase nouns before a capitalized word that make it an organization ("oil firm Sonatrach").
ORG_BEFORE_NAME = _words(
    """
    agency airline bank broadcaster carrier channel charity club company conglomerate daily firm
    giant group insurer label magazine maker network newspaper operator organisation
    organization outlet party publisher retailer start-up startup team website
    """
)


# Connectors allowed inside a capitalized name ("Bank of America", "Osama bin Laden").
NAME_CONNECTORS = _words(
    "& al and bin da das de del della den der des di dos du el for ibn la le of on the van von"
)


# Of those, the ones that only join parts of an organization or title, not of a person's name.
ORG_CONNECTORS = _words("& and for of on the")

# What the author of an article is ("Phil Helsel is a reporter for NBC News").
JOURNALIST_NOUNS = _words(
    "columnist contributor correspondent editor journalist photographer producer reporter writer"
)

# Lowercase words inside a person's name ("Bill de Blasio", "Vincent van Gogh").
PARTICLES = _words("al bin da das de del della den der des di dos du ibn la le van von")


# Directions that may precede a place without being part of its name ("northern Mali").
DIRECTIONS = _words(
    """
    Central East Eastern Greater Lower North North-East North-West Northeast Northern Northwest
    South South-East South-West Southeast Southern Southwest Upper West Western
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
    affiliated aligned allied american area backed based born bound bred centric class
    controlled dominated era focused free friendly funded inspired language led level like
    linked made oriented owned raised related run speaking sponsored style themed type wide
    """
)
