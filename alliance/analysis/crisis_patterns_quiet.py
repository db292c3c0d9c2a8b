"""Cue table: risk told without a risk word (round 7, families named by an adjudicator).

- passive ideation about waking and living: "disappointed to wake up", "relieved at the
  thought of not waking up", "why am I still alive", "what is the point of me" (concern);
- indirect goodbyes: a pet rehomed "because I won't be able to look after her", things given
  away or cancelled "because I won't need them", a countdown ("Just Friday left."), notes left
  for each person (urgent); someone else's goodbye, posted as final ("this is goodbye") or
  followed by their vanishing ("and deleted her accounts") (concern, kind `third_party`);
- a method or means without the word suicide: a rope hidden or ready, researching overdose,
  "get the dosage right this time", making sure not to wake up (urgent);
- past self-harm or an attempt mentioned in passing: old scars, "the overdose back in 1998",
  "after an attempt in 2015", in hospital "after the pills" (concern, kind `history`).

Each names the act with what makes it risk, and each has a `benign` list for the ordinary
reasons that share its surface (a move, a holiday, surgery, a doctor's dose). Kinds are
explained in `crisis_patterns_base`; the index over all cues lives in `crisis_patterns`.
"""

from __future__ import annotations

from alliance.analysis.crisis_patterns_base import Cue
from alliance.analysis.crisis_patterns_base import cue as _cue

# fmt: off
# After "(not) wake up": what makes it ordinary sleep ("not waking up at 5", "to the alarm",
# "in pain", "till noon", "early").
_NOT_SLEEP = (r"(?!\s+(?:@LATE@|early|late|at\s+\w+|for\s+(?:work|school|the|my|a|an|once)\b"
              r"|by|to\s+(?:an?|the|my|his|her|their|your)\s|with|without|when|in\s+(?:the\s+night|pain|agony|a\s+\w+"
              r"|time)|on\s+(?:time|the|a)\b|during|every\s+(?:hour|night|two|three|time)|once|twice"
              r"|until|till|til|before|properly|feeling|hungover|sore|sick|stiff|groggy|sweating"
              r"|screaming|crying|panick\w*|the\s+(?:baby|kids?|dog|neighbours?)|him|her|them|you|me"
              r"|us|any\s?(?:one|body)|every\s?(?:one|body)|naturally|by\s+myself|on\s+my\s+own)\b)")
_NOT_WAKE = (r"(?:(?:^|(?<=[\s,(]))(?:not|never)\s+(?:to\s+)?|\bif\s+i\s+(?:just\s+)?"
             r"(?:didn't|did\s+not|don't|do\s+not|never|wouldn't|won't)\s+|\bi\s+(?:just\s+)?(?:didn't|did\s+not|don't"
             r"|never|wouldn't|won't)\s+)(?:wak(?:e|ing)|woke)(?:\s+up\b|(?!\s+up\b))" + _NOT_SLEEP)
_FINE_WITH = (r"\b(?:relie\w+|relief|glad|happy|fine|okay|ok|peaceful|nice|lovely|welcome|mercy"
              r"|blessing|mind|care|(?:like|love)\s+to)\b")
_STILL = r"still\s+(?:alive|here|living|breathing|around)\b"
_NOT_A_PLACE = (r"(?!\s+(?:at|in|on|with|after|for|when|doing|working|awake|up|single|waiting"
                r"|stuck|here|there|to|and\s+not|\w+ing)\b)")
_BENIGN_STILL = (r"\b(?:job|company|office|work\w*|relationship|marriage|party|meeting|school|uni"
                 r"|college|course|class|queue|shift|team|band|club|waiting|house|flat|town|city"
                 r"|country|pension|salary|money|pay|awake|insomnia)\b")
# An ordinary absence or change of life; not "away", since giving away is the act itself.
_ABSENCE = (r"\b(?:holiday|vacation|trip|travel\w*|moving|move|moved|transfer\w*|emigrat\w*"
            r"|abroad|conference|visit\w*|office|job|work\w*|course|wedding|festival|flights?"
            r"|(?:we're|we\s+are|we'll\s+be)\s+off\s+to|new\s+(?:flat|house|place|city)"
            r"|spain|halls|deployment|posted")
