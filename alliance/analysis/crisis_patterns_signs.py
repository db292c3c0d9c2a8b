"""Cue table: the warning signs people write without risk words (farewell acts, among them a
note left for someone to find and a goodbye with an afterlife, preparations, method research,
a chosen time or place, urges now, harm to others with a plan).

Every cue here is of kind `self_risk` or `harm_other` (see `crisis_patterns_base`); the index
over all cues lives in `crisis_patterns`. Split from `crisis_patterns_self` for size.
"""

from __future__ import annotations

from alliance.analysis.crisis_patterns_base import Cue
from alliance.analysis.crisis_patterns_base import cue as _cue
from alliance.analysis.crisis_patterns_context import PASSED_AWAY
from alliance.analysis.crisis_patterns_self import BENIGN_ABSENCE, PILL_WORDS

# fmt: off
# --- warning signs as people write them: farewell acts, preparations, method research, a
# chosen time, urges now. Each names the act together with what makes it final ("for when
# I'm gone", "so nobody has to find me"), so that the same act for an ordinary reason (a will
# made with a solicitor, a bike given away before a move) stays clear.
_GONE = (r"(?:for|after|once|when)\s+i(?:'m|\s+am|m|'ve|\s+have)?\s+(?:already\s+)?(?:gone"
         r"|dead|not\s+(?:here|around)|no\s+more|no\s+longer\s+(?:here|around))\b")
_BENIGN_ESTATE = (r"\b(?:solicitor|lawyer|notary|accountant|retire\w*|pension|mortgage|old\s+age"
                  r"|one\s+day|some\s?day|eventually|years\s+from\s+now|when\s+my\s+time\s+comes"
                  r"|diagnos\w*|terminal|cancer|hospice|baby|pregnan\w*|new\s+(?:flat|house|job)"
                  r"|moving|move|emigrat\w*|next\s+month|next\s+year|holiday|trip|travel\w*"
                  r"|away\s+for|deployment|deployed|posted\s+abroad|weight\s+off)\b")
_BENIGN_LETTER = (r"\b(?:therapist|counsell?or|exercise|homework|unsent|gratitude|thank\s?you"
                  r"|birthday|christmas|xmas|cards?|invit\w*|valentine|santa|school|teacher|mp|council|complain\w*"
                  r"|job|cover\s+letter|application|fundraiser|newsletter|pen\s?pal)\b")

# A note left for someone close to find, with nothing after "to find" but a time ("I've
# written a note for my parents to find", "... for Mum to find in the morning", "There's a
# letter in my desk for my sister to find": "there's" opens it as "I left" does); not a note
# that helps find a thing ("for the cleaner to find the keys"), one with its ordinary message
# ("... when they get home saying I'm at Sam's"), a game or a love note.
_FINDER = (r"(?:(?:my|our)\s+(?:\w+\s+)?(?:mum|mom|mam|mother|dad|father|parents|family|wife"
           r"|husband|partner|kids|children|son|daughter|sisters?|brothers?|siblings|flatmates?"
           r"|housemates?|room-?mates?|boyfriend|girlfriend|fianc\w+|friends?|nan|gran|grandma"
           r"|grandad|grandparents|carer|twin|mates?|besties?|bff|bf|gf|cousins?|aunt\w*|uncle)"
           r"|him|her|them|you|every\s?(?:one|body)"
           r"|(?-i:[A-Z][a-z]+))")
_FIND_TAIL = (r"(?:\s+(?:after(?:wards)?|later|first|in\s+the\s+morning|tomorrow(?:\s+morning)?"
              r"|(?:when|once|after)\s+i(?:'m|\s+am)\s+gone))?\s*(?=[.;?]|$|,\s*(?!(?:saying|says"
              r"|to\s+say|telling|with|about|so|because|in\s+case)\b))")
_BENIGN_FIND = (r"\b(?:birthday|treasure|scavenger|hunt|clues?|riddles?|surprise|presents?|gifts?"
                r"|lunch\s?box|love\s+notes?|valentine|anniversary|christmas|xmas|easter|advent"
                r"|tooth\s+fairy|santa|elf|propos\w*|engagement|party|keys?|spare|parcel|delivery"
                r"|dinner|tea|oven|fridge|shopping|homework|school|bins|feed\w*|sitter|babysitter"
                r"|cleaner|holiday|trip|pranks?|joke)\b")
