"""More look-alike checks of the crisis reader's rules (`crisis`), beside `crisis_context`:
families of ordinary texts that meet a cue, each cleared only with the marks that make it
ordinary (a place of death chosen in an advance care plan, a game lost, a relative's words
quoted, a social-media break with a return date, a relationship the writer ended, a fan's
exaggeration, a question asked in a helping role, a caller's risk on a helpline shift, anger
made up after sparring, a parent's threat over lateness, a petty grievance).

`look_alike` is the one entry point: True clears the cue outright. Every check is tied to the
cues it was written for, and keeps the cue when the text also says it is meant.
"""

from __future__ import annotations

import re

from alliance.analysis import crisis_context as context
from alliance.analysis.crisis_patterns import Cue
from alliance.analysis.crisis_patterns_context import (
    ARMED,
    FAMILY_SPEAKER,
    I_WORDS,
    KILL_VERB,
    SERIOUS,
    STILL_MEANT,
    TOKEN,
    VIOLENCE,
)

# --- patterns -----------------------------------------------------------------------------

_I = re.IGNORECASE
# Where someone else wants to die, in an advance care plan: "she wants to die at home".
PLACE_OF_DEATH = re.compile(
    r"\s+(?:at\s+home|in\s+(?:a|the)\s+hospice|in\s+(?:her|his|their)\s+own\s+(?:bed|home|house)"
    r"|peacefully|with\s+dignity)\b",
    _I,
)
CARE_PLAN = re.compile(
    r"\b(?:resuscitat\w*|dnr|dnacpr|advance\s+(?:care\s+)?(?:plan|directive|decision|statement)"
    r"|living\s+will|palliative|hospice|end[-\s]of[-\s]life|last\s+wishes)\b",
    _I,
)
# A game just lost, before "I want to die": "sacrificed my queen and got mated in three".
GAME_LOST = re.compile(
    r"\b(?:blunder\w*|sacrific\w*\s+my\s+(?:queen|rook|bishop|knight)|(?:check)?mated"
    r"|lost\s+(?:the|a|my|our|another)\s+(?:\w+\s+)?(?:match|game|final|quiz|round|race"
    r"|tie-?break|frame|bet)|knocked\s+out\s+(?:of|in)|own\s+goal|relegated"
    r"|missed\s+(?:the|a|that|an)\s+(?:\w+\s+)?(?:penalty|putt|sitter))\b",
    _I,
)
# What keeps an exaggeration meant: hopelessness beyond the game.
HOPELESS = re.compile(
    r"\b(?:any\s?more|every\w*|always|nothing|life|alone|useless|failure|worthless|really"
    r"|actually|honestly|for\s+real)\b",
    _I,
)
# A relative's "for when I'm gone" quoted. Quotes: an opening one before a word, a closing one
# after it ("labels like 'for when I'm gone'"); the apostrophe inside a word ("I'm") is neither.
WHEN_GONE = re.compile(r"\bwhen\s+i(?:'m|\s+am)\s+gone$", _I)
OPEN_QUOTE = re.compile(r"(?:^|(?<=[\s(]))['\"](?=\w)")
CLOSE_QUOTE = re.compile(r"(?<=[\w.!?,])['\"](?=\W|$)")
# A dream of one's own funeral, told as funny.
DREAMT = re.compile(r"\b(?:dream(?:ed|t)|had\s+a\s+(?:dream|nightmare)|nightmare)\b", _I)
LAUGHED = re.compile(r"\b(?:laugh\w*|funny|hilarious|ridiculous|absurd)\b", _I)
# Leaving social media for a while, or still reachable: "deleting my accounts for lent, this
# is goodbye, see u in april", "logging off for good, if anyone needs me they can text".
PLATFORM = re.compile(
    r"\b(?:logg(?:ing|ed)\s+off|deleting|deleted|deactivat\w*|social\s+media|instagram|insta"
    r"|tiktok|facebook|twitter|snapchat|accounts|screen\s+time|digital\s+detox)\b",
    _I,
)
BACK_LATER = re.compile(
    r"\b(?:see\s+(?:u|you|ya|y'all)\s+(?:in|on|after|next|soon)|for\s+lent|back\s+(?:in|on|after"
    r"|next|soon)|for\s+(?:a|the|one|two|\d+)\s+(?:weeks?|months?|while)|if\s+any(?:one|body)"
    r"\s+needs\s+me|(?:you|they)\s+can\s+(?:still\s+)?(?:text|call|ring|email|whatsapp|reach))\b",
    _I,
)
FINAL = re.compile(
    r"\b(?:sorry|forever|last\s+time|love\s+you\s+all|take\s+care|don't\s+(?:try\s+to\s+)?"
    r"(?:text|call|contact|look))\b",
    _I,
)
# The writer ended a relationship before "I can't do this anymore".
ENDED_IT = re.compile(
    r"\b(?:i'm|i\s+am)\s+(?:so\s+)?(?:finished|done|through)\s+with\s+(?:him|her|them|my\s+"
    r"(?:ex|boyfriend|girlfriend|husband|wife|partner))\b|\bi\s+(?:told|tell)\s+(?:him|her|them)"
    r"\s+(?:\w+\s+)?(?:it's|it\s+is|we're|we\s+are)\s+over\b|\bi\s+(?:broke\s+up\s+with|dumped"
    r"|ended\s+(?:it|things)\s+with)\s+(?:him|her|them|my\s+\w+)\b",
    _I,
)
DEATH_WORDS = re.compile(r"\b(?:die|dying|dead|death|life|living|alive|end\s+it)\b", _I)
# A fan's condition after "going to jump off a cliff": "if harry styles doesn't tour here".
FAN_IF = re.compile(
    r"\bif\b[^.!?]{0,60}?\b(?:tours?|touring|tickets?|concerts?|gigs?|albums?|setlist|comeback"
    r"|sequel|(?:next|new)\s+season|renew\w*|sells?\s+out|sold\s+out)\b",
    _I,
)
# The writer puts the question straight to someone: "I said it out loud: are you thinking
# about suicide?"
ASKED_THEM = re.compile(
    r"\bi\s+(?:said|asked)\b(?:(?!\bmyself\b)[^.!?]){0,50}?\b(?:are|were)\s+you\s+(?:\w+\s+)?$", _I
)
ANSWER_YES = re.compile(r"\b(?:yes|yeah|yep|admitted)\b", _I)
# A caller's or client's risk met in the writer's helping role (a helpline shift, a ward).
HELPED = re.compile(r"\b(?:callers?|clients?|patients?|service\s+users?)\b", _I)
ROLE = re.compile(
    r"\b(?:crisis\s+line|helpline|hotline|samaritans|my\s+(?:\w+\s+){0,2}?shift|on\s+shift"
    r"|placement|caseload|supervisor|supervision|debrief\w*|on\s+call)\b",
    _I,
)
MY_PEOPLE = re.compile(
    r"\bmy\s+(?:\w+\s+)?(?:mum|mom|mother|dad|father|brother|sister|son|daughter|friend|partner"
    r"|husband|wife|boyfriend|girlfriend|cousin|nan|gran\w*|aunt|uncle|kids?|child)\b",
    _I,
)
# Anger made up at once: "I wanted to kill him for that cheap shot, but we hugged it out".
MADE_UP = re.compile(
    r"\bbut\s+(?:then\s+|afterwards\s+)?we\s+(?:\w+\s+)?(?:hugged|shook\s+hands|made\s+up"
    r"|laughed|had\s+a\s+(?:pint|laugh|drink|beer)|bumped\s+fists|(?:are|were)\s+(?:fine|good"
    r"|mates|friends))\b",
    _I,
)
PAST_ANGER = re.compile(r"^(?:wanted|was\s+(?:going|gonna|ready|tempted))\b", _I)
# A parent's "I'll kill her" over a child's lateness or a scratched car.
CHILD_TRIVIAL = re.compile(
    r"\bif\s+(?:you|she|he|they|my\s+\w+)(?:'re|'s|\s+(?:is|are|was|were|gets?|comes?\s+"
    r"(?:home|in)))?\s+(?:\w+\s+)?late\b|\bif\s+(?:you|she|he|they|my\s+\w+)\s+(?:\w+\s+)?"
    r"(?:scratch\w*|dent\w*|los[te]s?|break|breaks|broke|spill\w*|forg[eo]t\w*|ruin\w*|stain\w*)"
    r"\s+(?:the|her|his|their|my|our|another|it)\b",
    _I,
)
HOUSEHOLD = re.compile(
    r"\b(?:teen\w*|son|daughter|kids?|child(?:ren)?|husband|wife|partner|flat-?mate|house-?mate"
    r"|room-?mate|boyfriend|girlfriend)\b",
    _I,
)

