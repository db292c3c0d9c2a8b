"""Notice crisis language in a reflection: `read_crisis(text) -> CrisisReading`.

Levels follow the spec (shared/spec/themes.md, "Crisis language"):

- urgent: active thoughts, plan, intent or means of suicide or self-harm, or of harming
  someone ("I've been thinking about ending it all", "I have the pills saved up");
- concern: passive ideation or hopelessness about living ("everyone would be better off
  without me"), past ideation or self-harm, a negated mention that still raises the topic
  ("I don't want to kill myself, I just feel tired"), someone else at risk, or the writer
  being hurt or threatened;
- none: everything else, including idioms ("killing it", "dying to see her").

Recall comes first: the cue tables (`crisis_patterns`) cast a wide net, and the checks here
only ever *lower* an urgent cue to concern (negated, hypothetical, in the past, a joke, about
someone else) or clear a cue outright when the context shows it is not about risk at all
(bereavement, an accident, a rope for climbing). Each sentence is read on its own; the text
takes the highest level of its sentences, and the evidence is every sentence that was flagged.
"""

from __future__ import annotations

import re

from alliance.analysis.crisis_patterns import MASKS, TOPIC, Cue, candidate_cues, needs_masking
from alliance.analysis.reading import CrisisLevel, CrisisReading, Span
from alliance.analysis.sentences import split_sentences


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_RANK: dict[CrisisLevel, int] = {"none": 0, "concern": 1, "urgent": 2}
# Curly quotes become straight ones, one character for one, so offsets still hold.
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "`": "'"})


def read_crisis(text: str, sentences: list[Span] | None = None) -> CrisisReading:
    """Read `text` for crisis language; `sentences` (from split_sentences) saves a split."""
    spans = split_sentences(text) if sentences is None else sentences
    clean = text.translate(_QUOTES)
    level: CrisisLevel = "none"
    evidence: list[Span] = []
    for index, span in enumerate(spans):
        following = clean[span.end : spans[index + 1].end] if index + 1 < len(spans) else ""
        found = _read_sentence(clean[span.start : span.end], following)
        if found != "none":
            evidence.append(Span(span.start, span.end, text[span.start : span.end]))
            if _RANK[found] > _RANK[level]:
                level = found
    return CrisisReading(level, tuple(evidence))


def _read_sentence(sentence: str, following: str) -> CrisisLevel:
    cues = candidate_cues(sentence)
    if not cues:
        return "none"
    masked = MASKS.sub(_blank, sentence) if needs_masking(sentence) else sentence
    best: CrisisLevel = "none"
    for cue in cues:
        for match in cue.pattern.finditer(masked):
            found = _weigh(cue, match, masked, following)
            if _RANK[found] > _RANK[best]:
                best = found
                if best == "urgent":
                    return best
    return best


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


# --- context ------------------------------------------------------------------------------

