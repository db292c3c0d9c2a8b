"""The cue tables of the crisis-language reader (the engine is `alliance.analysis.crisis`).

Cues about suicide and self-harm are in `crisis_patterns_self`; `Cue`, its kinds and the
pattern macros in `crisis_patterns_base`. This module holds the other tables (passive
ideation, harm to others, other people at risk, the writer harmed, history), the masks, and
the trigger index over every cue.

Each cue lists trigger stems (a stem ending in "$" is a whole word), one of which begins a
word of every match: the engine only tries the cues whose stems occur in a sentence, which keeps
it fast (tests/analysis/test_crisis.py checks that against trying every cue).
"""

from __future__ import annotations

import re
from functools import lru_cache

from alliance.analysis.crisis_patterns_base import Cue
from alliance.analysis.crisis_patterns_base import compile_pattern as _compile
from alliance.analysis.crisis_patterns_base import cue as _cue
from alliance.analysis.crisis_patterns_quiet import QUIET_SIGNS
from alliance.analysis.crisis_patterns_self import SELF_RISK
from alliance.analysis.crisis_patterns_signs import WARNING_SIGNS

__all__ = ["CUES", "MASKS", "TOPIC", "Cue", "candidate_cues", "cues_for_word", "needs_masking"]

# fmt: off
# --- passive ideation and hopelessness about living -----------------------------------------
# Most spell out their own negation ("don't want to be alive"), so they are not negatable;
# "want to die" and "kill me" are ("I don't want to die on the table").