# --- the checks ---------------------------------------------------------------------------


def look_alike(cue: Cue, match: re.Match[str], text: str, following: str, preceding: str) -> bool:
    """True where the cue sits in one of this module's look-alike families."""
    name = cue.name
    if name == "want_to_die":
        return place_of_death(text, match, preceding) or game_lost(text, match)
    if name in ("farewell_after_gone", "burden"):
        gone = WHEN_GONE.search(match.group()) is not None
        return (gone and quoted_other(text, match)) or (
            name == "burden" and funny_dream(text, match)
        )
    if name in ("goodbye_post", "notes_and_goodbyes"):
        return platform_break(text)
    if name == "cannot_go_on":
        return ended_it(text, match)
    if name in ("intent_jump", "jump_or_step", "kill_myself"):
        return fan_hyperbole(text, match)
    if name in ("suicide_thoughts", "suicidal"):
        return asked_them(text, match, following)
    if cue.kind == "third_party":
        return caseload(text, match, preceding)
    if cue.kind == "harm_other":
        return made_up(text, match) or late_home(text, match)
    if name == "could_kill":  # "I could strangle my brother, he borrowed the car"
        return context.petty_text(text)
    return False


def place_of_death(text: str, match: re.Match[str], preceding: str) -> bool:
    """Someone else's wish to die at home or peacefully, told with an advance care plan, a
    hospice or "no resuscitation" in the sentence or the two before."""
    if PLACE_OF_DEATH.match(text, match.end()) is None:
        return False
    who = context.subject(text, context.clause(text, match.start(), match.end())[0], match, False)
    return who == "other" and CARE_PLAN.search(f"{preceding} {text}") is not None