_CLAUSE_BREAK = re.compile(
    r"""[,;:()"]|\s[-–—]+\s|\b(?:but|although|though|because|cause|cos|while|whereas|yet|"""
    r"""which|and|or|so|then|until|after|before|since|except|unless)\b""",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[A-Za-z][\w']*")
_NEGATOR = re.compile(
    r"(?:not|no|never|nobody|nothing|without|cannot|neither|nor|hardly|\w+n't|dont|doesnt|didnt"
    r"|wont|wouldnt|cant|couldnt|isnt|wasnt|arent|havent|hasnt|shouldnt)",
    re.IGNORECASE,
)
# Words after which a negation no longer governs what follows ("I don't know why I want to
# die" still says "I want to die"), and words that undo it ("can't stop thinking about it").
_NEGATION_ENDS = re.compile(
    r"(?:why|how|what|when|where|if|whether|that|tell|told|say|said|know\w*|knew|realis\w*"
    r"|realiz\w*|admit\w*|understand|sure|mean|meant)",
    re.IGNORECASE,
)
_DOUBLE_NEGATION = re.compile(r"(?:stop|help)", re.IGNORECASE)
_CLEAN_FROM = re.compile(r"\b(?:clean|free|sober)\s+(?:from|of)\s+$", re.IGNORECASE)
_STOPPED = re.compile(r"\b(?:stopped|quit|quitting)\b", re.IGNORECASE)
_HYPOTHETICAL = re.compile(r"\b(?:if|in\s+case|suppose|supposing|whether)\b", re.IGNORECASE)
_ASKED = re.compile(r"\bask(?:ed|s)?\s+(?:me\s+)?(?:if|whether|about)\b", re.IGNORECASE)
_DENIED = re.compile(
    r"\b(?:said|say|answered|replied|told\s+(?:her|him|them))\s+(?:that\s+)?(?:no|never"
    r"|i\s+hadn't|i\s+haven't|i\s+don't|i\s+wasn't|i'm\s+not|i've\s+never|i\s+have\s+never"
    r"|i\s+never|i'd\s+never)\b|\bno,\s+never\b",
    re.IGNORECASE,
)
# "I'd kill myself if I had to sit through that again": a conditional after a modal.
_MODAL = re.compile(r"\b(?:i'd|id|would|could)\b", re.IGNORECASE)

_DISTANT_PAST = re.compile(
    r"\b(?:used\s+to|when\s+i\s+was|(?:years?|months|ages)\s+ago|(?:a\s+)?long\s+time\s+ago"
    r"|long\s+ago|back\s+(?:then|in|when)|as\s+a\s+(?:kid|child|teen\w*|student|young\s+\w+)"
    r"|in\s+my\s+(?:teens|twenties|youth|\w+\s+year)|in\s+(?:high|secondary|middle|primary)"
    r"\s+school|at\s+uni(?:versity)?\b|last\s+year|in\s+the\s+past|after\s+my\s+\w+\s+was\s+born"
    r"|no\s+longer|in\s+recovery|(?:that|this|it)\s+was\s+(?:a\s+long\s+time|years|ages)"
    r"|(?:19|20)\d\d|\w+\s+(?:years?|months?)\s+(?:clean|free|sober)|history\s+of"
    r"|at\s+(?:age\s+)?\d{1,2}|aged\s+\d{1,2}|when\s+i\s+was\s+(?:younger|little|small))\b",
    re.IGNORECASE,
)
_PRESENT = re.compile(
    r"\b(?:i'm|im|i\s+am|i've\s+been|ive\s+been|i\s+have\s+been|i\s+keep|keep|i\s+can't\s+stop"
    r"|now|again|tonight|today|right\s+now|lately|recently|these\s+days|this\s+(?:week|morning"
    r"|afternoon|evening|month|weekend)|last\s+night|yesterday|an?\s+(?:few\s+)?(?:hours?"
    r"|minutes?)\s+ago|every\s+day|currently|still)\b",
    re.IGNORECASE,
)
_REVIVAL = re.compile(
    r"\b(?:again\s+now|now\s+again|(?:it's|it\s+is|they're|they\s+are)\s+back|coming\s+back"
    r"|(?:thinking|thought)\s+about\s+it\s+again|started\s+again)\b",
    re.IGNORECASE,
)
_DETERMINERS = _words("the a an my these those his her their")
_PERFECT = _words("i've ive have has we've they've he's she's")
_PAST_VERB = re.compile(r"(?:wanted|was|were|had|thought|felt|considered)", re.IGNORECASE)
_RECENT = re.compile(
    r"\b(?:today|tonight|last\s+night|yesterday|this\s+(?:morning|afternoon|evening|week"
    r"|weekend)|(?:at|over)\s+the\s+weekend|an?\s+(?:few\s+)?(?:hours?|minutes?)\s+ago"
    r"|just\s+now|again|all\s+day|earlier|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.IGNORECASE,
)

_JOKE = re.compile(
    r"\b(?:ha(?:ha)+|hah|lol|lmao|lmfao|rofl|jk|kidding|joking|jokes)\b|[😂🤣😅😆🙃😜😝]"
    r"|\b(?:was|were)\s+(?:laughing|joking|kidding|grinning)\b"
    r"|[:;]-?[)pPD](?!\w)",
    re.IGNORECASE,
)
_SERIOUS = re.compile(r"\bnot\s+(?:joking|kidding)\b|\bi\s+mean\s+it\b|\bseriously\b", re.I)
_TRIVIAL_REASON = re.compile(r"\bfor\s+(?:\w+ing\b|always|never|not)", re.IGNORECASE)
_ACCIDENT = re.compile(
    r"\b(?:accident\w*|by\s+mistake|shaving|cooking|chopping|slicing|baking|lifting|playing|gym"
    r"|skiing|fell|fall|tripped|slipped|sprain\w*|twisted|football|rugby|training)\b",
    re.IGNORECASE,
)
_ON_PURPOSE = re.compile(r"\b(?:on\s+purpose|deliberately|intentionally)\b", re.IGNORECASE)
_COMPLETED_VERB = re.compile(
    r"(?:killed|hanged|hung|shot|took|taken|ended|unalived|overdosed)", re.IGNORECASE
)
_TRY_OR_INTEND = re.compile(
    r"(?:tried|trying|try|attempt\w*|threaten\w*|want\w*|going|gonna|plan\w*|would|\w+'d|will"
    r"|\w+'ll|talk\w*|said|says|saying|keeps?|kept|might|could|about|to|wish\w*|nearly|almost)",
    re.IGNORECASE,
)
_BEREAVEMENT_LEAD = re.compile(r"(?:for|after|since|by|before|when)", re.IGNORECASE)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end], bounded by punctuation and conjunctions."""
    clause_start = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, start):
        clause_start = match.end()
    after = _CLAUSE_BREAK.search(text, end)
    return clause_start, after.start() if after else len(text)


def _fullmatch(pattern: re.Pattern[str], word: str) -> bool:
    return pattern.fullmatch(word) is not None


def _negated(text: str, clause_start: int, match: re.Match[str]) -> bool:
    if _STOPPED.search(match.group()) or _CLEAN_FROM.search(text, clause_start, match.start()):
        return True
    # Negators inside the match count too ("I'd never hurt my baby"): the cue's own words
    # hold none, since cues that spell out a negation are not negatable.
    words = _TOKEN.findall(text, clause_start, match.start())[-6:]
    words += _TOKEN.findall(match.group())[:-1]
    for index in range(len(words) - 1, -1, -1):
        if _fullmatch(_NEGATION_ENDS, words[index]):
            return False
        if _fullmatch(_NEGATOR, words[index]):
            nxt = words[index + 1] if index + 1 < len(words) else match.group().split()[0]
            return not _fullmatch(_DOUBLE_NEGATION, nxt)
    return False


def _in_past(text: str, clause: tuple[int, int], match: re.Match[str]) -> bool:
    """Past ideation or self-harm ("When I was fifteen I wanted to die"), not a recent act."""
    here = text[clause[0] : clause[1]]
    if _DISTANT_PAST.search(here):
        return _REVIVAL.search(text) is None
    if _PRESENT.search(here):
        return False
    if _DISTANT_PAST.search(text):
        return True
    lead = [*_TOKEN.findall(text, clause[0], match.start())[-4:], match.group().split()[0]]
    # "The thought of killing myself" is a noun, not a past tense.
    # "I've thought about it" is a present perfect, not a past.
    past = any(
        _fullmatch(_PAST_VERB, word)
        and (i == 0 or lead[i - 1].lower() not in _DETERMINERS | _PERFECT)
        for i, word in enumerate(lead)
    )
    return past and not _RECENT.search(here)


def _joking(sentence: str, following: str) -> bool:
    nearby = f"{sentence} {following}"
    return _JOKE.search(nearby) is not None and _SERIOUS.search(nearby) is None


# --- who is it about ----------------------------------------------------------------------

_SELF_WORDS = _words("i i'm im i've ive i'd i'll me my myself mine")
_I_WORDS = _words("i i'm im i've ive i'd i'll")
_WE_WORDS = _words("we we're we've we'd us our")
_OTHER_WORDS = _words(
    "he she they he's she's they're they've he'd she'd they'd his her hers him them their "
    "someone somebody anyone friend friends partner husband wife boyfriend girlfriend son "
    "daughter kid kids child children mum mom mother dad father brother sister cousin uncle "
    "aunt nan grandma grandmother grandfather grandpa roommate flatmate housemate student "
    "students client clients colleague coworker boss patient patients people teen teenager "
    "character man woman guy girl boy nurse doctor dentist vet surgeon"
)
_NOT_NAMES = _words(
    "I Dr Mr Mrs Ms Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February "
    "March April May June July August September October November December Christmas Easter "
    "God English"
)
# Words that may stand between "I" and a cue without hiding another subject ("I've even
# picked a place"), unlike "Someone I game with posted ...".
_LINK_WORDS = _words(
    "been just even already finally also actually have has had started keep kept am was "
    "really secretly quietly literally now then today going to gonna will probably"
)


def _person(token: str, first: bool) -> str | None:
    word = token.lower().removesuffix("'s")
    if word in _SELF_WORDS:
        return "self"
    if word in _WE_WORDS:
        return "we"
    if word in _OTHER_WORDS:
        return "other"
    if not first and token[0].isupper() and token.removesuffix("'s") not in _NOT_NAMES:
        return "other"
    return None


def _subject(text: str, clause_start: int, match: re.Match[str], strict: bool) -> str:
    """Who a cue is about: 'self', 'other', 'we', or 'none' when nobody is named.

    `strict` (for plans and means) accepts the writer only when "I" stands right before the
    cue, or when a diary-style sentence starts with the cue ("Bought a rope today.").
    """
    owner = match.groupdict().get("owner")
    if owner:
        return "self" if owner.lower() == "my" else "other"
    if strict and any(w.lower() in _I_WORDS for w in _TOKEN.findall(match.group())):
        return "self"  # the cue holds its own subject: "how I'd do it"
    for floor in (clause_start, 0):
        tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(text, floor, match.start())]
        for back, (token, at) in enumerate(reversed(tokens)):
            who = _person(token, first=at == 0)
            if who is None:
                continue
            if strict and who == "self":
                # "Someone I game with posted ...": the "I" heads a relative clause.
                between = [t.lower() for t, _ in tokens[len(tokens) - back :]]
                earlier = [_person(t, first=a == 0) for t, a in tokens[: len(tokens) - back - 1]]
                plain = all(w in _LINK_WORDS for w in between)
                return "self" if plain or not {"other", "we"} & set(earlier) else "none_strict"
            return who
        if floor == 0 or tokens:
            break
    if strict:
        lead = _TOKEN.findall(text, clause_start, match.start())
        return "none" if len(lead) <= 1 else "none_strict"
    return "none"


# --- weighing one cue ---------------------------------------------------------------------


def _weigh(cue: Cue, match: re.Match[str], text: str, following: str) -> CrisisLevel:
    if cue.benign is not None and cue.benign.search(text):
        return "none"
    if cue.accident_prone and _ACCIDENT.search(text) and not _ON_PURPOSE.search(text):
        return "none"
    if cue.topic_prone and any(t.end() <= match.start() for t in TOPIC.finditer(text)):
        return "none"
    if _answered_no(text, match):
        return "none"
    clause = _clause(text, match.start(), match.end())
    kind = cue.kind
    if kind in ("passive", "harmed"):
        # "Kill me now, haha" and "Dad said he'd kill me, but he was laughing".
        if cue.name in ("kill_me_please", "threatened") and _joking(text, following):
            return "none"
        return "none" if cue.negatable and _negated(text, clause[0], match) else "concern"
    if kind == "history":
        if cue.subject == "require_self":
            return "concern" if _subject(text, clause[0], match, strict=False) == "self" else "none"
        return "concern"
    if kind == "third_party":
        return "none" if cue.completed_check and _completed(text, match) else "concern"
    if kind == "maybe_harm":
        trivial = _TRIVIAL_REASON.search(text, match.end(), clause[1]) is not None
        return "none" if trivial or _joking(text, following) else "concern"
    return _weigh_active(cue, match, text, following, clause)


def _weigh_active(
    cue: Cue, match: re.Match[str], text: str, following: str, clause: tuple[int, int]
) -> CrisisLevel:
    """Urgent cues (self_risk, harm_other) are lowered to concern by context, never cleared,
    except a joke about harming someone and plans made by others ("We set a date.")."""
    if cue.subject == "self":
        who = "self"
    else:
        who = _subject(text, clause[0], match, strict=cue.subject == "require_self")
    if cue.subject == "require_self" and who not in ("self", "none"):
        return "none"
    if cue.kind == "harm_other" and _joking(text, following):
        return "none"
    lowered = (
        who in ("other", "we")
        or (cue.kind == "self_risk" and _joking(text, following))
        or (cue.negatable and _negated(text, clause[0], match))
        or _hypothetical(text, clause, match)
        or _in_past(text, clause, match)
    )
    return "concern" if lowered else "urgent"


def _answered_no(text: str, match: re.Match[str]) -> bool:
    """A screening question reported with its answer: "She asked if I'd ever thought about
    hurting myself and I said no." Without the "no" the mention still counts."""
    asked = _ASKED.search(text, 0, match.start())
    return asked is not None and _DENIED.search(text, match.end()) is not None


def _hypothetical(text: str, clause: tuple[int, int], match: re.Match[str]) -> bool:
    """Inside an "if" ("if I ever felt suicidal"), or a modal with an "if" after it."""
    if _HYPOTHETICAL.search(text, clause[0], match.start()):
        return True
    modal = _MODAL.search(text, clause[0], match.end()) is not None
    return modal and _HYPOTHETICAL.search(text, match.end(), clause[1]) is not None


def _completed(text: str, match: re.Match[str]) -> bool:
    """Someone else's death by suicide, told as bereavement ("since Dad killed himself")."""
    verb = match.group().split()[0]
    lead = _TOKEN.findall(text, 0, match.start())[-3:]
    if any(_fullmatch(_TRY_OR_INTEND, w) for w in lead):
        return False
    if _fullmatch(_COMPLETED_VERB, verb):
        return True
    return verb.lower().endswith("ing") and bool(lead) and _fullmatch(_BEREAVEMENT_LEAD, lead[-1])
