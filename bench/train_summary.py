"""Learn brief's default summary blend on the tuning halves; write brief/summary/blend.json.

Run from the repository root (rouge-score is the ``bench`` extra)::

    .venv/bin/python bench/train_summary.py            # learn, write blend.json, print the cells
    .venv/bin/python bench/train_summary.py --check    # only score the shipped blend
    .venv/bin/python bench/train_summary.py --style-only  # keep the blends, refit the model

Tuning rows: the BBC tuning half (bench/summary_rouge.py: the even articles of the
development split; a sample of ``--sample`` with ``--seed``) and the even CNN/DailyMail rows.
The held-out halves are never read here; bench/summary_rouge.py reports on them.

Cells: each corpus at 1, 3, 5 and 10 sentences and at 40 % of the article (BBC also at the
reference's length). In each cell the rivals are LEAD-N and every sumy algorithm, scored
once; the blend is scored by ROUGE-1 F1 with rouge-score's own tokenizer and stemmer (the
same clipped unigram counts as rouge-score's ROUGE-1, computed from per-sentence counts so
that a trial costs milliseconds).

Two blends and a style model (brief.summary.blend, brief.summary.style). The "lead" blend
is searched on the CNN/DailyMail tuning rows, the "spread" blend on the BBC tuning rows:
coordinate ascent over a grid, knot by knot (Weights at 1, 3, 5, 10 and 20 sentences), from
the shipped weights, a trial better when it wins more of its corpus's cells against the best
rival, then when the sum of its margins (each capped at +0.5 point, so that a big win cannot
pay for a loss) is higher. Then, for every tuning row and length, both blends' ROUGE-1 says
which is better there, and a logistic regression on the article's style features (weighted
by how much better) learns to tell them apart; the cells are scored with each row routed by
it. Deterministic: the same file for the same corpus and code.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path

import summary_rouge as sr
from rouge_score import rouge_scorer

from brief.summary.blend import STYLES, WEIGHTS_FILE, Weights, choose, shipped, weights_for
from brief.summary.candidates import anchored, leans_on_previous
from brief.summary.centrality import Features, features
from brief.summary.rank import _bounded, candidates
from brief.summary.style import FEATURES, StyleModel, style_features
from brief.summary.sumy_algorithms import SUMY_ALGORITHMS, sumy_pick

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "brief" / "summary" / WEIGHTS_FILE
KNOTS = (1, 3, 5, 10, 20)
CAP = 0.5
ROUNDS = 1
STEPS, RATE, L2 = 400, 0.5, 0.001  # the style model's gradient descent
GRID = {
    "position": (0.0, 0.1, 0.2, 0.3, 0.5, 0.8, 1.0, 1.5, 2.0),
    "textrank": (0.0, 0.5, 1.0, 1.5, 2.0, 3.0),
    "similarity": (0.0, 0.25, 0.5, 1.0),
    "length": (-0.5, -0.25, 0.0, 0.25, 0.5, 1.0),
    "max_words": (15.0, 20.0, 25.0, 30.0, 45.0, 1000.0),
    "names": (0.0, 1.0, 3.0),
    "redundancy": (0.2, 0.3, 0.5, 1.1),
}
_TOKENIZER = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)._tokenizer


@dataclass(frozen=True, slots=True)
class Prepared:
    """A tuning row reduced to what scoring a blend needs."""

    feats: Features
    leans: tuple[bool, ...]  # each candidate leans on the one before it
    counters: tuple[Counter[str], ...]  # rouge tokens of each candidate of the pool
    reference: Counter[str]
    counts: dict[int | str, int]
    style: dict[int | str, tuple[float, ...]]  # the style features at each length


def _tokens(text: str) -> Counter[str]:
    return Counter(_TOKENIZER.tokenize(text))


def _f1(summary: Counter[str], reference: Counter[str]) -> float:
    overlap = sum((summary & reference).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(summary.values())
    recall = overlap / sum(reference.values())
    return 2 * precision * recall / (precision + recall)


def prepare(row: sr.Row) -> Prepared:
    """Features and token counts of the pool brief's default ranks on this row."""
    pool = _bounded(candidates(row.article), "english")
    feats = features(pool, "english")
    counts = {length: sr.count_for(length, row) for length in sr.LENGTHS}
    return Prepared(
        feats,
        tuple(leans_on_previous(c.text) for c in pool),
        tuple(_tokens(c.text) for c in pool),
        _tokens(" ".join(row.reference)),
        counts,
        {length: style_features(feats, n) for length, n in counts.items()},
    )


