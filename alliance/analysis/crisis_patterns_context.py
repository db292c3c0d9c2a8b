"""Context patterns of the crisis reader: negation, tense, hypotheticals, jokes, accidents,
bereavement, and the words that say who a sentence is about.

The engine (`alliance.analysis.crisis`) uses them to lower or clear what a cue found, and to
guard the classifier's hits; the cue tables themselves are `crisis_patterns*`.
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


CLAUSE_BREAK = re.compile(
    r"""[,;:()"]|\s[-–—]+\s|\b(?:but|although|though|because|cause|cos|while|whereas|yet|"""
    r"""which|and|or|so|then|until|after|before|since|except|unless)\b""",
    re.IGNORECASE,
)
TOKEN = re.compile(r"[A-Za-z][\w']*")
NEGATOR = re.compile(
    r"(?:not|no|never|nobody|nothing|without|cannot|neither|nor|hardly|\w+n't|dont|doesnt|didnt"
    r"|wont|wouldnt|cant|couldnt|isnt|wasnt|arent|havent|hasnt|shouldnt)",
    re.IGNORECASE,
)
# Words after which a negation no longer governs what follows ("I don't know why I want to
# die" still says "I want to die"), and words that undo it ("can't stop thinking about it").
NEGATION_ENDS = re.compile(
    r"(?:why|how|what|when|where|if|whether|that|tell|told|say|said|know\w*|knew|realis\w*"
    r"|realiz\w*|admit\w*|understand|sure|mean|meant)",
    re.IGNORECASE,
)
DOUBLE_NEGATION = re.compile(r"(?:stop|help)", re.IGNORECASE)
CLEAN_FROM = re.compile(r"\b(?:clean|free|sober)\s+(?:from|of)\s+$", re.IGNORECASE)
STOPPED = re.compile(r"\b(?:stopped|quit|quitting)\b", re.IGNORECASE)
HYPOTHETICAL = re.compile(r"\b(?:if|in\s+case|suppose|supposing|whether)\b", re.IGNORECASE)
# A screening question reported: "she asked if ...", "she asked the usual questions about ...",
# "the risk questions".
ASKED = re.compile(
    r"\bask(?:ed|s)?(?:,\s+[^,.!?]{1,40},)?\s+(?:me\s+|my\s+\w+\s+|every\s+\w+\s+)?(?:(?:straight"
    r"\s+out|outright|directly|point[-\s]blank|gently|again)\s+)?(?:if|whether|about)\b"
    r"|\bwent\s+through\s+(?:the|a|her|his|their)\s+(?:\w+\s+)?(?:checklist|questionnaire"
    r"|risk\s+assessment|screening|risk\s+questions)\b|\bask(?:ed|s)\s+(?:me\s+)?,?\s*['\"](?:do|did|have|are|were|any)\b"
    r"|\bask(?:ed|s)\s+(?:where|how|what|when)\b[^.!?]{0,60}?,\s+(?:and\s+)?whether\b"
    r"|\bchecked\s+in\s+(?:with\s+me\s+)?(?:today\s+|again\s+)?about\b"
    r"|\bquestions?\s+(?:about|on)\b|\bquestions?,?\s+(?:including|like|such\s+as)\s+(?:whether|if)\b"
    # A form or review with its items listed: "intake form: ever attempted suicide, no".
    r"|\b(?:intake|review|questionnaire|assessment|screening|checklist|form)\b[^.!?:]{0,15}:|\bask(?:ed|s|ing)?\s+(?:me\s+)?(?:the"
    r"|all\s+the|her|his|their|some)\s+(?:\w+\s+){0,3}?questions?\b"
    r"|\b(?:risk|screening|safety)\s+questions?\b",
    re.IGNORECASE,
)
DENIED = re.compile(
    r"\b(?:said|say|answered|replied|told\s+(?:her|him|them))\s+(?:that\s+)?(?:no|never|none"
    r"|i\s+hadn't|i\s+haven't|i\s+don't|i\s+wasn't|i'm\s+not|i've\s+never|i\s+have\s+never"
    r"|i\s+never|i'd\s+never)\b|\bno,\s+never\b|\bthe\s+answer\s+(?:is|was)\s+no\b"
    r"|\bsaid\s+(?:that\s+)?i\s+didn't\s+(?:think\s+i\s+)?need(?:ed)?\s+(?:one|it)\b"
    # An item answered on a form: "ever attempted suicide, no;", "...: no."
    r"|[:?]\s*(?:no|nope|never|none)\s*(?:[.,;!]|$)|,\s*no\s*[;.]|\bi\s+(?:honestly|truly|really)\s+(?:haven't"
    r"|hadn't|don't)\s*(?:[.!]|$)|\bi\s+(?:ticked|circled|put|chose|marked|clicked|tapped)\s+['\"]?"
    r"(?:not\s+at\s+all|never|none|no)\b['\"]?\s*(?:[.!;]|$)",
    re.IGNORECASE,
)
# The answer in the sentence after the question: "I said no." / "I haven't."
DENIED_NEXT = re.compile(
    r"\s*(?:i\s+(?:said|answered|replied|told\s+(?:her|him|them))\s+(?:that\s+)?(?:no|never|none"
    r"|i\s+haven't|i\s+hadn't|i\s+don't|i've\s+never)\b|(?:no|nope),?\s+(?:never|none|i\s+haven't)"
    r"\b|i\s+(?:honestly\s+|really\s+)?haven't\s*[.!]?\s*$"
    r"|(?:he|she|they)\s+said\s+no\b|when\s+[^,.!?]{1,30},\s*i\s+said\s+no\b"
    r"|(?:(?:honestly|genuinely|truly)\s+)?(?:no|nope)(?:\s*,\s*no)*\s*(?:[,.!;]|and\s+no\b)"
    r"(?![^.!?]*\bbut\b)|(?:zero|none)(?:\s+again)?\s*[,.!]"
    r"|(?:both|all\s+(?:of\s+them\s+)?|each)\s+(?:no|never|none)\s*[.!;](?![^.!?]*\bbut\b)"
    r"|(?:i\s+)?(?:ticked|circled|scored|put|chose|marked|clicked|tapped)\s+['\"]?(?:not\s+at\s+all"
    r"|zero|0|none|never|no)\b|[^.!?]{0,60}\bi(?:'ve|\s+have)\s+never\s+(?:done\s+(?:it|that)"
    r"|self[-\s]?harmed|hurt\s+myself)\b|i\s+told\s+(?:her|him|them)\s+[^.!?]{0,40}\bnot\s+"
    r"(?:that|mine|me)\s*[.!]?\s*$)",
    re.IGNORECASE,
)
# "no thoughts of ..." right before a cue, answering a screening question in the sentence.
NO_THOUGHTS = re.compile(
    r"\bno\s+(?:\w+\s+)?(?:thoughts?|plans?|urges?|intentions?)\s+(?:of|about|to)\s+$",
    re.IGNORECASE,
)
# "I told the nurse I've never self-harmed": a denial to a clinician, right before the cue;
# also "told the new doctor honestly that I've never had thoughts of ...".
TOLD_NEVER = re.compile(
    r"\b(?:told|tell|assured|reassured)\s+(?:the|my)\s+(?:new\s+|usual\s+|locum\s+|duty\s+)?"
    r"(?:nurse|doctor|gp|therapist|counsell?or|psychiatrist|psychologist|social\s+worker"
    r"|key\s?worker)\s+(?:(?:honestly|truthfully)\s+)?(?:that\s+)?(?:i've|i\s+have|i'd|i\s+had"
    r"|i)\s+never\s+(?:had\s+(?:any\s+)?(?:thoughts?|urges?)\s+(?:of|about)\s+)?$",
    re.IGNORECASE,
)
# A denial the clinician "believed" reads as concealment unless the writer says it was honest.
BELIEVED = re.compile(r"\b(?:believed\s+me|bought\s+it|fell\s+for\s+it)\b", re.IGNORECASE)
HONEST = re.compile(r"\b(?:honest\w*|truthful\w*|the\s+truth)\b", re.IGNORECASE)
# "I said no to the self-harm question": the item named by the cue, answered no.
ITEM_DENIED = re.compile(
    r"\b(?:said|answered|ticked|circled|put|replied)\s+(?:no|never|none|zero|['\"]?not\s+at\s+all"
    r"['\"]?)\s+(?:to|on|for)\s+(?:the|that|each|every)\s+$",
    re.IGNORECASE,
)
QUESTION_AFTER = re.compile(r"[\s-]*(?:questions?|items?)\b", re.IGNORECASE)
# The answer opening its own sentence after a screening question in one of the two sentences
# before: "Dr Kaur asked the risk questions. No thoughts of hurting myself, ...", "... went
# through the checklist. No, I'm not thinking about hurting myself." The denial must stand
# right before the cue ("No, I'm not safe, I want to die" is no answer).
ANSWER_OPENS = re.compile(r"^\W*(?:(?:honestly|genuinely|truly)\s*,?\s*)?no\b", re.IGNORECASE)
ANSWER_LEAD = re.compile(
    r"\b(?:i'm|i\s+am)\s+not\s+(?:thinking\s+(?:about|of)|planning\s+(?:to|on)|going\s+to)\s+$"
    r"|\bi\s+(?:don't|do\s+not|haven't|have\s+not)\s+(?:had|have|got)\s+(?:any\s+)?(?:thoughts?"
    r"|urges?|plans?)\s+(?:of|about|to)\s+$",
    re.IGNORECASE,
)
# The denial is not to be believed: "I said no, but I lied".
LIED = re.compile(
    r"\b(?:lied|lie|lying|(?:wasn't|isn't|not)\s+(?:true|honest)|pretend\w*|but\s+i\s+(?:have"
    r"|had|do|am|was|did)\b|yes)\b",
    re.IGNORECASE,
)
# "I'd kill myself if I had to sit through that again": a conditional after a modal.
MODAL = re.compile(r"\b(?:i'd|id|would|could)\b", re.IGNORECASE)