_PET = (r"(?:dog|cat|puppy|kitten|pup|rabbits?|bunny|hamster|guinea\s+pig|budgie|parrot|bird"
        r"|fish|tortoise|horse|pony|pets?)")
_CANT_KEEP = (r"(?:won't|will\s+not|wont|can't|cannot|can\s+no\s+longer|'m\s+not\s+going\s+to"
              r"|am\s+not\s+going\s+to)\s+(?:be\s+(?:able\s+to\s+|around\s+to\s+|here\s+to\s+))?"
              r"(?:look\s+after|care\s+for|take\s+care\s+of|feed|walk|be\s+(?:around|here|there)"
              r"\s+for)\s+(?:him|her|them|it)\b")
_BENIGN_PET = (_ABSENCE + r"|landlord|allerg\w*|new\s+(?:place|flat|house|job|baby)"
               r"|halls|lost\s+interest|hours|shifts?|nights|hospital|surgery|operation|baby"
               r"|pregnan\w*|tenancy|lease|insurance|rules|kittens|puppies|litter|foster\w*"
               r"|for\s+the\s+(?:week|weekend|day))\b")
_GIVE_UP = (r"\b(?:gave|giv\w*|given|sold|sell\w*|cancel\w*|rehom\w*|unsubscrib\w*|donat\w*"
            r"|deferred|boxed|clear\w*\s+out|quit|deleted|(?:no\s+point|not)\s+renewing)\b")
_WONT_NEED = (r"(?:i\s*)?(?:won't|wont|will\s+not|shan't|shall\s+not|'ll\s+not|don't\s+think\s+i"
              r"\s+(?:shall|will|'ll))\s+(?:be\s+)?need(?:ing)?\s+")
_BENIGN_GIVING = (_ABSENCE + r"|never\s+(?:used|use|went|go|wear|wore|play\w*)|money"
                  r"|tight|cheaper|switch\w*|upgrad\w*|replac\w*|new\s+one|bought\s+(?:a\s+)?new"
                  r"|got\s+(?:a\s+)?new|diet|vegan|retir\w*|graduat\w*|outgrown|grown\s+out"
                  r"|declutter\w*|spring\s+clean\w*|old\s+(?:clothes|toys|uniform|textbooks|stuff)|minimalis\w*|free\s+trial|run\w*\s+outside"
                  r"|covid|flu|ill|sick|cold|injur\w*|knee|back)\b")
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_WHEN = r"(?:this\s+week|next\s+week|tonight|tomorrow|the\s+weekend|" + _DAY + r")"
_PEOPLE = (r"(?:mum|mom|mam|dad|my\s+(?:\w+\s+)?(?:kids|children|boys|girls|family|parents|sisters?"
           r"|brothers?|sons?|daughters?|wife|husband|partner|friends?|mum|mom|dad|nan|gran)"
           r"|(?-i:[A-Z][a-z]+))")
_LETTERS_KEPT = (r"(?=\s*(?:[.;!?]|$|,?\s*(?:and\s+)?(?:put|left|hid|sealed|tucked|hidden"
                 r"|in\s+(?:the|my)\s+(?:drawer|wardrobe|desk|bag|car|box|envelope))\b))")
_BENIGN_NOTE = (_ABSENCE + r"|therapist|counsell?or|exercise|homework|unsent|thank(?:s|\s?-?you)"
                r"|birthday|christmas|xmas|valentine|school|teacher|lecture|revision|rota|bins"
                r"|shopping|feeding|recipe|instructions|wedding|anniversary|party|fridge)\b")
# Someone else's goodbye posted or left, final ("this is goodbye", "bye forever") or followed
# by their vanishing (accounts deleted, the phone off, not answering since).
_FAREWELL_SAID = (r"\b(?:posted|posting|texted|sent|wrote|messaged|tweeted|put|shared|left"
                  r"|said|commented|captioned|uploaded)\b[^.!?]{0,40}?(?:this\s+is\s+(?:my\s+)?"
                  r"goodbye|good-?bye\s+(?:forever|for\s+good|world|cruel\s+world)"
                  r"|bye\s+forever)\b")
