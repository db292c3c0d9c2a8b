"""Negation, hedging and attribution helpers for rule-based readers of reflections.

A pattern reader (themes, crisis language) that finds a cue such as "judged" or "terrified"
must ask, before counting it:

1. Is it negated? `polarity`: "I don't feel judged" is negated; "not ... anymore" is a change
   ("no_longer"); attenuators ("not so terrified") and double negatives ("couldn't stop
   crying") keep the cue.
2. Is it real? `polarity` ("hedged": "not sure if") and `is_hypothetical` ("if she ever
   judged me", "I was worried she'd judge me").
3. Whose is it? `Attribution` finds the writer, the therapist and third parties, resolves
   pronouns and names the subject nearest before a cue: "my friend is terrified" is not the
   writer's fear.

Functions take the text and character offsets, so callers keep exact evidence spans; first
straighten curly quotes with `normalize_quotes` (it keeps every offset).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

Person = Literal["self", "therapist", "other", "none"]
Polarity = Literal["affirmed", "negated", "no_longer", "hedged"]

_QUOTE_TABLE = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "`": "'"})


def normalize_quotes(text: str) -> str:
    """Straighten curly quotes and apostrophes; one character in, one out, so offsets hold."""
    return text.translate(_QUOTE_TABLE)


# --- clauses ---------------------------------------------------------------------------------

# Negation rarely reaches across a comma or a conjunction ("I don't mind, she listened"), so
# negation scope is the clause. Subjects, by contrast, are searched across the whole sentence.
_CLAUSE_BREAK = re.compile(
    r"""[,;:()"]|\s[-–—]+\s|\b(?:but|although|though|because|cause|cos|while|whereas|yet|"""
    r"""which|and|or|so|then|until|after|before|since|except|unlike)\b""",
    re.IGNORECASE,
)
_CLAUSE_LOOKBACK = 160  # clauses longer than this are rare; looking further back costs time


def clause_start(text: str, pos: int, floor: int) -> int:
    """Offset where the clause holding `pos` begins (never before `floor`, a sentence start)."""
    start = floor
    for match in _CLAUSE_BREAK.finditer(text, max(floor, pos - _CLAUSE_LOOKBACK), pos):
        start = match.end()
    return start


def clause_end(text: str, pos: int, ceiling: int) -> int:
    """Offset where the clause holding `pos` ends (never after `ceiling`, a sentence end)."""
    match = _CLAUSE_BREAK.search(text, pos, ceiling)
    return match.start() if match else ceiling


# --- negation, hedges, hypotheticals --------------------------------------------------------

_NEGATOR_WORDS = (
    "not|no|never|nobody|nothing|neither|nor|without|hardly|barely|cannot|dont|didnt|doesnt|"
    "isnt|wasnt|cant|couldnt|wont|wouldnt|havent|hasnt|arent|werent|aint|shouldnt|stopped"
)
_NEGATOR = re.compile(rf"\b(?:{_NEGATOR_WORDS})\b|n't\b", re.IGNORECASE)
# Negator phrases that do not cancel what follows: attenuation ("not so terrified") and
# double negation ("couldn't stop crying").
_NOT_A_NEGATION = re.compile(
    r"\b(?:not|no)\s+(?:so|as|only|just|that|quite|less|exactly)\b|"
    r"\bno\s+(?:doubt|wonder|matter)\b|\bdon'?t\s+know\s+how\b|"
    r"(?:\bcan|\bcould|\bca|\bcould)(?:n't|not|nt)\s+(?:stop|help)\b|"
    r"\bnot\s+(?:once|even)\s+(?:but|twice)\b|\bnever\s+(?:been|felt)\s+(?:so|more)\b",
    re.IGNORECASE,
)
_NO_LONGER = re.compile(r"\b(?:any\s?more|no\s+longer)\b", re.IGNORECASE)
_HEDGE = re.compile(
    r"\b(?:not\s+sure|unsure|don'?t\s+(?:even\s+|really\s+)?know|do\s+not\s+know|dunno|"
    r"wonder(?:ing)?|doubt|no\s+idea)\s+(?:if|whether)\b|\bnot\s+sure\b",
    re.IGNORECASE,
)
_IRREALIS = re.compile(
    r"\b(?:if|what\s+if|in\s+case|unless|whether|hope|hoping|hopefully|worried|worry|"
    r"afraid|scared|feared|expected|expecting|assumed|thought\s+(?:she|he|they)|"
    r"imagine|imagined|pretend)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w']+")
