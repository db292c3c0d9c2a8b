"""The cue tables of the crisis-language reader (the engine is `alliance.analysis.crisis`).

A cue is a compiled pattern plus what it means. Kinds, and how the engine weighs them:

- `self_risk`: active thoughts, plan, intent, means or acts of suicide or self-harm. Urgent,
  unless negated, hypothetical, in the past, or about someone else (then concern).
- `harm_other`: active thoughts or intent to harm someone. Urgent; a joke marker clears it,
  negation or another subject lowers it to concern.
- `maybe_harm`: "I could kill him", hyperbole as often as not. Concern; a joke marker or a
  trivial reason ("for leaving the dishes") clears it.
- `passive`: passive ideation and hopelessness about living. Concern.
- `third_party`: someone else at risk. Concern; a completed death (bereavement) clears it.
- `harmed`: the writer is hurt or threatened by someone. Concern; negation clears it.
- `history`: mentions of self-harm or suicide that only say the topic is present. Concern.

Each cue lists trigger stems (a stem ending in "$" is a whole word), one of which begins a
word of every match: the engine only tries the cues whose stems occur in a sentence, which keeps
it fast (tests/analysis/test_crisis.py checks that against trying every cue). Macros such as
`@MYSELF@` keep the patterns readable. Every alternation inside a negative lookahead closes
with `\\b`, so "a" never matches the start of "again". The tables are kept dense by hand
(`fmt: off`): one pattern per cue reads better than one regex fragment per line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

Kind = Literal[
    "self_risk", "harm_other", "maybe_harm", "passive", "third_party", "harmed", "history"
]
Subject = Literal["detect", "self", "require_self"]

# fmt: off
_MACROS = {
    "@MYSELF@": r"my\s?self",
    "@THEMSELF@": r"(?:him|her|them|their)\s?sel(?:f|ves)",
    "@NT@": r"(?:n't|nt|\s+not)",
    "@HIS@": r"(?:his|her|their)",
    "@BODY@": r"(?:wrists?|arms?|thighs?|legs?|skin|stomach|throat|neck|hips?|chest)",
    "@PILLS@": r"(?:pills|meds|medications?|tablets|painkillers|paracetamol|insulin|sleepers"
               r"|sleeping\s+pills|antidepressants|sertraline|fluoxetine|citalopram|escitalopram"
               r"|venlafaxine|mirtazapine|amitriptyline|lithium|quetiapine|diazepam|zopiclone"
               r"|codeine|co-codamol|tramadol|oxycodone|morphine|ibuprofen|aspirin|propranolol"
               r"|prozac|xanax|valium|opioids|benzos)",
    "@PERSON@": r"(?:him|her|them|you|people|every\s?(?:one|body)|some\s?(?:one|body)"
                r"|any\s?(?:one|body)|my\s+(?:\w+\s+)?(?:kids?|son|daughter|baby|child|children"
                r"|wife|husband|partner|ex|boss|mum|mom|mother|dad|father|brother|sister|family"
                r"|neighbou?rs?|room-?mate|flat-?mate|house-?mate|colleagues?|co-?workers?"
                r"|teachers?|boyfriend|girlfriend|step\w+|bull(?:y|ies)|manager|landlord"
                r"|classmates?)|(?:the|those|these|that)\s+(?:\w+\s+)?(?:kids|people|guys|girls"
                r"|boys|students|teachers|bullies|man|woman|guy|kid|men|women|bastards?|idiots?"
                r"|baby|child|children)|whoever|others|other\s+people|(?-i:[A-Z][a-z]+))\b",
    "@HARMVERB@": r"(?:kill|murder|hurt|harm|stab|shoot|strangle|choke|poison|smother|attack"
                  r"|punch|hit|slap|kick|beat|shake)",
    "@NOTAMESSAGE@": r"(?!'?s?\s+feelings\b|\s+(?:a|an)\s+(?:email|text|message|line|note|dm"
                     r"|look)\b|\s+(?:off|out|up)\b)",
}
# fmt: on


def _compile(pattern: str) -> re.Pattern[str]:
    for macro, expansion in _MACROS.items():
        pattern = pattern.replace(macro, expansion)
    return re.compile(pattern, re.IGNORECASE)


@dataclass(frozen=True)
class Cue:
    name: str
    kind: Kind
    pattern: re.Pattern[str]
    triggers: tuple[str, ...]
    negatable: bool = True
    subject: Subject = "detect"
    # Self-harm verbs also describe accidents ("cut myself shaving").
    accident_prone: bool = False
    # A match of this pattern anywhere in the sentence clears the cue ("rope for climbing").
    benign: re.Pattern[str] | None = None
    # Suicide as the subject of a film, an essay or a training, not as anyone's risk.
    topic_prone: bool = False
    # "killed himself" is bereavement; "wants to kill himself" is risk.
    completed_check: bool = False


def _cue(name: str, kind: Kind, pattern: str, triggers: str, **options: object) -> Cue:
    benign = options.pop("benign", None)
    compiled = _compile(str(benign)) if benign else None
    return Cue(name, kind, _compile(pattern), tuple(triggers.split()), benign=compiled, **options)  # type: ignore[arg-type]


# fmt: off
# Trigger stems for the @PILLS@ alternatives ("co-codamol" splits into "co" and "codamol").
_PILL_WORDS = (
    "pills meds medication tablets painkillers paracetamol insulin sleepers antidepressants "
    "sertraline fluoxetine citalopram escitalopram venlafaxine mirtazapine amitriptyline "
    "lithium quetiapine diazepam zopiclone codeine codamol tramadol oxycodone morphine "
    "ibuprofen aspirin propranolol prozac xanax valium opioids benzos"
)
# Plans made by the writer, not plans for a party.
_PLAN: dict[str, Any] = {
    "subject": "require_self",
    "benign": r"\b(?:party|wedding|trip|holiday|birthday|weekend|day\s+out|schedule|cake|menu"
    r"|dinner|presentation|speech|organi[sz]er|dosette|prescription|christmas\s+(?:party"
    r"|dinner|shopping))\b",
}
_BENIGN_MEANS = (r"\b(?:climb\w*|boulder\w*|abseil\w*|range|hunt\w*|camp\w*|sail\w*|boat|tow\w*"
                 r"|skipping|jump\s+rope|dog|washing\s+line|gym|class|course|craft\w*|macram\w*"
                 r"|club|licen[cs]e|collect\w*)\b")
_BENIGN_GIVING = (r"\b(?:charity|declutter\w*|moving|move|sell\w*|sold|car\s+boot|garage\s+sale"
                  r"|library)\b")
_BENIGN_ABSENCE = (r"\b(?:holiday|vacation|trip|away|travel\w*|moving|move|transfer\w*|leave"
                   r"|conference|visit\w*|office|job|work|course|wedding|hospital\s+for|surgery"
                   r"|operation|festival)\b")
_BENIGN_JUMP = (r"\b(?:swim\w*|div(?:e|ing)|into\s+the\s+(?:water|river|lake|sea|pool|canal)"
                r"|bungee)\b")
_BENIGN_DOSE = r"\b(?:prescri\w*|as\s+directed|antibiotics|course\s+of|doctor\s+(?:said|told))\b"

# --- suicide and self-harm: thoughts, acts, plans, means ----------------------------------

SELF_RISK = (
    _cue("kill_myself", "self_risk",
         r"\b(?:kill\w*|hang\w*|hung|off|unalive\w*|shoot\w*|shot|top|topp\w*|neck|gas\w*"
         r"|suffocat\w*|strangl\w*|asphyxiat\w*|electrocut\w*|smother\w*|chok\w*|end|delete"
         r"|erase|yeet\w*)\s+@MYSELF@\b(?!\s+(?:in\s+the\s+foot|up|off|out|on\s+(?:food|cake"
         r"|sweets|chocolate)|with\s+(?:food|work|laughter))\b)|\b(?:do|doing|did|done)\s+"
         r"@MYSELF@\s+in\b|\bset\w*\s+@MYSELF@\s+(?:on\s+fire|alight)|\bbleed(?:ing)?\s+out\b"
         r"|\b(?:want\w*|going|gonna|wanna)\s+to\s+end\s+me\b",
         "myself self bleed end", subject="self"),
    _cue("slang", "self_risk", r"\b(?:kms|unalive\w*|sewer\s?slide)\b", "kms unalive sewer",
         subject="self"),
    _cue("end_my_life", "self_risk",
         r"\b(?:end\w*|tak\w*|took)\s+my\s+(?:own\s+)?life\b(?!\s+(?:back|in|into|to|seriously"
         r"|one|forward|apart|for\s+granted)\b)|\bmy\s+life\s+to\s+(?:end|be\s+over)\b",
         "life", subject="self"),
    _cue("end_it_all", "self_risk",
         r"\bend(?:ing|s)?\s+(?:it\s+all|everything)\b|\b(?:want\w*|wanna|going|gonna|plan\w*|how"
         r"|ready|decided|should|could|tempted|ways?|just|i|i'll|will|like|of|about|considering"
         r"|contemplating)\s+(?:to\s+)?(?:just\s+)?end(?:ing)?\s+(?:it|things)\b(?!\s+(?:with"
         r"|off|there|here|between|early|for|at|on|now\s+with|before\s+it)\b)",
         "end ending ends"),
    _cue("want_to_die_now", "self_risk",
         r"\bwant(?:s|ed)?\s+to\s+(?:just\s+)?(?:die|be\s+dead)\s+(?:tonight|today|right\s+now|now"
         r"|by|before)\b"
         r"|\b(?:tonight|right\s+now)\b[^.!?]{0,30}?\bwant\w*\s+to\s+(?:just\s+)?die\b"
         r"|\burges?\s+to\s+(?:die|kill\s+myself|end\s+it|end\s+my\s+life|hurt\s+myself|cut"
         r"|burn|self[-\s]?harm|jump|overdose|slit)\b(?!\s+(?:the|a|an|it|this|that|his|her|their"
         r"|back|down|off|out|up|ties|class|costs?|hair|sugar|in)\b|\s+my\s+(?!@BODY@))"
         r"|\b(?:suicide|dying|death|killing\s+myself|ending\s+it)\s+is\s+all\s+i\s+(?:can\s+)?"
         r"(?:think|dream)\s+(?:about|of)\b"
         r"|\b(?:thoughts?|think\w*|thought)\s+(?:\w+\s+)?(?:of|about)\s+self[-\s]?harm\w*",
         "die dead urge suicide dying death killing ending self"),
    # Short statements of intent, means at hand, and acts: split by anchor word so that a
    # common word ("today", "way") wakes only a small pattern.
    _cue("intent_stop", "self_risk",
         r"\b(?:want\w*|wanna|going|gonna|ready|decided)\s+to\s+stop\s+(?:living|being\s+alive"
         r"|existing|breathing(?!\s+(?:so|too|like|through|in|when|properly|fast)\b))\b"
         r"|\b(?:want\w*|wanna|going|gonna|how)\s+to\s+make\s+it\s+(?:all\s+)?stop\b"
         r"(?!\s+(?:raining|ringing|hurting\s+my|beeping))", "stop", topic_prone=True),
    _cue("intent_acts", "self_risk",
         r"\b(?:think\w*|thought|consider\w*)\s+(?:about|of)\s+taking\s+the\s+easy\s+way\s+out\b"
         r"|\bdecided\s+(?:exactly\s+)?(?:when|where|how)\b(?=\s*(?:[.,!?;]|$|and\b))"
         r"|\b(?:took|take|taking|swallow\w*)\s+(?:my|the)\s+whole\s+(?:prescription|supply"
         r"|(?:box|packet|bottle)(?:\s+of\s+@PILLS@)?(?=\s*(?:[.,!?;]|$|at\s+once|and\b)))"
         r"|\b(?:a\s+)?(?:week|month)'s\s+worth\s+of\s+@PILLS@"
         r"|\b(?:drank|drink\w*|swallow\w*)\s+(?:some\s+)?(?:bleach|antifreeze|weedkiller"
         r"|poison)\b(?!-)|\b(?:going|gonna|want\w*|plan\w*)\s+to\s+hang\b"
         r"(?=\s*(?:[.,!?;]|$|and\b|tonight))|\bcrash\w*\s+(?:my|the)\s+car\s+(?:on\s+purpose"
         r"|deliberately)\b",
         "easy decided whole worth bleach antifreeze weedkiller poison hang crash",
         topic_prone=True),
    _cue("intent_jump", "self_risk",
         r"\b(?:going|gonna|want\w*|about|ready|tempted|scared\s+i'll|afraid\s+i'll)\s+(?:to\s+)?"
         r"jump\b(?=\s*(?:[.,!?;]|$|and\b|now|tonight|today|off|from))"
         r"|\b(?:i'm|im|i\s+am)\s+(?:on|at|standing\s+on)\s+the\s+(?:ledge|edge|tracks"
         r"|platform\s+edge)\s+(?:now|right\s+now)\b", "jump ledge edge tracks platform",
         benign=r"\b(?:pool|trampoline|queue|parachute|skydiv\w*|bungee|dance|joy|excitement"
                r"|photo\w*|view|sunset|swimming|paddle)\b"),
    _cue("means_at_hand", "self_risk",
         r"\b(?:razor|blade|knife|pills|tablets|rope|noose|gun)(?:'s|\s+is|\s+are)?\s+in\s+my\s+"
         r"(?:hand|lap|mouth)\b(?!\s+(?:luggage|bag|baggage))"
         r"|\b(?:put|hung|hang\w*|tied|set)\s+(?:up\s+)?(?:the|a)\s+rope\s+(?:up\s+)?(?:in|from"
         r"|on|over)\b(?!\s+(?:the\s+)?(?:garden|tree\s+for|swing))|\bstar(?:e|ed|ing)\s+at\s+"
         r"(?:the|my)\s+(?:pills|tablets|rope|knife|blade|razor|gun)\b"
         r"|\b(?:got|have)\s+the\s+(?:pills|tablets|means|rope|gun|stuff)\s+to\s+do\s+it\b"
         r"|\bnoose\b|\b(?:belt|cord|scarf|ligature|rope|cable)\b[^.!?]{0,30}?\b(?:door\s+handle"
         r"|banister|bannister|beam|hook|loft\s+hatch)\b",
         "razor blade knife pills tablets rope noose gun means stuff belt cord scarf ligature "
         "cable", topic_prone=True),
    _cue("farewell", "self_risk",
         r"\b(?:done\s+with\s+everything|had\s+enough|goodbye)\b[^.!?]{0,40}?\b(?:tonight"
         r"|today)(?:'s|\s+is)\s+the\s+(?:night|day)\b|^\W*(?:good\s?bye|farewell)\W*$",
         "everything enough goodbye good farewell"),
    _cue("suicide_thoughts", "self_risk",
         r"\b(?:commit\w*|attempt\w*|consider\w*|contemplat\w*|think\w*|thought\w*|plan\w*"
         r"|research\w*|googl\w*)\s+(?:\w+\s+){0,2}?(?:about\s+|of\s+)?suicide\b"
         r"|\bsuicide\s+(?:attempts?|plans?|methods?|notes?|letters?|pacts?)\b"
         r"|\bsuicide\s+(?:is|has\s+been|keeps)\s+(?:\w+\s+)?(?:on|in|into)\s+my\s+(?:mind|head)"
         r"|\bmy\s+suicide\b|\bsuicide\s+(?:feels|seems|is|looks)\s+(?:like\s+)?(?:the\s+)?"
         r"(?:only|best|right|answer)\b", "suicide", topic_prone=True),
    _cue("suicidal", "self_risk", r"\bsuicidal\b", "suicidal", topic_prone=True),
    _cue("self_harm_verb", "self_risk",
         r"\b(?:hurt\w*|harm\w*|cut\w*|burn\w*|burnt|hit\w*|punch\w*|starv\w*|scratch\w*"
         r"|bruis\w*|stab\w*|slash\w*|slit\w*|drown\w*|poison\w*)\s+@MYSELF@\b"
         r"(?!\s+(?:up|out|on(?!\s+purpose)|in\s+work|a|an|some|off)\b)",
         "myself self",
         subject="self", accident_prone=True),
    _cue("self_harm_body", "self_risk",
         r"\b(?:cut\w*|scratch\w*|burn\w*|carv\w*|slash\w*|slit\w*|stab\w*|slic\w*)\s+(?:into\s+"
         r"|at\s+)?"
         r"my\s+@BODY@(?!\s+(?:on|when|while|by)\b)|\b(?:cut\w*|carv\w*|slash\w*|slit\w*|burn\w*)"
         r"\s+(?:\S+\s+){1,3}?(?:into|in|on)\s+my\s+@BODY@",
         "cut scratch burn carv slash slit stab slic", subject="require_self", accident_prone=True),
    _cue("back_to_the_blade", "self_risk",
         r"\b(?:went|go|going|gone)\s+back\s+to\s+(?:the|my)\s+(?:razor|blade|blades|cutting"
         r"|lighter)\b|\b(?:made|make|making)\s+@MYSELF@\s+bleed\b",
         "razor blade cutting lighter bleed", subject="require_self"),
    _cue("head_against_wall", "self_risk",
         r"\b(?:bang\w*|slam\w*|hit\w*|smash\w*|punch\w*)\s+(?:my\s+head|myself)\s+(?:against|into"
         r"|on)\s+(?:the\s+)?walls?\b", "wall"),
    _cue("self_harming", "self_risk",
         r"\bself[-\s]?(?:harm(?:ing|ed)|injur(?:ing|ed))\b|\b(?:relaps\w*|urges?\s+to|want\w*"
         r"\s+to|start\w*)\s+(?:with\s+|into\s+)?self[-\s]?harm\b", "self", topic_prone=True),
    _cue("cut_intransitive", "self_risk",
         r"\b(?:i|i've|ive|i\s+have)\s+(?:[\w']+\s+){0,2}?cut(?:ting)?\b(?!\s+(?:the|a|an|it|this"
         r"|that|them|him|her|ties|back|class|corners?|off|out|down|up|through|across|short|loose"
         r"|both|some|open|paper|grass|hair|costs?|spending|sugar|carbs|caffeine|me|you|us|myself"
         r"|people|in\s+(?:line|front|half))\b|\s+my\s+(?!@BODY@)|\s+\w+ing\b)"
         r"|\burges?\s+to\s+cut\b(?!\s+(?:the|a|an|it|back|down|off|out|up|ties|class|hair)\b"
         r"|\s+my\s+(?!@BODY@))", "cut cutting urge",
         subject="require_self", accident_prone=True),
    _cue("cutting", "self_risk",
         r"(?<!paper\s)(?<!wood\s)\bcutting\b(?!\s*-|\s+(?:the|a|an|it|this|that|them|him|her"
         r"|his|their|ties|back|class|corners?|off|out|down|up|through|across|short|loose|both"
         r"|some|open|paper|grass|hair|costs?|spending|sugar|carbs|caffeine|me|you|us|people"
         r"|board|edge|remarks?|comments?|room|in|into|from|cloth|fabric|wood|onions?|veg\w*"
         r"|my\s+(?!@BODY@)\w+)\b)", "cutting", accident_prone=True),
    _cue("overdose", "self_risk",
         r"\boverdos(?:ed|ing)\b|\b(?:took|take|taking|taken)\s+an?\s+overdose\b"
         r"|\b(?:going|gonna|want\w*|plan\w*)\s+to\s+(?-i:OD)\b|\b(?-i:OD)(?:'?d|ing)\b"
         r"|\b(?:want\w*|going|gonna|think\w*|thought|plan\w*)\s+(?:to\s+|about\s+|of\s+)?overdos",
         "overdos od", topic_prone=True),
    _cue("take_all_pills", "self_risk",
         r"\b(?:take|took|taking|taken|swallow\w*)\s+(?:a\s+(?:whole\s+)?(?:handful|bunch|bottle"
         r"|packet|box|load|lot)\s+of|handfuls\s+of|all(?:\s+of)?|everything\s+in|the\s+(?:whole"
         r"|entire|rest\s+of\s+the))\s+(?:(?:my|the|her|his|those|these)\s+)?(?:\w+\s+)?"
         r"(?:@PILLS@|medicine\s+cabinet|bottle|packet|cabinet|drawer|cupboard)"
         r"|\b(?:took|take|taking|swallow\w*)\s+too\s+many\s+@PILLS@"
         r"|\b(?:take|took|taking|swallow\w*)\s+(?:them\s+all|all\s+of\s+them|the\s+lot|every"
         r"\s+(?:single\s+)?(?:pill|tablet)|all\s+(?:of\s+)?(?:my|the)\s+@PILLS@)\b"
         r"|\bhow\s+many\s+@PILLS@\s+(?:it\s+(?:would|will|'d)\s+take|would\s+(?:kill|be\s+enough)"
         r"|to\s+(?:die|kill|end))|\b(?:worked|figured)\s+out\s+how\s+many\s+@PILLS@",
         "take took taking taken swallow how worked figured", benign=_BENIGN_DOSE,
         accident_prone=True),
    _cue("stockpile", "self_risk",
         r"\b(?:sav\w*|stockpil\w*|hoard\w*|collect\w*|stash\w*|hid\w*)\s+(?:up\s+)?"
         r"(?:(?P<owner>my|her|his|their)\s+|the\s+|all\s+(?:the\s+)?|some\s+|enough\s+)?"
         r"(?:\w+\s+)?@PILLS@|\b@PILLS@\s+(?:saved|stockpiled|stashed|hidden|put\s+away|ready"
         r"|lined\s+up|counted\s+out)|\benough\s+@PILLS@|\bstash\s+of\s+@PILLS@"
         r"|\b@PILLS@\s+(?:\w+\s+){0,3}?(?:from|at)\s+(?:\w+\s+)?(?:different|several|multiple"
         r"|two|three|four)\s+(?:shops|pharmacies|chemists|supermarkets|places)\b",
         "stash " + _PILL_WORDS),
    _cue("jump_or_step", "self_risk",
         r"\b(?:jump\w*|leap\w*|throw\w*\s+@MYSELF@)\s+(?:off|from)\s+(?:(?:a|an|the|my|that"
         r"|this)\s+)?(?:\w+\s+){0,2}?(?:bridge|building|roof\w*|balcony|cliff|ledge|window"
         r"|tower|car\s+park|multi-storey|overpass)\b"
         r"|\b(?:step\w*|walk\w*|jump\w*|throw\w*\s+@MYSELF@|lie|lying|lay)\s+(?:out\s+)?"
         r"(?:in\s+front\s+of|under|onto)\s+(?:a|an|the)\s+(?:\w+\s+)?"
         r"(?:train|tracks|bus|car|lorry|truck|tube|traffic)\b",
         "jump leap throw step walk lie lying lay", benign=_BENIGN_JUMP),
    _cue("method_thoughts", "self_risk",
         r"\b(?:think\w*|thought|imagin\w*|pictur\w*|fantas\w*|dream\w*)\s+(?:about|of)\s+"
         r"(?:\w+\s+)?(?:jumping|hanging|stepping\s+(?:out\s+)?in\s+front|crashing|overdosing"
         r"|drowning|slitting|the\s+(?:rope|pills|tracks|noose)"
         r"|(?:\w+'s|my|the|a|his|her)\s+gun)\b|\b(?:mind\s+keeps\s+(?:going|drifting|wandering)"
         r"|keep\s+(?:thinking|going\s+back)|can't\s+stop\s+thinking|think\w*|thought)\s+(?:about\s+"
         r"|to\s+|back\s+to\s+|of\s+)(?:using\s+)?(?:\S+\s+){0,2}?(?:knife\s+drawer|knives|blade"
         r"|razor|pills|tablets|rope|noose|gun|tracks|car\s+exhaust|exhaust|ledge|railing|edge"
         r"|oncoming\s+traffic|train\s+timetable)\b(?!\s+(?:skills|class|set|block)\b)"
         r"|\b(?:stood|standing|sat|sitting)\s+(?:on|at|by)\s+(?:the\s+)?(?:edge|ledge|railing"
         r"|parapet|roof|bridge|balcony|platform|cliff)\b[^.!?]{0,40}?(?:thinking\s+about"
         r"|wondering\s+(?:if|whether|what)|ready\s+to|looking\s+down|staring\s+down)\b"
         r"|\b(?:pictur\w*|imagin\w*|see|seeing|visuali[sz]\w*)\s+@MYSELF@\s+(?:hanging|jumping"
         r"|overdosing|on\s+the\s+(?:tracks|ledge))\b",
         "jumping hanging stepping crashing overdosing drowning slitting rope pills tracks "
         "noose gun myself knife knives blade razor tablets exhaust ledge railing edge "
         "oncoming train parapet roof bridge balcony platform cliff"),
    _cue("drive_into", "self_risk",
         r"\b(?:plan\w*|think\w*|thought|want\w*|going|gonna|tempted|urges?)\s+"
         r"(?:about\s+|to\s+|of\s+)?(?:driv\w*|crash\w*|steer\w*|swerv\w*)\s+(?:\w+\s+){0,3}?"
         r"(?:into|off)\s+(?:(?:a|an|the)\s+)?(?:\w+\s+)?(?:tree|wall|bridge|river|lorry|truck"
         r"|barrier|cliff|oncoming|bus|pillar|lake|road|motorway|edge|traffic)"
         r"|\blook\s+like\s+an\s+accident\b",
         "driv drove crash steer swerv accident"),
    _cue("blade", "self_risk",
         r"\b(?:knife|blade|razor|scissors|glass)\s+(?:\w+\s+){0,2}?(?:against|to|on|into"
         r"|across)\s+my\s+@BODY@|\b(?:took|take|taking|got|get|getting)\s+(?:the|a)\s+"
         r"(?:blade|razor)\s+out\b|\bgun\s+to\s+(?:my|his|her|their)\s+(?:head|mouth|temple)",
         "knife blade razor scissors glass gun"),
    _cue("holding_means", "self_risk",
         r"\b(?:held|holding|hold)\s+(?:the|my|all\s+(?:the|my)|a\s+handful\s+of)\s+(?:\w+\s+)?"
         r"(?:pills|tablets|blade|razor|knife|rope|noose|gun)\b", "pills tablets blade "
                                                                  "razor knife rope noose "
                                                                  "gun",
         benign=r"\b(?:cook\w*|class|chef|recipe|chopp\w*|slic\w*|dinner|vegetables|carv\w*\s+the"
                r"|range|lesson)\b"),
    _cue("means_bought", "self_risk",
         r"\b(?:bought|buy|buying|ordered|tied|tying|hid|hidden|hiding)\s+(?:a|an|the|some|my)?"
         r"\s*(?:new\s+|strong\s+|long\s+)?(?:rope|noose|gun|firearm|razor\s+blades)\b"
         r"|\b(?:have|got|keep|kept)\s+(?:a|the|some)\s+(?:\w+\s+)?(?:rope|noose)\b"
         r"(?!\s+(?:swing|ladder|bridge|course|light|licen[cs]e|safe)\b)",
         "rope noose gun firearm razor",
         subject="require_self", benign=_BENIGN_MEANS),
    _cue("notes_and_goodbyes", "self_risk",
         r"\b(?:writ\w+|wrote|written|draft\w*|record\w*|sen[dt]\w*|post\w*|left)\s+(?:a\s+"
         r"|my\s+|some\s+|the\s+)?(?:suicide|goodbye|farewell|final)\s+(?:notes?|letters?"
         r"|messages?|posts?|videos?|texts?)|\bsorry\s+(?:that\s+)?i\s+(?:couldn't|could\s+not"
         r"|couldnt|wasn't\s+able\s+to)\s+(?:get\s+better|be\s+better|be\s+stronger|hold\s+on"
         r"|keep\s+going|keep\s+fighting)\b(?!\s+at\b)|\bthis\s+is\s+(?:my\s+)?goodbye\b"
         r"|\bgoodbye\s+(?:forever|world|everyone)\b|\b(?:(?:writ\w+|wrote|written|left|leaving)\s+"
         r"(?:\w+\s+)?)?(?:letters?|notes?|messages?)\s+"
         r"(?:\w+\s+){0,4}?in\s+case\s+i(?:'m|\s+am)?\s+(?:not\s+(?:here|around)|gone|die)\b|\bsay\w*\s+(?:my\s+)?"
         r"goodbyes?\s+(?:\w+\s+){0,4}?(?:without\s+(?:them|anyone|people)\s+knowing|secretly"
         r"|for\s+the\s+last\s+time|one\s+last\s+time)|\bby\s+the\s+time\s+(?:any\s?one|you"
         r"|some\s?one|they|people)\s+(?:reads?|finds?|sees?)\s+this,?\s+(?:i'll|i\s+will|i'm"
         r"|i\s+am)\s+(?:be\s+)?(?:gone|dead|not\s+here|no\s+longer)",
         "suicide goodbye farewell final sorry case time",
         subject="require_self", negatable=False),
    _cue("give_away", "self_risk",
         r"\bgiv\w*\s+(?:away\s+)?(?:all\s+(?:of\s+)?)?my\s+(?:things|stuff|possessions"
         r"|belongings|valuables)\b|\bgiv\w*\s+away\s+(?:everything|all\s+my)\b", "giv",
         subject="require_self", benign=_BENIGN_GIVING),
    _cue("not_around", "self_risk",
         r"\bi\s*(?:won't|will\s+not|wont|'ll\s+not|am\s+not\s+going\s+to|'m\s+not\s+going\s+to)"
         r"\s+be\s+(?:here|around|alive)\s*(?:much\s+longer|for\s+(?:much\s+)?long(?:er)?"
         r"|next\s+\w+|tomorrow|by\s+\w+|any\s?more|soon|to\s+see\s+\w+)?\s*(?=[,.!?;]|$|and\b"
         r"|i\b)", "here around alive", negatable=False, benign=_BENIGN_ABSENCE),
    _cue("last_words", "self_risk",
         r"\b(?:don't|do\s+not|not)\s+plan\w*\s+(?:on|to)\s+(?:be|being)\s+(?:here|around|alive)\b"
         r"|\bi(?:'ll|\s+will)\s+be\s+(?:gone|dead)\s+(?:by|before|soon|tomorrow|tonight)\b"
         r"|\b(?:this\s+is|this\s+will\s+be|it's|tonight's|tonight\s+is|today's|today\s+is)\s+"
         r"(?:probably\s+|going\s+to\s+be\s+)?my\s+last\s+"
         r"(?:entry|post|message|day|night)\b(?!\s+(?:of|in|before|for|until|this)\b)"
         r"|\bwon't\s+(?:see|make\s+it\s+to)\s+(?:another|my\s+next|next|christmas|my\s+birthday)\b"
         r"|\b(?:burden|problem)\s+(?:to\s+|for\s+)?(?:\w+\s+)?(?:much|any)\s+longer\b"
         r"|\b(?:been|started|i'm|am)\s+saying\s+my\s+goodbyes\b|\bmade\s+(?:my\s+)?peace\s+with\s+"
         r"(?:dying|death|leaving|everyone)\b",
         "plan gone dead last won't burden problem goodbye peace", negatable=False,
         benign=_BENIGN_ABSENCE[:-3] + r"|notebook|journal|new\s+one|of\s+the\s+year|break|while"
         r"|spain|abroad|country|city|town)\b"),
    # Plans, split by anchor word as above. All need the writer as the subject.
    _cue("plan_how", "self_risk",
         r"\bhow\s+(?:i'd|id|i\s+would|i'll|i\s+will|i\s+could)\s+do\s+it\b(?!\s+(?:differently"
         r"|better|again|right|properly|next|without|if|for)\b)"
         r"|\bhow\s+to\s+do\s+it\s+(?:painlessly|quickly|without\s+pain)"
         r"|\bhow\s+(?:i'm|i\s+am)\s+going\s+to\s+do\s+it\b(?!\s+(?:differently|better|again"
         r"|right|properly|next|without|if|for)\b)"
         r"|\b(?:looking\s+(?:at|up|into)|look(?:ed)?\s+up|research\w*|googl\w*|search\w*)\s+"
         r"(?:for\s+)?(?:ways|methods|how)\s+to\s+(?:do\s+it|end\s+it)\b",
         "how ways methods", **_PLAN),
    _cue("plan_method", "self_risk",
         r"\bpainless(?:ly)?\s+(?:way|ways|death|method)|\b(?:die|end\s+it)\s+painlessly"
         r"|\b(?:best|easiest|quickest)\s+way\s+to\s+(?:die|go|do\s+it)\b"
         r"|\b(?:ways?|methods?|how)\s+to\s+die\b|\b(?:ready|prepared)\s+to\s+die\b"
         r"|\bgo(?:ing)?\s+(?:to\s+)?(?:go\s+)?through\s+with\s+it\b"
         r"|\bready\s+to\s+(?:jump|go\s+through|do\s+it|end\s+it)\b(?!\s+(?:in|into|on|at|for"
         r"|up|over|ship|start|through|back|right)\b)",
         "painless best easiest quickest die through ready", **_PLAN),
    _cue("plan_date", "self_risk",
         r"\b(?:picked|chosen|chose|set|decided\s+on|settled\s+on)\s+(?:a|the)\s+"
         r"(?:date|day|place|spot|method)\b(?!\s+(?:for|to|of|with|and)\b)"
         r"|\bdo\s+it\s+(?:\w+\s+){0,3}?when\s+(?:the\s+house\s+is\s+empty|no\s?one(?:'s|\s+is)"
         r"\s+(?:home|around)|nobody(?:'s|\s+is)\s+(?:home|around)|every\s?(?:one|body)"
         r"(?:'s|\s+is)\s+(?:asleep|out|away|gone))",
         "picked chosen chose set decided settled empty home around everyone everybody",
         **_PLAN),
    _cue("plan_made", "self_risk",
         r"\b(?:made|finished|finali[sz]ed)\s+my\s+plan\b(?!\s+(?:for|to|with|about)\b)"
         r"|\b(?:have|had|made)\s+a\s+plan\s+to\s+(?:die|kill|end)|\bplan\w*\s+(?:my\s+)?"
         r"(?:own\s+)?(?:death|exit|way\s+out)\b"
         r"|\b(?:got|have)\s+it\s+(?:all\s+)?planned\b(?!\s+(?:out\s+)?(?:for|with|the)\b)"
         r"|\bplanned\s+it\s+(?:all\s+)?out\b(?!\s+(?:for|with)\b)",
         "plan planned", **_PLAN),
    _cue("plan_means", "self_risk",
         r"\b(?:decided|know|worked\s+out|figured\s+out)\s+(?:exactly\s+)?(?:how|where|when)\s+"
         r"(?:i'm\s+going\s+to|i'd|i\s+would|i'll|i\s+will|to)\s+(?:do\s+it|make\s+(?:that|it)"
         r"\s+happen|end\s+it)\b(?!\s+(?:differently|better|again|right|properly|next|without|if"
         r"|for)\b)|\b(?:have|got)\s+the\s+means\b(?!\s+to\s+(?!do\s+it|end\s+it|die|kill)\w)"
         r"|\b(?:made|make|making)\s+an\s+attempt\b(?!\s+(?:at|to)\b)"
         r"|\bresearch(?:ing|ed)\s+(?:suicide\s+)?methods\b(?!\s+(?:for|of|in)\b)"
         r"|\bknow\s+(?:exactly\s+)?(?:which|what)\s+(?:bridge|building|pills|tablets|method|spot"
         r"|tree|cliff|car\s+park)\b(?!\s+(?:to|is|has|goes|we|i'd\s+like)\b)"
         r"|\b(?:scop\w*|scout\w*|check\w*)\s+out\s+(?:the|a)\s+(?:\w+\s+){0,2}?(?:bridge"
         r"|car\s+park|multi-storey|roof|cliff|building|tracks|ledge)\b"
         r"|\bcount\w*\s+(?:out\s+)?(?:the|my|all\s+(?:the|my))\s+(?:\w+\s+)?@PILLS@"
         r"|\b@PILLS@\s+(?:are|is)\s+(?:ready|counted|lined\s+up|all\s+out)\b",
         "decided know worked figured means attempt research scop scout check count "
         + _PILL_WORDS, **_PLAN),
    _cue("plans_to_die", "self_risk",
         r"\b(?:die|dead|suicide|kill\s+myself|end\s+it)\b[^.!?]{0,40}?\b(?:making|made|make"
         r"|have|got)\s+(?:a\s+|my\s+)?plans?\b|\bplans?\s+to\s+(?:die|kill\s+myself"
         r"|end\s+(?:it|my\s+life))", "plan"),
    _cue("method_musing", "self_risk",
         r"\bhow\s+easy\s+it\s+(?:would|'d)\s+be\s+to\s+(?:just\s+)?(?:die|end\s+it|slip\s+(?:away"
         r"|under)|not\s+wake|drown|jump|crash|step|take\s+(?:them|the\s+pills|all|everything))\b"
         r"|\b(?:until|till|til)\s+(?:i|it|they|my\s+\w+)\s+(?:bleed|bled|bleeds|bruised?)\b"
         r"|\b(?:lethal|fatal)\s+(?:dose|doses|amount|overdose)\b",
         "easy bleed bled bruis lethal fatal", topic_prone=True),
    _cue("unsafe_with_self", "self_risk",
         r"\b(?:do@NT@|don't|dont)\s+feel\s+safe\s+(?:with|around|by)\s+@MYSELF@"
         r"|\bnot\s+safe\s+(?:with|from|around)\s+@MYSELF@|\b(?:don't|dont|do\s+not)\s+trust\s+"
         r"@MYSELF@\s+(?:tonight|right\s+now|alone|not\s+to)|\bwhat\s+i\s+(?:might|could|will"
         r"|'ll|may)\s+do\s+to\s+@MYSELF@|\b(?:can't|cannot|can\s+not|won't|not\s+sure\s+i\s+can"
         r"|don't\s+know\s+if\s+i\s+can)\s+(?:promise|guarantee|say|stay|keep|be)\s+(?:(?:that\s+)?"
         r"i(?:'ll|\s+will|\s+can)\s+(?:be|stay|keep\s+myself)\s+|@MYSELF@\s+)?safe\b",
         "safe trust myself", negatable=False, subject="self"),
    _cue("not_safe_now", "self_risk",
         r"\b(?:i'm|im|i\s+am)\s+not\s+safe\s+(?:right\s+now|tonight|at\s+the\s+moment|today"
         r"|anymore)\b|\bengine\s+running\s+in\s+(?:the|a)\s+(?:closed\s+|locked\s+)?garage\b"
         r"|\bhose\s+(?:from|to|on)\s+the\s+exhaust\b|\bexhaust\s+(?:fumes|pipe)\b"
         r"|\bcarbon\s+monoxide\b(?!\s+(?:alarm|detector|poisoning\s+(?:alarm|risk)))"
         r"|\buntil\s+i\s+(?:don't|do\s+not|never|can't|won't)\s+wake\s+up\b"
         r"|\b(?:walk\w*|swim\w*)\s+(?:out\s+)?into\s+the\s+(?:sea|ocean|river|lake|water)\b"
         r"[^.!?]{0,30}?\b(?:not|never)\s+(?:come|coming)\s+back\b"
         r"|\b(?:train|tracks|bridge|pills|tablets|rope|gun|knife|blade|razor|ledge|roof|balcony)\b"
         r"[^.!?]{0,60}?\b(?:think\w*|thought)\s+about\s+(?:doing|going\s+through\s+with)\s+it\b",
         "safe engine hose exhaust carbon wake train tracks bridge pills tablets rope gun "
         "knife blade razor ledge roof balcony sea ocean river lake water",
         negatable=False, topic_prone=True),
)

# --- passive ideation and hopelessness about living -----------------------------------------
# Most spell out their own negation ("don't want to be alive"), so they are not negatable;
# "want to die" and "kill me" are ("I don't want to die on the table").

_W = r"\bwish\w*\s+(?:that\s+)?"
PASSIVE = (
    _cue("wish_dead", "passive",
         _W + r"i\s+(?:was|were|could\s+be|'d\s+be|would\s+be)\s+(?:just\s+)?dead\b|" + _W
         + r"i\s+(?:could\s+)?(?:just\s+)?(?:die|vanish|not\s+exist|stop\s+existing|cease\s+to"
         r"\s+exist|disappear(?!\s+(?:to|for|into|on)\b)|fall\s+asleep\s+and\s+not)\b|" + _W
         + r"i\s+(?:didn't|did\s+not|didnt)\s+exist\b|" + _W + r"i\s+(?:wasn't|weren't|was\s+not)"
         r"\s+(?:here|around|alive)\b|" + _W + r"i\s+(?:had|'d)\s+never\s+been\s+born\b|" + _W
         + r"(?:a|the|some)\s+(?:\w+\s+)?(?:car|bus|truck|lorry|train|plane|someone)\s+would\s+"
         r"(?:hit|kill|run\s+over)\s+me\b|\b(?:wish|hop|pray)\w*\s+(?:\w+\s+){0,4}?(?:get|got|be)"
         r"\s+(?:hit|run\s+over|killed)\s+by\b|\bwhat\s+if\s+i\s+(?:just\s+)?(?:didn't\s+exist"
         r"|wasn't\s+here|disappeared|died|was\s+gone)\b|" + _W + r"(?:it\s+would\s+all"
         r"|everything\s+would|it\s+all\s+would)\s+(?:end|stop)",
         "wish hop pray exist died disappear gone here", negatable=False),
    _cue("want_to_die", "passive",
         r"\b(?:want(?:s|ed|ing)?|wanna)\s+(?:to\s+)?(?:just\s+)?(?:die|be\s+dead)\b(?!\s+(?:of"
         r"|from|laughing|for|on\s+the|happy|old)\b)|\b(?:hope|hoping|hoped|pray\w*)\s+(?:that\s+)?"
         r"i\s+(?:\w+\s+){0,3}?(?:die|don't\s+make\s+it)\b", "die dead make"),
    _cue("indifferent_to_dying", "passive",
         r"\b(?:wouldn't|would\s+not|don't|do\s+not)\s+mind\s+(?:if\s+i|dying|being\s+dead)"
         r"|\b(?:don't|do\s+not|dont|doesn't|doesnt|does\s+not)\s+care\s+(?:if|whether)\s+i\s+"
         r"(?:live|die|wake\s+up|make\s+it)", "mind care", negatable=False),
    _cue("not_wake_up", "passive",
         r"\b(?:hop\w*|wish\w*|pray\w*|want\w*)\s+(?:\w+\s+){0,7}?(?:won't|don't|didn't|never"
         r"|wouldn't|not|wont|dont)\s+(?:to\s+)?wake\s+up\b|\b(?:easier|better)\s+if\s+i\s+"
         r"(?:just\s+)?(?:didn't|did\s+not|don't|never|wouldn't)\s+wake\s+up\b"
         r"|\bsleep\s+(?:forever|and\s+never\s+wake)\b",
         "wake sleep", negatable=False),
    _cue("better_off_without_me", "passive",
         r"\bbetter\s+off\s+(?:dead|gone|without\s+me)\b|\b(?:be|are|is)\s+(?:so\s+much\s+"
         r"|much\s+|a\s+lot\s+)?(?:better|happier|easier|fine|lighter)(?:\s+off)?\s+(?:without\s+me"
         r"|if\s+i\s+(?:just\s+)?(?:was|were|wasn't|weren't|didn't|disappeared|died"
         r"|left\s+for\s+good))|\brather\s+(?:be\s+dead|die)\b(?!\s+than\s+(?!(?:keep|kept"
         r"|go(?:ing)?\s+on|carry\w*\s+on|live|living|feel|feeling|be|being|wake|face|spend"
         r"|suffer)\b))|\b(?:better|happier|easier|nicer)\s+(?:\w+\s+){0,2}?without\s+me\b"
         r"(?!\s+(?:on|in|at|there)\b)|\bbetter\s+off\s+with\s+(?:a|another)\s+(?:different|new"
         r"|better)\s+(?:mum|mom|mother|dad|father|parent|wife|husband|partner|daughter|son"
         r"|friend|sister|brother)\b|\b(?:easier|better|simpler)\s+(?:for\s+every\w+\s+)?"
         r"(?:to\s+|if\s+i\s+)?(?:just\s+)?(?:die|be\s+dead|not\s+exist|not\s+be\s+here"
         r"|didn't\s+exist|wasn't\s+here|to\s+not\s+exist|not\s+to\s+exist)\b",
         "better happier easier fine lighter rather nicer simpler",
         negatable=False),
    _cue("burden", "passive",
         r"\b(?:i'm|im|i\s+am|i\s+feel\s+like|being|i've\s+become)\s+(?:just\s+|such\s+|only\s+"
         r"|nothing\s+but\s+)?a\s+burden\b|\bif\s+i\s+(?:were|was)\s+gone\b|\bif\s+i\s+(?:just\s+)?"
         r"disappeared\b|\b(?:no\s?one|nobody|no-one)\s+would\s+(?:even\s+|really\s+|actually\s+"
         r"|ever\s+)?(?:miss\s+me|notice\s+(?:if|that|when)\s+i|care\s+if\s+i)|\bwhen\s+i'm\s+gone\b"
         r"|\bmy\s+(?:own\s+)?funeral\b|\b(?:just|only)\s+taking\s+up\s+space\b"
         r"|\b(?:pictur\w*|imagin\w*)\s+@MYSELF@\s+(?:dead|in\s+a\s+coffin)",
         "burden gone disappear miss$ notice$ care$ funeral pictur imagin space", negatable=False),
    _cue("no_point_living", "passive",
         r"\b(?:no|the|any|what's\s+the|what\s+is\s+the|see\s+no)\s+point\s+(?:in\s+|of\s+|to\s+)?"
         r"(?:living|going\s+on|carrying\s+on|being\s+alive|being\s+here|existing|life"
         r"|staying\s+alive|any\s+of\s+(?:it|this)|anything\s+any\s?more|trying\s+any\s?more)\b"
         r"|(?:\bno|\bnot\s+(?:a|one|any)|n't\s+(?:\w+\s+){0,3}?(?:a|any|one)|\bwithout\s+(?:a|any))"
         r"\s+(?:single\s+|good\s+|real\s+)?reasons?\s+(?:left\s+)?(?:for\s+me\s+)?to\s+(?:live"
         r"|keep\s+going|go\s+on|stay|be\s+here)\b|\bnothing\s+(?:left\s+)?to\s+live\s+for\b"
         r"|\blife\s+(?:isn't|is\s+not|isnt|doesn't\s+feel|does\s+not\s+feel|no\s+longer\s+feels"
         r"|doesn't\s+seem|hardly\s+seems|not)\s+(?:\w+\s+)?worth\s+(?:living|it)\b"
         r"|\bnot\s+worth\s+living\b|\b(?:my\s+)?life\s+(?:is|feels|seems)\s+(?:so\s+"
         r"|completely\s+|totally\s+)?(?:pointless|meaningless|worthless)\b"
         r"|\b(?:don't|dont|do\s+not|can't|cant|cannot)\s+(?:really\s+)?see\s+(?:a|any)\s+future\b"
         r"(?!\s+(?:with|in|at|for\s+(?:us|this|the))\b)|\bno\s+future\s+for\s+me\b",
         "point reason liv life future", negatable=False),
    _cue("cannot_go_on", "passive",
         r"\bcan(?:'t|not|t|\s+not)\s+go\s+on\b(?!\s+(?:the|a|an|my|holiday|vacation|trips?"
         r"|with\s+(?:the|my|our|work)|about|at|to|dates?)\b)|\bcan(?:'t|not|t|\s+not)\s+keep\s+"
         r"(?:going|living|on\s+living|doing\s+this)\b(?!\s+(?:to|with|at)\b)"
         r"|\bcan(?:'t|not|t|\s+not)\s+(?:do|take)\s+(?:this|it)\s+any\s?more\b"
         r"|\b(?:don't|dont|do\s+not)\s+know\s+(?:if|how|whether)\s+i\s+can\s+(?:go\s+on"
         r"|keep\s+going|keep\s+living|survive|carry\s+on)\b|\b(?:no|only)\s+way\s+out\b"
         r"(?!\s+of\b)", "can way", negatable=False),
    _cue("tired_of_living", "passive",
         r"\b(?:tired|sick|exhausted|weary)\s+of\s+(?:being\s+alive|life|existing|living\b"
         r"(?!\s+(?:paycheck|pay\s?check|in|with|at|on|out|off|from|next|under|like\s+(?:a|an)"
         r"|here|there)\b))|\bgiv\w*\s+up\s+on\s+(?:life|living)\b|\bdone\s+with\s+(?:life"
         r"|living)\b|\b(?:don't|dont|do\s+not|doesn't|does\s+not|doesnt|didn't)\s+want\s+to\s+"
         r"(?:be\s+alive|exist|live\b(?!\s+(?:in|with|at|near|on|there|here|somewhere|abroad"
         r"|alone|together|like\s+(?:that|my|them|her|him)|by|off|out|up|next)\b)|be\s+(?:here"
         r"|around)\s+any\s?(?:more|longer)|wake\s+up)|\bnot\s+(?:being|be)\s+(?:here|around"
         r"|alive)\b(?!\s+(?:for|when|at|on|to|in)\b)|\bstop\s+existing\b|\bcease\s+to\s+exist\b"
         r"|\bdisappear\s+(?:forever|for\s+good|permanently)\b|\bdone\s+with\s+everything\b"
         r"(?!\s+(?:on|in|for|at|i\s+needed|today)\b)|\bwant\s+to\s+(?:just\s+)?disappear\b"
         r"(?!\s+(?:to|for|into|on|somewhere|off)\b)|\bwant\s+(?:it\s+all|everything|all\s+of"
         r"\s+(?:it|this)|the\s+pain|it|this)\s+to\s+(?:stop|end|be\s+over)\b(?!\s+(?:well|on\s+a|with"
         r"|happily|nicely|properly|early|soon|at)\b)|\b(?:fighting|struggling"
         r"|trying)\s+to\s+stay\s+alive\b|\b(?:death|dying|being\s+dead)\s+(?:sounds|seems"
         r"|feels|looks)\s+(?:\w+\s+)?(?:peaceful|nice|good|appealing|easier|better|like\s+(?:a\s+)?"
         r"(?:relief|rest))\b|\bhate\s+(?:being\s+alive|existing"
         r"|my\s+existence|living\b(?!\s+(?:in|with|at|on|near|so|here|there|alone)\b))",
         "alive life liv exist wake here around disappear stop end over death dying dead "
         "everything", negatable=False),
    _cue("thinks_of_dying", "passive",
         r"\b(?:think\w*|thought)\s+(?:\w+\s+)?(?:about|of)\s+(?:dying|being\s+dead"
         r"|not\s+being\s+alive)\b|\b(?:think\w*|thought)\s+(?:\w+\s+)?(?:about|of)\s+death"
         r"(?:\s+\w+){0,2}?\s+(?:all\s+the\s+time|constantly|a\s+lot|every\s+day|so\s+much)\b",
         "dying dead alive death"),
    _cue("scared_of_myself", "passive",
         r"\b(?:scared|afraid|frightened|terrified|worried)\s+(?:of\s+)?what\s+i\s+(?:might|could"
         r"|will|'ll|may)\s+do\b", "scared afraid frightened terrified worried", negatable=False),
    _cue("kill_me_please", "passive",
         r"\b(?:just|please|someone|somebody)\s+kill\s+me\b|\bkill\s+me\s+now\b", "kill"),
)

# --- harm to others -------------------------------------------------------------------------

HARM_OTHER = (
    _cue("intent_to_harm", "harm_other",
         r"\b(?:want|wanted|wanna|going|gonna|plan\w*|intend\w*|decided|ready|tempted|urges?"
         r"|need|mean)\s+(?:to\s+)?(?:really\s+|just\s+|actually\s+)?(?:@HARMVERB@|beat\s+up|run)"
         r"\s+@PERSON@@NOTAMESSAGE@|\b(?:i'd|id|i\s+would|i'll|i\s+will)\s+(?:\w+\s+)?@HARMVERB@"
         r"\s+@PERSON@@NOTAMESSAGE@",
         "kill murder hurt harm stab shoot strangle choke poison smother attack beat run punch "
         "hit slap kick shake"),
    _cue("harm_thoughts", "harm_other",
         r"\b(?:think\w*|thought\w*|imagin\w*|fantas\w*|dream\w*|pictur\w*|urges?|obsess\w*)"
         r"\s+(?:(?:about|of)\s+)?(?:\w+\s+){0,2}?(?:killing|murdering|hurting|harming|stabbing"
         r"|shooting|strangling|choking|poisoning|beating|attacking|smothering|drowning|shaking"
         r"|hitting|suffocating|punching)\s+(?:up\s+)?(?:@PERSON@|(?:my|the|a)\s+(?:school|class"
         r"|office|workplace))|\b(?:think\w*|thought\w*|imagin\w*|fantas\w*|dream\w*|pictur\w*"
         r"|urges?|obsess\w*)\s+(?:(?:about|of)\s+)?(?:\w+\s+){0,2}?(?:running\s+\S+\s+over"
         r"|bringing\s+\S+\s+(?:\S+\s+)?(?:gun|knife|weapon|rifle))\b",
         "kill murder hurt harm stab shoot strangl chok poison beat attack smother drown run "
         "bring shak hitting suffocat punch"),
    _cue("weapon_to_school", "harm_other",
         r"\b(?:bring\w*|brought|tak\w*|took|carry\w*)\s+(?:a|my|the|\w+'s|his|her)\s+(?:\S+\s+)?"
         r"(?:gun|knife|weapon|rifle)\s+(?:to|into)\s+(?:school|work|class|college|the\s+office)"
         r"|\bmake\s+(?:him|her|them)\s+(?:sick|ill)\s+without\b|\bpoison\w*\s+@PERSON@"
         r"|\bmake\s+(?:him|her|them)\s+(?:suffer|bleed)\b|\bpoison\w*\s+(?:his|her|their)\s+"
         r"(?:food|drink|tea|coffee|dinner|meal|water)\b|\bsharpen\w*\s+(?:a|the|my)\s+(?:knife"
         r"|blade)\s+for\s+(?:when|him|her|them)\b|\bshoot\w*\s+up\s+(?:the|a|my)\s+"
         r"(?:school|office|place|mall|work|class|college)\b|\bwant\w*\s+(?:him|her|them)\s+dead\b"
         r"|\bwatch\s+(?:him|her|them)\s+(?:suffer|die|bleed)\b",
         "gun knife weapon rifle sick ill poison suffer bleed shoot dead die sharpen"),
    _cue("could_kill", "maybe_harm",
         r"\bi\s+(?:could|might|can)\s+(?:\w+\s+)?(?:kill|murder|strangle|hurt|throttle|punch)\s+"
         r"@PERSON@", "kill murder strangle hurt throttle punch"),
)

# --- other people at risk, and the writer harmed ------------------------------------------

THIRD_PARTY = (
    _cue("other_self_harm", "third_party",
         r"\b(?:kill\w*|hurt\w*|harm\w*|cut\w*|burn\w*|starv\w*|hang\w*|hung|shoot\w*|shot"
         r"|unalive\w*|overdos\w*)\s+@THEMSELF@\b|\b(?:end\w*|tak\w*|took)\s+@HIS@\s+(?:own\s+)?"
         r"life\b|\bcutting\s+@HIS@\s+@BODY@", "himself herself themselves themself "
                                               "theirselves self selves life cutting",
         completed_check=True, accident_prone=True, topic_prone=True),
    _cue("goodbye_post", "third_party",
         r"\b(?:suicide|goodbye)\s+(?:notes?|letters?|messages?|posts?|videos?)\b",
         "suicide goodbye", negatable=False, topic_prone=True),
)

HARMED = (
    _cue("hit_by_someone", "harmed",
         r"\b(?:he|she|they|my\s+\w+|(?-i:[A-Z][a-z]+))\s+(?:\w+\s+){0,2}?(?:hit|hits|hitting"
         r"|beat|beats|beating|punched|punches|kicked|kicks|slapped|slaps|choked|chokes"
         r"|strangled|strangles|shoved|pushed)\s+me\b(?!\s+(?:with|at|to|that|like|into\s+"
         r"(?:trying|doing|going))\b)|\b(?:he|she|they)(?:'s|\s+is|\s+was|\s+gets|\s+can\s+be)"
         r"\s+(?:\w+\s+)?(?:abusive|violent)\b|\babus\w+\s+me\b",
         "hit beat punch kick slap chok strangl shov push abus violent"),
    _cue("threatened", "harmed",
         r"\bthreaten\w*\s+(?:to\s+)?(?:kill|hurt|harm|hit|beat|stab|shoot)\s+(?:me|us|my\s+\w+)"
         r"|\b(?:he|she|they)\s+(?:said|says|told\s+me|threatened|swore)\b[^.!?]{0,40}?\bkill\s+"
         r"me\b|\b(?:said|says|told\s+me)\s+(?:that\s+)?(?:he|she|they)(?:'d|'ll|\s+would|\s+will"
         r"|'s\s+going\s+to|\s+is\s+going\s+to)\s+(?:kill|hurt|hit)\s+me\b|\b(?:scared|afraid"
         r"|terrified|frightened)\s+(?:that\s+)?(?:he|she|they|my\s+\w+)(?:'ll|'d|\s+will|\s+would"
         r"|\s+is\s+going\s+to|'s\s+going\s+to|\s+might)\s+(?:\w+\s+)?(?:kill|hurt|hit)\s+(?:me"
         r"|us)\b", "threaten kill hurt hit"),
    _cue("tracking_someone", "maybe_harm",
         r"\bknow\s+where\s+(?:he|she|they)\s+(?:lives?|works?|sleeps?)\b(?!\s+(?:so|and\s+I'll"
         r"\s+(?:send|post)))", "lives live works sleeps"),
)

HISTORY = (
    _cue("safety_plan", "history", r"\b(?:my|our|a)\s+(?:crisis\s+|suicide\s+)?safety\s+plan\b",
         "safety", negatable=False),
    _cue("self_harm_word", "history", r"\bself[-\s]?(?:harm|injury)\b", "self", negatable=False,
         topic_prone=True),
    _cue("suicide_word", "history", r"\bsuicide\b", "suicide", negatable=False,
         subject="require_self", topic_prone=True),
    _cue("past_attempt", "history",
         r"\bmy\s+(?:last\s+|first\s+|suicide\s+)?attempt\b(?!\s+(?:at|to)\b)", "attempt",
         negatable=False),
)

CUES: tuple[Cue, ...] = SELF_RISK + PASSIVE + HARM_OTHER + THIRD_PARTY + HARMED + HISTORY

# --- context shared by the cues --------------------------------------------------------------

# Idioms that would otherwise meet a cue, and mentions of suicide as a subject (prevention work,
# bereavement, a word being explained) rather than as anyone's risk: replaced by spaces first.
MASKS = _compile(
    r"\bkill\w*\s+(?:it|time|two\s+birds)\b|\bkill\w*\s+(?:him|her|them|it)\s+off\b"
    r"|\bkilling\s+me\b|\bkill\w*\s+(?:me|you)\s+to\b|\bto\s+die\s+for\b|\bdie\s+for\s+(?:a|an"
    r"|some)\b|\bdying\s+(?:to|for|of)\b|\bdied\s+(?:laughing|of)\b|\bhang\w*\s+out\b"
    r"|\b(?:nearly|almost)\s+kill\w*\s+(?:my|him|her|them)sel(?:f|ves)\b"
    r"|\bkill\w*\s+(?:my|him|her|them)sel(?:f|ves)\s+(?:laughing|with\s+work|over|trying|to\s+"
    r"(?:get|make|finish|keep|please))\b"
    r"|\bsuicid\w*\s+(?:prevention|awareness|hotline|helpline|lines?|squad|doors?|sprints?"
    r"|rates?|statistics|stats|training|research|bomb\w*|mission|bereavement|loss|survivors?)\b"
    r"|\bself[-\s]?harm\w*\s+(?:rates?|statistics|stats|awareness|prevention|training"
    r"|research)\b|\b(?:died|death|deaths|dead)\s+(?:by|from|of)\s+(?:suicide|an\s+overdose"
    r"|overdose)\b|\blost\s+(?:\w+\s+){1,3}?to\s+suicide\b|\bsuicides\b"
    r"|\b(?:watch|look\s+out|monitor|screen\w*|warn\w*|signs?|risks?)\s+(?:\w+\s+)?(?:for|of"
    r"|about)\s+(?:\w+\s+)?(?:suicid\w*|self[-\s]?harm\w*)(?:\s+(?:thoughts|ideation|feelings"
    r"|risk))?|\bask\w*\s+(?:clients|people|patients|students|someone|them|him|her)\s+(?:\w+\s+)?"
    r"about\s+(?:suicid\w*|self[-\s]?harm\w*)|\bwhat\s+['\"]?suicid\w*(?:\s+\w+)?['\"]?\s+means\b"
    r"|['\"]suicid\w*(?:\s+\w+)?['\"]"
)
# A film, essay or training "about" something, named before a topic-prone cue.
TOPIC = _compile(
    r"\b(?:essay|article|book|novel|film|movie|show|series|episode|documentary|lecture|talk"
    r"|class|course|module|podcast|poem|play|song|story|paper|research|stud(?:y|ies)|campaign"
    r"|training|workshop|charity|fundraiser|poster|leaflet|character|plot|scene|memoir"
    r"|biography|autobiography|blog)s?\b(?:\s+\S+){0,3}?\s+(?:on|about|where|in\s+which|who"
    r"|that|deals\s+with|covers?|explores?)\b"
)
# fmt: on

_WORD = re.compile(r"[a-z][\w']*")
# Every mask contains one of these stems; a sentence without them is not masked at all.
MASK_STEMS = ("kill", "die", "dying", "died", "hang", "suicid", "self", "death", "dead")


@lru_cache(maxsize=8192)
def cues_for_word(word: str) -> frozenset[int]:
    """Positions in CUES of the cues one lower-case word may start (a trigger stem begins it)."""
    return frozenset(i for i, cue in enumerate(CUES) if any(_starts(word, t) for t in cue.triggers))


def _starts(word: str, stem: str) -> bool:
    # A stem ending in "$" must be the whole word: "notice$" wakes on "notice", not "noticed".
    return word == stem[:-1] if stem.endswith("$") else word.startswith(stem)


def needs_masking(sentence: str) -> bool:
    lowered = sentence.lower()
    return any(stem in lowered for stem in MASK_STEMS)


def candidate_cues(sentence: str) -> list[Cue]:
    """The cues worth trying on a sentence, in table order; usually few or none.

    Positions, not the cues themselves, go in the set: hashing a frozen dataclass hashes all
    of its fields, which cost more than the regexes.
    """
    found: set[int] = set()
    for word in set(_WORD.findall(sentence.lower())):
        found |= cues_for_word(word)
    return [CUES[i] for i in sorted(found)]
