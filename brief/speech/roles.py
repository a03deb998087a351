"""Roles around a name: a title before it, a role noun before it, an appositive after it.

- "Foreign Minister of Mali Abdoulaye Diop", "Indiana State Teachers Association President
  Keith Gambill": a capitalized title inside the name's run of capitals.
- "Wild coach Bruce Boudreau", "White House press secretary Josh Earnest": a lowercase role
  noun just before the name, with its modifiers.
- "Ulf Laessing, director of the Sahel program of ... (KAS), said", "Parise, 35,", "Tom Forte,
  who follows Amazon as a managing director at ...,": a phrase between commas after it.
"""

from __future__ import annotations

from brief.speech.doc import Doc, Token, in_capitals
from brief.speech.lexicon.nouns import (
    NAME_CONNECTORS,
    ORG_KEYWORDS,
    PARTICLES,
    ROLE_NOUNS,
    TITLE_MODIFIERS,
)
from brief.speech.lexicon.places import first_name_gender, place
from brief.speech.lexicon.words import (
    ARTICLES,
    FUNCTION_WORDS,
    QUOTE_VERBS,
    RELATIVE_BE,
    RELATIVE_PRONOUNS,
    ROLE_DETERMINERS,
    ROLE_JOINERS,
    RUN_ON_PREPOSITIONS,
)
from brief.text import ABBREVIATIONS

_MAX_APPOSITIVE_TOKENS = 28
_MAX_ROLE_PREFIX = 6
_APPOSITIVE_REJECTED = FUNCTION_WORDS - {"a", "an", "the", "former", "first", "one", "who"}
_CLAUSE_STOPS = frozenset({",", ".", ";", ":", "—", "–"})


def _saying(doc: Doc, k: int) -> bool:
    """Whether token ``k`` is a verb of saying, not the noun "secretary of state" ends in."""
    before = doc.tokens[k - 1].text.lower() if k > 0 else ""
    return doc.tokens[k].text.lower() in QUOTE_VERBS and before not in ("of", "the", "a", "an")


def role_noun(word: str) -> bool:
    """Whether a lowercase word ends a role: "coach", "co-chairman", "vice-president"."""
    word = word.rstrip(".")
    return word in ROLE_NOUNS or ("-" in word and word.rsplit("-", 1)[1] in ROLE_NOUNS)


def name_like(doc: Doc, i: int, j: int) -> bool:
    """Whether tokens [i, j) can be a person's name (1 to 4 words, no keyword, not a place)."""
    tokens = doc.tokens[i:j]
    words = [t for t in tokens if t.text != "."]
    if not 1 <= len(words) <= 4:
        return False
    inner = {id(t) for t in words[1:-1]}
    if any(
        t.text in ORG_KEYWORDS
        or not (t.text[0].isupper() or (id(t) in inner and t.text in PARTICLES))
        for t in words
    ):
        return False  # a lowercase word only as a particle inside: "Bill de Blasio"
    return not place(" ".join(t.base for t in words))


def title_split(doc: Doc, i: int, j: int) -> int:
    """Where the name starts after a title in tokens [i, j), or ``i`` when there is none."""
    tokens = doc.tokens
    for k in range(j - 2, i - 1, -1):
        if not role_noun(tokens[k].text.lower()):
            continue
        start = k + 1
        if tokens[start].text == "." and start + 1 < j:
            start += 1  # "Gov. Kristi Noem"
        if tokens[start].text in ("of", "for"):
            # "Minister of Mali Abdoulaye Diop": the longest place or organization after "of".
            rest = start + 1
            best = rest
            for end in range(rest + 1, j):
                words = " ".join(t.base for t in tokens[rest:end])
                if place(words) or any(t.text in ORG_KEYWORDS for t in tokens[rest:end]):
                    best = end
            if best == rest:
                # "High Commissioner for Human Rights": no place or body after "for", so the
                # words after it are the office's, unless they end in a first and last name.
                if j - rest < 3 or not first_name_gender(tokens[j - 2].text):
                    return i
                best = j - 2
            start = best
        if start < j and name_like(doc, start, j):
            return start
        return i
    return i


