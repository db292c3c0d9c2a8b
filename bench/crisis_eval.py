"""Evaluate the crisis-language reader on the labelled texts.

    .venv/bin/python bench/crisis_eval.py                  # both sets: tables and figures
    .venv/bin/python bench/crisis_eval.py --json           # the same figures as JSON
    .venv/bin/python bench/crisis_eval.py --split labelled --errors   # misreads, for tuning
    .venv/bin/python bench/crisis_eval.py --split labelled --speed    # ms per ~200-word entry

Figures per set: the 3x3 confusion matrix (rows: label, columns: reading), urgent recall (urgent
texts read as urgent), urgent flagged (urgent texts read as concern or urgent), any-flag recall
(concern or urgent texts read as either), and the false-alarm rate on the hard negatives (texts
labelled none that are read as concern or urgent). Targets: urgent recall 1.0 on both sets and
hard-negative false alarms at most 5%. Each set is read by the whole reader (rules and
classifier) and, on one line below, by the rules alone (`read_crisis(use_model=False)`).

The held-out sets (`heldout*.jsonl`) were written before the models they judge and are never
used for tuning: `--errors` is meant for the training sets, and a run that includes a held-out
set (the default) is one held-out evaluation, to be counted in docs/safety.md. The other sets
(`TRAINING`) are training data of the classifier, so their figures here are in-sample; its
cross-validated figures are in alliance/analysis/models/crisis-metrics.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from alliance.analysis.crisis import read_crisis
from alliance.analysis.sentences import split_sentences

DATA = Path(__file__).resolve().parents[1] / "tests" / "analysis" / "data" / "crisis"
# Held-out sets (heldout*.jsonl): never trained or tuned on; a run that reads one counts.
HELDOUT = tuple(sorted(path.stem for path in DATA.glob("heldout*.jsonl")))
# The classifier's training data: the rules' tuning set, development paraphrases and every
# train_*.jsonl (texts written for the classifier).
TRAINING = ("labelled", "paraphrases", *sorted(p.stem for p in DATA.glob("train_*.jsonl")))
SPLITS = ("labelled", *HELDOUT)
EXTRA_SPLITS = tuple(name for name in TRAINING if name not in SPLITS)
LEVELS = ("none", "concern", "urgent")
URGENT_RECALL_TARGET = 1.0
FALSE_ALARM_TARGET = 0.05


def load(split: str) -> list[dict[str, str]]:
    with (DATA / f"{split}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def evaluate(rows: list[dict[str, str]], use_model: bool = True) -> dict[str, object]:
    """Confusion matrix and the headline figures for one labelled set."""
    predicted = [read_crisis(row["text"], use_model=use_model).level for row in rows]
    return figures([row["level"] for row in rows], predicted)


def figures(labels: Sequence[str], predicted: Sequence[str]) -> dict[str, object]:
    """The headline figures for levels read (`predicted`) against `labels`; the training
    script reports its out-of-fold readings with the same function."""
    matrix = {gold: dict.fromkeys(LEVELS, 0) for gold in LEVELS}
    for label, guess in zip(labels, predicted, strict=True):
        matrix[label][guess] += 1
    urgent, concern, none = (sum(matrix[g].values()) for g in ("urgent", "concern", "none"))
    flagged = {g: matrix[g]["concern"] + matrix[g]["urgent"] for g in LEVELS}
    exact = sum(matrix[g][g] for g in LEVELS)
    return {
        "texts": len(labels),
        "support": {"none": none, "concern": concern, "urgent": urgent},
        "confusion": matrix,
        "urgent_recall": _ratio(matrix["urgent"]["urgent"], urgent),
        "urgent_flagged": _ratio(flagged["urgent"], urgent),
        "any_flag_recall": _ratio(flagged["urgent"] + flagged["concern"], urgent + concern),
        "concern_exact": _ratio(matrix["concern"]["concern"], concern),
        "false_alarm_rate": _ratio(flagged["none"], none),
        "false_alarms": flagged["none"],
        "accuracy": _ratio(exact, len(labels)),
    }


def errors(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    out = []
    for row in rows:
        reading = read_crisis(row["text"])
        if reading.level != row["level"]:
            out.append(
                {
                    "id": row["id"],
                    "label": row["level"],
                    "read": reading.level,
                    "text": row["text"],
                    "note": row.get("note", ""),
                }
            )
    return out


def speed(entries: int = 300) -> dict[str, object]:
    """Milliseconds per ~200-word entry, for two kinds of entry, and the rules alone.

    "ordinary": everyday reflection prose mixed with the hard negatives (idioms, bereavement,
    medication: the words that wake the cue index up); "risk_dense": every entry also holds
    several texts labelled concern or urgent, a worst case. The entries hold about 20
    sentences each, more than most reflections of that length, and the classifier's cost
    grows with the number of sentences.
    """
    rows = load("labelled")
    negatives = [row["text"] for row in rows if row["level"] == "none"]
    everything = [row["text"] for row in rows]
    ordinary, dense = _entries(negatives, entries), _entries(everything, entries)
    return {
        "ordinary": _time_entries(ordinary),
        "risk_dense": _time_entries(dense),
        "ordinary_rules_alone": _time_entries(ordinary, use_model=False),
        "risk_dense_rules_alone": _time_entries(dense, use_model=False),
    }


_FILLER = (
    "Session today was steady. We talked about work, my sister and the way I keep saying yes "
    "when I mean no. She asked what I noticed in my body and I said my shoulders. "
)


def _entries(pool: list[str], count: int) -> list[str]:
    texts = []
    for index in range(count):
        text = ""
        while len(text.split()) < 200:
            text += _FILLER + pool[(index * 7 + len(text)) % len(pool)] + " "
        texts.append(text)
    return texts


def _time_entries(texts: list[str], use_model: bool = True) -> dict[str, float]:
    for text in texts[:20]:
        read_crisis(text, use_model=use_model)
    # CPU time as well as wall time: on a shared machine the wall clock measures the neighbours.
    wall, cpu = [], []
    for _ in range(5):
        start, start_cpu = time.perf_counter(), time.process_time()
        for text in texts:
            read_crisis(text, use_model=use_model)
        wall.append((time.perf_counter() - start) * 1000 / len(texts))
        cpu.append((time.process_time() - start_cpu) * 1000 / len(texts))
    return {
        "entries": len(texts),
        "mean_words": round(statistics.fmean(len(t.split()) for t in texts), 1),
        "mean_sentences": round(statistics.fmean(len(split_sentences(t)) for t in texts), 1),
        "ms_per_entry_median": round(statistics.median(wall), 4),
        "ms_per_entry_best": round(min(wall), 4),
        "cpu_ms_per_entry_median": round(statistics.median(cpu), 4),
    }


def _print_set(name: str, result: dict[str, object]) -> None:
    support = result["support"]
    print(f"\n{name}: {result['texts']} texts ({support})")
    print(f"  {'label/read':<14}" + "".join(f"{lv:>9}" for lv in LEVELS))
    for gold in LEVELS:
        row = result["confusion"][gold]  # type: ignore[index]
        print(f"  {gold:<14}" + "".join(f"{row[lv]:>9}" for lv in LEVELS))
    print(
        f"  urgent recall (read urgent)        {result['urgent_recall']:.3f}  "
        f"target {URGENT_RECALL_TARGET:.2f}"
    )
    print(f"  urgent flagged (concern or urgent) {result['urgent_flagged']:.3f}")
    print(f"  any-flag recall                    {result['any_flag_recall']:.3f}")
    print(f"  concern read exactly as concern    {result['concern_exact']:.3f}")
    print(
        f"  false alarms on hard negatives     {result['false_alarm_rate']:.3f} "
        f"({result['false_alarms']} of {support['none']})  "  # type: ignore[index]
        f"target <= {FALSE_ALARM_TARGET:.2f}"
    )
    print(f"  exact level accuracy               {result['accuracy']:.3f}")
    rules: dict[str, float] = result["rules_alone"]  # type: ignore[assignment]
    print(
        f"  rules alone: urgent recall {rules['urgent_recall']:.3f}, urgent flagged "
        f"{rules['urgent_flagged']:.3f}, any-flag {rules['any_flag_recall']:.3f}, "
        f"false alarms {rules['false_alarms']}, exact {rules['accuracy']:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS + EXTRA_SPLITS, action="append")
    parser.add_argument("--json", action="store_true", help="print figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list misread texts")
    parser.add_argument("--speed", action="store_true", help="time the reader")
    args = parser.parse_args(argv)
    splits = args.split or list(SPLITS)
    report: dict[str, object] = {}
    for split in splits:
        rows = load(split)
        report[split] = {**evaluate(rows), "rules_alone": evaluate(rows, use_model=False)}
    if args.speed:
        report["speed"] = speed()
    if args.errors:
        report["errors"] = {split: errors(load(split)) for split in splits}
    if args.json:
        json.dump(report, sys.stdout, indent=2)
        print()
        return 0
    for split in splits:
        _print_set(split, report[split])  # type: ignore[arg-type]
    if args.speed:
        print(f"\nspeed: {report['speed']}")
    for split, wrong in (report.get("errors") or {}).items():  # type: ignore[attr-defined]
        print(f"\nmisread in {split}:")
        for item in wrong:
            print(
                f"  {item['id']} {item['label']}->{item['read']}: {item['text']}  [{item['note']}]"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