_W = r"\bwish\w*\s+(?:that\s+)?"
PASSIVE = (
    _cue("wish_dead", "passive",
         _W + r"i\s+(?:was|were|could\s+be|'d\s+be|would\s+be)\s+(?:just\s+)?dead\b|" + _W
         + r"i\s+(?:could\s+)?(?:just\s+)?(?:die|vanish|not\s+exist|stop\s+existing|cease\s+to"
         r"\s+exist|disappear(?!\s+(?:to|for|into|on|from\s+(?:this|the)\s+(?:party|meeting|room"
         r"|conversation|class|event|wedding|dinner|call|office))\b)|fall\s+asleep\s+and\s+not)\b|"
         + _W
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
         r"\b(?:wouldn't|would\s+not|don't|do\s+not)\s+mind\s+(?:if\s+i\b(?!\s+(?:didn't|did\s+not"
         r"|don't|never)\s+wake\s+up\s+@LATE@)|dying|being\s+dead)"
         r"|\b(?:don't|do\s+not|dont|doesn't|doesnt|does\s+not)\s+care\s+(?:if|whether)\s+i\s+"
         r"(?:live|die|wake\s+up|make\s+it)", "mind care", negatable=False),
    _cue("not_wake_up", "passive",
         r"\b(?:hop\w*|wish\w*|pray\w*|want\w*)\s+(?:\w+\s+){0,7}?(?:won't|don't|didn't|never"
         r"|wouldn't|not|wont|dont)\s+(?:to\s+)?wake\s+up\b(?!\s+@LATE@)|\b(?:easier|better)\s+if\s+i\s+"
         r"(?:just\s+)?(?:didn't|did\s+not|don't|never|wouldn't)\s+wake\s+up\b"
         r"|\bsleep\s+(?:forever|and\s+never\s+wake)\b(?!\s+(?:this|tomorrow|on\s+\w+day|at\s+the"
         r"\s+weekend)\b)",
         "wake sleep", negatable=False),
    _cue("better_off_without_me", "passive",
         r"\bbetter\s+off\s+(?:dead|gone|without\s+me)\b|\b(?:be|are|is)\s+(?:so\s+much\s+"
         r"|much\s+|a\s+lot\s+)?(?:better|happier|easier|fine|lighter)(?:\s+off)?\s+(?:without\s+me"
         r"\b(?!\s+(?:at\s+(?:the|a|this|that|work|my)|for\s+(?:the|a)\s+(?:weekend|week|day|night"
         r"|evening|bit|while))\b)"
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
         r"disappeared\b(?!\s+(?:off\s+to|to\s+(?:a|the|my)|for\s+(?:a|an|the)\s+(?:week|month|day"
         r"|year|weekend|while|bit|few))\b)|\b(?:no\s?one|nobody|no-one)\s+would\s+(?:even\s+|really\s+|actually\s+"
         r"|ever\s+)?(?:miss\s+me\b(?!\s+at\s+(?:the|a|this|that|work|my)\b)|notice\s+(?:if|that|when)"
         r"\s+i\b(?!\s+(?:skipped|skip|missed|bunked|ducked\s+out|snuck\s+out|slipped\s+out"
         r"|left\s+(?:\w+\s+){0,3}?early|stayed\s+(?:home|in))\b)|care\s+if\s+i)|\bwhen\s+i'm\s+gone\b"
         r"|\bmy\s+(?:own\s+)?funeral\b(?![^.!?]{0,50}\bhaunt\w*\b)|\b(?:just|only)\s+taking\s+up\s+space\b"
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
         r"|\bcan(?:'t|not|t|\s+not)\s+(?:do|take)\s+(?:this|it)\s+any\s?more\b(?!\s*[,;:-]*\s*"
         r"this\s+(?:job|commute|course|project|deadline|module|shift\s+pattern|rota)\b)"
         r"|\b(?:don't|dont|do\s+not)\s+know\s+(?:if|how|whether)\s+i\s+can\s+(?:go\s+on"
         r"|keep\s+going|keep\s+living|survive|carry\s+on)\b|\b(?:no|only)\s+way\s+out\b"
         r"(?!\s+of\b)", "can way", negatable=False),
    _cue("tired_of_living", "passive",
         r"\b(?:tired|sick|exhausted|weary)\s+of\s+(?:being\s+alive|life|existing|living\b"
         r"(?!\s+(?:paycheck|pay\s?check|in|with|at|on|out|off|from|next|under|like\s+(?:a|an)"
         r"|here|there)\b))|\bgiv\w*\s+up\s+on\s+(?:life|living)\b|\bdone\s+with\s+(?:life"
         r"|living)\b|\b(?:don't|dont|do\s+not|doesn't|does\s+not|doesnt|didn't)\s+want\s+to\s+"
         r"(?:be\s+alive|exist|live\b(?!\s+(?:in|with|at|near|on|there|here|somewhere|abroad|forever"
         r"|alone|together|like\s+(?:that|my|them|her|him)|by|off|out|up|next)\b)|be\s+(?:here"
         r"|around)\s+any\s?(?:more|longer)|wake\s+up)|\bnot\s+(?:being|be)\s+(?:here|around"
         r"|alive)\b(?!\s+(?:for|when|at|on|to|in)\b)|\bstop\s+existing\b|\bcease\s+to\s+exist\b"
         r"|\bdisappear\s+(?:forever|for\s+good|permanently)\b|\bdone\s+with\s+everything\b"
         r"(?!\s+(?:on|in|for|at|i\s+needed|today)\b)|\bwant\s+to\s+(?:just\s+)?disappear\b"
         r"(?!\s+(?:to|for|into|on|somewhere|off|under\s+(?:a|the|my)\s+(?:duvet|covers"
         r"|blankets?|quilt)\s+(?:for\s+(?:a|an|the)\s+(?:week|day|weekend|while|bit|month|hour)"
         r"|with|until|till))\b)"
         r"|\bwouldn't\s+mind\s+(?:not|never)\s+waking\s+up\b|(?:\bwant\s+(?:it\s+all|everything"
         r"|all\s+of\s+(?:it|this)|the\s+pain)|(?<!n't\s)(?<!nt\s)(?<!not\s)\bwant\s+(?:it|this))"
         r"\s+to\s+(?:stop|end|be\s+over)\b(?!\s+(?:well|on\s+a|with"
         r"|happily|nicely|properly|early|soon|at)\b)|\b(?:fighting|struggling"
         r"|trying)\s+to\s+stay\s+alive\b|\b(?:death|dying|being\s+dead)\s+(?:sounds|seems"
         r"|feels|looks)\s+(?:\w+\s+)?(?:peaceful|nice|good|appealing|easier|better|like\s+(?:a\s+)?"
         r"(?:relief|rest))\b|\bhate\s+(?:being\s+alive|existing"
         r"|my\s+existence|living\b(?!\s+(?:in|with|at|on|near|so|here|there|alone)\b))",
         "alive life liv exist wake waking here around disappear stop end over death dying dead "
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
         r"\b(?:just|please|someone|somebody)\s+kill\s+me\b|\bkill\s+me\s+now\b", "kill",
         benign=r"\b(?:meetings?|emails?|gym|spin\s+class|commute|traffic|queue|spreadsheets?"
                r"|small\s+talk|karaoke|zoom|webinar|paperwork|tax\s+return|ikea|conference\s+call"
                r"|hour\s+(?:two|three|four)|deadlines?|deck|slides|client|migraines?|hangover"
                r"|headache|toothache|man\s+flu)\b"),
)

