"""Closed-class word lists for quote attribution: verbs of saying (English first, then the
other languages news pages come in most), pronouns, adverbs, function words, months, days and
abbreviations. The nouns of names live in brief/speech/lexicon/nouns.py; places and first
names come from packages, through brief/speech/lexicon/places.py.
"""

from __future__ import annotations

import calendar


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs that attribute a direct quotation, as written (the Quote.verb is the lowercased form).
QUOTE_VERBS = _words(
    """
    said says say saying told tells tell added adds stated states explained explains noted notes
    warned warns insisted insists argued argues wrote writes tweeted tweets asked asks replied
    replies continued continues declared declares announced announces claimed claims confirmed
    confirms admitted admits acknowledged acknowledges recalled recalls remarked remarks observed
    observes commented comments responded responds answered answers suggested suggests urged urges
    conceded concedes emphasized emphasised emphasizes emphasises stressed stresses maintained
    maintains contended contends asserted asserts alleged alleges vowed vows promised promises
    predicted predicts cautioned cautions complained complains lamented laments joked jokes quipped
    quips shouted shouts yelled yells screamed cried cries whispered whispers mused muses boasted
    boasts pleaded pleads begged begs demanded demands reiterated reiterates repeated repeats
    concluded concludes posted posts texted mentioned mentions revealed reveals disclosed
    reported reports testified testifies countered counters retorted retorts exclaimed gushed
    wondered wonders offered offers elaborated clarified indicated indicates informed assured
    reminded reminds acknowledged recounted recounts described describes summed sums agreed agrees
    admitted predicted wrote added tweeted insisted explained pointed points accused accuses
    blamed blames denied denies criticized criticised criticizes criticises condemned condemns
    called calls described describes dubbed read reads written
    telling adding explaining noting warning insisting arguing writing asking replying claiming
    """
)

# Verbs after which a name is the listener or the target, not the speaker ("told Reuters"), so
# they never invert ("said Diop" inverts; "told reporters" does not).
NON_INVERTING_VERBS = _words(
    """
    told tells tell telling informed assured reminded reminds urged urges accused accuses
    blamed blames criticized criticised condemned condemns denied denies asked asks offered
    offers described describes called calls dubbed read reads
    """
)

# The same verbs in the other languages news pages come in most, as written after a quotation
# ("a ajouté Laurent Fabius", "sagte Merkel", "dijo el ministro", "заявил Песков").
FOREIGN_QUOTE_VERBS = _words(
    """
    dit déclaré ajouté affirmé expliqué indiqué précisé souligné estimé assuré confié raconté
    répondu poursuivi insisté prévenu averti annoncé reconnu martelé lancé déclare ajoute
    affirme explique indique précise souligne estime assure raconte répond poursuit
    sagte sagt erklärte erklärt betonte betont fügte sagten meinte meint
    dijo afirmó explicó señaló añadió aseguró indicó declaró dice afirma explica señala
    disse afirmou explicou declarou acrescentou
    сказал сказала сказали заявил заявила заявили отметил отметила добавил добавила пояснил
    пояснила подчеркнул подчеркнула рассказал рассказала сообщил сообщила пожаловалась
    пожаловался призналась признался говорит считает
    """
)

# Auxiliaries between a subject and its participle, or before an inverted one ("a ajouté").
AUXILIARIES = _words("a ont avait aurait hat haben ha han")

# "according to" in one word.
ACCORDING_WORDS = _words("selon laut según segundo")

# Verbs that name or characterize rather than report ("Cruz called the suicide a “profound
# indictment”"): their subject speaks only if it is someone named, never "a group called “…”".
NAMING_VERBS = _words("called calls described describes dubbed")

# Verbs that make a reported statement without quote marks: say-verbs whose clause or object is
# a claim. Narrower than QUOTE_VERBS, since precision matters more than recall here.
STATEMENT_VERBS = _words(
    """
    said says stated states told tells added adds explained explains claimed claims alleged
    alleges accused accuses blamed blames denied denies warned warns insisted insists argued
    argues announced announces declared declares confirmed confirms admitted admits acknowledged
    acknowledges maintained maintains asserted asserts contended contends criticized criticised
    criticizes criticises condemned condemns urged urges vowed vows promised promises revealed
    reveals noted notes testified testifies reiterated reiterates stressed stresses emphasized
    emphasised predicted predicts disagreed rejected rejects dismissed dismisses
    """
)

QUOTE_VERBS = QUOTE_VERBS | FOREIGN_QUOTE_VERBS

# Verbs whose subject reports but whose clause is not theirs to claim ("X asked whether").
_NON_CLAIM = _words("asked asks wondered wonders")

CLAIM_VERBS = STATEMENT_VERBS - _NON_CLAIM

# Words that may sit between a subject and its verb ("he later said", "she has also told").
VERB_ADVERBS = _words(
    """
    also later then previously recently once further has have had was is would will had
    earlier subsequently reportedly repeatedly again simply just quickly flatly angrily
    publicly privately separately himself herself itself still already even
    a ont avait aurait hat haben
    """
)

PRONOUNS_MALE = _words("he He")

PRONOUNS_FEMALE = _words("she She")

PRONOUNS_PLURAL = _words("they They")

PRONOUNS_NEUTER = _words("it It")

PRONOUNS_FIRST = _words("I we We")

PRONOUNS = PRONOUNS_MALE | PRONOUNS_FEMALE | PRONOUNS_PLURAL | PRONOUNS_NEUTER | PRONOUNS_FIRST

# Capitalized words that open sentences or headings but never names.
FUNCTION_WORDS = _words(
    """
    a an the this that these those there then than it its it's i we you he she they his her
    their our my your me us them what which who whom whose where when why how if while though
    although because since as at by for from in into of on onto to with without within about
    above after against along among around before behind below beneath beside besides between
    beyond but during except inside near off out outside over past per through throughout
    toward towards under until unlike up upon via and or nor so yet not no yes all any both
    each either every few many more most much neither none other others several some such
    also still even just only however meanwhile moreover furthermore nevertheless instead
    indeed thus hence therefore otherwise perhaps maybe already again now today tomorrow
    yesterday tonight here once later earlier first second third last next new old other
    another asked based according despite following including given amid like unless whether
    is are was were be been being have has had do does did will would shall should can could
    may might must said says told one two three four five six seven eight nine ten
    hey please thanks thank hello hi oh well yeah ok okay
    read watch listen follow share more related advertisement sign subscribe click see
    photo photos video videos image images credit credits source sources copyright update
    updated editor's note
    """
)

MONTHS = frozenset(m for m in calendar.month_name if m) | frozenset(
    m for m in calendar.month_abbr if m
)

DAYS = frozenset(d for d in calendar.day_name) | frozenset(d for d in calendar.day_abbr)

# Abbreviations whose period does not end a sentence.
ABBREVIATIONS = _words(
    """
    Mr Mrs Ms Dr Prof Gov Sen Rep Gen Lt Col Capt Sgt Adm Cmdr Maj Rev Fr St Jr Sr Inc Ltd Co
    Corp No vs etc Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mt Ft Pres Supt Det Insp
    U.S U.K U.N E.U D.C
    """
)
