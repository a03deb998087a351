"""Speaker linking (brief.store.identity): alias-group precision/recall on PolNeAR, and the
cost of linking at ingest.

Quality. Every named Source mention of the PolNeAR articles (train + dev, the annotators'
spans classified by bench/polnear_gold.py) is stored as the speaker of a quotation in its
article, through the real Store, so the linker sees what it sees at ingest: the names one
article gives. The gold alias groups come from the annotation: a person's group is the full
name (first and last word, titles and initials dropped) the mention or, for a bare surname,
the one full name with that surname its own article's annotated sources give; an
organization's is its name without "the" and possessives, casefolded. A bare surname whose
article names nobody in full with it (or several) has no gold group: it is counted apart.
Pairwise precision/recall over (article, alias) mentions with a gold group; the largest
wrong merge is the stored speaker holding the most gold groups.

Real pages. bench/speaker_corpus.py stores the shared corpus's pages through `brief fetch` from
a loopback server and checks every link against the pages' own names (--no-corpus skips it).

Speed. Ingest of --articles analysed articles (PolNeAR speaker names, three quotes each) into
a store already holding --store-size articles, with linking and with linking replaced by a
no-op in this process (the baseline), alternating, --repeat times; the medians are printed.
Usage:
    .venv/bin/python bench/speaker_links.py [--store-size 100000] [--articles 1000] [--repeat 3]
        [--no-speed] [--no-corpus]
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from polnear_gold import (
    CORPUS,
    HONORIFICS,
    SUFFIXES,
    TITLES,
    Doc,
    Vocabulary,
    bare,
    load,
    pairwise,
)

from brief.models import Article, Brief, FeedEntry, Quote
from brief.store import FetchUpdate, Store
from brief.store import articles as store_articles
from brief.store.naming import fold, name_key

Said = tuple[str, str]  # name, kind


def _mentions(doc: Doc) -> list[Said]:
    out: dict[str, str] = {}
    for m in doc.mentions():
        if m.category == "named" and m.names:
            out.setdefault(m.names[0], "person" if m.person else "organization")
    return list(out.items())


def _person_words(name: str) -> list[str]:
    """polnear_gold's reading of a person's name: its own title and suffix lists, not brief's."""
    words = [fold(bare(w)).replace("’", "'") for w in name.split()]
    while words and words[0] in TITLES | HONORIFICS:
        words.pop(0)
    return [w for w in words if len(w) > 1 and w not in SUFFIXES]


def _gold(said: list[Said], corpus_full: dict[str, set[str]]) -> dict[str, str]:
    """alias -> gold group for one article's named sources: a bare surname takes the one full
    name its article gives with that surname, else the one the whole corpus gives, else none."""
    full: dict[str, set[str]] = defaultdict(set)
    for name, kind in said:
        words = _person_words(name)
        if kind == "person" and len(words) >= 2:
            full[words[-1]].add(f"{words[0]} {words[-1]}")
    gold = {}
    for name, kind in said:
        if kind == "organization":
            words = fold(name).replace("’s", "").replace("'s", "").split()
            gold[name] = "org:" + " ".join(w for w in words if w != "the")
            continue
        words = _person_words(name)
        if len(words) >= 2:
            gold[name] = f"{words[0]} {words[-1]}"
        elif words:
            known = full.get(words[0]) or corpus_full.get(words[0], set())
            if len(known) == 1:
                gold[name] = next(iter(known))
    return gold


def _corpus_full(docs: list[Doc]) -> dict[str, set[str]]:
    full: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        for name, kind in _mentions(doc):
            words = _person_words(name)
            if kind == "person" and len(words) >= 2:
                full[words[-1]].add(f"{words[0]} {words[-1]}")
    return full


def _brief(said: list[Said], n: int) -> Brief:
    paragraphs = tuple(f"Paragraph {n}.{i} with words said." for i in range(max(1, len(said))))
    article = Article(paragraphs=paragraphs, title=f"Story {n}", published="2016-10-01")
    quotes = tuple(
        Quote(p, name, kind, None, "said", i, article.paragraph_start(i),  # type: ignore[arg-type]
              article.paragraph_start(i) + len(p))
        for i, (p, (name, kind)) in enumerate(zip(paragraphs, said, strict=False))
    )  # fmt: skip
    return Brief(article, (), quotes, (), ())


def _entry(n: int) -> FeedEntry:
    url = f"https://news.example/{n}"
    return FeedEntry(url, url, f"Story {n}", None, "2016-10-01T08:00:00Z", "", "")