def rival_best(rows: Sequence[sr.Row], lengths: Sequence[int | str]) -> dict[int | str, float]:
    """The best rival's mean ROUGE-1 F1 x 100 at each length."""
    best: dict[int | str, float] = {}
    for name in ("lead", *SUMY_ALGORITHMS):
        for length in lengths:
            total = 0.0
            for row in rows:
                count = sr.count_for(length, row)
                if name == "lead":
                    picks = list(range(min(count, len(row.sentences))))
                else:
                    picks = sumy_pick(row.sentences, count, name, "english", row.article.title)
                total += _f1(_tokens(" ".join(row.sentences[i] for i in picks)), _reference(row))
            best[length] = max(best.get(length, 0.0), 100 * total / len(rows))
    return best


def _reference(row: sr.Row) -> Counter[str]:
    return _tokens(" ".join(row.reference))


Table = Sequence[tuple[int, Weights]]


def row_score(p: Prepared, length: int | str, table: Table) -> float:
    """ROUGE-1 F1 x 100 of one blend's summary of one row at one length."""
    count = p.counts[length]
    if len(p.counters) <= count:
        picks: Sequence[int] = range(len(p.counters))
    else:
        picks = anchored(choose(p.feats, count, weights_for(count, table)), count, p.leans)
    summary: Counter[str] = Counter()
    for i in picks:
        summary += p.counters[i]
    return 100 * _f1(summary, p.reference)


def cell_score(
    rows: Sequence[Prepared],
    length: int | str,
    tables: dict[str, Table],
    model: StyleModel | None = None,
) -> float:
    """Mean ROUGE-1 F1 x 100 on the rows at one length: each row summarized with the blend the
    model routes it to (with no model, the one table given)."""
    total = 0.0
    for p in rows:
        if model is None:
            (table,) = tables.values()
        else:
            lead = model.lead_probability(p.style[length]) > 0.5
            table = tables["lead" if lead else "spread"]
        total += row_score(p, length, table)
    return total / len(rows)


Cells = dict[tuple[str, int | str], float]
Corpora = dict[str, tuple[list[Prepared], dict[int | str, float]]]


def margins(corpora: Corpora, tables: dict[str, Table], model: StyleModel | None = None) -> Cells:
    """The default's margin over the best rival in every cell."""
    return {
        (name, length): cell_score(rows, length, tables, model) - best
        for name, (rows, rivals) in corpora.items()
        for length, best in rivals.items()
    }


def merit(cells: Cells) -> tuple[float, float]:
    """What the search maximizes: the cells won, then the capped sum of margins."""
    return sum(m > 0 for m in cells.values()), sum(min(m, CAP) for m in cells.values())


def search(corpora: Corpora, start: Table) -> list[tuple[int, Weights]]:
    """Coordinate ascent over GRID, knot by knot, from ``start``, on these corpora alone."""
    table = [(k, weights_for(k, start)) for k in KNOTS]
    best = merit(margins(corpora, {"one": table}))
    for round_ in range(ROUNDS):
        for index, (count, _) in enumerate(table):
            for field in fields(Weights):
                for value in GRID[field.name]:
                    trial = list(table)
                    trial[index] = (count, replace(table[index][1], **{field.name: value}))
                    score = merit(margins(corpora, {"one": trial}))
                    if score > best:
                        best, table = score, trial
            print(
                f"round {round_ + 1}, knot {count}: {best[0]:.0f} cells, {best[1]:+.2f}",
                flush=True,
            )
    return table


