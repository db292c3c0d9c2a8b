"""Cue table: suicide and self-harm (thoughts, acts, plans, means, preparatory acts, farewells).

Every cue here is of kind `self_risk` (see `crisis_patterns_base` for what kinds mean); the
index over all cues lives in `crisis_patterns`.
"""

from __future__ import annotations

from typing import Any

from alliance.analysis.crisis_patterns_base import Cue
from alliance.analysis.crisis_patterns_base import cue as _cue

# fmt: off
# Trigger stems for the @PILLS@ alternatives ("co-codamol" splits into "co" and "codamol").
PILL_WORDS = (
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
    r"|dinner|shopping)|for\s+the\s+(?:week|month|fortnight))\b",
}
_BENIGN_MEANS = (r"\b(?:climb\w*|boulder\w*|abseil\w*|range|hunt\w*|camp\w*|sail\w*|boat|tow\w*"
                 r"|skipping|jump\s+rope|dog|washing\s+line|gym|class|course|craft\w*|macram\w*"
                 r"|club|licen[cs]e|collect\w*|swing|tent|hammock|tarp)\b")
_BENIGN_GIVING = (r"\b(?:charity|declutter\w*|moving|move|sell\w*|sold|car\s+boot|garage\s+sale"
                  r"|library)\b")
BENIGN_ABSENCE = (r"\b(?:holiday|vacation|trip|away|travel\w*|moving|move|transfer\w*|leave"
                   r"|conference|visit\w*|office|job|work|course|wedding|hospital\s+for|surgery"
                   r"|operation|festival|flights?|(?:we're|we\s+are|we'll\s+be)\s+off\s+to"
                   r"|off\s+to\s+(?:my|our)\s+\w+'s|off\s+to\s+(?-i:[A-Z][a-z]+)(?!\s+(?-i:Head"
                   r"|Bridge)))\b")
_BENIGN_JUMP = (r"\b(?:swim\w*|div(?:e|ing)|into\s+the\s+(?:water|river|lake|sea|pool|canal)"
                r"|bungee)\b")
_BENIGN_DOSE = r"\b(?:prescri\w*|as\s+directed|antibiotics|course\s+of|doctor\s+(?:said|told))\b"

# --- suicide and self-harm: thoughts, acts, plans, means ----------------------------------

SELF_RISK: tuple[Cue, ...] = (
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
         r"|people|veg\w*|onions?|fruit|bread|cake|wood|fabric|weight|in\s+(?:line|front|half))\b"
         r"|\s+my\s+(?!@BODY@)|\s+\w+ing\b)"
         r"|\burges?\s+to\s+cut\b(?!\s+(?:the|a|an|it|back|down|off|out|up|ties|class|hair)\b"
         r"|\s+my\s+(?!@BODY@))", "cut cutting urge",
         subject="require_self", accident_prone=True),
    _cue("cutting", "self_risk",
         r"(?<!paper\s)(?<!wood\s)\bcutting\b(?!\s*-|\s+(?:the|a|an|it|this|that|them|him|her"
         r"|his|their|ties|back|class|corners?|off|out|down|up|through|across|short|loose|both"
         r"|some|open|paper|grass|hair|costs?|spending|sugar|carbs|caffeine|me|you|us|people"
         r"|board|edge|remarks?|comments?|room|in|into|from|cloth|fabric|wood|onions?|veg\w*|weight"
         r"|my\s+(?!@BODY@)\w+)\b)", "cutting", accident_prone=True),
    _cue("overdose", "self_risk",
         r"\boverdos(?:ed|ing)\b(?!\s+on\s+(?:coffee|caffeine|sugar|chocolate|cake|sweets|carbs"
         r"|sun|sunshine|telly|tv|netflix|cheese|christmas|nostalgia|cuteness)\b)|\b(?:took|take|taking|taken)\s+an?\s+overdose\b"
         r"|\b(?:going|gonna|want\w*|plan\w*)\s+to\s+(?-i:OD)\b|\b(?-i:OD)(?:'?d|ing)\b"
         r"|\b(?:want\w*|going|gonna|think\w*|thought|plan\w*)\s+(?:to\s+|about\s+|of\s+)?overdos",
         "overdos od", topic_prone=True),
    _cue("take_all_pills", "self_risk",
         r"\b(?:take|took|taking|taken|swallow\w*)\s+(?:a\s+(?:whole\s+)?(?:handful|bunch|bottle"
         r"|packet|box|load|lot)\s+of|handfuls\s+of|all(?:\s+of)?|everything\s+in|the\s+(?:whole"
         r"|entire|rest\s+of\s+the))\s+(?:(?:my|the|her|his|those|these)\s+)?(?:\w+\s+)?"
         r"(?:@PILLS@|medicine\s+cabinet|bottle|packet|cabinet|drawer|cupboard)"
         r"|\b(?:took|take|taking|swallow\w*)\s+too\s+many\s+@PILLS@"
         r"|\b(?:take|took|taking|swallow\w*)\s+(?:(?:them\s+all|all\s+of\s+them)(?!\s+(?:to|out"
         r"|for|with|home|along|swimming|shopping|round|around|back)\b)|the\s+lot|every"
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
         "stash " + PILL_WORDS),
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
         r"|oncoming\s+traffic|train\s+timetable)\b(?!\s+(?:skills|class|set|block|bridge|swing"
         r"|course|ladder)\b)"
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
         r"|messages?|posts?|videos?|texts?)\b@NOTFAREWELL@|\bsorry\s+(?:that\s+)?i\s+(?:couldn't|could\s+not"
         r"|couldnt|wasn't\s+able\s+to)\s+(?:get\s+better|be\s+better|be\s+stronger|hold\s+on"
         r"|keep\s+going|keep\s+fighting)\b(?!\s+at\b)|\bthis\s+is\s+(?:my\s+)?goodbye\b(?!\s+for\s+now\b)"
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
         r"|i\b)", "here around alive", negatable=False, benign=BENIGN_ABSENCE),
    _cue("last_words", "self_risk",
         r"\b(?:don't|do\s+not|not)\s+plan\w*\s+(?:on|to)\s+(?:be|being)\s+(?:here|around|alive)\b"
         r"|\bi(?:'ll|\s+will)\s+be\s+(?:gone|dead)\s+(?:by|before|soon|tomorrow|tonight)\b"
         r"|\b(?:this\s+is|this\s+will\s+be|it's|tonight's|tonight\s+is|today's|today\s+is)\s+"
         r"(?:probably\s+|going\s+to\s+be\s+)?my\s+last\s+"
         r"(?:entry|post|message|day|night)\b(?!\s+(?:of|in|before|for|until|this|at\s+(?:school"
         r"|work|uni|college|the\s+office|this\s+job|my\s+job))\b)"
         r"|\bwon't\s+(?:see|make\s+it\s+to)\s+(?:another|my\s+next|next|christmas|my\s+birthday)\b"
         r"|\b(?:burden|problem)\s+(?:to\s+|for\s+)?(?:\w+\s+)?(?:much|any)\s+longer\b"
         r"|\b(?:been|started|i'm|am)\s+saying\s+my\s+goodbyes\b|\bmade\s+(?:my\s+)?peace\s+with\s+"
         r"(?:dying|death|leaving|everyone)\b",
         "plan gone dead last won't burden problem goodbye peace", negatable=False,
         benign=BENIGN_ABSENCE[:-3] + r"|notebook|journal|new\s+one|of\s+the\s+year|break|while"
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
         + PILL_WORDS, **_PLAN),
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
# fmt: on
