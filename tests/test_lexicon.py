"""The word lists: one home (brief/speech/lexicon; brief/text/sentences.py for abbreviations),
each list sorted and free of duplicates, and no vocabulary left in the other speech modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import brief
from brief.models import Article
from brief.speech import analyze_speech

BRIEF = Path(brief.__file__).parent
LEXICON = sorted((BRIEF / "speech" / "lexicon").glob("*.py"))
WORD_LIST_FILES = [*LEXICON, BRIEF / "text" / "sentences.py"]
SPEECH = sorted(p for p in (BRIEF / "speech").glob("*.py") if p.name != "__init__.py")


def _order(word: str) -> tuple[str, str]:
    """The order lists are kept in: case-insensitive, then capitals first ("It it")."""
    return word.casefold(), word


def _word_lists(source: str) -> list[tuple[int, list[str]]]:
    """Every word list in a module: ``_words("…")``/``_wordset("…")`` texts, and set or list
    literals of strings (tuples are left out: their order is a rule's, as in suffixes tried)."""
    out: list[tuple[int, list[str]]] = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("_words", "_wordset")
        ):
            (arg,) = node.args
            assert isinstance(arg, ast.Constant) and isinstance(arg.value, str), node.lineno
            out.append((node.lineno, arg.value.split()))
        elif isinstance(node, ast.Set | ast.List) and _strings(node.elts):
            out.append((node.lineno, [e.value for e in node.elts]))  # type: ignore[attr-defined]
    return out


def _strings(nodes: list[ast.expr]) -> bool:
    return bool(nodes) and all(
        isinstance(n, ast.Constant) and isinstance(n.value, str) for n in nodes
    )


def _problems(source: str) -> list[str]:
    """What is wrong with a module's word lists and mapping literals, one line each."""
    problems = []
    for line, words in _word_lists(source):
        repeated = sorted({w for w in words if words.count(w) > 1})
        if repeated:
            problems.append(f"line {line}: repeated {repeated}")
        if words != sorted(words, key=_order):
            wrong = next(a for a, b in zip(words, sorted(words, key=_order), strict=True) if a != b)
            problems.append(f"line {line}: unsorted at {wrong!r}")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            repeated = sorted({k for k in keys if keys.count(k) > 1})
            if repeated:
                problems.append(f"line {node.lineno}: repeated keys {repeated}")
    return problems


def _vocabulary(source: str) -> list[str]:
    """Module-level ``NAME = frozenset({…})`` assignments whose members are all plain words."""
    found = []
    for node in ast.parse(source).body:
        if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)):
            continue
        call = node.value
        if not (isinstance(call.func, ast.Name) and call.func.id in ("frozenset", "set")):
            continue
        if call.args and isinstance(call.args[0], ast.Set | ast.List | ast.Tuple):
            members = call.args[0].elts
            if _strings(members) and all(
                m.value.replace("'", "").isalpha()  # type: ignore[attr-defined]
                for m in members
            ):
                found.append(ast.unparse(node.targets[0]))
    return found


@pytest.mark.parametrize("path", WORD_LIST_FILES, ids=lambda p: p.name)
def test_every_word_list_is_sorted_without_duplicates(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert _word_lists(source) or path.name in ("__init__.py", "places.py", "sources.py")
    assert _problems(source) == []


def test_the_checker_sees_unsorted_lists_and_duplicates() -> None:
    source = (
        'A = _words("beta alpha")\n'
        'B = _words("one one two")\n'
        'C = frozenset({"x", "b"})\n'
        'D = {"US": "United States", "US": "USA"}\n'
        'E = ("ian", "an")\n'
    )
    assert _problems(source) == [
        "line 1: unsorted at 'beta'",
        "line 2: repeated ['one']",
        "line 3: unsorted at 'x'",
        "line 4: repeated keys ['US']",
    ]


@pytest.mark.parametrize("path", SPEECH, ids=lambda p: p.name)
def test_speech_modules_keep_their_vocabulary_in_the_lexicon(path: Path) -> None:
    assert _vocabulary(path.read_text(encoding="utf-8")) == []


def test_the_vocabulary_finder_tells_words_from_punctuation() -> None:
    source = (
        '_ARTICLES = frozenset({"a", "an", "the"})\n'
        '_MARKS = frozenset({",", ";", "and"})\n'
        '_QUOTES = frozenset("“”")\n'
        "def f():\n"
        '    inner = frozenset({"a"})\n'
    )
    assert _vocabulary(source) == ["_ARTICLES"]


def _assignments(name: str) -> list[str]:
    """The modules of brief that assign ``name`` at module level."""
    found = []
    for path in sorted(BRIEF.rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else []
            if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                found.append(str(path.relative_to(BRIEF)))
    return found


@pytest.mark.parametrize(
    ("name", "home"),
    [
        ("QUOTE_VERBS", "speech/lexicon/words.py"),
        ("ABBREVIATIONS", "text/sentences.py"),
        ("ALGORITHMS", "choices.py"),
    ],
)
def test_each_concept_is_defined_once(name: str, home: str) -> None:
    assert _assignments(name) == [home]


def test_the_one_abbreviation_list_serves_names_too() -> None:
    """ "Brig." ends no sentence for the splitter, so it does not cut a title from its name."""
    text = "“We will rebuild every school in the valley,” said Brig. Gen. Anne Lee."
    (quote,) = analyze_speech(Article(paragraphs=(text,))).quotes
    assert (quote.speaker, quote.role) == ("Anne Lee", "Brig. Gen.")