def fit_style(corpora: Corpora, tables: dict[str, Table]) -> StyleModel:
    """A logistic regression telling the rows (at each length) the lead blend serves better
    from those the spread blend does, each weighted by the difference in ROUGE-1."""
    xs: list[tuple[float, ...]] = []
    ys: list[float] = []
    ws: list[float] = []
    for rows, rivals in corpora.values():
        for p in rows:
            for length in rivals:
                gain = row_score(p, length, tables["lead"]) - row_score(p, length, tables["spread"])
                if gain:
                    xs.append(p.style[length])
                    ys.append(1.0 if gain > 0 else 0.0)
                    ws.append(abs(gain))
    k = len(FEATURES)
    mean = tuple(sum(x[j] for x in xs) / len(xs) for j in range(k))
    scale = tuple(
        max(1e-9, (sum((x[j] - mean[j]) ** 2 for x in xs) / len(xs)) ** 0.5) for j in range(k)
    )
    zs = [tuple((x[j] - mean[j]) / scale[j] for j in range(k)) for x in xs]
    weights, bias = [0.0] * k, 0.0
    total = sum(ws)
    for _ in range(STEPS):  # gradient descent on the weighted log loss, a little L2
        model = StyleModel(mean, scale, tuple(weights), bias)
        grad, grad_bias = [L2 * w for w in weights], 0.0
        for x, z, y, w in zip(xs, zs, ys, ws, strict=True):
            error = w * (model.lead_probability(x) - y) / total
            grad_bias += error
            for j in range(k):
                grad[j] += error * z[j]
        weights = [w - RATE * g for w, g in zip(weights, grad, strict=True)]
        bias -= RATE * grad_bias
    return StyleModel(mean, scale, tuple(round(w, 4) for w in weights), round(bias, 4))


def main(argv: Sequence[str] | None = None) -> int:
    """Learn (or only score) the blend; 0 even when the corpora are absent."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="score the shipped blend only")
    parser.add_argument(
        "--style-only",
        action="store_true",
        help="keep the shipped blends; refit only the style model (the blends' search never "
        "reads the style features)",
    )
    parser.add_argument("--sample", type=int, default=400, help="BBC tuning articles")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--rivals", type=Path, help="JSON file caching the rivals' scores")
    args = parser.parse_args(argv)
    bbc, cnndm = sr.bbc_rows("tune"), sr.cnndm_rows("tune")
    if not bbc or not cnndm:
        print(f"corpora not found under {sr.SHARED}; nothing to do")
        return 0
    bbc = random.Random(args.seed).sample(bbc, min(args.sample, len(bbc)))
    print(f"tuning rows: {len(bbc)} BBC (seed {args.seed}), {len(cnndm)} CNN/DailyMail (even rows)")
    key = f"{len(bbc)} BBC, seed {args.seed}; {len(cnndm)} CNN/DM"
    cache = json.loads(args.rivals.read_text()) if args.rivals and args.rivals.is_file() else {}
    if cache.get("rows") != key:
        cache = {
            "rows": key,
            "BBC": rival_best(bbc, sr.LENGTHS),
            "CNN/DM": rival_best(cnndm, sr.LENGTHS[:-1]),
        }
        cache = json.loads(json.dumps(cache))  # the keys as a cached file has them
        if args.rivals:
            args.rivals.write_text(json.dumps(cache, indent=1), encoding="utf-8")

    def rivals(name: str) -> dict[int | str, float]:
        return {(int(k) if k.isdigit() else k): v for k, v in cache[name].items()}

    corpora: Corpora = {
        "BBC": ([prepare(r) for r in bbc], rivals("BBC")),
        "CNN/DM": ([prepare(r) for r in cnndm], rivals("CNN/DM")),
    }
    tables: dict[str, Table]
    shipped_tables, model = shipped()
    if args.check or args.style_only:
        tables = dict(shipped_tables)
    else:
        tables = {
            "lead": search({"CNN/DM": corpora["CNN/DM"]}, shipped_tables["lead"]),
            "spread": search({"BBC": corpora["BBC"]}, shipped_tables["spread"]),
        }
    if not args.check:
        model = fit_style(corpora, tables)
        print("style model:", json.dumps(model.to_json()["weights"]), f"bias {model.bias}")
    cells = margins(corpora, tables, model)
    for (name, length), m in cells.items():
        print(
            f"  {name:7}{length!s:>5}: default {m + corpora[name][1][length]:6.2f}, best rival "
            f"{corpora[name][1][length]:6.2f}, margin {m:+.2f}"
        )
    won = sum(m > 0 for m in cells.values())
    total = sum(min(m, CAP) for m in cells.values())
    print(f"{won} of {len(cells)} cells won, capped margin sum {total:+.2f}")
    if not args.check:
        data = {
            "trained_on": f"BBC tuning half ({len(bbc)} articles, seed {args.seed}) and the "
            f"even CNN/DailyMail rows ({len(cnndm)}); bench/train_summary.py"
            + (" --style-only (the blends kept, the style model refit)" if args.style_only else ""),
            "cells_won": f"{won} of {len(cells)} (tuning rows)",
            "styles": {
                style: [{"sentences": k, **w.to_json()} for k, w in tables[style]]
                for style in STYLES
            },
            "style_model": model.to_json(),
        }
        OUT.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