# A goodbye with an afterlife: "It's not goodbye forever, I'll see you on the other side",
# "Goodbye everyone, see you in the next life"; not the other side of a thing ("of the
# holidays"), not cheerful ("!"), and not a farewell to the dead (a grave, a funeral) or
# before an operation (`crisis_goodbyes` reads the whole text for those).
_AFTERLIFE = (r"(?:see|meet)\s+(?:you|u|ya|y'all|you\s+all|all\s+of\s+you|every\s?(?:one|body)"
              r"|them)(?:\s+(?:all|again))*\s+(?:on\s+the\s+other\s+side(?!\s+of\b)|in\s+(?:the"
              r"\s+)?(?:next|another)\s+life|in\s+heaven|in\s+the\s+afterlife)")
_BYE = r"(?:good-?bye|bye|farewell)"
# "Cut" and "burn" of hair, a film, calories or a CD, and a night shift or a party to get
# through: the ordinary objects of the two urge cues below.
_BENIGN_URGE = (r"\b(?:film|scene|edit\w*|director|hair|fringe|grass|hedge|lawn|cake|calories"
                r"|energy|candles?|bridges|ties|losses|carbs|sugar|fat|cds?|dvd|disc|fuel"
                r"|shift|party|exam|deadline|meeting)\b")
_BENIGN_AFTERLIFE = (r"\b(?:graves?|graveside|funeral|coffin|casket|cemetery|churchyard"
                     r"|crematorium|memorial|ashes|eulogy|rip|rest\s+in\s+peace|died|buried|burial"
                     r"|" + PASSED_AWAY + r"|hospice|vet|put\s+(?:to\s+sleep|down)|rainbow\s+bridge"
                     r"|surgery|operation|op|anaesthe\w*|procedure|theatre|exams?|finals|deadline"
                     r"|holidays?|move|moving|flight|tunnel|wedding|labour|birth|baby|marathon|race"
                     r"|trip|expedition|offline|off\s+grid|signal|detox|retreat|game|level|boss"
                     r"|server|raid|for\s+now)\b")

