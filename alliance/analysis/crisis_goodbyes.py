"""Look-alike checks of the crisis reader's rules (`crisis`) about goodbyes, beside
`crisis_context` and `crisis_lookalikes`: the goodbye letter written as a therapy exercise, "it's
not goodbye forever" said of a service the writer can come back to, and "see you on the other
side" said before an operation or a trip, or to someone who has died.

`look_alike` is the one entry point: True clears the cue outright. Unlike the other modules,
these checks read the whole text as well as the sentence, because the risk that hides behind
an exercise letter is often told a sentence or two later ("I also wrote the other one, the
real one"): any sign of a second letter, of a letter left to be found, or of means anywhere in
the text keeps the cue.
"""

from __future__ import annotations

import re

from alliance.analysis.crisis_patterns import Cue
from alliance.analysis.crisis_patterns_context import NOT_NAMES, OTHER_DEATH

_I = re.IGNORECASE

# --- the goodbye letter as a therapy exercise ---------------------------------------------

GOODBYE_CUES = ("goodbye_post", "notes_and_goodbyes")
# The goodbye letter itself (a "goodbye note" or "goodbye message" is not the exercise).
LETTER = re.compile(r"\bgoodbye\s+letter\b", _I)
# The exercise named right after the letter: "goodbye letter homework", "goodbye letter for
# the exercise", "here's my goodbye letter like you asked".
EXERCISE_AFTER = re.compile(
    r"\s*(?:exercise|homework|assignment|task)\b"
    r"|\s+(?:\w+\s+){0,2}?for\s+(?:the|my|this|our|today's|her|his|your)\s+(?:\w+\s+)?"
    r"(?:exercise|homework|assignment|session|group)\b"
    r"|\s*,?\s+(?:just\s+)?(?:like|as)\s+(?:you|she|he|they|my\s+(?:therapist|counsell?or"
    r"|psychologist))\s+(?:asked|suggested|said)\b",
    _I,
)
# Or the one who set it right before: "my therapist asked me to write a goodbye letter".
EXERCISE_BEFORE = re.compile(
    r"\b(?:you|she|he|they|therapist|counsell?or|psychologist)\s+(?:\w+\s+)?(?:asked|told"
    r"|wants|wanted|suggested|set)\s+(?:me|us)\s+to\s+(?:write|draft|do)\s+(?:\w+\s+)?"
    r"(?:(?:a|the|my|our)\s+)?$",
    _I,
)
# Anywhere in the text, what keeps the cue: a second letter or page beside the exercise, one
# kept from the reader or left to be found, a letter turned into a goodbye note, means, death
# or self-harm (past or present: the letter then carries it).
SECOND_LETTER = re.compile(
    r"\b(?:other|another|second|separate|real|actual|proper|true)\s+(?:one|letters?|notes?"
    r"|pages?|versions?|goodbyes?)\b|\b(?:also|then)\s+(?:wrote|written|writing|write)\b"
    r"|\b(?:not\s+(?:going\s+to|gonna)|won't|will\s+not|never)\s+(?:read|show)\b"
    r"|\bmore\s+honest\s+than\b|\bturn\w*\s+it\s+into\b|\bto\s+find\b"
    r"|\bleav\w*\s+(?:it|them|both|one|the\s+letters?)\s+(?:on|in|under|for|where)\b"
    r"|\b(?:pills|tablets|overdose|rope|noose|knife|blade|razor|gun)\b"
    r"|\b(?:suicid\w*|kill\w*\s+myself|end\s+(?:my|it)|die|dying|dead)\b"
    r"|\b(?:hurt\w*|harm\w*|burn\w*|cut\w*|hang\w*|hung|starv\w*)\s+myself\b|\bself[-\s]harm"
    r"|\bscars?\b|\boverdos\w*",
    _I,
)

# --- "it's not goodbye forever" with a way back -------------------------------------------

NOT_FOREVER = re.compile(r"\b(?:not|isn't|is\s+not|wasn't)\s+(?:a\s+)?goodbye\s+forever\b", _I)
WAY_BACK = re.compile(
    r"\bre-?refer\w*|\bre-?book\w*|\bbook\s+(?:\w+\s+)?again\b|\bcome\s+back\b|\bgo\s+back\b"
    r"|\breturn\b|\bdoor\s+(?:is|'s)\s+(?:always\s+)?open\b|\bget\s+in\s+touch\b|\bcheck-?in\b",
    _I,
)
DEATH_TALK = re.compile(
    r"\b(?:die|dying|dead|death|heaven|other\s+side|next\s+life|another\s+life|afterlife"
    r"|sorry|gone|grave|funeral)\b",
    _I,
)