DISTANT_PAST = re.compile(
    r"\b(?:used\s+to|when\s+i\s+was|(?:years?|months|ages)\s+ago|(?:a\s+)?long\s+time\s+ago"
    r"|long\s+ago|back\s+(?:then|in|when)|as\s+a\s+(?:kid|child|teen\w*|student|young\s+\w+)"
    r"|in\s+my\s+(?:teens|twenties|youth|\w+\s+year)|in\s+(?:high|secondary|middle|primary)"
    r"\s+school|at\s+uni(?:versity)?\b|last\s+year|in\s+the\s+past|after\s+my\s+\w+\s+was\s+born"
    r"|no\s+longer|in\s+recovery|(?:that|this|it)\s+was\s+(?:a\s+long\s+time|years|ages)"
    r"|(?:19|20)\d\d|\w+\s+(?:years?|months?)\s+(?:clean|free|sober)|history\s+of"
    r"|at\s+(?:age\s+)?\d{1,2}(?![:.]\d|\s*(?:am|pm|o'?clock|tonight|today|tomorrow|this|on)\b)"
    r"|aged\s+\d{1,2}|when\s+i\s+was\s+(?:younger|little|small))\b",
    re.IGNORECASE,
)
PRESENT = re.compile(
    r"\b(?:i'm|im|i\s+am|i've\s+been|ive\s+been|i\s+have\s+been|i\s+keep|keep|i\s+can't\s+stop"
    r"|now|again|tonight|today|right\s+now|lately|recently|these\s+days|this\s+(?:week|morning"
    r"|afternoon|evening|month|weekend)|last\s+night|yesterday|an?\s+(?:few\s+)?(?:hours?"
    r"|minutes?)\s+ago|every\s+day|currently|still)\b",
    re.IGNORECASE,
)
REVIVAL = re.compile(
    r"\b(?:again\s+now|now\s+again|(?:it's|it\s+is|they're|they\s+are)\s+back|coming\s+back"
    r"|(?:thinking|thought)\s+about\s+it\s+again|started\s+again)\b",
    re.IGNORECASE,
)
DETERMINERS = words("the a an my these those his her their")
PERFECT = words("i've ive have has we've they've he's she's")
PAST_VERB = re.compile(r"(?:wanted|was|were|had|thought|felt|considered)", re.IGNORECASE)
RECENT = re.compile(
    r"\b(?:today|tonight|last\s+night|yesterday|this\s+(?:morning|afternoon|evening|week"
    r"|weekend)|(?:at|over)\s+the\s+weekend|an?\s+(?:few\s+)?(?:hours?|minutes?)\s+ago"
    r"|just\s+now|again|all\s+day|earlier|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.IGNORECASE,
)

