"""Context checks of the crisis reader's rules (`crisis`), round 7, beside `crisis_context`,
`crisis_lookalikes` and `crisis_goodbyes`: families an adjudicator named among the reader's
false alarms.

- `long_past`: risk told as clearly past in wordings the tense checks did not know ("I tried
  to end my life at sixteen", "two years back", "in year 10", "it's been five years since I
  last cut", "the week after I'd tried"): lowers an urgent cue to concern, never clears it.
- `look_alike` (True clears the cue):
  - anger vented and disowned at once: "I could strangle him, not that I ever would", "I
    wanted to punch him. I did neither.", with no weapon, "I mean it" or "unless" beside it;
  - a screening question answered no in new wordings: "the nurse asked about harming myself;
    nope", "- nah", "0 on question 9", "not once", with no "yes", lie or "but";
  - someone else's goodbye (`goodbye_of_other`) posted by the writer or by "we": the
    writer's own goodbye is read by the cues for it, not as someone else at risk.
"""

from __future__ import annotations

import re

from alliance.analysis import crisis_context as context
from alliance.analysis.crisis_patterns import Cue
from alliance.analysis.crisis_patterns_context import (
    ASKED,
    BUT,
    LIED,
    PRESENT,
    RECENT,
    REVIVAL,
    SERIOUS,
    STILL_MEANT,
)

_I = re.IGNORECASE

# --- risk clearly past --------------------------------------------------------------------

_TEENS = (
    r"(?:thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty)"
    r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?)"
)
# A time of life or a distance in time the older DISTANT_PAST pattern does not name.
PAST_PERIOD = re.compile(
    r"\b(?:at|aged|age)\s+" + _TEENS + r"\b(?!\s+(?:past|to|o'?clock|minutes|mins|hundred"
    r"|tonight|today|tomorrow|this|on|am|pm|quid|pounds|percent|mph|degrees)\b)"
    r"|\b(?:years?|months)\s+(?:back|since)\b|\bsince\s+i\s+last\b"
    r"|\bfrom\s+(?:age\s+)?\d{1,2}\s+(?:to|till|until|-)\s+\d{1,2}\b"
    r"|\bin\s+(?:year|yr)\s+\d{1,2}\b|\bin\s+(?:sixth\s+form|matric|college|high\s+school"
    r"|my\s+(?:first|second|third|final|last)\s+year)\b|\b(?:all\s+)?through\s+(?:sixth\s+form"
    r"|school|uni|college|my\s+(?:teens|twenties|thirties))\b|\bschool\s+days\b"
    r"|\bwhen\s+(?:she|he|they)\s+(?:was|were)\s+\w+\s+(?:weeks|months|years)\s+old\b"
    r"|\b(?:the\s+first\s+time|when)\s+(?:you|she|he|they)\s+(?:first\s+)?(?:met|saw)\s+me\b"
    r"|\bwhen\s+(?:i\s+first\s+came|we\s+first\s+met|i\s+came\s+(?:here|to\s+you|in))\b"
    r"|\bi(?:'d|\s+had)\s+(?:just\s+|already\s+|once\s+|been\s+)?(?:tried|attempted|overdosed"
    r"|cut|burned|burnt)\b|\blast\s+(?:january|february|march|april|may|june|july|august"
    r"|september|october|november|december|spring|summer|autumn|winter)\b"
    r"|\b(?:they've|they\s+have|it's|it\s+has|that's)\s+(?:all\s+)?(?:gone|passed|stopped)"
    r"(?:\s+now)?\s*(?=[.!?,;]|$)",
    _I,
)
# A past form in the cue's clause: "I tried", "I attempted", "I was", "I cut".
PAST_FORM = re.compile(
    r"\b(?:was|were|had|did|took|cut|burnt|hung|threw|wrote|bought|made|went|spent|thought"
    r"|felt|\w+ed)\b",
    _I,
)
# What says it is not over: "... and I still am", "I still want to" (not "I still have the
# scars", "I still get strange on the anniversary").
STILL_NOW = re.compile(
    r"\b(?:i\s+|i'm\s+)?still\s+(?:am|do|want\w*|think\s+about\s+(?:doing|it\s+every)"
    r"|plan\w*|cut\w*|burn\w*|suicidal|self[-\s]?harm\w*)\b",
    _I,
)


def long_past(text: str, clause: tuple[int, int], match: re.Match[str]) -> bool:
    """An urgent cue told in the past tense beside a time of life or a time long gone, with
    nothing present, recent or "back again" in the clause or the sentence."""
    here = text[clause[0] : clause[1]]
    return (
        PAST_PERIOD.search(text) is not None
        and PAST_FORM.search(here) is not None
        and PRESENT.search(here) is None
        and RECENT.search(text) is None
        and REVIVAL.search(text) is None
        and STILL_NOW.search(text) is None
    )


# --- anger vented and disowned ------------------------------------------------------------