# Anything that might make a clause other than "affirmed": a cheap first test.
_ANY_QUALIFIER = re.compile(
    rf"\b(?:{_NEGATOR_WORDS}|unsure|dunno|wonder|wondering|doubt)\b|n't\b", re.IGNORECASE
)

# How many words back from a cue a negator may sit and still govern it.
NEGATION_REACH = 6


def _last_words_start(text: str, start: int, pos: int, words: int) -> int:
    """Offset `words` words before `pos`, but not before `start`."""
    # Words average well under 12 characters; no need to scan further back than that.
    spans = [m.start() for m in _WORD.finditer(text, max(start, pos - 12 * words), pos)]
    return spans[-words] if len(spans) >= words else max(start, pos - 12 * words)


def polarity(text: str, cue_start: int, cue_end: int, floor: int, ceiling: int) -> Polarity:
    """How the clause around a cue treats it.

    `floor`/`ceiling` bound the sentence. "negated" when a negator sits within
    NEGATION_REACH words before the cue in its clause; "no_longer" when that negation comes
    with "anymore"/"no longer" (or "no longer" stands alone); "hedged" under "not sure
    if"/"I wonder whether"; otherwise "affirmed".
    """
    start = clause_start(text, cue_start, floor)
    if not _ANY_QUALIFIER.search(text, start, cue_start):
        return "affirmed"  # the common case: nothing before the cue qualifies it
    end = clause_end(text, cue_end, ceiling)
    window_start = _last_words_start(text, start, cue_start, NEGATION_REACH)
    window = text[window_start:cue_start]
    clause_text = text[start:end]
    if _HEDGE.search(text, start, cue_start):
        return "hedged"
    negators = [m for m in _NEGATOR.finditer(window) if not _inside_exception(window, m.start())]
    if _NO_LONGER.search(clause_text) and (negators or "longer" in clause_text.lower()):
        return "no_longer"
    return "negated" if negators else "affirmed"


def _inside_exception(window: str, at: int) -> bool:
    # The negator belongs to an attenuating / double-negative phrase if one starts at or just
    # before it (the contraction case: "couldn't stop" has its negator inside the word).
    return any(m.start() <= at < m.end() for m in _NOT_A_NEGATION.finditer(window))


def is_hypothetical(text: str, cue_start: int, floor: int, reach: int = 8) -> bool:
    """True when the cue sits under "if", "what if", "I was worried she'd", "I hope" and
    the like, within `reach` words and in the cue's own clause (`floor` is the sentence
    start): "if she ever judged me" is hypothetical, "if it helps, I felt judged" is not."""
    if not _IRREALIS.search(text, max(floor, cue_start - 12 * reach), cue_start):
        return False  # the common case, settled without finding the clause
    window_start = _last_words_start(text, clause_start(text, cue_start, floor), cue_start, reach)
    return bool(_IRREALIS.search(text, window_start, cue_start))


