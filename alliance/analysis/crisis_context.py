"""The context checks of the crisis reader's rules (`crisis`): what a cue means where it
stands. They only ever lower a cue's level or clear it: negation, tense, hypotheticals, who
it is about, jokes, and the look-alikes (a screening question answered no, a petty grievance,
an exaggeration taken back, a story's plot, an accident, someone else's recovery).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from alliance.analysis.crisis_patterns import Cue
from alliance.analysis.crisis_patterns_context import (
    ANGER_LET_GO,
    ANGER_PAST_LEAD,
    ANSWER_LEAD,
    ANSWER_OPENS,
    ANYONE_TARGET,
    ARMED,
    ASKED,
    BELIEVED,
    BEREAVEMENT_LEAD,
    BUT,
    CLAUSE_BREAK,
    CLEAN_FROM,
    COMPLETED_VERB,
    DENIED,
    DENIED_NEXT,
    DETERMINERS,
    DISTANT_PAST,
    DOUBLE_NEGATION,
    EMBARRASSED,
    FAMILY_SPEAKER,
    FAMILY_TRIVIAL,
    HONEST,
    HYPOTHETICAL,
    I_WORDS,
    ITCH_SCRATCHED,
    ITEM_DENIED,
    JOKE,
    JOKE_IDIOM,
    JOKE_MARK,
    KILL_VERB,
    LIED,
    LINK_WORDS,
    MODAL,
    NAME_SUBJECT,
    NEGATION_ENDS,
    NEGATOR,
    NO_THOUGHTS,
    NONVIOLENT_MEANS,
    NOT_NAMES,
    ON_PURPOSE,
    OTHER_WORDS,
    PAST_VERB,
    PERFECT,
    PETTY,
    PRESENT,
    QUESTION_AFTER,
    RECENT,
    RECOVERED,
    REVIVAL,
    SELF_PUNISH,
    SELF_WORDS,
    SERIOUS,
    STILL_AT_RISK,
    STILL_MEANT,
    STOPPED,
    TAKEN_BACK,
    TAKEN_BACK_NEXT,
    TOKEN,
    TOLD_NEVER,
    TRY_OR_INTEND,
    VIOLENCE,
    WE_WORDS,
)

if TYPE_CHECKING:  # the model module loads lazily, with the first reading
    pass

# --- context ------------------------------------------------------------------------------


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end], bounded by punctuation and conjunctions."""
    clause_start = 0
    for match in CLAUSE_BREAK.finditer(text, 0, start):
        clause_start = match.end()
    after = CLAUSE_BREAK.search(text, end)
    return clause_start, after.start() if after else len(text)


def fullmatch(pattern: re.Pattern[str], word: str) -> bool:
    return pattern.fullmatch(word) is not None


def negated(text: str, clause_start: int, match: re.Match[str]) -> bool:
    if STOPPED.search(match.group()) or CLEAN_FROM.search(text, clause_start, match.start()):
        return True
    # Negators inside the match count too ("I'd never hurt my baby"): the cue's own words
    # hold none, since cues that spell out a negation are not negatable.
    words = TOKEN.findall(text, clause_start, match.start())[-6:]
    words += TOKEN.findall(match.group())[:-1]
    for index in range(len(words) - 1, -1, -1):
        if fullmatch(NEGATION_ENDS, words[index]):
            return False
        if fullmatch(NEGATOR, words[index]):
            nxt = words[index + 1] if index + 1 < len(words) else match.group().split()[0]
            return not fullmatch(DOUBLE_NEGATION, nxt)
    return False


def in_past(text: str, clause: tuple[int, int], match: re.Match[str]) -> bool:
    """Past ideation or self-harm ("When I was fifteen I wanted to die"), not a recent act."""
    here = text[clause[0] : clause[1]]
    if DISTANT_PAST.search(here):
        return REVIVAL.search(text) is None
    if PRESENT.search(here):
        return False
    if DISTANT_PAST.search(text):
        return True
    lead = [*TOKEN.findall(text, clause[0], match.start())[-4:], match.group().split()[0]]
    # "The thought of killing myself" is a noun, not a past tense.
    # "I've thought about it" is a present perfect, not a past.
    past = any(
        fullmatch(PAST_VERB, word) and (i == 0 or lead[i - 1].lower() not in DETERMINERS | PERFECT)
        for i, word in enumerate(lead)
    )
    return past and not RECENT.search(here)


def joking(sentence: str, following: str) -> bool:
    nearby = f"{sentence} {following}"
    return JOKE.search(nearby) is not None and SERIOUS.search(nearby) is None


# --- who is it about ----------------------------------------------------------------------