WARNING_SIGNS: tuple[Cue, ...] = (
    _cue("farewell_after_gone", "self_risk",
         r"\b(?:giv\w*|gave|given|hand\w*|left|leav\w*|writ\w*|wrote|written|sort\w*|label\w*|box\w*"
         r"|pack\w*|arrang\w*|made\s+sure|making\s+sure|kept\s+aside|put|tidied|cleared|cancel\w*"
         r"|return\w*|told|asked|promised|passwords?|pins?|logins?|letters?|notes?|envelopes?"
         r"|(?:my|the|a)\s+will|instructions)\b[^.!?]{0,90}?\b" + _GONE,
         "gone dead here around", subject="require_self", benign=_BENIGN_ESTATE),
    _cue("found_after", "self_risk",
         r"\b(?:letters?|notes?|envelopes?)\b[^.!?]{0,40}?\bfor\s+after\b(?!\s+\w)"
         r"|\b(?:whoever|who(?:'d|\s+would|\s+will)|the\s+one\s+(?:to|who)|(?:has|have|having)\s+"
         r"to)\s+finds?\s+(?:me|my\s+body)\b(?!\s+(?:a|an|the|some|work|jobs?|somewhere"
         r"|something|anything|first|in|at|out|attractive|funny|annoying|interesting|boring"
         r"|here|there)\b)|\bfinds?\s+my\s+body\b|\bfind\s+me\s+(?:until|till)\s+it's\s+too\s+late"
         r"|\bif\s+you(?:'re|\s+are)\s+reading\s+this,?\s+(?:then\s+)?i(?:'m|\s+am|'ve|\s+have)\s+"
         r"(?:already\s+)?(?:gone|dead|not\s+here)\b",
         "after find reading",
         subject="require_self", benign=_BENIGN_ESTATE),
    _cue("goodbye_letters", "self_risk",
         r"\b(?:writ\w*|wrote|finish\w*|left|leav\w*|rewrit\w*|draft\w*)\s+(?:and\s+rewriting\s+)?"
         r"my\s+note\b(?!\s+(?:to|for|on|in|about|of|from|at|with|card|book|app)\b)"
         r"|\b(?:wrote|written|writing)\s+the\s+note\s+and\s+(?:left|put|hid)\s+it\b"
         r"|^\W*(?:the\s+|my\s+)?(?:note|notes|letters)\s+(?:is\s+|are\s+)?(?:all\s+)?(?:written"
         r"|done|sealed|finished)\b(?!\s+(?:for|to|about|on)\s+(?!every\w*\b))(?![^.?]*!)"
         r"|\b(?:writ\w*|wrote|written)\s+(?:a\s+)?(?:letters?|notes?|one)\s+(?:to|for)\s+(?:each"
         r"\s+of\s+(?:my|the)\s+(?:kids|children|boys|girls|family)\b(?!')|every\s?(?:one|body)\s+"
         r"(?:i\s+love|who\s+matters|i\s+care\s+about)\b|(?:all\s+)?(?:my|the)\s+(?:kids|children)\s+"
         r"and\s+(?:sealed|hid|put|left)\b)",
         "writ wrote finish left leav rewrit draft written writing note notes letters",
         subject="require_self", benign=_BENIGN_LETTER, negatable=False),
    _cue("note_to_find", "self_risk",
         r"\b(?:(?:writ\w*|wrote|left|leav\w*|put|hid|hidden|hiding|tuck\w*|placed|propped"
         r"|there(?:'s|\s+is|\s+are|'ll\s+be|\s+will\s+be))\s+"
         r"(?:\w+\s+){0,2}?)?(?:notes?|letters?|envelopes?)\s+(?:\w+\s+){0,6}?for\s+" + _FINDER
         + r"(?:\s*(?:,|and)\s*" + _FINDER + r")*\s+to\s+find\b" + _FIND_TAIL,
         "note letter envelope", subject="require_self",
         benign=_BENIGN_FIND),
    _cue("afterlife_goodbye", "self_risk",
         r"(?![^.?]*!)\b" + _BYE + r"\b[^.!?]{0,50}?\b(?:i(?:'ll|\s+will)\s+)?" + _AFTERLIFE
         + r"|(?![^.?]*!)\b" + _AFTERLIFE + r"[^.!?]{0,40}?\b" + _BYE + r"\b",
         "goodbye bye farewell", subject="require_self", negatable=False,
         benign=_BENIGN_AFTERLIFE),
    _cue("one_last_time", "self_risk",
         r"\b(?:every\s?(?:one|body)|all\s+(?:of\s+)?(?:my|the)\s+(?:friends|family|people)"
         r"|their\s+voices)\b[^.!?]{0,60}?\bone\s+last\s+time\b"
         r"|\b(?:sorry|thank\w*\s+(?:you\s+)?)\s+for\s+everything\b[^.!?]{0,40}?\b(?:goodbye"
         r"|bye|forever|for\s+good|one\s+last\s+time|last\s+time)\b"
         r"|\b(?:goodbye|bye|tonight's\s+the\s+night)\b[^.!?]{0,40}?\b(?:sorry|thank\w*\s+(?:you\s+)?)"
         r"\s+for\s+everything\b|\bi\s+just\s+(?:can't|cant|cannot)\s+stay\b(?!\s+(?:for|long"
         r"|late|to|at|in|over|up|awake|here|there|with|calm|focus\w*|still|quiet|sober"
         r"|positive|mad|angry|away|home|out)\b)",
         "last sorry thank goodbye bye tonight stay", subject="require_self",
         negatable=False,
         benign=r"\b(?:moving|move|emigrat\w*|flight|holiday|trip|leav\w+\s+for|funeral"
                r"|hospice|died|" + PASSED_AWAY
                + r"|reunion|retire\w*|graduation|last\s+day|party|leaving\s+do"
                r"|before\s+(?:she|he|they)\s+(?:go|went|left|leave))\b"),
    _cue("affairs_in_order", "self_risk",
         r"\b(?:got|get|getting|put|putting|have|had|sorted|sorting)\s+(?:all\s+)?my\s+affairs\s+"
         r"(?:in\s+order|sorted|straight)\b|\b(?:passwords?|pins?|logins?|will|debts?|bills"
         r"|accounts?|insurance|bank\s+(?:stuff|details)|paperwork|everything)\b[^.!?]{0,80}?\bso\s+"
         r"(?:that\s+)?(?:nobody|no\s?one|no-one|they|she|he|my\s+\w+|the\s+kids)\s+(?:\w+\s+){0,2}?"
         r"(?:can\s+sort\s+(?:it|things|everything)\s+out\s+after|(?:has|have|will\s+have|won't"
         r"\s+have|doesn't\s+have|don't\s+have|wont\s+have)\s+to\s+(?:deal|sort|fight|worry)\b"
         r"[^.!?]{0,40}?\b(?:after|afterwards)\b)",
         "affairs after",
         subject="require_self", benign=_BENIGN_ESTATE),
    _cue("everything_ready", "self_risk",
         r"^\W*(?:and\s+)?(?:everything(?:'s|\s+is)|it's\s+all)\s+(?:all\s+)?(?:ready|in\s+place"
         r"|arranged)\s*(?:now\s*)?\W*$|\beverything(?:'s|\s+is)\s+(?:all\s+)?(?:ready|in\s+place)"
         r"\s+(?:for\s+(?:when\s+i'm\s+not|tonight|tomorrow\s+night|the\s+end)|in\s+the\s+car)\b"
         r"|\b(?:i've|i\s+have|i)\s+(?:got|have)\s+everything\s+(?:ready|in\s+place|i\s+need\s+to"
         r"\s+do\s+it)\s*(?=[.,!?;]|$)|\b(?:i've|i\s+have)\s+got\s+what\s+i\s+need\s*(?:now\s*)?"
         r"(?=[.!?;]|$)",
         "everything it's need", subject="require_self"),
    _cue("keeping_pills", "self_risk",
         r"\b@PILLS@\b[^.!?]{0,60}?\b(?:saving|keeping|kept|hiding|hid|hoarding|stockpiling"
         r"|stashing|collecting)\s+(?:them|it)\b(?!\s+(?:all\s+)?(?:for\s+(?:the|a|my|next|later"
         r"|emergenc\w*|hay\s*fever|migraines?|bad\s+days)|in\s+case|safe|away|from|out\s+of"
         r"|locked|somewhere\s+safe)\b)|\bpocket\w*\s+(?:a|one|an\s+extra|the\s+odd)\s+(?:pill"
         r"|tablet)\b|\b@PILLS@\b[^.!?]{0,50}?\bfor\s+when\s+i(?:'m|\s+am)\s+ready\b"
         r"|\bstash\b[^.!?]{0,20}?\bhidden\s+where\s+(?:no\s?one|nobody)\b",
         "pocket stash " + PILL_WORDS),
    _cue("method_research", "self_risk",
         r"\b(?:look\w*\s+up|search\w*|googl\w*|research\w*|read\w*\s+(?:up\s+)?(?:about|on)"
         r"|check\w*|work(?:ed|ing)\s+out|figur\w*\s+out"
         r"|calculat\w*)\s+(?:\w+\s+){0,2}?(?:how\s+(?:many|much|long|quick\w*|fast)|which|what"
         r"|whether|if|ways?|methods?)\b[^.!?]{0,60}?\b(?:kill\w*|die|dies|dying|death|deadly"
         r"|lethal|fatal|overdose|survive|survivable|unconscious|pass\s+out|bleed\s+out|stop\s+"
         r"(?:my|your|a)\s+heart|wouldn't\s+hurt|wouldnt\s+hurt|doesn't\s+hurt|painless\w*"
         r"|quickest|enough\s+to\s+(?:do\s+it|end\s+it|not\s+wake)|not\s+wake\s+up|liver"
         r"\s+(?:failure|damage)|drown)\b"
         r"|\b(?:look\w*\s+up|search\w*|googl\w*|research\w*|check\w*|work(?:ed|ing)\s+out"
         r"|figur\w*\s+out)\s+(?:\w+\s+){0,2}?(?:how\s+(?:high|tall|far\s+down|deep)|whether|if)\s+(?:the|a"
         r"|that)\s+(?:\w+\s+)?(?:bridge|building|car\s+park|multi-storey|roof|cliff|balcony"
         r"|drop|fall|tower|window|quarry)\b(?:[^.!?]{0,30}?\b(?:high|deep|tall)\s+enough\b"
         r"|\s+(?:is|was)\s*(?=[.,!?;]|$))"
         r"|\b(?:look\w*\s+up|search\w*|googl\w*|research\w*|read\w*\s+about|look\w*\s+at"
         r"|work(?:ed|ing)\s+out)\s+(?:\w+\s+){0,2}?which\s+(?:methods?|bridge|building|one|train|pills|tablets)"
         r"\b[^.!?]{0,40}?\b(?:quickest|fastest|painless\w*|works?\s+best|doesn't\s+stop|most"
         r"\s+(?:reliable|effective)|high\s+enough)\b|\bworking\s+out\s+which\s+one\s*(?=[.!?]|$)",
         "look search googl research read check worked working figur calculat",
         subject="require_self", topic_prone=True,
         benign=r"\b(?:dogs?|cats?|pets?|vet|puppy|kitten|toddler|baby|calpol|per\s+year|each\s+year"
                r"|statistics|history|soldiers|war|crash\w*|plane|flying|cancer|surviv\w*\s+rate"
                r"|chances?|odds|tooth|dentist|surgery|operation|anaesthe\w*|symptoms|rabies"
                r"|disease|tumou?r|plants?|bacteria|germs|insects?|wasps?|fish|mould|essay"
                r"|homework|assignment|novel|book|character|film)\b"),
    _cue("chosen_time", "self_risk",
         r"\bdecided\s+(?:that\s+)?(?:this|next|tonight|tomorrow|friday|saturday|sunday|monday"
         r"|tuesday|wednesday|thursday)\s+(?:\w+\s+)?is\s+(?:it|the\s+(?:day|night|time|one))\b"
         r"(?!\s+(?:for|to|we|i\s+(?:tell|ask|start|finally))\b)"
         r"|\b(?:picked|chosen|chose|choosing|decided\s+on|settled\s+on|found)\s+(?:the\s+)?(?:way"
         r"|method|bridge|building|spot|place|tree|night|day|date|time|when|where)\s+(?:\w+\s+)?"
         r"(?:i'm\s+going\s+to|i'm\s+gonna|i'll|i\s+will|i'd)\s+(?:do\s+it|die|jump|end\s+it"
         r"|go(?=\s*(?:[.,!?;]|$)))\b|\bchoos\w*\s+the\s+(?:when|where|how)\b",
         "decided picked chosen chose choos settled found",
         subject="require_self", benign=BENIGN_ABSENCE),
    _cue("chosen_time_when", "self_risk",
         r"\b(?:that's|that\s+is)\s+when\s+i(?:'m\s+going\s+to|'m\s+gonna|'ll|\s+will)?\s*(?:go"
         r"|do\s+it|end\s+it|die|jump)\s*(?=[.!?;]|$)"
         r"|\bby\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|morning"
         r"|tonight|the\s+weekend|next\s+week)\s*,?\s+i(?:'ll|\s+will)\s+be\s+(?:gone|dead)\b"
         r"|\b(?:gave|giv\w*|sold|sell\w*|cancel\w*)\b[^.!?]{0,60}?\bi\s+won't\s+(?:be\s+)?"
         r"need(?:ing)?\s+(?:it|them|any\s+of\s+(?:it|them))\s*(?:any\s?more|again|where\s+i'm"
         r"\s+going)?\s*(?=[.!?;]|$)",
         "that gone dead need",
         subject="require_self", benign=BENIGN_ABSENCE),
    _cue("not_coming_back", "self_risk",
         r"\b(?:bridge|cliffs?|station|tracks|woods|sea|river|reservoir|roof|car\s+park|quarry"
         r"|lake|motorway|railway|viaduct|edge)\b[^.!?]{0,50}?\b(?:not|never|won't|wont)\s+"
         r"(?:be\s+)?(?:coming|come|be)\s+(?:home|back)\b(?!\s+(?:till|until|for|before|from"
         r"|after|tonight|today|soon|late|early)\b)"
         r"|\b(?:going|gonna|want\w*|plan\w*|about)\s+to\s+(?:walk|wade|swim)\s+(?:out\s+)?into"
         r"\s+the\s+(?:sea|river|lake|ocean|water|reservoir|loch|canal)\b(?=\s*(?:[.,!?;]|$"
         r"|tonight|today|tomorrow|and\s+(?:not|never|keep)|after|when|once|until))",
         "home back walk wade swim",
         subject="require_self",
         benign=r"\b(?:swimsuit|wetsuit|dip|paddle|paddling|cold\s+water|club|charity|new\s+year"
                r"|boxing\s+day|solstice|dog|kids|holiday|trip|job|moving|emigrat\w*)\b"),
    _cue("urge_now", "self_risk",
         r"\b(?:going|gonna|want\w*|wanna|about|tempted)\s+to\s+(?:cut|burn)(?:\s+(?:again|tonight"
         r"|now|later|today|deeper|more|so\s+bad(?:ly)?))*\s*(?=[.,!?;]|$|\b(?:and|when|once"
         r"|as\s+soon|before|after|because|until|till)\b)"
         r"|\bcrav\w*\s+to\s+(?:cut|burn|hurt\s+myself|self[-\s]?harm|bleed)\b",
         "cut burn crav", subject="require_self", topic_prone=True,
         benign=_BENIGN_URGE),
    # Spells out its own negation, so negation does not lower it.
    _cue("not_through_the_night", "self_risk",
         r"\b(?:don't|do\s+not|dont)\s+think\s+i(?:'ll|\s+will|\s+can|'m\s+going\s+to|\s+am\s+"
         r"going\s+to|'m\s+gonna|m\s+gonna|\s+could)\s+(?:make\s+it|get|last|survive)\s+"
         r"(?:through\s+)?(?:the\s+night|tonight|this\s+night)\b(?!\s+(?:shift|without|awake"
         r"|out|before|at|in|on)\b)",
         "think", subject="require_self", negatable=False,
         benign=_BENIGN_URGE),
)
# fmt: on
