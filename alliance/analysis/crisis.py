"""Notice crisis language in a reflection: `read_crisis(text) -> CrisisReading`.

Levels follow the spec (shared/spec/themes.md, "Crisis language"):

- urgent: active thoughts, plan, intent or means of suicide or self-harm, or of harming
  someone ("I've been thinking about ending it all", "I have the pills saved up");
- concern: passive ideation or hopelessness about living ("everyone would be better off
  without me"), past ideation or self-harm, a negated mention that still raises the topic
  ("I don't want to kill myself, I just feel tired"), someone else at risk, or the writer
  being hurt or threatened;
- none: everything else, including idioms ("killing it", "dying to see her").

Recall comes first: the cue tables (`crisis_patterns`) cast a wide net, and the context
checks (`crisis_context`) only ever *lower* an urgent cue to concern (negated, hypothetical,
in the past, a joke, about someone else) or clear a cue outright when the context shows it is
not about risk at all (bereavement, an accident, a rope for climbing). Each sentence is read
on its own.

A sentence classifier (`crisis_model`) then reads every sentence too, for the wordings no cue
was written for. It may raise a sentence's level, never lower it, and its hits pass the same
kind of guards: idioms are masked before it reads, and a hit in a sentence about a film or a
bereavement, or next to a joke, is dropped; one about someone else is at most concern. The
text takes the highest level of its sentences, and the evidence is every sentence flagged.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from alliance.analysis import crisis_context as context
from alliance.analysis import crisis_goodbyes as goodbyes
from alliance.analysis import crisis_lookalikes as lookalikes
from alliance.analysis import crisis_past_and_disowned as past_and_disowned
from alliance.analysis.crisis_patterns import MASKS, TOPIC, Cue, candidate_cues, needs_masking
from alliance.analysis.crisis_patterns_context import (
    ACCIDENT,
    I_WORDS,
    ON_PURPOSE,
    OTHER_DEATH,
    PLOT,
    TOKEN,
    TRIVIAL_REASON,
    WE_WORDS,
)
from alliance.analysis.reading import CrisisLevel, CrisisReading, Span
from alliance.analysis.sentences import split_sentences

if TYPE_CHECKING:  # the model module loads lazily, with the first reading
    from alliance.analysis.crisis_model import CrisisModel, Thresholds

_RANK: dict[CrisisLevel, int] = {"none": 0, "concern": 1, "urgent": 2}
# History cues cleared when told of someone else who has recovered ("Tia's old scars").
_RECOVERABLE = frozenset({"self_harm_word", "old_scars", "overdose_before", "attempt_before"})
# Curly quotes become straight ones, one character for one, so offsets still hold.
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "`": "'"})


def read_crisis(
    text: str,
    sentences: list[Span] | None = None,
    *,
    use_model: bool = True,
    model: CrisisModel | None = None,
) -> CrisisReading:
    """Read `text` for crisis language; `sentences` (from split_sentences) saves a split.

    `use_model=False` reads with the rules alone (for evaluation and for labelling training
    sentences by the rule evidence); `model` replaces the shipped classifier (training).
    """
    spans = split_sentences(text) if sentences is None else sentences
    texts, following, levels = rule_levels(text, spans)
    if use_model and spans:
        from alliance.analysis.crisis_model import load_model, pairs_to_read

        model = model or load_model()
        probabilities = model.probabilities(texts)
        # Most sentences are far below both thresholds: only the others are combined.
        worth = model.thresholds.could_raise(probabilities, levels)
        if worth:
            found = combine_levels(
                [texts[i] for i in worth],
                [following[i] for i in worth],
                [levels[i] for i in worth],
                probabilities[worth].tolist(),
                model.thresholds,
            )
            for i, level in zip(worth, found, strict=True):
                levels[i] = level
        pairs = pairs_to_read(probabilities)
        if pairs:
            joined = pair_texts(texts)
            rows = model.probabilities([joined[k] for k in pairs]).tolist()
            levels = combine_pairs(
                texts, following, levels, dict(zip(pairs, rows, strict=True)), model.thresholds
            )
    evidence = [
        Span(span.start, span.end, text[span.start : span.end])
        for span, found in zip(spans, levels, strict=True)
        if found != "none"
    ]
    return CrisisReading(max(levels, key=_RANK.__getitem__, default="none"), tuple(evidence))


def rule_levels(text: str, spans: Sequence[Span]) -> tuple[list[str], list[str], list[CrisisLevel]]:
    """The rules' level for each sentence, with the sentence texts (curly quotes made straight)
    and what follows each one, which is what `combine_levels` needs beside the probabilities."""
    clean = text.translate(_QUOTES)
    texts = [clean[span.start : span.end] for span in spans]
    # What follows each sentence, for joke markers ("..., haha") in the next one.
    following = [clean[span.end : after.end] for span, after in pairwise(spans)]
    following += [""] * (len(spans) - len(following))
    # The two sentences before each one, for a screening question answered in the next.
    preceding = [clean[spans[max(i - 2, 0)].start : span.start] for i, span in enumerate(spans)]
    levels = [
        _read_sentence(*row, whole=clean) for row in zip(texts, following, preceding, strict=True)
    ]
    return texts, following, levels


def combine_levels(
    sentences: Sequence[str],
    following: Sequence[str],
    rule_levels: Sequence[CrisisLevel],
    probabilities: Sequence[Sequence[float]],
    thresholds: Thresholds,
) -> list[CrisisLevel]:
    """Each sentence's level: the higher of the rules' and the classifier's, after the guards."""
    levels: list[CrisisLevel] = []
    for sentence, after, rule, row in zip(
        sentences, following, rule_levels, probabilities, strict=True
    ):
        found = thresholds.level(row, rule)
        if found != "none" and _model_guarded(sentence, after):
            found = rule
        if found == "urgent" and _about_someone_else(sentence):
            found = "concern"
        levels.append(found if _RANK[found] > _RANK[rule] else rule)
    return levels