def person(token: str, first: bool) -> str | None:
    word = token.lower().removesuffix("'s")
    if word in SELF_WORDS:
        return "self"
    if word in WE_WORDS:
        return "we"
    if word in OTHER_WORDS:
        return "other"
    if not first and token[0].isupper() and token.removesuffix("'s") not in NOT_NAMES:
        return "other"
    return None


def subject(text: str, clause_start: int, match: re.Match[str], strict: bool) -> str:
    """Who a cue is about: 'self', 'other', 'we', or 'none' when nobody is named.

    `strict` (for plans and means) accepts the writer only when "I" stands right before the
    cue, or when a diary-style sentence starts with the cue ("Bought a rope today.").
    """
    owner = match.groupdict().get("owner")
    if owner:
        return "self" if owner.lower() == "my" else "other"
    if strict and any(w.lower() in I_WORDS for w in TOKEN.findall(match.group())):
        return "self"  # the cue holds its own subject: "how I'd do it"
    for floor in (clause_start, 0):
        tokens = [(m.group(), m.start()) for m in TOKEN.finditer(text, floor, match.start())]
        for back, (token, at) in enumerate(reversed(tokens)):
            who = person(token, first=at == 0)
            if who is None:
                continue
            if strict and who == "self":
                # "Someone I game with posted ...": the "I" heads a relative clause.
                between = [t.lower() for t, _ in tokens[len(tokens) - back :]]
                earlier = [person(t, first=a == 0) for t, a in tokens[: len(tokens) - back - 1]]
                plain = all(w in LINK_WORDS for w in between)
                return "self" if plain or not {"other", "we"} & set(earlier) else "none_strict"
            return who
        if floor == 0 or tokens:
            break
    if strict:
        lead = TOKEN.findall(text, clause_start, match.start())
        return "none" if len(lead) <= 1 else "none_strict"
    return "none"


# --- look-alikes and answers: checks that clear or lower one cue --------------------------


def answered_no(text: str, match: re.Match[str], following: str, preceding: str = "") -> bool:
    """A screening question reported with its answer: "She asked if I'd ever thought about
    hurting myself and I said no.", "... the risk questions: no thoughts of ending my life",
    or the answer in the next sentence ("I said no."); also "I told the nurse I've never
    self-harmed", "I said no to the self-harm question", and an answer opening the sentence
    after the question ("She asked the risk questions. No thoughts of hurting myself.").
    Without the "no", or with a "yes", a lie or a "but", the mention still counts."""
    if ITEM_DENIED.search(text, 0, match.start()) and QUESTION_AFTER.match(text, match.end()):
        return LIED.search(text) is None and LIED.search(following) is None
    if preceding and ANSWER_OPENS.match(text) and answers_before(text, match, preceding):
        return True
    asked = ASKED.search(text, 0, match.start())
    if asked is None:
        told = TOLD_NEVER.search(text, 0, match.start())
        if told is None or LIED.search(text, match.end()):
            return False
        return BELIEVED.search(text) is None or HONEST.search(text) is not None
    if LIED.search(text, match.end()):
        return False
    if DENIED.search(text, match.end()) or NO_THOUGHTS.search(text, asked.end(), match.start()):
        return True
    return DENIED_NEXT.match(following) is not None and LIED.search(following) is None


def answers_before(text: str, match: re.Match[str], preceding: str) -> bool:
    """The denial right before the cue answers a screening question asked in one of the two
    sentences before, with no "yes", lie or "but" after the question."""
    lead = NO_THOUGHTS.search(text, 0, match.start()) or ANSWER_LEAD.search(text, 0, match.start())
    if lead is None or BUT.search(text[match.end() :]):
        return False
    asked = ASKED.search(preceding)
    return (
        asked is not None
        and LIED.search(preceding, asked.end()) is None
        and LIED.search(text) is None
    )


def itch_scratched(text: str, match: re.Match[str]) -> bool:
    """An insect bite scratched "till it bled", with no reason to hurt given."""
    return (
        ITCH_SCRATCHED.search(text, 0, match.start()) is not None
        and SELF_PUNISH.search(text) is None
        and ON_PURPOSE.search(text) is None
    )


def nonviolent(text: str, match: re.Match[str]) -> bool:
    """Getting even without violence, named right after the cue: "I want to hurt my ex by
    being wildly successful", "hit him where it hurts: cancelling our shared Netflix"."""
    return NONVIOLENT_MEANS.match(text, match.end()) is not None and ARMED.search(text) is None


def anger_let_go(text: str, match: re.Match[str]) -> bool:
    """Past anger at nobody in particular, let go in the same sentence: "I was ready to hit
    somebody when the train got cancelled again, but I just got a coffee"."""
    return (
        ANYONE_TARGET.search(match.group()) is not None
        and ANGER_PAST_LEAD.search(text, 0, match.start()) is not None
        and ANGER_LET_GO.search(text, match.end()) is not None
        and ARMED.search(text) is None
    )


