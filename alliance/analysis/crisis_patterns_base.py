"""The building blocks of the crisis cue tables: `Cue`, its kinds, and the pattern macros.

The tables themselves are `crisis_patterns_self` (suicide and self-harm) and `crisis_patterns`
(passive ideation, harm to others, other people at risk, history; the index over all cues).
A cue is a compiled pattern plus what it means. Kinds, and how the engine
(`alliance.analysis.crisis`) weighs them:

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

Macros such as `@MYSELF@` keep the patterns readable. Every alternation inside a negative
lookahead closes with `\\b`, so "a" never matches the start of "again". The tables are kept
dense by hand (`fmt: off`): one pattern per cue reads better than one regex fragment per line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

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
    # A late hour after "wake up": sleeping in ("didn't wake up till noon").
    "@LATE@": r"(?:till|until|before)\s+(?:noon|midday|lunch\w*|the\s+afternoon|late|ten|eleven"
              r"|twelve|\d)",
    # A goodbye letter written to an illness or an old life, as a therapy exercise.
    "@NOTFAREWELL@": r"(?!\s+to\s+(?:my|the|our)\s+(?:old\s+(?:house|flat|home|school|office|city"
                     r"|town|job|car|self|life|me)|house|flat|school|office|city|town|job|past"
                     r"|childhood|anger|rage|fear|shame|guilt|grief|perfectionism|people[-\s]"
                     r"pleasing|inner\s+child|panic\s+attacks?|self[-\s]doubt|worry|worries"
                     r"|insomnia)\b)"
                     r"(?!\s+to\s+my\s+(?:eating\s+disorder|anxiety|depression|addiction|old\s+"
                     r"(?:self|life|job|house|flat|body|car|city)|body|breasts?|hair|twenties|teens"
                     r"|thirties|forties|fifties|sixties|younger\s+self|ocd|anorexia|bulimia|drinking"
                     r"|illness|inner\s+critic)\b)",
    # Anger at whoever made a thing ("kill whoever wrote that cron job"), not at a person.
    "@NOTMAKER@": r"(?!whoever\s+(?:designed|invented|came\s+up\s+with|thought\s+up|programmed"
                  r"|coded|scheduled|decided\s+on|(?:wrote|made|built|set\s+up)\s+(?:the|that|this)"
                  r"\s+(?:\w+\s+)?(?:code|cron\s+job|script|software|app|program|function|form"
                  r"|exam|test|questions?|policy|rota|timetable|website|system|spreadsheet|macro"
                  r"|query|config|manual|instructions|rules?|playlist|menu|printer|font)\b)\b)",
    "@NOTAMESSAGE@": r"(?!'?s?\s+feelings\b|\s+(?:a|an)\s+(?:email|text|message|line|note|dm"
                     r"|look)\b|\s+(?:off|out|up)\b)",
}
# fmt: on


def compile_pattern(pattern: str) -> re.Pattern[str]:
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


def cue(name: str, kind: Kind, pattern: str, triggers: str, **options: object) -> Cue:
    benign = options.pop("benign", None)
    compiled = compile_pattern(str(benign)) if benign else None
    pattern_ = compile_pattern(pattern)
    return Cue(name, kind, pattern_, tuple(triggers.split()), benign=compiled, **options)  # type: ignore[arg-type]