_ACT = (
    r"(?:do\s+(?:it|that|anything)|act\s+on\s+(?:it|that)|go\s+through\s+with\s+it|touch\s+(?:him"
    r"|her|them)|hurt\s+(?:him|her|them|any\s?one|a\s+fly)|lay\s+a\s+(?:finger|hand)\s+on)"
)
DISOWNED = re.compile(
    r"\bnot\s+that\s+i\s+(?:ever\s+|actually\s+|really\s+)?(?:would|will|could|'d|did|ever)\b"
    r"(?:\s+(?:ever|actually|really|" + _ACT + r"))*\s*(?=[.,;!?)…-]|$|obviously|of\s+course)"
    r"|\bi\s+(?:would|will|'d|'ll)\s+never\s+(?:actually\s+|really\s+|ever\s+)?"
    + _ACT
    + r"|\bi\s+(?:wouldn't|won't|would\s+not|will\s+not)\s+(?:actually\s+|really\s+|ever\s+)?"
    + _ACT
    + r"|\b(?:i'm|i\s+am)\s+not\s+(?:actually\s+|really\s+)?going\s+to\s+"
    + _ACT
    + r"|\bi\s+did(?:n't|\s+not)\s+(?:do\s+(?:it|that|anything)|act\s+on\s+it)|\bi\s+did\s+"
    r"neither\b|\bnot\s+(?:literally|really|actually|seriously)\s*(?=[.,;!)]|$|obviously"
    r"|of\s+course)",
    _I,
)
DISOWNED_NEXT = re.compile(
    r"\s*(?:(?:obviously|of\s+course|ok|okay|well|i\s+mean|haha|lol)[,\s]+)?(?:"
    + DISOWNED.pattern
    + r")",
    _I,
)
# What keeps vented anger flagged: a weapon, or a condition it may still happen on.
STILL_ARMED = re.compile(
    r"\b(?:knife|knives|gun|weapon|blade|bat|hammer|petrol|acid|rope|poison\w*|unless|one\s+day"
    r"|next\s+time|if\s+(?:he|she|they)\s+(?:ever\s+)?(?:touch|hit|come|comes|does))\b",
    _I,
)


def disowned_anger(cue: Cue, match: re.Match[str], text: str, following: str) -> bool:
    """Harm to someone named and disowned after it, in the sentence or at the start of the
    next ("I could strangle him, not that I ever would"), with nothing still meant."""
    if cue.kind not in ("harm_other", "maybe_harm"):
        return False
    after = DISOWNED.search(text, match.end())
    if after is not None:
        rest = text[after.end() :]
    else:
        after = DISOWNED_NEXT.match(following)
        if after is None:
            return False
        rest = following[after.end() :]
    nearby = f"{text} {following}"
    return (
        STILL_MEANT.search(rest) is None
        and STILL_ARMED.search(nearby) is None
        and SERIOUS.search(nearby) is None
    )


# --- a screening question answered no, in new wordings ------------------------------------

ASKED_ALSO = re.compile(
    r"\b(?:wanted\s+to\s+know|checked|double-checked|enquired|inquired|screened\s+(?:me\s+)?for)"
    r"\s+(?:if|whether|about)\b|\b(?:item|question|q)\s*(?:9|nine)\b|\bphq-?9\b"
    r"|\bran\s+through\s+(?:the|a|her|his|their)\s+(?:\w+\s+)?(?:questions|stuff|checklist|list)\b",
    _I,
)
# The answer after the question in the same sentence: "...; nope", "... - nah", ", not once".
ANSWER_NO = re.compile(
    r"\s*[:;,?–—-]+\s*(?:(?:honestly|genuinely|truly)\s*,?\s*)?(?:no|nope|nah|never|none|not\s+once"
    r"|not\s+at\s+all|zero|0|negative)\s*(?:[.,;!]|$)",
    _I,
)
# The answer opening the next sentence.
ANSWER_NO_NEXT = re.compile(
    r"\s*(?:nah|not\s+once|negative|no\s+to\s+(?:all|both|that|everything|each)|a\s+(?:hard|firm"
    r"|flat)\s+no|none\s+of\s+(?:that|those|them))\b(?![^.!?]*\bbut\b)",
    _I,
)
# An item scored zero before the cue: "0 on question 9 about ...".
SCORED_ZERO = re.compile(
    r"\b(?:0|zero|nil|nothing|not\s+at\s+all)\s+(?:on|for)\s+(?:the\s+)?(?:item|question|q)\s*"
    r"(?:\d+|nine)\b",
    _I,
)
NOT_ZERO = re.compile(
    r"\bbut\b|\bscored?\s+(?:[1-3]|one|two|three)\b|\bnearly\s+every\s+day\b|\bmore\s+than\s+half"
    r"|\bseveral\s+days\b",
    _I,
)


def screened_no(match: re.Match[str], text: str, following: str) -> bool:
    """A screening question about the cue answered no in a wording `crisis_context` does not
    know: after the cue in the sentence, opening the next one, or an item scored zero."""
    if LIED.search(text) or LIED.search(following):
        return False
    zero = SCORED_ZERO.search(text, 0, match.start())
    if zero is not None and NOT_ZERO.search(text, zero.end()) is None:
        return True
    asked = ASKED.search(text, 0, match.start()) or ASKED_ALSO.search(text, 0, match.start())
    if asked is None:
        return False
    found = ANSWER_NO.search(text, match.end())
    if found is not None:
        return BUT.search(text, found.end()) is None
    return ANSWER_NO_NEXT.match(following) is not None


def look_alike(cue: Cue, match: re.Match[str], text: str, following: str) -> bool:
    """True where the cue sits in one of this module's look-alike families."""
    return (
        disowned_anger(cue, match, text, following)
        or screened_no(match, text, following)
        or own_goodbye(cue, match, text)
    )


def own_goodbye(cue: Cue, match: re.Match[str], text: str) -> bool:
    """ "I posted 'this is goodbye' and deleted my accounts": the goodbye is the writer's or
    "we"'s, not someone else's (a relative clause, "someone I follow posted", is not)."""
    if cue.name != "goodbye_of_other":
        return False
    start = context.clause(text, match.start(), match.end())[0]
    return context.subject(text, start, match, strict=True) in ("self", "we")
