"""Learn brief's speaker confidence on PolNeAR train; write brief/speech/confidence.json.

Run from the repository root::

    .venv/bin/python bench/train_confidence.py            # train, pick the cuts, report dev
    .venv/bin/python bench/train_confidence.py --check    # only measure the shipped model
    .venv/bin/python bench/train_confidence.py --check --write-figures  # and record them

Examples. Every quote and statement brief gives a speaker on the PolNeAR train split (with no
speaker dropped: ``analyze_speech(drop_doubtful=False)``), matched to a gold relation as
bench/attribution.py matches it (``verdicts``); label 1 when its speaker rule says right, 0
when wrong; unscorable and unmatched ones are left out. Features are the runtime's own
(``brief.speech.confidence.features``), columns in ``feature_names()`` order.

Model. L2-regularised logistic regression (``L2`` on the weights, not the bias) fitted by
Newton's method from zero: no randomness, the same file for the same corpus and code.

Cuts, both chosen on train. ``threshold``: the lowest confidence at and above which speakers
are right at least ``TARGET`` of the time (the precision of the judged examples); at and above
it brief asserts a speaker, below it front ends show "Laessing?". ``drop``: the highest cut,
among ``DROP_CUTS``, at which dropping the quotations' speakers under it to unattributed costs
at most ``MAX_RECALL_LOSS`` of end-to-end quotation recall; 0 (drop nothing) unless it raises
end-to-end precision, and never above the lowest confidence of a speaker the project's own
hand-checked texts hold right: the seed article's seven (tests/fixtures/seed.txt) and the
annotated pages' (tests/fixtures/pages, scored by tests/page_expectations.py). A cut that drops
one of those is known to be too high: PolNeAR's rule judges many bodies wrong ("they said" for
"Big Machine Label Group") that the pages' annotators hold right. Statements are never dropped
(a statement without a speaker is none).

The dev split is only measured, never tuned on; its figures go into the file beside train's.
The threshold must also be brief.models.CONFIDENT (the front ends' constant): the script says
when they differ.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import attribution
import numpy as np
import polnear_gold as gold
from attribution import Pred

from brief.models import CONFIDENT
from brief.speech.confidence import Model, feature_names, features

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "brief" / "speech" / "confidence.json"
SEED = ROOT / "tests" / "fixtures" / "seed.txt"
sys.path.insert(0, str(ROOT / "tests"))
import page_expectations as pages  # noqa: E402  (the pages' expectations, shared with the tests)

L2 = 1.0
NEWTON_STEPS = 50
TARGET = 0.97
MAX_RECALL_LOSS = 0.01
DROP_CUTS = tuple(c / 100 for c in range(0, 61, 2))

Figures = dict[str, float | int]


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Weights and bias of the L2 logistic regression, by Newton's method from zero."""
    n, d = x.shape
    a = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.full(d + 1, L2)
    penalty[-1] = 0.0  # the bias is not pulled to zero
    for _ in range(NEWTON_STEPS):
        p = 1 / (1 + np.exp(-(a @ w)))
        grad = a.T @ (p - y) + penalty * w
        hess = (a * (p * (1 - p))[:, None]).T @ a + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-9:
            break
    return w[:-1], float(w[-1])


def examples(judged: list[tuple[Pred, str]]) -> list[tuple[Pred, int]]:
    """Predictions with a speaker judged right (1) or wrong (0), in the given order."""
    return [
        (p, int(v == "right"))
        for p, v in judged
        if p.evidence is not None and v in ("right", "wrong")
    ]


def rescore(preds: dict[str, list[Pred]], model: Model) -> dict[str, list[Pred]]:
    """Every prediction's confidence under ``model``."""
    return {
        doc: [replace(p, confidence=model.score(p.evidence) if p.evidence else None) for p in found]
        for doc, found in preds.items()
    }


def dropped(preds: dict[str, list[Pred]], cut: float) -> dict[str, list[Pred]]:
    """The quotations whose confidence is under ``cut`` made unattributed, as brief does."""
    return {
        doc: [
            replace(p, speaker=None, speaker_kind=None, role=None, verb=None, how=None)
            if p.kind == "quotation" and p.confidence is not None and p.confidence < cut
            else p
            for p in found
        ]
        for doc, found in preds.items()
    }