def pair_texts(sentences: Sequence[str]) -> list[str]:
    """Each pair of neighbouring sentences as one text, in order: (0, 1), (1, 2), ..."""
    return [f"{first} {second}" for first, second in pairwise(sentences)]


def combine_pairs(
    sentences: Sequence[str],
    following: Sequence[str],
    levels: Sequence[CrisisLevel],
    pair_probabilities: Mapping[int, Sequence[float]],
    thresholds: Thresholds,
) -> list[CrisisLevel]:
    """Raise both sentences of a pair (k, k + 1) the classifier reads as riskier together
    than either level so far ("Bought a rope today. I know what it's for."), after the same
    guards as a sentence's hit. `pair_probabilities` maps k to the pair's probabilities."""
    raised = list(levels)
    pairs = pair_texts(sentences)
    for k, row in sorted(pair_probabilities.items()):
        current = max(levels[k], levels[k + 1], key=_RANK.__getitem__)
        if current == "urgent":
            continue
        joined = pairs[k]
        found = thresholds.level(row, current)
        if found != "none" and _model_guarded(joined, following[k + 1]):
            continue
        if found == "urgent" and _about_someone_else(joined):
            found = "concern"
        if _RANK[found] > _RANK[current]:
            for i in (k, k + 1):
                raised[i] = max(raised[i], found, key=_RANK.__getitem__)
    return raised


def _read_sentence(
    sentence: str, following: str, preceding: str = "", whole: str = ""
) -> CrisisLevel:
    cues = candidate_cues(sentence)
    if not cues:
        return "none"
    masked = MASKS.sub(_blank, sentence) if needs_masking(sentence) else sentence
    best: CrisisLevel = "none"
    for cue in cues:
        for match in cue.pattern.finditer(masked):
            found = _weigh(cue, match, masked, following, preceding, whole)
            if _RANK[found] > _RANK[best]:
                best = found
                if best == "urgent":
                    return best
    return best


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


# --- weighing one cue ---------------------------------------------------------------------