_VANISHED = (r"(?:deleted|deactivated|wiped|closed|shut\s+down|took\s+down)\s+(?:all\s+)?(?:of\s+)?"
             r"(?:her|his|their)\s+(?:\w+\s+)?(?:accounts?|profiles?|socials|pages?|instagram|insta"
             r"|facebook|tiktok|twitter|snapchat)\b|(?:turned|switched)\s+(?:her|his|their)\s+phone"
             r"\s+off\b|(?:turned|switched)\s+off\s+(?:her|his|their)\s+phone\b|(?:hasn't|has\s+not"
             r"|hasnt|isn't|is\s+not|isnt|won't|wont)\s+(?:been\s+)?(?:answer\w*|repl\w*|respond\w*"
             r"|pick\w*\s+up|online)\b|went\s+(?:offline|silent|dark)\b")
_FAREWELL_LEFT = (r"\b(?:posted|posting|texted|sent|wrote|left|messaged|tweeted|uploaded|notes?"
                  r"|messages?|texts?|posts?|videos?)\b[^.!?]{0,30}?\b(?:good-?bye|bye|farewell)\b"
                  r"[^.!?]{0,60}?(?:\band\s+|\bthen\s+|,\s*)(?:then\s+)?(?:\w+\s+)?(?:"
                  + _VANISHED + ")")
_BENIGN_FAREWELL = (r"\b(?:holiday|vacation|trip|travel\w*|moving|move|moved|emigrat\w*|abroad"
                    r"|job|new\s+(?:flat|house|city|school)|see\s+(?:u|you|ya|y'all)"
                    r"|back\s+(?:in|on|after|next|soon|when)"
                    r"|for\s+(?:now|a\s+(?:while|bit|few)|lent|the\s+(?:summer|holidays?))|break"
                    r"|detox|hiatus|exams?|revision|bluesky|mastodon|threads|new\s+(?:account|page"
                    r"|number|phone)|retir\w*|graduat\w*|last\s+day|band|tour|show|series|season"
                    r"|finale|channel|stream\w*|podcast|youtube\w*|fans?|followers|shop|business"
                    r"|brand|caf[eé]|restaurant|team|colleagues|office|sabbatical"
                    r"|(?:maternity|paternity|parental|study)\s+leave|joke|joking|lol|haha|ex|broke\s+up|dumped|died"
                    r"|death|funeral|killed\s+(?:him|her|them)sel(?:f|ves)|passed\s+away)\b")
_BENIGN_ROPE = (r"\b(?:climb\w*|boulder\w*|abseil\w*|boat|sail\w*|tent|camp\w*|tow\w*|swing|tug"
                r"|skipping|dog|washing\s+line|gym|class|course|fete|sports?|knots?|hammock|tarp"
                r"|horse|pony|rescue|harness)\b")
_BENIGN_RESEARCH = (r"\b(?:prevention|course|nursing|nurse|training|first\s+aid|naloxone|narcan"
                    r"|module|exam|revision|essay|dissertation|assignment|novel|book|character"
                    r"|film|son|daughter|toddler|child|kid|baby|dog|cat|puppy|vet|accidental\w*"
                    r"|statistics|work|shift|patients?|clients?)\b")
_BENIGN_DOSE = (r"\b(?:prescri\w*|as\s+directed|antibiotics|doctor|gp|psychiatrist|nurse|consultant"
                r"|clinic|vet|dog|cat|insulin\s+pump|titrat\w*|photos?|pictures|notes|breaks"
                r"|snacks|water|cash|layers|care)\b")
_AGE = (r"(?:uni|university|college|school|\d|nineteen|eighteen|seventeen|sixteen|fifteen"
        r"|fourteen|thirteen|twenty\S*|thirty\S*)")