def e2e(docs: Sequence[gold.Doc], preds: dict[str, list[Pred]], vocab: gold.Vocabulary) -> Figures:
    """End-to-end P/R/F1 and wrong / unattributed shares on matched predictions, both kinds."""
    run = attribution.score(docs, preds, vocab)
    out: Figures = {}
    for kind in attribution.KINDS:
        for system in attribution.SYSTEMS:
            t = run.totals[system, kind]
            p, r, f = t.end_to_end()
            tag = f"{kind}_{system}"
            out |= {f"{tag}_p": p, f"{tag}_r": r, f"{tag}_f1": f}
            out[f"{tag}_wrong"] = t.on_matched("wrong")
            out[f"{tag}_unattributed"] = t.on_matched("unattributed")
    return out


def above(judged: list[tuple[Pred, str]], threshold: float) -> Figures:
    """Precision above the threshold (judged speakers) and the share of speakers above it."""
    named = [(p, v) for p, v in judged if p.speaker is not None and p.confidence is not None]
    high = [v for p, v in named if p.confidence is not None and p.confidence >= threshold]
    low = [v for p, v in named if p.confidence is not None and p.confidence < threshold]
    right, wrong = high.count("right"), high.count("wrong")
    low_right, low_wrong = low.count("right"), low.count("wrong")
    return {
        "attributed": len(named),
        "share_above": len(high) / len(named) if named else 0.0,
        "precision_above": right / (right + wrong) if right + wrong else 0.0,
        "judged_above": right + wrong,
        "precision_below": low_right / (low_right + low_wrong) if low_right + low_wrong else 0.0,
        "judged_below": low_right + low_wrong,
    }


def choose_threshold(scored: list[tuple[float, int]]) -> float:
    """The lowest cut (in hundredths) with precision >= TARGET at and above it."""
    for cut in (c / 100 for c in range(101)):
        labels = [y for s, y in scored if s >= cut]
        if labels and sum(labels) / len(labels) >= TARGET:
            return cut
    return 1.0


def annotated_floor(model: Model) -> float:
    """The lowest confidence ``model`` gives a right speaker of a hand-checked text: every
    quotation of the seed article, and the quotations of the annotated pages whose speaker
    their expectations accept."""
    from brief.extract import extract_html, load_source
    from brief.speech import analyze_speech

    speech = analyze_speech(load_source(str(SEED)), drop_doubtful=False)
    scores = [model.score(e) for e in speech.quote_evidence if e is not None]
    for case in pages.load_pages():
        speech = analyze_speech(extract_html(case.html(), url=case.url), drop_doubtful=False)
        found = [pages.Predicted(q.text, q.speaker, q.speaker_kind, q.role) for q in speech.quotes]
        matching = pages.match_quotes(case, found)
        for e, p in matching.pairs.items():
            q, evidence = speech.quotes[p], speech.quote_evidence[p]
            if evidence is not None and case.quotes[e].speaker_matches(q.speaker, q.speaker_kind):
                scores.append(model.score(evidence))
    return min(scores)


def choose_drop(
    docs: Sequence[gold.Doc], preds: dict[str, list[Pred]], vocab: gold.Vocabulary, ceiling: float
) -> tuple[float, list[tuple[float, Figures]]]:
    """The drop cut (module docstring rule: at most ``ceiling``) and the train figures at every
    cut tried."""
    curve = [(cut, e2e(docs, dropped(preds, cut), vocab)) for cut in DROP_CUTS]
    base = curve[0][1]
    best = 0.0
    for cut, f in curve:
        lost = float(base["quotation_brief_r"]) - float(f["quotation_brief_r"])
        gain = f["quotation_brief_p"] > base["quotation_brief_p"]
        if lost <= MAX_RECALL_LOSS and gain and cut <= ceiling:
            best = cut
    return best, curve


def _load(corpus: Path, split: str) -> tuple[list[gold.Doc], gold.Vocabulary]:
    vocab = gold.vocabulary(corpus)
    return gold.load(corpus, split, None, vocab, True), vocab


def measure(
    docs: Sequence[gold.Doc], vocab: gold.Vocabulary, model: Model
) -> tuple[Figures, Figures, Figures]:
    """Above-threshold figures, e2e before the drop and after it, for one split."""
    preds = rescore(attribution.run_brief(docs, drop_doubtful=False), model)
    judged = attribution.verdicts(docs, preds, vocab)
    return (
        above(judged, model.threshold),
        e2e(docs, preds, vocab),
        e2e(docs, dropped(preds, model.drop), vocab),
    )


def _pct(x: float | int) -> str:
    return f"{100 * x:5.1f}"