# --- harm to others -------------------------------------------------------------------------

HARM_OTHER = (
    _cue("intent_to_harm", "harm_other",
         r"\b(?:want|wanted|wanna|going|gonna|plan\w*|intend\w*|decided|ready|tempted|urges?"
         r"|need|mean)\s+(?:to\s+)?(?:really\s+|just\s+|actually\s+)?(?:@HARMVERB@|beat\s+up|run)"
         r"\s+@NOTMAKER@@PERSON@@NOTAMESSAGE@|\b(?:i'd|id|i\s+would|i'll|i\s+will)\s+(?:\w+\s+)?"
         r"@HARMVERB@\s+@NOTMAKER@@PERSON@@NOTAMESSAGE@",
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
    # A plan or the means beside the person: "I've got the knife in my bag for when I see
    # him", "I know where he parks and I'm going to make him pay", "find him and hurt him".
    _cue("harm_plan", "harm_other",
         r"\b(?:knife|knives|blade|gun|hammer|bat|crowbar|machete|weapon|acid|petrol|rifle"
         r"|crossbow|screwdriver)\b[^.!?]{0,60}?\bfor\s+when\s+i\s+(?:see|find|catch|get\s+hold"
         r"\s+of|run\s+into|bump\s+into)\s+@PERSON@|\b(?:knife|knives|blade|gun|hammer|bat"
         r"|crowbar|machete|weapon|rifle|crossbow)\b[^.!?]{0,60}?\buse\s+it\s+on\s+(?:him|her"
         r"|them|my\s+\w+)\b", "knife knives blade gun hammer bat crowbar machete weapon acid "
         "petrol rifle crossbow screwdriver"),
    _cue("harm_plan_find", "harm_other",
         r"\bknow\s+(?:exactly\s+)?where\s+(?:he|she|they|(?-i:[A-Z][a-z]+))\s+"
         r"(?:lives?|works?|parks?|drinks?|sleeps?|hangs?\s+(?:about|out|around)|goes|walks"
         r"|drives|trains|runs)\b[^.!?]{0,60}?\b(?:hurt|kill|stab|make\s+(?:him|her|them)\s+pay"
         r"|regret|sorry|knife|gun|weapon|wait\w*\s+for|get\s+(?:him|her|them)\b)"
         r"|\b(?:going|gonna|plan\w*|want\w*|i'll|i\s+will)\s+(?:to\s+)?(?:find|track\s+down"
         r"|hunt\s+down|(?:track|hunt)\s+(?:him|her|them)\s+down|catch|wait\s+for|follow"
         r"|find\s+out\s+where)\s+(?:\w+\s+){0,6}?and\s+"
         r"(?:really\s+)?@HARMVERB@\s+@PERSON@|\b(?:see|watch)\s+(?:him|her|them)\s+(?:bleed"
         r"|suffer)\b|\bspik\w*\s+(?:his|her|their)\s+(?:drink|pint|food)\b|\bput\s+something"
         r"\s+in\s+(?:his|her|their)\s+(?:drink|food|tea|coffee|pint)\b",
         "know find track hunt catch wait follow bleed suffer spik something"),
    _cue("could_kill", "maybe_harm",
         r"\bi\s+(?:could|might|can)\s+(?:\w+\s+)?(?:kill|murder|strangle|hurt|throttle|punch)\s+"
         r"(?!whoever\s+(?:designed|invented|made|came\s+up\s+with|thought\s+up|programmed"
         r"|scheduled|decided\s+on|wrote\s+the)\b)@PERSON@",
         "kill murder strangle hurt throttle punch"),
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
         r"\b(?:suicide|goodbye)\s+(?:notes?|letters?|messages?|posts?|videos?)\b@NOTFAREWELL@",
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
         r"\bknow\s+(?:exactly\s+)?where\s+(?:he|she|they)\s+(?:lives?|works?|sleeps?|parks?"
         r"|drinks?|hangs?\s+(?:about|out|around))\b(?!,?\s+(?:so|and\s+I'll"
         r"\s+(?:send|post)))", "lives live works sleeps parks drinks hangs"),
)