def _weigh(
    cue: Cue,
    match: re.Match[str],
    text: str,
    following: str,
    preceding: str = "",
    whole: str = "",
) -> CrisisLevel:
    if cue.benign is not None and cue.benign.search(text):
        return "none"
    if cue.accident_prone and ACCIDENT.search(text) and not ON_PURPOSE.search(text):
        return "none"
    if cue.topic_prone and any(t.end() <= match.start() for t in TOPIC.finditer(text)):
        return "none"
    if context.answered_no(text, match, following, preceding):
        return "none"
    if lookalikes.look_alike(cue, match, text, following, preceding):
        return "none"
    if goodbyes.look_alike(cue, match, text, whole):  # `whole`: the text the sentence is in
        return "none"
    if past_and_disowned.look_alike(cue, match, text, following):
        return "none"
    if cue.name == "method_musing" and context.itch_scratched(text, match):
        return "none"
    if cue.name in context.JOKE_IDIOM_CUES and context.hyperbole(cue, text, following, match):
        return "none"
    if cue.name in ("want_to_die", "kill_myself") and context.taken_back(text, match, following):
        return "none"
    if PLOT.match(text) and context.in_a_story(cue, text, match):
        return "none"
    clause = context.clause(text, match.start(), match.end())
    kind = cue.kind
    if kind in ("passive", "harmed"):
        # "Kill me now, haha" and "Dad said he'd kill me, but he was laughing".
        if cue.name in ("kill_me_please", "threatened") and context.joking(text, following):
            return "none"
        if cue.name == "threatened" and (context.petty_text(text) or context.family_idiom(text)):
            return "none"  # "My mate said he'd kill me if I spoiled the ending"
        return "none" if cue.negatable and context.negated(text, clause[0], match) else "concern"
    if kind == "history":
        if cue.name in _RECOVERABLE and context.others_recovered(text, clause[0], match):
            return "none"
        if cue.subject == "require_self":
            return (
                "concern"
                if context.subject(text, clause[0], match, strict=False) == "self"
                else "none"
            )
        return "concern"
    if kind == "third_party":
        if cue.completed_check and context.completed(text, match):
            return "none"
        return "none" if context.others_recovered(text, clause[0], match) else "concern"
    if kind == "maybe_harm":
        trivial = TRIVIAL_REASON.search(text, match.end(), clause[1]) is not None
        return "none" if trivial or context.joking(text, following) else "concern"
    return _weigh_active(cue, match, text, following, clause)


def _weigh_active(
    cue: Cue, match: re.Match[str], text: str, following: str, clause: tuple[int, int]
) -> CrisisLevel:
    """Urgent cues (self_risk, harm_other) are lowered to concern by context, never cleared,
    except a joke about harming someone and plans made by others ("We set a date.")."""
    if cue.subject == "self":
        who = "self"
    else:
        who = context.subject(text, clause[0], match, strict=cue.subject == "require_self")
    if cue.subject == "require_self" and who not in ("self", "none"):
        return "none"
    if who == "other" and context.others_recovered(text, clause[0], match):
        return "none"  # "Jess used to think about suicide at uni"
    if cue.kind == "harm_other" and (
        context.joking(text, following) or context.petty(cue, text, match)
    ):
        return "none"
    if cue.kind == "harm_other" and (
        context.nonviolent(text, match) or context.anger_let_go(text, match)
    ):
        return "none"
    lowered = (
        who in ("other", "we")
        or (cue.kind == "self_risk" and context.joking(text, following))
        or (cue.negatable and context.negated(text, clause[0], match))
        or context.hypothetical(text, clause, match)
        or context.in_past(text, clause, match)
        or past_and_disowned.long_past(text, clause, match)
    )
    return "concern" if lowered else "urgent"


# --- guards on classifier hits ------------------------------------------------------------


def _model_guarded(sentence: str, following: str) -> bool:
    """A classifier hit is dropped in a sentence about a film or a grief, or next to a joke.
    (A sentence naming no risk word is not dropped: oblique warning signs name none, and
    out of fold the reader finds more of them for the same false alarms without that guard.)"""
    return bool(
        TOPIC.search(sentence)
        or OTHER_DEATH.search(sentence)
        or context.joking(sentence, following)
    )


def _about_someone_else(sentence: str) -> bool:
    """Another person is named and the writer is not the subject anywhere ("My friend told me
    he's going to do it"): at most concern, as someone else at risk is."""
    tokens = TOKEN.findall(sentence)
    words = {token.lower() for token in tokens}
    if words & I_WORDS or "myself" in words or words & WE_WORDS:
        return False
    return any(context.person(token, first=i == 0) == "other" for i, token in enumerate(tokens))