def quality(docs: list[Doc], folder: Path) -> None:
    """Store every article's named sources and score the speakers they were linked to."""
    with Store.open(folder / "quality.sqlite3") as store:
        feed, _ = store.add_feed("https://feeds.example/polnear", "PolNeAR", [])
        gold: dict[tuple[int, str], str] = {}
        bare_unknown = 0
        corpus_full = _corpus_full(docs)
        for n, doc in enumerate(docs):
            said = _mentions(doc)
            [article_id] = store.record_fetch(feed, FetchUpdate(), [_entry(n)])
            store.complete_article(article_id, _brief(said, n), "full")
            groups = _gold(said, corpus_full)
            bare_unknown += sum(1 for name, _ in said if name_key(name, "person") and
                                name not in groups)  # fmt: skip
            gold.update({(article_id, alias): g for alias, g in groups.items()})
        with store._read() as conn:
            links = {(a, alias): (s, how) for a, alias, s, how in conn.execute(
                "SELECT article_id, alias, speaker_id, how FROM speaker_links")}  # fmt: skip
    system = {m: links[m][0] for m in gold if m in links}
    by_gold = Counter(gold[m] for m in system)
    by_sys = Counter(system.values())
    precision, recall = pairwise(system, gold)
    groups_in: dict[int, Counter[str]] = defaultdict(Counter)
    for m, s in system.items():
        groups_in[s][gold[m]] += 1
    worst = max(groups_in.items(), key=lambda kv: (len(kv[1]), sum(kv[1].values())))
    hows = Counter(how.split(" as ")[0].split(":")[0] for _, how in links.values())
    missed = Counter((gold[m], links[m][1]) for m in system if by_sys[system[m]] < by_gold[gold[m]])
    print(
        f"articles {len(docs)}, named source mentions {len(links)}, with a gold group "
        f"{len(system)} in {len(by_gold)} gold groups; bare surnames without one {bare_unknown}"
    )
    print(f"stored speakers over gold mentions {len(by_sys)}")
    print(
        f"pairwise precision {precision:.3f}  recall {recall:.3f}  "
        f"F1 {2 * precision * recall / max(1e-9, precision + recall):.3f}"
    )
    print(
        f"largest wrong merge: speaker #{worst[0]} holds {len(worst[1])} gold groups: "
        + ", ".join(f"{g} ({c})" for g, c in worst[1].most_common(6))
    )
    print(
        "most split gold groups (group, rule): "
        + ", ".join(f"{g} / {h} ({c})" for (g, h), c in missed.most_common(5))
    )
    print("links by rule: " + ", ".join(f"{h} {c}" for h, c in hows.most_common()))  # fmt: skip


def _fill(path: Path, size: int, names: list[list[Said]]) -> None:
    with Store.open(path) as store:
        feed, _ = store.add_feed("https://feeds.example/base", "Base", [])
        for start in range(0, size, 1000):
            batch = range(start, min(size, start + 1000))
            ids = store.record_fetch(feed, FetchUpdate(), [_entry(n) for n in batch])
            for n, article_id in zip(batch, ids, strict=True):
                store.complete_article(article_id, _brief(names[n % len(names)], n), "full")


def _ingest(base: Path, work: Path, count: int, names: list[list[Said]], link: bool) -> float:
    shutil.copyfile(base, work)
    original = store_articles.identity.link_article
    if not link:
        store_articles.identity.link_article = lambda conn, article_id, said: {}  # type: ignore[assignment]
    try:
        with Store.open(work) as store:
            feed, _ = store.add_feed("https://feeds.example/new", "New", [])
            entries = [_entry(10_000_000 + n) for n in range(count)]
            ids = store.record_fetch(feed, FetchUpdate(), entries)
            began = time.perf_counter()
            for n, article_id in enumerate(ids):
                store.complete_article(article_id, _brief(names[(n * 7) % len(names)], n), "full")
            return time.perf_counter() - began
    finally:
        store_articles.identity.link_article = original  # type: ignore[method-assign]


def speed(docs: list[Doc], folder: Path, size: int, count: int, repeat: int) -> None:
    """Ingest with and without linking into a store of ``size`` articles."""
    names = [s for s in (_mentions(d)[:3] for d in docs) if s]
    base = folder / "base.sqlite3"
    began = time.perf_counter()
    _fill(base, size, names)
    print(f"store of {size} articles built in {time.perf_counter() - began:.0f} s")
    runs: dict[bool, list[float]] = {False: [], True: []}
    for _, link in itertools.product(range(repeat), (False, True)):
        runs[link].append(_ingest(base, folder / "work.sqlite3", count, names, link))
    off, on = statistics.median(runs[False]), statistics.median(runs[True])
    print(
        f"ingest of {count} articles: without linking (baseline) {off:.2f} s, "
        f"with linking {on:.2f} s: {100 * (on / off - 1):+.1f} % (goal: at most +20 %)"
    )
    print(
        "runs: "
        + ", ".join(
            f"{'with' if k else 'without'} " + "/".join(f"{t:.2f}" for t in v)
            for k, v in runs.items()
        )
    )


def main() -> None:
    """Parse the options, print the machine, then both measures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store-size", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--no-corpus", action="store_true")
    args = parser.parse_args()
    print(f"{platform.python_implementation()} {platform.python_version()} on "
          f"{platform.machine()} ({os.cpu_count()} CPUs); corpus {CORPUS}")  # fmt: skip
    texts = []
    for split in ("train", "dev"):
        texts += [p.read_text(encoding="utf-8") for p in (CORPUS / split / "text").glob("*.txt")]
    vocab = Vocabulary.of(texts)
    docs = load(CORPUS, "train", None, vocab) + load(CORPUS, "dev", None, vocab)
    with tempfile.TemporaryDirectory() as tmp:
        quality(docs, Path(tmp))
        if not args.no_corpus:
            import speaker_corpus

            print("shared corpus through `brief fetch` from a loopback server:")
            speaker_corpus.main()
        if not args.no_speed:
            speed(docs, Path(tmp), args.store_size, args.articles, args.repeat)


if __name__ == "__main__":
    main()