HISTORY = (
    _cue("safety_plan", "history",
         r"(?<!\bwhat\s)\b(?:my|our|a)\s+(?:crisis\s+|suicide\s+)?safety\s+plan\b(?!\s+(?:with"
         r"|for)\s+(?:a|the|each|every|my|our|her|his|their)\s+(?:young\s+person|young\s+people"
         r"|clients?|patients?|service\s+users?|pupils?|callers?|residents?)\b)",
         "safety", negatable=False, topic_prone=True),
    _cue("self_harm_word", "history", r"\bself[-\s]?(?:harm|injury)\b", "self", negatable=False,
         topic_prone=True),
    _cue("suicide_word", "history", r"\bsuicide\b", "suicide", negatable=False,
         subject="require_self", topic_prone=True),
    _cue("past_attempt", "history",
         r"\bmy\s+(?:last\s+|first\s+|suicide\s+)?attempt\b(?!\s+(?:at|to)\b)", "attempt",
         negatable=False),
)

CUES: tuple[Cue, ...] = (
    SELF_RISK + WARNING_SIGNS + QUIET_SIGNS + PASSIVE + HARM_OTHER + THIRD_PARTY + HARMED + HISTORY
)

# --- context shared by the cues --------------------------------------------------------------

# Idioms that would otherwise meet a cue, and mentions of suicide as a subject (prevention work,
# bereavement, a word being explained) rather than as anyone's risk: replaced by spaces first.
# The lookahead names the first letter of every alternative: the engine then skips most
# positions at once instead of trying twenty alternatives at each (twice as fast).
MASKS = _compile(
    r"(?=[adhklmnrstw'\"])(?:"
    r"\bkill\w*\s+(?:it|time|two\s+birds)\b|\bkill\w*\s+(?:him|her|them|it)\s+off\b"
    r"|\bkilling\s+me\b|\bkill\w*\s+(?:me|you)\s+to\b|\bto\s+die\s+for\b|\bdie\s+for\s+(?:a|an"
    r"|some)\b|\bdying\s+(?:to|for|of)\b|\bdied\s+(?:laughing|of)\b|\bhang\w*\s+out\b"
    r"|\b(?:nearly|almost)\s+kill\w*\s+(?:my|him|her|them)sel(?:f|ves)\b"
    r"|\bkill\w*\s+(?:my|him|her|them)sel(?:f|ves)\s+(?:laughing|with\s+work|over|trying|to\s+"
    r"(?:get|make|finish|keep|please))\b"
    r"|\bsuicid\w*\s+(?:prevention|intervention|first\s+aid|awareness|hotline|helpline|lines?|squad|doors?|sprints?"
    r"|rates?|statistics|stats|training|research|bomb\w*|mission|bereavement|loss|survivors?)\b"
    r"|\bself[-\s]?harm\w*\s+(?:rates?|statistics|stats|awareness|prevention|training"
    r"|research)\b|\b(?:died|death|deaths|dead)\s+(?:by|from|of)\s+(?:suicide|an\s+overdose"
    r"|overdose)\b|\blost\s+(?:\w+\s+){1,3}?to\s+suicide\b|\bsuicides\b"
    r"|\b(?:watch|look\s+out|monitor|screen\w*|warn\w*|signs?|risks?)\s+(?:\w+\s+)?(?:for|of"
    r"|about)\s+(?:\w+\s+)?(?:suicid\w*|self[-\s]?harm\w*)(?:\s+(?:thoughts|ideation|feelings"
    r"|risk))?|\bask\w*\s+(?:clients|people|patients|students|someone|them|him|her)\s+(?:\w+\s+)?"
    r"about\s+(?:suicid\w*|self[-\s]?harm\w*)|\basking\s+(?:someone|people|a\s+person|them)\s+"
    r"(?:\w+\s+)?(?:if|whether)\s+they(?:'re|\s+are)\s+(?:\w+\s+)?(?:thinking|having\s+thoughts)\s+"
    r"(?:about|of)\s+(?:suicid\w*|killing\s+themselves|ending\s+their\s+li(?:fe|ves))"
    r"|\bask\w*\s+(?:\w+\s+)?the\s+suicide\s+questions?\b|\bwhat\s+['\"]?suicid\w*(?:\s+\w+)?['\"]?\s+means\b"
    r"|['\"]suicid\w*(?:\s+\w+)?['\"]"
    r"|['\"]i\s+could\s+(?:just\s+)?kill\s+(?:him|her|them)['\"])"
)
# A film, essay or training "about" something, named before a topic-prone cue.
TOPIC = _compile(
    r"\b(?:essay|article|book|novel|film|movie|show|series|episode|documentary|lecture|talk"
    r"|class|course|module|podcast|poem|play|song|story|paper|research|stud(?:y|ies)|campaign"
    r"|training|workshop|charity|fundraiser|poster|leaflet|character|plot|scene|memoir"
    r"|biography|autobiography|blog)s?\b(?:\s+\S+){0,3}?\s+(?:on|about|where|in\s+which|who"
    r"|that|deals\s+with|covers?|explores?)\b"
    # Being taught to respond to risk: "we practised asking ...", "walked us through ...".
    r"|\b(?:leaflet|label|insert|information\s+sheet)\b(?:\s+\S+){0,4}?\s+(?:lists?|mentions?"
    r"|warns?)\b(?![^.!?]*\bi(?:'ve|\s+have|'m|\s+am)\s+(?:been\s+)?(?:having|had|got|getting)\b)"
    r"|\b(?:walked|talked|took)\s+us\s+through\b|\b(?:taught|trained)\s+us\b"
    r"|\bwe\s+(?:\w+\s+)?(?:practi[sc]ed|role[-\s]?played)\b|\bpracti[sc](?:ed|ing|e)\s+asking\b"
    # A research degree on the subject: "My PhD is on self-harm presentations".
    r"|\b(?:phd|thesis|dissertation|doctorate)\s+(?:(?:is|was|project|research|topic)\s+)?"
    r"(?:on|about|into)\b"
)
# fmt: on

_WORD = re.compile(r"[a-z][\w']*")
# Every mask contains one of these stems; a sentence without them is not masked at all.
# ("harm" rather than "self": every mask about self-harm holds "harm", and "myself" is common.)
MASK_STEMS = ("kill", "die", "dying", "died", "hang", "suicid", "harm", "death", "dead")


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