# Cues whose match may be a joke idiom ("kms lol", "i wanna die lol"); True where being
# embarrassed also clears it ("so embarrassing i wanna die").
JOKE_IDIOM_CUES = {"slang": False, "kill_myself": False, "want_to_die": True}


def hyperbole(cue: Cue, text: str, following: str, match: re.Match[str]) -> bool:
    """A joke marker, or an embarrassment right before "wanna die", clears a joke idiom:
    "lmao kms this exam", "sewerslide material 💀", "so embarrassing i wanna die"."""
    if JOKE_IDIOM.fullmatch(match.group()) is None:
        return False
    nearby = f"{text} {following}"
    if JOKE_MARK.search(nearby) and SERIOUS.search(nearby) is None:
        return True
    return (
        JOKE_IDIOM_CUES[cue.name]
        and EMBARRASSED.search(text, 0, match.start()) is not None
        and SERIOUS.search(text) is None
    )


def petty(cue: Cue, text: str, match: re.Match[str]) -> bool:
    """Kill or murder over a petty grievance named in the sentence, with no violence or weapon
    spoken of: "I'm going to kill my brother, he ate my leftovers"."""
    return (
        cue.name == "intent_to_harm"
        and KILL_VERB.search(match.group()) is not None
        and petty_text(text)
    )


def petty_text(text: str) -> bool:
    """A petty grievance in the sentence, with no violence and nothing meant seriously."""
    return (
        PETTY.search(text) is not None
        and VIOLENCE.search(text) is None
        and SERIOUS.search(text) is None
    )


def family_idiom(text: str) -> bool:
    """A relative's or a friend's "kill me" over something trivial: "Mum said she'd kill me if
    I was late again". Not with violence, a weapon, fear or "I mean it" in the sentence."""
    return (
        FAMILY_SPEAKER.search(text) is not None
        and FAMILY_TRIVIAL.search(text) is not None
        and VIOLENCE.search(text) is None
        and SERIOUS.search(text) is None
    )


def taken_back(text: str, match: re.Match[str], following: str) -> bool:
    """An exaggeration about the writer taken back at once, after it in the sentence or at the
    start of the next one: "I want to die. Not literally, obviously."; not with a "but", a
    "sometimes" or "I mean it" ("Not literally, but some days ...")."""
    after = TAKEN_BACK.search(text, match.end())
    if after is not None:
        rest = text[after.end() :]
    elif TAKEN_BACK_NEXT.match(following):
        rest = following
    else:
        return False
    nearby = f"{text} {following}"
    return STILL_MEANT.search(rest) is None and SERIOUS.search(nearby) is None


def in_a_story(cue: Cue, text: str, match: re.Match[str]) -> bool:
    """A story's plot told ("In the book the main character plans to end his life"): cleared
    when the cue is about someone in it, never when the writer or "we" is its subject."""
    if cue.kind == "third_party":
        return True
    who = subject(text, clause(text, match.start(), match.end())[0], match, strict=False)
    if who == "none":
        words = {token.lower() for token in TOKEN.findall(text)}
        return not (words & SELF_WORDS or words & WE_WORDS)
    return who == "other"


def others_recovered(text: str, clause_start: int, match: re.Match[str]) -> bool:
    """Someone else's self-harm or suicidal thoughts told as over ("Tia has been free of
    self-harm for two years", "my cousin tried to take her own life when we were teenagers"),
    with nothing in the sentence saying it is back, feared, or the writer's own."""
    if RECOVERED.search(text) is None or STILL_AT_RISK.search(text) or REVIVAL.search(text):
        return False
    who = subject(text, clause_start, match, strict=False)
    if who == "none" and NAME_SUBJECT.match(text):
        first = TOKEN.findall(text)[:1]
        who = "other" if first and first[0] not in NOT_NAMES else who
    return who == "other"


def hypothetical(text: str, clause: tuple[int, int], match: re.Match[str]) -> bool:
    """Inside an "if" ("if I ever felt suicidal"), or a modal with an "if" after it."""
    if HYPOTHETICAL.search(text, clause[0], match.start()):
        return True
    modal = MODAL.search(text, clause[0], match.end()) is not None
    return modal and HYPOTHETICAL.search(text, match.end(), clause[1]) is not None


def completed(text: str, match: re.Match[str]) -> bool:
    """Someone else's death by suicide, told as bereavement ("since Dad killed himself")."""
    verb = match.group().split()[0]
    lead = TOKEN.findall(text, 0, match.start())[-3:]
    if any(fullmatch(TRY_OR_INTEND, w) for w in lead):
        return False
    if fullmatch(COMPLETED_VERB, verb):
        return True
    return verb.lower().endswith("ing") and bool(lead) and fullmatch(BEREAVEMENT_LEAD, lead[-1])