# --- "goodbye, see you on the other side" before an occasion, or to the dead --------------

# An occasion with an "other side" anywhere in the text ("Surgery at 8. Bye, see you on the
# other side."), and what keeps the cue beside one: means, death wished, "soon", joining.
OCCASION = re.compile(
    r"\b(?:surgery|operation|op|anaesthe\w*|procedure|theatre|exams?|finals|deadline|holidays?"
    r"|flights?|wedding|labour|due\s+date|marathon|race|trip|expedition|festival|camping|tour"
    r"|off\s+grid|(?:no|without)\s+(?:signal|wifi|internet|reception)|offline|detox|retreat"
    r"|deploy\w*|raid|boss\s+fight)\b",
    _I,
)
STAYS = re.compile(
    r"\b(?:pills|tablets|overdos\w*|rope|noose|knife|blade|razor|gun|suicid\w*|kill\w*\s+myself"
    r"|end\s+(?:it|my\s+life|things)|die|dying|dead|hurt\w*\s+myself|self[-\s]harm|soon|join"
    r"|be\s+with|better\s+off|can't\s+go\s+on|no\s+point)\b",
    _I,
)
# The one the goodbye is said to: "Bye Gran, ...", "... on the other side, Dad."
ADDRESSED = re.compile(
    r"\b(?:good-?bye|bye|farewell)\s*,?\s+(?:my\s+)?(?:dear\s+|darling\s+|sweet\s+)?([A-Za-z]+)"
    r"|\bother\s+side\s*,\s*(?:my\s+)?(?:dear\s+|darling\s+|sweet\s+)?([A-Za-z]+)",
    _I,
)
KIN = re.compile(
    r"(?:mum|mom|mam|mother|dad|father|nan|nana|gran|granny|grandma|grandad|grandpa|grandmother"
    r"|grandfather|brother|sister|son|daughter|husband|wife|uncle|auntie|aunt|cousin|friend"
    r"|mate|pal|buddy)",
    _I,
)
LAID_TO_REST = re.compile(r"\b(?:buried|burial|cremat\w*|laid\s+to\s+rest)\b", _I)


def look_alike(cue: Cue, match: re.Match[str], text: str, whole: str) -> bool:
    """True where the cue sits in one of this module's look-alike families; `text` is the
    sentence, `whole` the whole text it comes from."""
    if cue.name in GOODBYE_CUES:
        return exercise_letter(match, text, whole or text) or not_forever(match, text)
    if cue.name == "afterlife_goodbye":
        whole = whole or text
        return STAYS.search(whole) is None and (
            OCCASION.search(whole) is not None or farewell_to_the_dead(text, whole)
        )
    return False


def farewell_to_the_dead(text: str, whole: str) -> bool:
    """ "We buried Gran today. Bye Gran, see you on the other side.": the goodbye is said to
    one person by name or kin, who is named again elsewhere in a text that tells of a death."""
    if OTHER_DEATH.search(whole) is None and LAID_TO_REST.search(whole) is None:
        return False
    elsewhere = whole.replace(text, " ")
    for found in ADDRESSED.finditer(text):
        who = found.group(1) or found.group(2)
        named = who[0].isupper() and who not in NOT_NAMES
        if (named or KIN.fullmatch(who)) and re.search(rf"\b{who}\b", elsewhere, _I):
            return True
    return False


def exercise_letter(match: re.Match[str], text: str, whole: str) -> bool:
    """A goodbye letter written as a therapy exercise ("goodbye letter homework", "my
    therapist asked me to write a goodbye letter"), the exercise named in the same breath,
    with no second letter, no letter left to be found and no means or death anywhere in the
    text."""
    letter = LETTER.search(text, match.start())
    if letter is None or letter.start() > match.end():
        return False
    named = (
        EXERCISE_AFTER.match(text, letter.end()) is not None
        or EXERCISE_BEFORE.search(text, 0, letter.start()) is not None
    )
    return named and SECOND_LETTER.search(whole) is None


def not_forever(match: re.Match[str], text: str) -> bool:
    """ "It's not goodbye forever, I can re-refer": the goodbye denied, a way back to the
    service in the sentence, and no word of death or of being gone."""
    return (
        NOT_FOREVER.search(text) is not None
        and "forever" in match.group().lower()
        and WAY_BACK.search(text) is not None
        and DEATH_TALK.search(text) is None
    )