def game_lost(text: str, match: re.Match[str]) -> bool:
    """ "I want to die" right after losing a game ("blundered my queen, got mated, I want to
    die"), with nothing hopeless or meant seriously in the sentence."""
    return (
        GAME_LOST.search(text, 0, match.start()) is not None
        and HOPELESS.search(text) is None
        and STILL_MEANT.search(text) is None
        and SERIOUS.search(text) is None
    )


def quoted_other(text: str, match: re.Match[str]) -> bool:
    """Someone else's words quoted ("Mum keeps labelling things 'for when I'm gone'"): the
    cue ends inside quotes, and outside them the writer is no "I" and another person is the
    first named."""
    opening = None
    for found in OPEN_QUOTE.finditer(text, 0, match.end()):
        opening = found
    if opening is None or CLOSE_QUOTE.search(text, opening.end(), match.end()):
        return False
    closing = CLOSE_QUOTE.search(text, match.end())
    if closing is None:
        return False
    outside = text[: opening.start()] + " " + text[closing.end() :]
    tokens = TOKEN.findall(outside)
    if any(token.lower() in I_WORDS for token in tokens):
        return False
    people = [context.person(token, first=i == 0) for i, token in enumerate(tokens)]
    return next((who for who in people if who is not None), None) == "other"


def funny_dream(text: str, match: re.Match[str]) -> bool:
    """A night's dream of one's own funeral told as funny ("woke up laughing")."""
    return (
        DREAMT.search(text, 0, match.start()) is not None
        and LAUGHED.search(text) is not None
        and SERIOUS.search(text) is None
    )


def platform_break(text: str) -> bool:
    """A goodbye to social media with a return or another way to reach the writer, and
    nothing final ("sorry", "forever", "don't try to call")."""
    return (
        PLATFORM.search(text) is not None
        and BACK_LATER.search(text) is not None
        and FINAL.search(text) is None
    )


def ended_it(text: str, match: re.Match[str]) -> bool:
    """ "I can't do this anymore" of a relationship the writer has just ended ("I'm finished
    with him, I told him it's over"), with no word of death or living."""
    return (
        re.search(r"\b(?:do|take)\s+(?:this|it)\b", match.group(), _I) is not None
        and ENDED_IT.search(text, 0, match.start()) is not None
        and DEATH_WORDS.search(text) is None
    )


def fan_hyperbole(text: str, match: re.Match[str]) -> bool:
    """ "Going to jump off a cliff if they don't tour here": a fan's condition after it."""
    return FAN_IF.search(text, match.end()) is not None and SERIOUS.search(text) is None


def asked_them(text: str, match: re.Match[str], following: str) -> bool:
    """The writer asks someone the question straight out ("I asked him: are you thinking
    about suicide?"), the question ends there, and no "yes" answers it next."""
    return (
        ASKED_THEM.search(text, 0, match.start()) is not None
        and re.match(r"\s*\?", text[match.end() :]) is not None
        and ANSWER_YES.search(following) is None
    )


def caseload(text: str, match: re.Match[str], preceding: str) -> bool:
    """A caller's or client's risk met in the writer's role ("on the crisis line ... one of
    the callers was thinking about ending his life"): someone helped named in the sentence,
    the role in it or the two before, and none of the writer's own people."""
    return (
        HELPED.search(text) is not None
        and ROLE.search(f"{preceding} {text}") is not None
        and MY_PEOPLE.search(text) is None
    )


def made_up(text: str, match: re.Match[str]) -> bool:
    """Past anger at someone made up in the same sentence ("I wanted to kill him for that
    cheap shot, but we hugged it out"), with no weapon beside it."""
    rest = text[: match.start()] + text[match.end() :]
    return (
        PAST_ANGER.match(match.group()) is not None
        and MADE_UP.search(text, match.end()) is not None
        and ARMED.search(rest) is None
        and SERIOUS.search(text) is None
    )


def late_home(text: str, match: re.Match[str]) -> bool:
    """A parent's or partner's "I'll kill her" over lateness or a scratched car ("told my
    teenager if she's late home again I'll kill her"), with no violence or "I mean it"."""
    return (
        KILL_VERB.search(match.group()) is not None
        and CHILD_TRIVIAL.search(text) is not None
        and (HOUSEHOLD.search(text) is not None or FAMILY_SPEAKER.search(text) is not None)
        and VIOLENCE.search(text) is None
        and SERIOUS.search(text) is None
    )
