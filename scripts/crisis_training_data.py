"""The crisis classifier's training data: labelled texts, sentence examples, background prose.

Data (tests/analysis/data/crisis/): labelled.jsonl, paraphrases.jsonl and every
train_*.jsonl (`crisis_eval.TRAINING`); the held-out sets (heldout*.jsonl) are never read
here. Everyday counselling prose from ../shared/data/counsel-chat (`background_sentences`)
shows the model ordinary sentences about feelings and therapy, all "none"; the part left out
is only used to count false alarms. Texts become sentence examples:

- a one-sentence text is one example with the text's level;
- every sentence of a text labelled none is a none example;
- in a longer concern or urgent text, the sentences its writer marked (`evidence`) take the
  text's level and the others are none; where nothing is marked, the sentences the rules
  flag take the rules' level and the others are left out, since they may only make sense
  beside the flagged one ("Bought a rope today. I know what it's for.").
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alliance.analysis import crisis_model
from alliance.analysis.crisis import pair_texts, rule_levels
from alliance.analysis.crisis_model import LEVELS
from alliance.analysis.reading import CrisisLevel
from alliance.analysis.sentences import split_sentences

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "analysis" / "data" / "crisis"
COUNSEL_CHAT = REPO.parent / "shared" / "data" / "counsel-chat" / "20200325_counsel_chat.csv"
RANK = {level: i for i, level in enumerate(LEVELS)}
# Background: questions and therapists' answers on topics far from risk, without a sentence
# (or, for questions, a text) that holds any word of `_RISK_WORDS`; a fixed sample of answers.
BACKGROUND_TOPICS = frozenset((
    "relationships", "intimacy", "anxiety", "family-conflict", "parenting", "self-esteem",
    "relationship-dissolution", "behavioral-change", "marriage", "lgbtq", "stress",
    "counseling-fundamentals", "workplace-relationships", "social-relationships", "spirituality",
    "professional-ethics", "sleep-improvement", "human-sexuality", "legal-regulatory",
))  # fmt: skip
BACKGROUND_ANSWERS = 3000
_RISK_WORDS = re.compile(
    r"\b(?:di(?:e|es|ed)|dying|dead|death|kill\w*|suicid\w*|murder\w*|hurt\w*|harm\w*|cut\w*"
    r"|overdos\w*|pills?|tablets?|meds|alive|exist\w*|disappear\w*|burden|bridge|jump\w*|rope"
    r"|hang\w*|gun|shoot\w*|knife|blade|razor|bleed\w*|blood|unalive|kms|worthless|hopeless"
    r"|stab\w*|poison\w*|chok\w*|strangl\w*|weapon|hit|beat\w*|punch\w*|abus\w*|threat\w*"
    r"|funeral|grave|violen\w*|attack\w*|self[- ]?injur\w*|wrists?|scars?|lethal|fatal"
    r"|end (?:it|my life|things)|take my (?:own )?life|not (?:be )?here|better off|no point"
    r"|give up|giving up|wake up|sleep forever|safety plan|crisis|emergency|hotline|lifeline)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Text:
    set: str
    level: CrisisLevel
    text: str
    sentences: list[str]  # straight quotes, as the reader sees them
    following: list[str]
    rules: list[CrisisLevel]  # the rules' level for each sentence
    marked: tuple[str, ...]  # the sentences its writer marked as the evidence, if any


def training_sets() -> tuple[str, ...]:
    """The sets trained on, as the bench names them; held-out sets are never among them."""
    names: tuple[str, ...] = _script("bench", "crisis_eval").TRAINING
    return names


def load_texts() -> list[Text]:
    texts = []
    for name in training_sets():
        with (DATA / f"{name}.jsonl").open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    row = json.loads(line)
                    spans = split_sentences(row["text"])
                    sentences, following, rules = rule_levels(row["text"], spans)
                    marked = tuple(row.get("evidence", ()))
                    texts.append(
                        Text(name, row["level"], row["text"], sentences, following, rules, marked)
                    )
    return texts


def background_sentences(path: Path = COUNSEL_CHAT) -> tuple[list[str], list[str]]:
    """Everyday counselling prose read as "none" (see BACKGROUND_TOPICS), and the answer
    sentences left out of the sample, kept aside to count false alarms on everyday prose."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["topic"] in BACKGROUND_TOPICS]
    questions = {row["questionID"]: f"{row['questionTitle']} {row['questionText']}" for row in rows}
    asked = {span.text for text in questions.values() if not _RISK_WORDS.search(text)
             for span in split_sentences(text)}  # fmt: skip
    answered = {span.text for row in rows for span in split_sentences(row["answerText"])
                if not _RISK_WORDS.search(span.text)}  # fmt: skip
    sample = random.Random(0).sample(sorted(answered), min(BACKGROUND_ANSWERS, len(answered)))
    # Neighbouring sentences of the questions, as the reader also reads pairs.
    pairs = sorted({pair for text in questions.values() if not _RISK_WORDS.search(text)
                    for pair in pair_texts(_plain(
                        [span.text for span in split_sentences(text)]))})  # fmt: skip
    background = [*_plain([*sorted(asked), *sample]), *pairs]
    return background, _plain(sorted(answered.difference(sample)))


def _plain(sentences: list[str]) -> list[str]:
    """Sentences of 3 to 60 words: no headings, no walls of text."""
    return [s for s in sentences if 3 <= len(s.split()) <= 60]


def sentence_examples(text: Text) -> list[tuple[str, int]]:
    """(sentence, level index) pairs to learn from, then (pair of neighbouring sentences,
    level index): a pair takes the higher level of its two; see the module docstring."""
    labels = _sentence_labels(text)
    examples = [(s, y) for s, y in zip(text.sentences, labels, strict=True) if y is not None]
    pairs = pair_texts(text.sentences)
    for k, pair in enumerate(pairs):
        known = [y for y in labels[k : k + 2] if y is not None]
        if len(known) == 2 or (known and known[0] > 0):
            examples.append((pair, max(known)))
    return examples


def _sentence_labels(text: Text) -> list[int | None]:
    """Each sentence's level index, None for a sentence left out."""
    label = RANK[text.level]
    if len(text.sentences) == 1 or label == 0:
        return [label] * len(text.sentences)
    if text.marked:
        # A mark may span several sentences or part of one: a sentence is marked where it lies
        # inside a mark or a mark inside it.
        marks = [crisis_model.prepare(mark) for mark in text.marked]
        return [
            label if any(p in mark or mark in p for mark in marks) else 0
            for p in map(crisis_model.prepare, text.sentences)
        ]
    return [RANK[rule] if rule != "none" else None for rule in text.rules]


def everyday_reflections() -> list[str]:
    """The demo's journal entries (alliance/demo): eight months of reflections on a therapy,
    written as a person writes them, one of them as concern and none as urgent."""
    from alliance.demo import ending_part, reflections

    ending = [text for _prompt, _week, _day, text in ending_part.REFLECTIONS]
    return [reflection.text for reflection in reflections.REFLECTIONS] + ending


@functools.cache
def _script(folder: str, name: str) -> Any:
    """A module of the repository outside the package: the bench, the emotion trainer."""
    spec = importlib.util.spec_from_file_location(name, REPO / folder / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