_BENIGN_SCARS = (r"\b(?:surg\w*|operation|c-section|caesarean|section|acne|chicken\s?pox|spots"
                 r"|appendix|crash|dog\s+bit\w*|bite|stitches|transplant|mastectomy|heart|knee"
                 r"|hip|spine|emotional|mental|psychological|invisible|battle|war|shrapnel|birth"
                 r"|stretch\s+marks|bullet|burns?\s+from\s+(?:the|a|an)\b|oven|hob|grill|kettle|iron|sunburn\w*|bbq"
                 r"|barbecue|kitchen|welding|chip\s+pan|straighteners|curling|brambles?|thorns?"
                 r"|cat\s+scratch\w*|scratches)\b")
_BENIGN_OD = (r"\b(?:died|death|dead|killed|funeral|passed\s+away|lost\s+(?:\w+\s+){1,3}?to"
              r"|film|novel|book|show|episode|character|storyline|scene|fentanyl|opioid\s+crisis|naloxone"
              r"|narcan|nurs\w*|accidental\w*|sugar|caffeine)\b")
_BENIGN_ATTEMPT = (r"\b(?:pass\w*|test|exam|driving|interview|recipe|bak\w*|goal|shot|record"
                   r"|summit|climb\w*|pb|kick|penalty|ivf|conceiv\w*|pregnan\w*|transfer|world"
                   r"|escape|coup|rescue|robbery|murder|assassination|burglary|hack\w*)\b")