def role_before(doc: Doc, start: int) -> int:
    """First token of a lowercase role just before token ``start`` ("Wild coach"), or ``start``.

    The word just before the name must be a role noun; capitalized words and lowercase
    modifiers before it belong to the role, up to a function word, a verb of saying or a mark.
    """
    tokens = doc.tokens
    k = start - 1
    if k < 0 or tokens[k].paragraph != tokens[start].paragraph:
        return start
    head = tokens[k]
    if not head.text.islower() or not role_noun(head.text) or doc.quoted[k] != doc.quoted[start]:
        return start
    s = k
    para_start = doc.paragraph_tokens[head.paragraph].start
    while s - 1 >= para_start and k - s < _MAX_ROLE_PREFIX:
        t = tokens[s - 1]
        lower = t.text.lower()
        if not t.is_word or doc.quoted[s - 1] != doc.quoted[start]:
            break
        if lower == "and" and s - 2 >= para_start and tokens[s - 2].text in ROLE_NOUNS:
            s -= 1  # "JPL scientist and study co-author Michael Malaska"
            continue
        if lower in FUNCTION_WORDS or lower in QUOTE_VERBS:
            break
        if not (t.text.islower() or t.is_cap):
            break
        s -= 1
    return s


def appositive(doc: Doc, end: int) -> tuple[str | None, int | None]:
    """The role between commas after a name ending at token ``end``, and where it stops.

    A relative clause ("Tom Forte, who follows Amazon as a managing director at ...,") gives its
    role after "as a" or "is a", if any, and always its end, so that the verb after it can find
    its subject.
    """
    tokens = doc.tokens
    para = doc.paragraph_tokens[tokens[end - 1].paragraph]
    if end + 1 >= para.stop or tokens[end].text != "," or doc.quoted[end]:
        return None, None
    k = end + 1
    if tokens[k].text.isdigit():
        if k + 1 < para.stop and tokens[k + 1].text == ",":
            k += 2  # "Parise, 35, had scored"; "X, 45, a teacher from Ohio,"
        else:
            return None, None  # "Bassi, 43 years a fisherman,"
    first = k
    stop = _clause_end(doc, first, para.stop)
    if stop is None:
        return None, None
    if tokens[first].text == "who":
        return _relative_role(doc, first, stop), stop
    stop = _list_end(doc, stop, para.stop)
    words = list(tokens[first:stop])
    relative = next((n for n, t in enumerate(words) if t.text in RELATIVE_PRONOUNS), None)
    if relative is not None:
        words = words[:relative]  # "a professor at Purdue University whose research ..."
    if any(_saying(doc, first + n) for n in range(len(words))):
        return None, None
    has_article = bool(words) and words[0].text.lower() in ARTICLES
    if has_article:
        words = words[1:]
    if not words or (
        words[0].text.lower() in _APPOSITIVE_REJECTED and not in_capitals(words[0].text)
    ):
        return None, None
    if not has_article and not any(t.text.lower() in ROLE_NOUNS for t in words[:4]):
        return None, None  # "Laessing, things then went ...": a clause, not a role
    lead = words[0]
    if lead.is_cap and lead.text.lower() in ROLE_NOUNS | TITLE_MODIFIERS:
        return doc.article.text[words[0].start : words[-1].end], stop  # "Senior Vice President"
    if lead.is_cap and not any(
        t.text.islower() and len(t.text) > 3 and t.text not in NAME_CONNECTORS for t in words
    ):
        return None, None  # "Paris, France" or a list of names
    if not lead.text[0].isalpha():
        return None, None
    words = _without_run_on(words)
    return doc.article.text[words[0].start : words[-1].end], stop