JOKE = re.compile(
    r"\b(?:ha(?:ha)+|hah|lol|lmao|lmfao|rofl|jk|kidding|joking|jokes|joked)\b|[😂🤣😅😆🙃😜😝💀]"
    r"|\b(?:was|were)\s+(?:laughing|joking|kidding|grinning)\b"
    r"|[:;]-?[)pPD](?!\w)",
    re.IGNORECASE,
)
SERIOUS = re.compile(
    r"\bnot\s+(?:even\s+)?(?:joking|kidding)\b|\bi\s+mean\s+it\b|\bseriously\b|\bno\s+joke\b"
    r"|\bfor\s+real\b|\bi'm\s+serious\b|\bgenuinely\b",
    re.I,
)
# Idioms that a joke marker or an embarrassment clears outright ("lmao kms this exam",
# "so embarrassing i wanna die lol"), matched against the whole cue match.
JOKE_IDIOM = re.compile(
    r"kms|sewer\s?slide|top\w*\s+my\s?self|(?:want(?:s|ed)?|wanna)\s+(?:to\s+)?(?:just\s+)?die",
    re.IGNORECASE,
)
# The marks of a joke, not the word: "the sewerslide jokes ... hit different now" is no joke.
JOKE_MARK = re.compile(
    r"\b(?:ha(?:ha)+|hah|lol|lmao|lmfao|rofl|jk)\b|[😂🤣😅😆🙃😜😝💀]|[:;]-?[)pPD](?!\w)", re.I
)
EMBARRASSED = re.compile(
    r"\bso+\s+(?:\w+\s+)?(?:embarrass\w*|mortif\w*|cringe\w*|awkward)\s+(?:that\s+)?i\s+$",
    re.IGNORECASE,
)
# Anger idioms about a person with a petty grievance in the same sentence ("I'm going to kill
# my brother, he ate my leftovers"), unless the sentence also speaks of violence or a weapon.
PETTY = re.compile(
    r"\b(?:ate|eaten|eats|finished|nicked|pinched|stole|drank|used)\s+(?:all\s+)?(?:my|the\s+last)"
    r"\s+(?:\w+\s+)?(?:leftovers|cake|chocolate|biscuits?|crisps|chips|snacks?|sandwich|lunch"
    r"|dinner|pizza|yogh?urt|ice\s+cream|milk|coffee|sweets|charger|shampoo)\b|\b(?:socks"
    r"|dishes|washing[-\s]up|laundry|toilet\s+seat|the\s+remote|spoil\w*|spoilers?|finale"
    r"|powerpoints?|group\s+chat|without\s+asking|parking\s+ticket)\b|\bborrow\w*\s+(?:my|the\s+car)\b"
    r"|\bdent\w*\s+(?:my|his|her|their|the)\s+car\b|\btold\s+(?:every(?:one|body)|people)\s+about\s+my\s+"
    r"(?:date|crush|birthday|surprise)\b"
    # Household grievances: "he took the last biscuit", "leaves the pan in the sink again",
    # "finished the hot water", "forgot to record the match".
    r"|\b(?:took|takes|taken|hogg\w*)\s+(?:all\s+)?(?:my|the\s+last)\s+(?:\w+\s+)?(?:biscuits?"
    r"|cake|chocolate|crisps|chips|slice|sandwich|yogh?urt|milk|coffee|sweets|charger|seat"
    r"|parking\s+space|hot\s+water|bed|duvet)\b|\bfinish\w*\s+the\s+hot\s+water\b"
    r"|\b(?:in|by)\s+the\s+sink\b|\bforg[oe]t\w*\s+to\s+(?:record|tape|buy|get|pick\s+up|feed"
    r"|put\s+the\s+bins|take\s+the\s+bins)\b",
    re.IGNORECASE,
)
# A relative's or friend's "kill me" over something trivial ("Mum said she'd kill me if I was
# late again", "Dad says he'll kill me if I scratch the car"): the speaker and the reason.
FAMILY_SPEAKER = re.compile(
    r"\b(?:mum|mom|mam|mother|dad|father|nan|nana|gran|granny|grandma|grandad|grandpa|auntie"
    r"|aunt|uncle|sister|brother|sis|bro|mate|best\s+friend|teacher|coach)\b",
    re.IGNORECASE,
)
FAMILY_TRIVIAL = re.compile(
    r"\bif\s+i\s+(?:was|were|am|'m|get|got|came|come|turn\w*\s+up|show\w*\s+up)\s+(?:home\s+)?"
    r"late\b|\bif\s+i\s+(?:\w+\s+)?(?:scratch\w*|dent\w*|broke|break|lose|lost|spill\w*|burn\w*"
    r"|forgot|forget|missed|miss|failed|fail|ruin\w*|stain\w*|crash\w*|chipp?\w*)\s+(?:the|her"
    r"|his|their|my|our|another|it)\b|\bif\s+i\s+(?:didn't|don't|do\s+not|did\s+not)\s+(?:eat"
    r"|tidy|clean|finish|do|call|ring|text|phone|come|visit)\b|\bif\s+i\s+(?:\w+\s+)?(?:told"
    r"|tell)\s+(?:dad|mum|mom|grandma|nan|anyone|any\s?one)\s+(?:about|what)\s+(?:the|her|his"
    r"|their|our)\s+(?:present|surprise|party|gift|plan\w*\s+for)\b",
    re.IGNORECASE,
)
# An exaggeration about the writer taken back at once: "I want to die. Not literally, obviously."
TAKEN_BACK = re.compile(
    r"\b(?:not|never)\s+(?:literally|actually)\b(?=\s*(?:[,.!;)]|$|obviously|of\s+course))"
    r"|\bfiguratively\b|\bfigure\s+of\s+speech\b"
    r"|\b(?:don't|didn't|do\s+not|did\s+not)\s+mean\s+(?:it\s+|that\s+)?literally\b",
    re.IGNORECASE,
)
TAKEN_BACK_NEXT = re.compile(
    r"\s*(?:(?:obviously|ok|okay|well|i\s+mean|haha|lol),?\s+)?(?:(?:obviously|ok|okay|well)\s+)?"
    r"(?:not\s+(?:literally|actually)(?=\s*(?:[,.!;)]|$|obviously|of\s+course))|figuratively|(?:i\s+)?(?:don't|didn't|do\s+not|did\s+not)\s+mean\s+"
    r"(?:it\s+|that\s+)?literally)\b",
    re.IGNORECASE,
)
# What keeps a taken-back exaggeration flagged: "Not literally, but some days ...".
STILL_MEANT = re.compile(
    r"\b(?:but|though|although)\s+(?:some|sometimes|part|maybe|also|still|i\s+(?:do|did|still"
    r"|have|kind\s+of|sort\s+of|really|honestly|might))\b|\b(?:part\s+of\s+me|some\s+days"
    r"|sometimes|maybe|wish|again|kind\s+of|sort\s+of)\b",
    re.IGNORECASE,
)
# A story's plot told: "In the book the main character ...", "In the last episode ...".
PLOT = re.compile(
    r"^\W*(?:so\s+|and\s+)?(?:in\s+(?:the|this|that|a|an|my\s+\w+'s|his|her)|the|this|that)\s+"
    r"(?:(?:new|last|latest|first|final|tv|video|radio|netflix|bbc)\s+)?(?:book|novel|film|movie|series|show|episode|play|story|comic"
    r"|manga|anime|game|sequel|season\s+\w+|finale|audiobook|drama|soap|musical|opera)\b"
    r"(?!\s+(?:club|group|shop|store|night)\b)",
    re.IGNORECASE,
)
VIOLENCE = re.compile(
    r"\b(?:knife|knives|gun|weapon|blade|hit|hits|hitting|beat|beats|beating|hurt\w*|abus\w*"
    r"|threaten\w*|scared|afraid|bruis\w*|baby|babies|newborn|infant)\b",
    re.IGNORECASE,
)
TRIVIAL_REASON = re.compile(r"\bfor\s+(?:\w+ing\b|always|never|not)", re.IGNORECASE)
ACCIDENT = re.compile(
    r"\b(?:accident\w*|by\s+mistake|shaving|cooking|chopping|slicing|baking|lifting|playing|gym"
    r"|skiing|fell|fall|tripped|slipped|sprain\w*|twisted|football|rugby|training|pruning"
    r"|gardening|weeding|brambles?|thorns?|rose\s+bush\w*|rusty|tetanus)\b",
    re.IGNORECASE,
)
ON_PURPOSE = re.compile(r"\b(?:on\s+purpose|deliberately|intentionally)\b", re.IGNORECASE)
# Scratching an insect bite "till it bled": an itch, not self-harm ("Scratching a mosquito bite
# till it bled"), unless a reason to hurt is given.
ITCH_SCRATCHED = re.compile(
    r"\bscratch\w*\s+(?:at\s+)?(?:a|an|my|the|this|that|these|those)\s+(?:\w+\s+)?(?:mosquito"
    r"|mozzie|midge|insect|bug|flea|gnat|horsefly|horse\s+fly|spider|ant|tick|bed\s?bug)\s+"
    r"bites?\s+$",
    re.IGNORECASE,
)
SELF_PUNISH = re.compile(
    r"\b(?:punish\w*|deserve\w*|feel\s+something|numb|release|again|urge)\b", re.IGNORECASE
)
# Getting even without violence, named right after the harm cue: "I want to hurt my ex by
# being wildly successful", "hit him where it hurts: cancelling our shared Netflix".
NONVIOLENT_MEANS = re.compile(
    r"\s+(?:by\s+(?:being\s+(?:\w+\s+)?(?:successful|happy|happier|fine|better|amazing|brilliant"
    r"|thriving|unbothered|kind|nice|polite|civil|gracious)|living\s+well|moving\s+on|never\s+"
    r"(?:calling|texting|replying|speaking|answering|contacting)|not\s+(?:calling|texting"
    r"|replying|speaking|answering|inviting)|ignoring|blocking|unfollowing|muting|thriving"
    r"|succeeding)\b|where\s+it\s+hurts\s*[:,-]+\s*(?:by\s+)?(?:cancell?ing|unsubscribing"
    r"|changing\s+the\s+(?:password|wi-?fi)|keeping\s+the|selling|suing|reporting|unfollowing"
    r"|blocking)\b|where\s+it\s+hurts\s*[:,-]*\s*(?:his|her|their)\s+(?:wallet|pocket|bank"
    r"|pride|ego)\b)",
    re.IGNORECASE,
)
# Past anger let go in the same sentence, with no weapon: "I was ready to hit somebody when
# the train got cancelled, but I just got a coffee".
ANGER_PAST_LEAD = re.compile(r"\b(?:was|were|felt)\s+(?:\w+\s+)?$", re.IGNORECASE)
ANGER_LET_GO = re.compile(
    r"\bbut\s+(?:obviously\s+|instead\s+)?i\s+(?:just|only|instead)\s+(?:got|had|made|grabbed"
    r"|went\s+for|glared|sighed|swore|counted|breathed|walked|rolled\s+my\s+eyes|muttered"
    r"|put\s+(?:on\s+)?my\s+headphones)\b",
    re.IGNORECASE,
)
# Who the anger was at, in the cue's match: nobody in particular ("hit somebody", "the wall").
ANYONE_TARGET = re.compile(r"\b(?:some|any|every)(?:body|one)$|\bthe\s+\w+$", re.IGNORECASE)
# The verbs of a threat a petty grievance can turn into an idiom ("I'll kill him, he ate ...").
KILL_VERB = re.compile(r"\b(?:kill|murder|strangle|throttle)\b", re.IGNORECASE)
# A "but" after a denial may take it back ("no thoughts of hurting myself, but ...").
BUT = re.compile(r"\bbut\b", re.IGNORECASE)
# A weapon or injury beside a look-alike keeps it flagged.
ARMED = re.compile(
    r"\b(?:knife|knives|gun|weapon|blade|bat|hammer|stab\w*|kill\w*|blood|bleed\w*|poison\w*"
    r"|petrol|fire)\b",
    re.IGNORECASE,
)
COMPLETED_VERB = re.compile(
    r"(?:killed|hanged|hung|shot|took|taken|ended|unalived|overdosed)", re.IGNORECASE
)
TRY_OR_INTEND = re.compile(
    r"(?:tried|trying|try|attempt\w*|threaten\w*|want\w*|going|gonna|plan\w*|would|\w+'d|will"
    r"|\w+'ll|talk\w*|said|says|saying|keeps?|kept|might|could|about|to|wish\w*|nearly|almost)",
    re.IGNORECASE,
)
# Someone else's risk told as over: "she's been free of self-harm for two years", "since she
# last hurt herself", "when we were teenagers"; not when it is back or feared.
RECOVERED = re.compile(
    r"\b(?:used\s+to|in\s+recovery|recovered|free\s+(?:of|from)|scars?|since\s+(?:he|she|they)"
    r"\s+last|(?:years?|months)\s+ago|when\s+we\s+were\s+(?:kids|children|teen\w*|young|little"
    r"|at\s+(?:school|uni))|back\s+then|at\s+uni)\b",
    re.IGNORECASE,
)
STILL_AT_RISK = re.compile(
    r"\b(?:again|still|relaps\w*|worried|worry|scared|afraid|lately|recently|this\s+week"
    r"|tonight|today|yesterday|started|fresh|new)\b",
    re.IGNORECASE,
)
# A name that opens the sentence as its subject: "Tia has been free of ...".
NAME_SUBJECT = re.compile(r"^\W*(?-i:[A-Z][a-z]+)\s+(?:has|had|is|was|used)\b")
BEREAVEMENT_LEAD = re.compile(r"(?:for|after|since|by|before|when)", re.IGNORECASE)