QUIET_SIGNS: tuple[Cue, ...] = (
    # 1. Passive ideation about waking and living.
    _cue("woke_disappointed", "passive",
         r"\b(?:disappointed|gutted|sorry|sad|devastated)\s+(?:that\s+)?(?:to\s+(?:still\s+)?"
         r"(?:wake|have\s+woken)\s+up|i\s+(?:(?:still\s+|actually\s+)?woke\s+up|(?:have|had|'ve)"
         r"\s+woken\s+up|wake\s+up))(?:\s+(?:at\s+all|again|this\s+morning|every\s+(?:morning|day)"
         r"|each\s+(?:morning|day)))*\s*(?=[.,!?;]|$|\bbecause\b)|\b(?:annoyed|angry|upset|frustrated)"
         r"\s+(?:that\s+)?i\s+(?:even\s+)?woke\s+up\s+at\s+all\b"
         r"|\b(?:woke|wake|waking|woken)\b[^.!?]{0,60}?\b(?:disappointed|gutted|sorry|sad)\s+"
         r"(?:that\s+)?i\s+(?:did|had|have|was\s+still\s+(?:alive|here))\s*(?=[.,!?;]|$)"
         r"|\b(?:wake|woke|waking)\s+(?:up\s+)?(?:(?:every|each)\s+(?:morning|day)\s+)?(?:and\s+"
         r"(?:feel|am|i'm)\s+)?(?:disappointed|gutted)\s*(?:(?:that\s+)?i(?:'m|\s+am|\s+was)\s+"
         + _STILL + r"|to\s+(?:still\s+)?be\s+(?:alive|here))?\s*(?=[.,!?;]|$)",
         "disappointed gutted sorry sad devastated annoyed angry upset frustrated",
         negatable=False),
    _cue("not_waking_fine", "passive",
         _FINE_WITH + r"[^.!?]{0,60}?" + _NOT_WAKE + r"|" + _NOT_WAKE + r"[^.!?]{0,60}?"
         + _FINE_WITH + r"|\b(?:tired|sick|weary|exhausted)\s+of\s+(?:having\s+to\s+)?wak(?:e|ing)"
         r"\s+up\b" + _NOT_SLEEP + r"|\b(?:point|reason)\s+(?:in\s+|of\s+|to\s+)?(?:keep\s+)?"
         r"(?:waking|wake)\s+up\b" + _NOT_SLEEP + r"|\b(?:don't|dont|do\s+not|doesn't|wouldn't"
         r"|wouldnt|would\s+not|no\s+longer|not\s+sure\s+i)\s+(?:\w+\s+){0,2}?care\s+(?:\w+\s+)"
         r"{0,2}?(?:if|whether)\s+i\s+(?:(?:didn't|don't|did\s+not|do\s+not|never)\s+)?(?:wake"
         r"|woke)\s+up\b" + _NOT_SLEEP,
         "wak woke",
         negatable=False),
    _cue("still_alive", "passive",
         r"\bwhy\s+(?:am\s+i|i'm|im|i\s+am)\s+(?:even\s+)?" + _STILL + _NOT_A_PLACE
         + r"|\bstill\s+bother\w*\s+(?:to\s+)?(?:be\s+alive|living|to\s+live|existing)\b"
         r"|\b(?:sad|sorry|disappointed|gutted|angry|upset)\s+(?:that\s+)?(?:i'm|im|i\s+am)\s+"
         + _STILL + r"\s*(?=[.,!?;]|$|\b(?:and|but)\b)|\b(?:only|one|main)\s+reasons?\s+(?:why\s+)?"
         r"(?:i'm|im|i\s+am)\s+" + _STILL + _NOT_A_PLACE,
         "still",
         negatable=False, benign=_BENIGN_STILL),
    _cue("point_of_me", "passive",
         r"\b(?:what(?:'s|s|\s+is|\s+was)|no|any|see\s+(?:no|the)|is\s+there\s+(?:a|any))\s+"
         r"(?:even\s+|actual\s+|real\s+)?(?:the\s+)?point\s+(?:of|in|to)\s+me\b(?:(?=\s*(?:[.,!?;:]|$"
         r"|\b(?:even|really|anyway|any\s?more|now|then|honestly|tbh|though|at\s+all)\b(?!\s+\w+ing)))"
         r"|\s+(?:even\s+)?being\s+(?:alive|here|around)\b(?!\s+(?:for|at|when|to|on|in|if|tonight"
         r"|tomorrow)\b))|\bwhat\s+the\s+point\s+of\s+me\s+(?:even\s+)?(?:is|was)\b",
         "point", negatable=False),
    # 2. Indirect goodbyes: what the writer won't be there for.
    _cue("rehoming_for_good", "self_risk",
         r"\b(?:rehom\w*|new\s+(?:home|owners?|family)\s+for|found\s+(?:\w+\s+)?(?:a\s+)?new\s+home|(?:gave|giv\w*|given|took|taken|handed)"
         r"\s+(?:\w+\s+)?(?:my\s+|the\s+)?" + _PET + r")\b[^.!?]{0,80}?(?:\bso\s+(?:he|she|they|it)"
         r"(?:'ll|\s+will)\s+be\s+(?:looked\s+after|cared\s+for|taken\s+care\s+of|loved|safe)\b"
         r"|(?:\b(?:because|since|as|bc|cos|cause)|,)\s*i\s*" + _CANT_KEEP + r"|\bowner\s+"
         r"(?:won't|will\s+not|can\s+no\s+longer|can't)\s+(?:be\s+around|care\s+for)\b)"
         r"|\bi\s*" + _CANT_KEEP + r"\s+(?:after|beyond|past)\s+(?:this|next|tonight|tomorrow|"
         + _DAY + r")\b",
         "rehom new gave giv took taken handed found after beyond past",
         subject="require_self", benign=_BENIGN_PET, negatable=False),
    _cue("wont_need_them", "self_risk",
         _GIVE_UP + r"[^.!?]{0,80}?\b" + _WONT_NEED + r"(?:(?:them|em|either|any\s+(?:of\s+)?"
         r"(?:it|them|this|that)|(?:it|this|that)?\s*(?=after))\s*(?:any\s?(?:more|longer)|again"
         r"|now)?|(?:it|them|em|my\s+\w+)?\s*(?:after\s+(?:this|that|next|the|tonight|tomorrow|"
         + _DAY + r"|\d+\w*)(?:\s+\w+)?|by\s+then))\s*(?=[.!?;]|$)|\b" + _WONT_NEED
         + r"(?:it|them|em|any\s+of\s+(?:it|them|this)|my\s+\w+)\s+where\s+(?:i'm|im|i\s+am)\s+"
         r"(?:going|headed)\s*(?=[.!?;,]|$|and\b)|" + _GIVE_UP
         + r"[^.!?]{0,80}?\bno\s+point\s+(?:now|any\s?more)\s*(?=[.!?;]|$)",
         "need point", subject="require_self", benign=_BENIGN_GIVING, negatable=False),
    _cue("nothing_will_matter", "self_risk",
         r"\b(?:none\s+of\s+(?:it|this|that|them)|nothing)\s+(?:will|is\s+going\s+to)\s+matter\s+"
         r"(?:after|by|once|beyond)\s+" + _WHEN + r"\b|\b(?:after|by|once|beyond)\s+" + _WHEN
         + r"\s*,?\s+(?:none\s+of\s+(?:it|this|that|them)|nothing)\s+(?:will|is\s+going\s+to)\s+"
         r"matter\b", "matter", negatable=False,
         benign=_ABSENCE + r"|deadline|exam|results|marks|grades?|interview|test|presentation"
         r"|report|essay|match|game|election|vote)\b"),
    _cue("countdown", "self_risk",
         r"^(?![^.?]*!)\W*(?:and\s+)?(?:just|only)\s+(?:" + _DAY + r"|tonight|tomorrow|the\s+"
         r"weekend|one\s+more\s+(?:day|night|sleep))\s+(?:left|to\s+go)\s*(?:now\s*)?\W*$"
         r"|\b(?:because|bc|cos|cause|since)\s+(?:" + _DAY + r"|tonight|tomorrow|saturday)\s+"
         r"(?:is|'s)\s+the\s+(?:day|night)\s*(?=[.;]|$)"
         r"|\bcount\w*\s+down\b(?![^.?]*!)[^.!?]{0,60}?\b(?:that's|thats|that\s+is)\s+(?:when"
         r"|the\s+(?:day|night|date))\s+(?:i(?:'ve|\s+have)?\s+decided\s+to\s+(?:go|do\s+it|end\s+it)"
         r"|(?:i'm|im|i\s+am)\s+(?:gonna|going\s+to)\s+(?:do\s+it|go))\s*(?=[.!?;]|$)",
         "left go day night count", subject="require_self", negatable=False),
    _cue("notes_for_each", "self_risk",
         r"\b(?:writ\w*|wrote|written|left|leav\w*|finish\w*)\s+(?:a\s+|the\s+|my\s+)?(?:notes?"
         r"|letters?)\s+(?:to|for)\s+(?:each\s+of\s+(?:them|you|my\s+\w+|the\s+\w+)|all\s+of\s+"
         r"(?:them|you)|" + _PEOPLE + r"(?:,\s*" + _PEOPLE
         + r")*\s+and\s+" + _PEOPLE + r")" + _LETTERS_KEPT,
         "note letter", subject="require_self", negatable=False,
         benign=_BENIGN_NOTE),
    # Someone else's goodbye, posted and final or followed by their vanishing (concern);
    # `crisis_past_and_disowned` clears it where the writer or "we" posted it.
    _cue("goodbye_of_other", "third_party",
         _FAREWELL_SAID + r"|" + _FAREWELL_LEFT,
         "goodbye bye farewell", negatable=False, topic_prone=True,
         benign=_BENIGN_FAREWELL),
    # 3. A method or means without the word suicide.
    _cue("rope_ready", "self_risk",
         r"\b(?:the|a|my)\s+rope(?:'s|\s+is|\s+was)?\s+(?:\w+\s+)?(?:hidden|stashed|ready|tied\s+"
         r"(?:up\s+)?(?:in|to|from|on)|waiting)\b|\bblades?\s+(?:to\s+cut\s+with|for\s+(?:cutting"
         r"|tonight|later|when))\b", "rope blade blades", benign=_BENIGN_ROPE, negatable=False),
    _cue("research_overdose", "self_risk",
         r"\b(?:research\w*|googl\w*|look\w*\s+up|looking\s+(?:into|at)|search\w*|read\w*\s+(?:up\s+)?"
         r"(?:about|on)|asked\s+(?:the|a)\s+(?:pharmacist|chemist)\s+(?:about|whether|if|how))\s+"
         r"(?:\w+\s+){0,3}?"
         r"(?:overdos\w*|lethal\s+doses?|fatal\s+doses?)\b",
         "overdos lethal fatal", subject="require_self",
         topic_prone=True, benign=_BENIGN_RESEARCH),
    _cue("dose_right_this_time", "self_risk",
         r"\b(?:get|getting|work\w*\s+out|figur\w*\s+out)\s+the\s+(?:dose|dosage|amount"
         r"|quantity|mix)\s+right\s+(?:this|next)\s+time\b|\b(?:take|taking)\s+(?:enough"
         r"|the\s+(?:whole|full)\s+(?:lot|packet|box|bottle))\s+(?:this|next)\s+time\b|\bcut\s+"
         r"deeper\s+(?:this|next)\s+time\b|\b(?:this|next)\s+time\s+i(?:'ll|\s+will)\s+(?:take\s+"
         r"(?:enough|them\s+all)|get\s+the\s+(?:dose|dosage)\s+right)\b|\bfixed\s+the\s+"
         r"(?:part|bit|thing)\s+that\s+went\s+wrong\b",
         "time wrong", benign=_BENIGN_DOSE),
    _cue("making_sure_not_to_wake", "self_risk",
         r"\b(?:not|never|don't|won't|didn't|dont|wont)\s+(?:\w+\s+){0,2}?wake\s+up\b" + _NOT_SLEEP
         + r"[^.!?]{0,40}?\b(?:made|make|making)\s+sure\b|\bmak\w*\s+sure\s+(?:i\s+)?(?:don't"
         r"|do\s+not|never|won't|wouldn't|didn't)\s+wake\s+up\b" + _NOT_SLEEP + r"|\b(?:i'm|im"
         r"|i\s+am)\s+not\s+(?:planning\s+on|planning\s+to|going\s+to|gonna)\s+(?:be\s+)?wak(?:e|ing)"
         r"\s+up\b(?:\s+(?:tomorrow|again|in\s+the\s+morning))?\s*(?=[.!?;]|$)|\b(?:decided|going"
         r"|gonna|planning|plan)\s+to\s+(?:go\s+to\s+)?sleep\s+(?:tonight\s+)?and\s+(?:not|never)"
         r"\s+wake\s+up\b" + _NOT_SLEEP + r"|\benough\s+to\s+(?:not|never)\s+wake\s+up\b",
         "wak", subject="require_self",
         benign=r"\b(?:day\s+off|lie[-\s]in|alarm|weekend|holiday|early|noon|knackered|exhausted"
                r"|earplugs|blackout|baby|kids?)\b", negatable=False),
    _cue("tried_to_end", "self_risk",
         r"\b(?:tried|try|trying|attempted|attempting)\s+to\s+(?:od|overdose|end\s+(?:it|things"
         r"|it\s+all|everything)|hang\s+@MYSELF@)\b(?!\s+(?:with|between|off|early|for|there|on"
         r"|properly|amicably|nicely|politely|gracefully|once|so)\b)",
         "tried try attempt",
         benign=r"\b(?:him|relationship|boyfriend|girlfriend|partner|husband|wife|marriage"
                r"|affair|friendship|talk\w*\s+me\s+round|dating|argument|conversation|call"
                r"|meeting|game|match|contract|job|lease|tenancy|patients?|clients?|callers?"
                r"|service\s+users?|paramedic)\b"),
    # 4. Past self-harm or an attempt, mentioned in passing.
    _cue("old_scars", "history",
         r"\b(?:old|faded|white|silver|self[-\s]?harm|sh|cutting)\s+(?:\w+\s+)?(?:scars|scar\s+lines"
         r"|cuts)\b|\bscars\s+(?:on|across|along|up|down|over)\s+my\s+@BODY@|\b(?:my|the)\s+scars\b"
         r"(?=\s*(?:[.,;!?]|$|\b(?:are|were|show\w*|itch\w*|still|from\s+(?:when|years|back|school"
         r"|uni|my\s+teens|the\s+cutting|self)|under|beneath|and|again|remind\w*)\b))"
         r"|\b(?:cover\w*|hid\w*|hiding|hidden|trac\w*|show\w*|saw|see|noticed|asked\s+about)\s+"
         r"(?:my|the)\s+scars\b|\b(?:still\s+)?(?:got|have|has)\s+(?:the\s+)?scars\b"
         r"|\b(?:the\s+|my\s+|old\s+)?(?:cuts|burns)\s+(?:on|across|up|down|along)\s+my\s+@BODY@"
         r"|\b(?:cuts|burns)\s+(?:from|since)\s+(?:last\s+\w+|years\s+ago|when\s+i|school|uni"
         r"|back\s+then)\b|\bmy\s+@BODY@\s+(?:is|are)\s+(?:\w+\s+)?covered\s+in\s+(?:\w+\s+)?"
         r"(?:cuts|burns|scars)\b",
         "scar cuts burns",
         negatable=False, accident_prone=True, benign=_BENIGN_SCARS),
    _cue("fresh_cuts", "self_risk",
         r"\b(?:fresh|new)\s+(?:cuts|burns)\s+(?:on|across|up|down|along)\s+my\s+@BODY@"
         r"|\bmy\s+@BODY@\s+(?:is|are)\s+(?:all\s+)?covered\s+in\s+(?:fresh|new)\s+(?:cuts|burns)\b",
         "cuts burns", subject="require_self", accident_prone=True, benign=_BENIGN_SCARS),
    _cue("overdose_before", "history",
         # (Three spaces before it: a death masked out, "died of an overdose".)
         r"(?<!\s\s\s)\b(?:my|the|that|an?|first|second|last)\s+(?:(?:first|second|third|last"
         r"|previous|own|\w+)\s+)?overdose\b(?!\s+(?:of|on|scene|storyline|plot|awareness"
         r"|prevention|kit|training|reversal|figures|rates?|deaths?|crisis|call|patients?|case|victims?"
         r"|job)\b)|\boverdose\s*,?\s*"
         r"(?:in\s+|back\s+in\s+)?(?:19|20)\d\d\b|\bafter\s+(?:an?\s+|my\s+|the\s+)?(?-i:OD)\b",
         "overdose od$",
         negatable=False, topic_prone=True, benign=_BENIGN_OD),
    _cue("hospital_after", "history",
         r"\b(?:hospital|ward|a\s*&\s*e|icu|intensive\s+care|resus|sectioned)\b[^.!?]{0,60}?\bafter\s+"
         r"(?:(?:the|my|those|all\s+the)\s+(?:pills|tablets)\b|i\s+took\s+(?:the\s+|some\s+|all\s+"
         r"the\s+)?(?:too\s+many|pills|tablets)\b|(?:an?|the|my)\s+(?:\w+\s+)?attempt\b|i\s+tried\b)"
         r"|\bafter\s+(?:the|my)\s+(?:pills|tablets)\b[^.!?]{0,40}?\b(?:hospital|ward)\b",
         "after", negatable=False,
         accident_prone=True,
         benign=r"\b(?:react\w*|interact\w*|allerg\w*|side[-\s]effects?|mix[-\s]?up|wrong\s+"
                r"(?:dose|pills|tablets))\b"),
    _cue("attempt_before", "history",
         r"\b(?:after|since|before|anniversary\s+of|survivor\s+of|survived|about|had|my)\s+"
         r"(?:an?\s+|the\s+|my\s+|that\s+|\d+\s+|two\s+|three\s+)?(?:(?:first|second|third|2nd|3rd"
         r"|last|previous|suicide|own)\s+)?attempts?\b(?!\s+(?:at|to|on|in)\s+(?!" + _AGE + r"\b))",
         "attempt", negatable=False,
         topic_prone=True,
         benign=_BENIGN_ATTEMPT),
)
# fmt: on