def report(split: str, high: Figures, before: Figures, after: Figures, model: Model) -> None:
    """The figures of one split, as a small table."""
    print(
        f"\n{split}: {high['attributed']} speakers given; at or above {model.threshold:.2f}: "
        f"{_pct(high['share_above'])} % of them, speaker precision {_pct(high['precision_above'])}"
        f" % ({high['judged_above']} judged); below: {_pct(high['precision_below'])} % "
        f"({high['judged_below']} judged)"
    )
    print(f"  quotations, drop under {model.drop:.2f}:   e2e P      R     F1  wrong  unatt")
    for name, f, system in (
        ("baseline", before, "baseline"),
        ("brief before", before, "brief"),
        ("brief after", after, "brief"),
    ):
        tag = f"quotation_{system}"
        cells = [f[f"{tag}_{k}"] for k in ("p", "r", "f1", "wrong", "unattributed")]
        print(f"  {name:<32}" + "  ".join(_pct(c) for c in cells))
    for name, f in (("statements before", before), ("statements after", after)):
        cells = [f[f"statement_brief_{k}"] for k in ("p", "r", "f1", "wrong", "unattributed")]
        print(f"  {name:<32}" + "  ".join(_pct(c) for c in cells))


def _rounded(f: Figures) -> Figures:
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in f.items()}


def main(argv: Sequence[str] | None = None) -> int:
    """Train on train, choose the cuts on train, measure dev, write the weights."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=gold.CORPUS)
    parser.add_argument("--check", action="store_true", help="measure the shipped model only")
    parser.add_argument(
        "--write-figures",
        action="store_true",
        help="with --check: write the figures measured into the shipped file, weights unchanged",
    )
    args = parser.parse_args(argv)
    if not (args.corpus / "train").is_dir():
        print(f"no PolNeAR corpus at {args.corpus}; nothing to train on")
        return 0
    names = feature_names()
    train, vocab = _load(args.corpus, "train")
    dev, _ = _load(args.corpus, "dev")
    if args.check:
        from brief.speech.confidence import model as shipped

        measured = {}
        for split, docs in (("train", train), ("dev", dev)):
            high, before, after = measure(docs, vocab, shipped())
            report(split, high, before, after, shipped())
            measured[split] = {
                "above": _rounded(high),
                "before": _rounded(before),
                "after": _rounded(after),
            }
        if args.write_figures:
            # The rules changed, not the weights: the file's figures follow the code it ships with.
            data = json.loads(OUT.read_text(encoding="utf-8"))
            data["figures"] = measured
            OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
            print(f"wrote the figures into {OUT}")
        return 0
    preds = attribution.run_brief(train, drop_doubtful=False)
    labelled = examples(attribution.verdicts(train, preds, vocab))
    x = np.array(
        [[features(p.evidence).get(n, 0.0) for n in names] for p, _ in labelled if p.evidence]
    )
    y = np.array([float(label) for _, label in labelled])
    weights, bias = fit(x, y)
    raw = Model(
        {n: round(float(w), 4) for n, w in zip(names, weights, strict=True)},
        round(bias, 4),
        0.5,
        0.0,
    )
    scored = [(raw.score(p.evidence), label) for p, label in labelled if p.evidence]
    threshold = choose_threshold(scored)
    floor = annotated_floor(raw)
    drop, curve = choose_drop(train, rescore(preds, raw), vocab, floor)
    model = replace(raw, threshold=threshold, drop=drop)
    print(f"train: {len(labelled)} examples, {int(y.sum())} right; {len(names)} features, L2 {L2}")
    print(f"hand-checked texts: lowest right speaker's confidence {floor:.2f} (drop ceiling)")
    print("drop cut on train: quotations e2e P / R at each cut tried")
    for cut, f in curve:
        print(f"  {cut:.2f}  {_pct(f['quotation_brief_p'])}  {_pct(f['quotation_brief_r'])}")
    figures = {}
    for split, docs in (("train", train), ("dev", dev)):
        high, before, after = measure(docs, vocab, model)
        report(split, high, before, after, model)
        figures[split] = {
            "above": _rounded(high),
            "before": _rounded(before),
            "after": _rounded(after),
        }
    data = {
        "about": "brief/speech/confidence.py; written by bench/train_confidence.py",
        "examples": len(labelled),
        "l2": L2,
        "target_precision": TARGET,
        "threshold": threshold,
        "drop": drop,
        "bias": model.bias,
        "weights": model.weights,
        "figures": figures,
    }
    OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {OUT}")
    if threshold != CONFIDENT:
        print(f"brief.models.CONFIDENT is {CONFIDENT}: set it to {threshold}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