def pre_appositive(doc: Doc, start: int, end: int) -> tuple[str, int, int] | None:
    """A role set off before a name by commas: "The prime minister, Theresa May, visited",
    "NASA's associate administrator for science, Thomas Zurbuchen, said", "said its chief
    executive, Jane Roe." -> (role, first token of the phrase, token of the comma after the
    name). The phrase opens its sentence or clause, or follows a determiner or a possessive,
    ends in a role noun or has one before "of"/"for"/"at", and holds no verb."""
    tokens = doc.tokens
    comma = start - 1
    para = doc.paragraph_tokens[tokens[start].paragraph]
    if comma - 1 < para.start or tokens[comma].text != "," or doc.quoted[comma]:
        return None
    if end < para.stop and tokens[end].text not in (",", ".", ";"):
        return None
    k = comma  # the phrase is tokens [k, comma)
    while k - 1 >= para.start and comma - k < _MAX_ROLE_PREFIX + 4:
        t = tokens[k - 1]
        lower = t.text.lower()
        if not t.is_word or doc.quoted[k - 1] or _saying(doc, k - 1):
            break
        if lower in ARTICLES or lower in ROLE_DETERMINERS:
            break
        if t.possessive:
            k -= 1  # "NASA's associate administrator": the owner belongs to the role
            break
        if lower in FUNCTION_WORDS and lower not in ROLE_JOINERS and not in_capitals(t.text):
            return None  # "After meeting the president, Joe Biden": a clause, not a role
        k -= 1
    if k >= comma:
        return None
    opener = tokens[k - 1].text.lower() if k - 1 >= para.start else ""
    if k > para.start and not (
        opener in ARTICLES
        or opener in ROLE_DETERMINERS
        or opener in QUOTE_VERBS
        or doc.sentence_start(k)
        or tokens[k].possessive
        or tokens[k - 1].text in (",", ":", ";")
    ):
        return None
    words = [t.text.lower() for t in tokens[k:comma]]
    joiner = next((n for n, w in enumerate(words) if w in ROLE_JOINERS), len(words))
    if joiner == 0 or not role_noun(words[joiner - 1]):
        return None
    if any(tokens[n].is_cap and not tokens[n].possessive for n in range(k, comma)) and not any(
        role_noun(w) for w in words
    ):
        return None
    return doc.article.text[tokens[k].start : tokens[comma - 1].end], k, end


def _list_end(doc: Doc, stop: int, limit: int) -> int:
    """Past the commas of a list inside a role: "head of research, policy and advocacy at
    Oxfam," ends after "Oxfam" (the segment after the comma holds "and" or "or" after its first
    word, and no verb of saying)."""
    tokens = doc.tokens
    while stop < limit and tokens[stop].text == ",":
        after = _clause_end(doc, stop + 1, limit)
        if after is None:
            return stop
        segment = [t.text.lower() for t in tokens[stop + 1 : after]]
        if not any(w in ("and", "or") for w in segment[1:3]):
            return stop
        if any(_saying(doc, k) for k in range(stop + 1, after)):
            return stop
        stop = after
    return stop


def _without_run_on(words: list[Token]) -> list[Token]:
    """A role up to the clause it runs on into: "aide to Vice President Pence on Trump's July
    25 phone call" -> "aide to Vice President Pence" (cut at a preposition after a name)."""
    named = False
    for n, t in enumerate(words):
        nxt = words[n + 1] if n + 1 < len(words) else None
        # "Council on Foreign Relations", "Forum in Israel": a name goes on after it.
        goes_on = nxt is not None and nxt.is_cap and not nxt.possessive
        if n and t.text in RUN_ON_PREPOSITIONS and named and nxt is not None and not goes_on:
            return words[:n]
        named = named or (n > 0 and t.is_cap)
    return words


def _clause_end(doc: Doc, first: int, limit: int) -> int | None:
    """Token of the comma or stop closing a clause that starts at ``first`` (parentheses kept)."""
    tokens = doc.tokens
    depth = 0
    k = first
    while k < limit and k - first < _MAX_APPOSITIVE_TOKENS:
        text = tokens[k].text
        if doc.quoted[k] or text in '“”"«»‘’':
            return None
        if text == "(":
            depth += 1
        elif text == ")":
            depth -= 1
        elif depth <= 0 and text in _CLAUSE_STOPS and not _initial_dot(doc, k):
            return k if k > first else None
        k += 1
    return k if k == limit and k > first else None


def _initial_dot(doc: Doc, k: int) -> bool:
    """A period after an initial or an abbreviation ("Dana F. Besecker", "Gov. Holcomb")."""
    if doc.tokens[k].text != "." or k == 0:
        return False
    before = doc.tokens[k - 1]
    if before.end != doc.tokens[k].start:
        return False
    if len(before.text) == 1:
        return before.text.isupper()
    # Capitalized, as before a name: a lowercase "no." or "est." ends its clause.
    return before.is_cap and before.text.lower() in ABBREVIATIONS


def _relative_role(doc: Doc, first: int, stop: int) -> str | None:
    """ "who is a senior fellow at X" / "who follows Amazon as a managing director at X"."""
    tokens = doc.tokens
    for k in range(first + 1, stop - 1):
        word = tokens[k].text.lower()
        after = tokens[k + 1].text.lower()
        if (word == "as" or word in RELATIVE_BE) and after in ARTICLES:
            words = tokens[k + 2 : stop]
            if words and any(t.text.lower() in ROLE_NOUNS for t in words[:4]):
                return doc.article.text[words[0].start : words[-1].end]
            return None
    return None