SELF_WORDS = words("i i'm im i've ive i'd i'll me my myself mine")
I_WORDS = words("i i'm im i've ive i'd i'll")
WE_WORDS = words("we we're we've we'd us our")
OTHER_WORDS = words(
    "he she they he's she's they're they've he'd she'd they'd his her hers him them their "
    "someone somebody anyone friend friends partner husband wife boyfriend girlfriend son "
    "daughter kid kids child children mum mom mother dad father brother sister cousin uncle "
    "aunt nan grandma grandmother grandfather grandpa roommate flatmate housemate student "
    "students client clients colleague coworker boss patient patients people teen teenager "
    "character man woman guy girl boy nurse doctor dentist vet surgeon"
)
NOT_NAMES = words(
    "I Dr Mr Mrs Ms Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February "
    "March April May June July August September October November December Christmas Easter "
    "God English"
)
# Words that may stand between "I" and a cue without hiding another subject ("I've even
# picked a place"), unlike "Someone I game with posted ...".
LINK_WORDS = words(
    "been just even already finally also actually have has had started keep kept am was "
    "really secretly quietly literally now then today going to gonna will probably"
)


# "passed" as a death ("since Dad passed"), not an exam or a feeling that passed ("she passed
# her test", "the urge passed", "it passed by the morning").
PASSED_AWAY = (
    r"(?<!urge\s)(?<!urges\s)(?<!thought\s)(?<!thoughts\s)(?<!feeling\s)(?<!feelings\s)"
    r"(?<!moment\s)(?<!mood\s)(?<!wave\s)(?<!panic\s)(?<!craving\s)(?<!it\s)(?<!exam\s)"
    r"(?<!test\s)passed\b(?!\s+(?:the|a|an|my|his|her|their|its|our|your|exams?|tests?|by"
    r"|through|over|quickly|slowly|eventually|after|around|round|out\s+(?:drunk|cold|at|on|in"
    r"|from)|in\s+(?:a|an|the\s+end)|with|without|me|him|them|it|on\s+(?:the|a|my|his|her"
    r"|their|it)\b)\b)"
)
# Someone else's death named in the sentence ("since Dad died", "my aunt killed herself"):
# grief, not risk, unless a cue says otherwise.
OTHER_DEATH = re.compile(
    r"\b(?:he|she|they|his|her|dad|mum|mom|father|mother|brother|sister|son|daughter|husband|wife"
    r"|partner|friend|uncle|aunt|cousin|nan|gran\w*|grandad|grandpa|grandma|baby|cat|dog)\b"
    r"[^.!?]{0,30}?\b(?:died|"
    + PASSED_AWAY
    + r"|killed\s+(?:him|her|them)sel(?:f|ves)|took\s+(?:his|her"
    r"|their)\s+own\s+life|hanged|overdosed|was\s+killed|funeral|grave)\b|\b(?:funeral|grave"
    r"|ashes|eulogy|memorial|bereave\w*|anniversary\s+of|lost\s+(?:my|our|her|his|a)\s+(?:\w+\s+){1,2}?to)\b",
    re.IGNORECASE,
)
