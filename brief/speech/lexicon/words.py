"""Closed-class word lists for quote attribution: verbs of saying (English first, then the
other languages news pages come in most), pronouns, adverbs, function words, months and days.

The nouns of names live in brief/speech/lexicon/nouns.py; places and first names come from
packages, through brief/speech/lexicon/places.py; abbreviations live with the sentence
splitter, in brief/text/sentences.py, which every stage may import.
"""

from __future__ import annotations

import calendar


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs that attribute a direct quotation in English, as written (the Quote.verb is the
# lowercased form); QUOTE_VERBS below adds the other languages.
_ENGLISH_QUOTE_VERBS = _words(
    """
    accused accuses acknowledged acknowledges added adding adds admits admitted admonished
    agreed agrees alleged alleges announced announces answered answers argued argues arguing
    asked asking asks asserted asserts assured begged begs blamed blames boasted boasts bristled
    called calls cautioned cautions chided chides claimed claiming claims clarified commented
    comments complained complains conceded concedes concluded concludes condemned condemns
    confirmed confirms contended contends continued continues countered counters cried cries
    criticised criticises criticized criticizes declared declares demanded demands denied denies
    described describes disclosed dubbed elaborated emailed emphasised emphasises emphasized
    emphasizes exclaimed explained explaining explains fumed fumes griped groused grumbled
    gushed indicated indicates informed insisted insisting insists interjected interjects joked
    jokes lamented laments maintained maintains marveled marvelled mentioned mentions mused
    muses noted notes noting objected observed observes offered offers pleaded pleads pointed
    points posted posts predicted predicts pressed promised promises protested quipped quips
    raged rages read reads recalled recalls recounted recounts reflected reflects reiterated
    reiterates remarked remarks remembered remembers reminded reminds repeated repeats replied
    replies replying reported reports responded responds retorted retorts revealed reveals said
    say saying says scoffed scoffs screamed seethed shouted shouts sighed sighs snapped snaps
    stated states stressed stresses suggested suggests summed sums tell telling tells testified
    testifies texted thundered thunders told tweeted tweets urged urges vented ventured vowed
    vows warned warning warns whispered whispers wondered wonders writes writing written wrote
    yelled yells
    """
)

# Verbs after which a name is the listener or the target, not the speaker ("told Reuters"), so
# they never invert ("said Diop" inverts; "told reporters" does not).
NON_INVERTING_VERBS = _words(
    """
    accused accuses asked asks assured blamed blames called calls condemned condemns criticised
    criticized denied denies described describes dubbed informed offered offers read reads
    reminded reminds tell telling tells told urged urges
    """
)

# The same verbs in the other languages news pages come in most, as written after a quotation
# ("a ajouté Laurent Fabius", "sagte Merkel", "dijo el ministro", "заявил Песков").
_FRENCH_QUOTE_VERBS = _words(
    """
    affirme affirmé ajoute ajouté annoncé assure assuré averti confié dit déclare déclaré estime
    estimé explique expliqué indique indiqué insisté lancé martelé poursuit poursuivi précise
    précisé prévenu raconte raconté reconnu répond répondu souligne souligné
    """
)
_GERMAN_QUOTE_VERBS = _words("betont betonte erklärt erklärte fügte meint meinte sagt sagte sagten")
_SPANISH_QUOTE_VERBS = _words(
    "afirma afirmó aseguró añadió declaró dice dijo explica explicó indicó señala señaló"
)
_PORTUGUESE_QUOTE_VERBS = _words("acrescentou afirmou declarou disse explicou")
_RUSSIAN_QUOTE_VERBS = _words(
    """
    говорит добавил добавила заявил заявила заявили отметил отметила подчеркнул подчеркнула
    пожаловалась пожаловался пояснил пояснила призналась признался рассказал рассказала сказал
    сказала сказали сообщил сообщила считает
    """
)
QUOTE_VERBS = (
    _ENGLISH_QUOTE_VERBS
    | _FRENCH_QUOTE_VERBS
    | _GERMAN_QUOTE_VERBS
    | _SPANISH_QUOTE_VERBS
    | _PORTUGUESE_QUOTE_VERBS
    | _RUSSIAN_QUOTE_VERBS
)

# Words between a verb of saying and its quotation that say where or to whom, not what: "told
# the Washington Post in a written statement, “…”", "told his supporters, “…”".
SETTING_WORDS = _words(
    """
    a an appearance at audience briefing broadcast call conference crowd during email her his
    in interview its journalists letter news on phone post press radio rally reporters speech
    statement students supporters television the their tweet video viewers voters written
    """
)

# Auxiliaries between a subject and its participle, or before an inverted one ("a ajouté").
AUXILIARIES = _words("a aurait avait ha haben han hat ont")

# "according to" in one word.
ACCORDING_WORDS = _words("laut segundo según selon")

# Verbs that name or characterize rather than report ("Cruz called the suicide a “profound
# indictment”"): their subject speaks only if it is someone named, never "a group called “…”".
NAMING_VERBS = _words("called calls described describes dubbed")

# Verbs that make a reported statement without quote marks: say-verbs whose clause or object is
# a claim. Narrower than QUOTE_VERBS, since precision matters more than recall here.
STATEMENT_VERBS = _words(
    """
    accused accuses acknowledged acknowledges added adds admits admitted alleged alleges
    announced announces argued argues asserted asserts blamed blames claimed claims condemned
    condemns confirmed confirms contended contends criticised criticises criticized criticizes
    declared declares denied denies disagreed dismissed dismisses emphasised emphasized
    explained explains insisted insists maintained maintains noted notes predicted predicts
    promised promises reiterated reiterates rejected rejects revealed reveals said say says stated
    states stressed stresses tells testified testifies told urged urges vowed vows warned warns
    """
)

# Verbs whose subject reports but whose clause is not theirs to claim ("X asked whether").
_NON_CLAIM = _words("asked asks wondered wonders")

CLAIM_VERBS = STATEMENT_VERBS - _NON_CLAIM

# Words that may sit between a subject and its verb ("he later said", "she has also told").
VERB_ADVERBS = _words(
    """
    a again already also angrily aurait avait earlier even flatly further haben had has hat have
    herself himself is itself just later once ont previously privately publicly quickly recently
    repeatedly reportedly separately simply still subsequently then was will would
    """
)

PRONOUNS_MALE = _words("He he")

PRONOUNS_FEMALE = _words("She she")

PRONOUNS_PLURAL = _words("They they")

PRONOUNS_NEUTER = _words("It it")

PRONOUNS_FIRST = _words("I We we")

PRONOUNS = PRONOUNS_MALE | PRONOUNS_FEMALE | PRONOUNS_PLURAL | PRONOUNS_NEUTER | PRONOUNS_FIRST

# Capitalized words that open sentences or headings but never names.
FUNCTION_WORDS = _words(
    """
    a about above according advertisement after again against all along already also although
    amid among an and another any are around as asked at based be because been before behind
    being below beneath beside besides between beyond both but by can click copyright could
    credit credits despite did do does during each earlier editor's eight either even every
    except few first five follow following for four from furthermore given had has have he hello
    hence her here hey hi his how however i if image images in including indeed inside instead
    into is it it's its just last later like listen many may maybe me meanwhile might more
    moreover most much must my near neither nevertheless new next nine no none nor not note now
    of off oh ok okay old on once one only onto or other others otherwise our out outside over
    past per perhaps photo photos please read related said says second see seven several shall
    share she should sign since six so some source sources still subscribe such ten than thank
    thanks that the their them then there therefore these they third this those though three
    through throughout thus to today told tomorrow tonight toward towards two under unless
    unlike until up update updated upon us via video videos was watch we well were what when
    where whether which while who whom whose why will with within without would yeah yes
    yesterday yet you your
    """
)

# Articles, and the determiners that make a role phrase a description ("the analyst") rather
# than a bare title ("Malian analyst").
ARTICLES = _words("a an the")
DETERMINERS = _words("a an her his its one our some the their")

# Definite articles before a speaker's noun, in the languages of the quote verbs ("le ministre").
DEFINITE_ARTICLES = _words("das der die el l la le les los the")

# Words joining a noun to a capitalized name it belongs to ("a spokesman of the ministry").
OF_WORDS = _words("d de del des du für of")

POSSESSIVES = _words("her his its their")

# Words that open a role set off before a name ("its chief executive, Jane Roe"), and the words
# that join a role's head to its complement ("associate administrator for science").
ROLE_DETERMINERS = _words("her his its our their whose")
ROLE_JOINERS = _words("and at for of")
# Lowercase words before a titled name that belong to its role ("said former Gov. Jim Hodges").
ROLE_PREFIXES = _words("acting ex former incoming interim outgoing then then-")
# Prepositions that, after a name inside a role, open the sentence's next clause rather than
# the role ("an aide to Vice President Pence on Trump's call").
RUN_ON_PREPOSITIONS = _words(
    "about after amid before during following in into on over since when while with"
)

# Words that may open or sit inside a descriptive noun phrase ("one of the protesters").
NOUN_PHRASE_WORDS = _words(
    "a all an another both four her his many most of one other several some the their three two"
)

# Verbs of saying that are commands when "to" follows ("The judge told him not to swear").
COMMAND_VERBS = _words("asked asks tell tells told urged urges")

# Verbs after "it" that make the "it" a body with plans ("Volkswagen says it will fix the cars").
IT_VERBS = _words(
    """
    aims can could did does expected expects had has hopes intends may might planned plans
    should will would
    """
)

# Words before a say-verb that make it passive or an infinitive ("was told", "to be said").
PASSIVE_BEFORE = _words("are be been being is it's to was were")

# Words that may open a reported statement's subject before its head ("Some Democrats said",
# "Several Democratic operatives said").
SUBJECT_QUANTIFIERS = _words(
    """
    All all Both both Few few Four four Many many Most most Other other Several several Some
    some Three three Two two
    """
)

# Subjects of a reported statement that too often stand for no one ("It says a lot").
IMPERSONAL_SUBJECTS = _words("I It it We we")

# "who is a senior fellow at …", "who serves as …": the verbs and pronouns of a relative role.
RELATIVE_BE = _words("been had has is served serves was worked works")
RELATIVE_PRONOUNS = _words("that where which who whom whose")

# Words before a capitalized pair that make it a thing ("the new Mac Pro", "its Model Y").
THING_BEFORE = _words("its new our their")

MONTHS = frozenset(m for m in calendar.month_name if m) | frozenset(
    m for m in calendar.month_abbr if m
)

DAYS = frozenset(d for d in calendar.day_name) | frozenset(d for d in calendar.day_abbr)