# --- attribution ----------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_HELPER_NOUNS = _words("therapist therapists counsellor counselor psychologist psychotherapist")
_HELPER_NOUNS |= _words("psychiatrist psych shrink analyst clinician psychoanalyst")
_OTHER_NOUNS = _words(
    "friend friends bff bestie sister brother sibling mum mom mother dad father parent parents "
    "partner husband wife boyfriend girlfriend bf gf ex fiance fiancee boss manager colleague "
    "coworker co-worker cousin aunt auntie uncle gran granny grandma grandmother grandad grandpa "
    "grandfather nan son daughter kid kids child children baby flatmate roommate housemate "
    "neighbour neighbor teacher gp doctor dentist nurse pharmacist audiologist physio landlord "
    "receptionist niece nephew family coach classmate classmates mate mates guy girl woman man "
    "people"
)
_OWN = _words("my our the this new")  # + helper noun: the writer's therapist
_THEIRS = _words("his her their")  # + helper noun: someone else's therapist
_DETERMINERS = _OWN | _THEIRS | _words("a an")
_TITLES = _words("dr doc mr mrs ms mx")
_SELF_SUBJECT = _words("i i'm i've i'd i'll im ive")
_WE = _words("we we're we've we'd we'll")
_SELF_OBJECT = _words("me myself")
_PRONOUN_SUBJECT = _words("she he they she's he's they're she'd he'd they'd she'll he'll they'll")
_PRONOUN_OBJECT = _words("him her them herself himself themselves")
_INDEFINITE = _words("everyone everybody nobody someone somebody anyone anybody")
_BARE_OTHERS = _words("mum mom dad gp")
_NOT_NAMES = _words(
    "I Im Ive Id Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February "
    "March April May June July August September October November December Christmas Easter "
    "God Lord OMG Dr Mr Mrs Ms Mx English"
)
# Words after which a person is an object, not the subject of what follows.
_OBJECT_MARKERS = _words(
    "to with at for about from of by than like on in without around towards toward behind "
    "told tell tells telling asked ask asking showed show thanked thank thanking gave give "
    "let made make helped help saw see seeing met meet texted emailed called call hugged "
    "missed miss trust trusted love loved hate hated need needed found find lost leaving "
    "left visit visited hurt remind reminded"
)
_PERSON_WORDS = frozenset().union(
    _DETERMINERS, _TITLES, _INDEFINITE, _SELF_SUBJECT, _WE, _SELF_OBJECT, _PRONOUN_SUBJECT
) | (_PRONOUN_OBJECT | _BARE_OTHERS | _words("no both"))
_TOKEN = re.compile(r"[A-Za-z][A-Za-z']*(?:-[A-Za-z]+)*")
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|from|near|across|around|visit|visiting|visited)|\b(?:move|moving|moved|go|going|"
    r"went|fly|flying|flew|travel\w*|trip|holiday|drive|drove|driving|back)\s+to)$",
    re.IGNORECASE,
)
_NAME_SHAPE = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)?")
# A capitalised first word is a name only when a verb follows ("Maria told me"), otherwise it
# is usually just a capitalised sentence opener ("Honestly", "Session").
_NAME_VERB = re.compile(
    r"\s+(?:\w+ly\s+)?(?:said|says|told|tells|asked|asks|is|was|has|had|'s|listened|listens|"
    r"cried|laughed|gets|got|mentioned|shared|remembered|thanked|apologi[sz]ed|admitted|"
    r"takes|took|makes|made|knows|understood|understands|looked|seemed|smiled|nodded|"
    r"brushed|kept|keeps|cancelled|canceled|never|always|really|just|actually|and)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    """A person the text mentions: where, who (resolved) and whether it is a subject."""

    start: int
    end: int
    person: Person
    is_subject: bool
    is_pronoun: bool = False


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith("'s") else word.removesuffix("'")


class Attribution:
    """The people mentioned in one text, in order, with pronouns resolved. With nobody named
    yet, pronouns and names mean the therapist: reflections are about therapy."""

    def __init__(self, text: str) -> None:
        self.mentions: list[Mention] = []
        self._text = text
        self._tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        self._names: dict[str, Person] = {}
        # A subject pronoun refers back to the last third person who was a subject ("what
        # Anna said about my mum. She went quiet": Anna); an object pronoun to anyone; "we"
        # right after someone else is named means the writer and them, not the therapist.
        self._last_subject: Person | None = None  # until a third person has been a subject
        self._last_any: Person = "therapist"
        self._other_until = -1  # "we" up to here means the writer and a third party
        index = 0
        while index < len(self._tokens):
            word = self._tokens[index][2]
            if word.lower() not in _PERSON_WORDS and not word[0].isupper():
                index += 1  # the common case, decided with one lookup
                continue
            found = self._mention_at(index)
            if found is None:
                index += 1
                continue
            mention, next_index, indefinite = found
            # Indefinites ("anyone") are never what a later he/she refers to.
            if mention.person in ("therapist", "other") and not indefinite:
                self._last_any = mention.person
                if mention.is_subject:
                    self._last_subject = mention.person
                self._other_until = mention.end + 120 if mention.person == "other" else -1
            self.mentions.append(mention)
            index = next_index
        self._starts = [m.start for m in self.mentions]

    def _joined(self, left: int, right: int, comma: bool = False) -> bool:
        """Whether tokens `left` and `right` are separated by white space only (or a comma)."""
        gap = self._text[self._tokens[left][1] : self._tokens[right][0]]
        return gap.strip(", " if comma else " ") == "" and gap != ""

    def _lower(self, index: int) -> str:
        return self._tokens[index][2].lower() if index < len(self._tokens) else ""

    def _is_subject(self, index: int) -> bool:
        before = self._lower(index - 1) if index else ""
        return not (before in _OBJECT_MARKERS and self._joined(index - 1, index))

    def _span(self, first: int, last: int, person: Person, subject: bool) -> Mention:
        return Mention(self._tokens[first][0], self._tokens[last][1], person, subject)

    def _trailing_name(self, index: int, person: Person) -> int:
        """Register "my friend Dana" / "my therapist, Anna": returns the last token used."""
        following = index + 1
        if following < len(self._tokens) and self._joined(index, following, comma=True):
            word = self._tokens[following][2]
            if _NAME_SHAPE.fullmatch(word) and word not in _NOT_NAMES:
                self._names[word] = person
                return following
        return index

    def _mention_at(self, index: int) -> tuple[Mention, int, bool] | None:
        word = self._tokens[index][2]
        low = word.lower()
        if low in _DETERMINERS:
            noun = self._noun_phrase(index)
            if noun is not None:
                return noun[0], noun[1], False
        if low in _TITLES or word == "T":
            return self._title(index)
        if low in _INDEFINITE or (low == "no" and self._lower(index + 1) == "one"):
            end = index + 1 if low == "no" else index
            return self._span(index, end, "other", self._is_subject(index)), end + 1, True
        if low == "both" and self._lower(index + 1) == "of" and self._lower(index + 2) == "us":
            return self._span(index, index + 2, "self", True), index + 3, False
        if low in ("i", "me") and self._lower(index + 1) == "and":
            pair = self._noun_phrase(index + 2)  # "me and my sister": the pair, as in
            if pair is not None and pair[0].person == "other":  # "my sister and I"
                return self._span(index, pair[1] - 1, "other", True), pair[1], False
        if low in _WE:
            we: Person = "other" if self._tokens[index][0] <= self._other_until else "self"
            return self._span(index, index, we, True), index + 1, False
        if low in _SELF_SUBJECT:
            return self._span(index, index, "self", True), index + 1, False
        if low in _SELF_OBJECT:
            return self._span(index, index, "self", False), index + 1, False
        if low in _PRONOUN_SUBJECT or low in _PRONOUN_OBJECT:
            subject = low in _PRONOUN_SUBJECT
            person = (self._last_subject or self._last_any) if subject else self._last_any
            mention = Mention(self._tokens[index][0], self._tokens[index][1], person, subject, True)
            return mention, index + 1, False
        if low in _BARE_OTHERS:
            return self._span(index, index, "other", self._is_subject(index)), index + 1, False
        if (
            low.endswith("'s")
            and _NAME_SHAPE.fullmatch(word[:-2])
            and self._lower(index + 1) in _HELPER_NOUNS
        ):  # "Kiran's therapist"
            return self._span(index, index + 1, "other", self._is_subject(index)), index + 2, False
        if _NAME_SHAPE.fullmatch(word) and word not in _NOT_NAMES:
            return self._name(index)
        return None

    def _noun_phrase(self, index: int) -> tuple[Mention, int] | None:
        """ "my therapist", "her best friend Jo", "my sister's counsellor", "my mum and I"."""
        low = self._lower(index)
        for noun_at in (index + 1, index + 2):
            if noun_at >= len(self._tokens) or not self._joined(noun_at - 1, noun_at):
                return None
            # "my sister's counsellor" ends at "my sister's": someone else either way.
            noun = _strip_possessive(self._lower(noun_at))
            if noun in _HELPER_NOUNS and low not in ("a", "an"):
                person: Person = "therapist" if low in _OWN else "other"
                last = self._trailing_name(noun_at, person)
                return self._span(index, last, person, self._is_subject(index)), last + 1
            if noun in _OTHER_NOUNS:
                last = self._trailing_name(noun_at, "other")
                if self._lower(last + 1) == "and" and self._lower(last + 2) in ("i", "me"):
                    last += 2  # "my husband and I": the pair, not the writer alone
                return self._span(index, last, "other", self._is_subject(index)), last + 1
        return None

    def _title(self, index: int) -> tuple[Mention, int, bool] | None:
        """ "Dr. Okafor", "Mr Adeyemi", or the bare initial "T"."""
        if self._tokens[index][2] == "T":
            return self._span(index, index, "therapist", self._is_subject(index)), index + 1, False
        following = index + 1
        if following >= len(self._tokens):
            return None
        gap = self._text[self._tokens[index][1] : self._tokens[following][0]]
        name = _strip_possessive(self._tokens[following][2])
        if gap.strip(". ") or not _NAME_SHAPE.fullmatch(name):
            return None
        self._names[name] = "therapist"  # a second name ("Dr. Amara Okafor") follows as a name
        mention = self._span(index, following, "therapist", self._is_subject(index))
        return mention, following + 1, False

    def _name(self, index: int) -> tuple[Mention, int, bool] | None:
        start, end, word = self._tokens[index]
        before = self._text[:start].rstrip(" \t")
        at_sentence_start = not before or before[-1] in '.!?\n"'
        if word not in self._names and at_sentence_start and not _NAME_VERB.match(self._text, end):
            return None
        if word not in self._names and _PLACE_BEFORE.search(before):
            return None  # "moving to Australia", "back from Leeds": a place, not a person
        person = self._names.get(word, "therapist")
        return self._span(index, index, person, self._is_subject(index)), index + 1, False

    def subject_before(self, pos: int, floor: int) -> Person:
        """Who is the subject nearest before `pos`, searching back no further than `floor`
        (a sentence start); "none" when the sentence names no subject before the cue."""
        index = bisect_right(self._starts, pos) - 1
        while index >= 0:
            mention = self.mentions[index]
            if mention.start < floor:
                break
            if mention.is_subject and mention.end <= pos:
                return mention.person
            index -= 1
        return "none"

    def first_subject(self, start: int, end: int) -> Person:
        """Who is the first subject named inside [start, end) (e.g. a sentence), or "none"."""
        for mention in self.mentions[bisect_right(self._starts, start - 1) :]:
            if mention.start >= end:
                break
            if mention.is_subject:
                return mention.person
        return "none"

    def people_within(self, start: int, end: int, pronouns_only: bool = False) -> set[Person]:
        """Who is mentioned inside [start, end) (only by he/she/him/her... if asked)."""
        found = self.mentions[
            bisect_right(self._starts, start - 1) : bisect_right(self._starts, end - 1)
        ]
        return {m.person for m in found if m.is_pronoun or not pronouns_only}
