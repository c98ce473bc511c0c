"""Grooming-risk wording in a direct message to a pupil: secrecy, private channels,
requests for personal information or photos, meeting outside school, gifts and special
favour, comments on appearance, and out-of-hours intimacy."""

import re
from collections.abc import Iterator

from ..catalogue import make_finding
from ..content import Content, ContentKind, Recipient
from ..context import SchoolContext
from ..findings import Finding
from ..text import NOT_A_PHONE
from .common import original
from .text import normalise

RULE = "communication.grooming-risk"
_YOU = r"(?:you|u|ya)"
_YOUR = r"(?:your|ur|yer)"
_PLATFORMS = (
    r"(?:snapchat|snap|instagram|insta|whatsapp|tiktok|facebook|fb|discord|kik|telegram|"
    r"messenger|twitter|x)"
)

PATTERNS: dict[str, str] = {
    "secrecy": rf"don'?t\s+tell\s+(?:{_YOUR}\s+)?(?:mum|mam|mom|dad|parents|family|nan|carer|"
    rf"(?:anyone|anybody)(?!\s+{_YOUR}\s+(?:password|pin|log-?in|passcode))|teachers?|friends|"
    rf"the\s+school|the\s+others|the\s+rest\s+of\s+the\s+class)|"
    rf"don'?t\s+(?:mention|say\s+anything\s+about)\s+(?:it|this|that|us)\s+(?:at|to|in)\b|"
    rf"don'?t\s+let\s+{_YOUR}\s+(?:mum|mam|mom|dad|parents|family|nan|friends|teachers?)\s+"
    rf"(?:see|know|find\s+out|read)|"
    rf"no\s+need\s+to\s+tell\s+(?:{_YOUR}\s+)?(?:mum|mam|mom|dad|parents|family|anyone|anybody)|"
    rf"{_YOUR}\s+(?:mum|mam|mom|dad|parents|family)(?:\s+and\s+(?:mum|dad))?\s+(?:don'?t|do\s+not|"
    rf"doesn'?t|does\s+not)\s+need\s+to\s+know|"
    rf"(?:stays?|is)\s+between\s+(?:me\s+and\s+{_YOU}|{_YOU}\s+and\s+me|us)|"
    rf"keep\s+(?:our|these|this|the|my)\s+(?:chats?|messages?|texts?|convos?|conversations?)\s+"
    rf"(?:secret|private|quiet|between)|disappearing\s+messages|"
    rf"(?:it'?s|its|this\s+is)\s+our\s+(?:little\s+)?(?:thing|secret)|(?:our|a|little)\s+(?:little\s+)?secret|"
    rf"keep\s+(?:this|it|that)\s+(?:between\s+us|to\s+yourself|secret|quiet|private)|"
    rf"between\s+{_YOU}\s+and\s+me|just\s+between\s+us|no\s*(?:one|body)\s+(?:needs|has)\s+to\s+know|"
    rf"delete\s+(?:this|these|the|our|my)\s+(?:messages?|chats?|texts?|convo)|"
    rf"don'?t\s+show\s+(?:this|anyone|{_YOUR})",
    "moving to a private channel": rf"(?:add|follow|message|msg|dm|text|snap|find)\s+me\s+on\s+"
    rf"{_PLATFORMS}|"
    rf"my\s+(?:personal|private|own|home)\s+(?:number|phone|mobile|email|e-mail|account)|"
    rf"(?:here'?s|this\s+is)\s+my\s+(?:number|mobile|snap|insta)|my\s+(?:number|mobile)\s+is|"
    rf"(?:text|call|ring|whatsapp|message)\s+me\s+(?:on|at|tonight|later|anytime|any\s+time)|"
    rf"private\s+(?:chat|message|account)|move\s+(?:this|to)\s+(?:to\s+)?{_PLATFORMS}|"
    rf"(?:text|message|msg|call|ring)\s+me\s+when\s+{_YOUR}\s+(?:mum|mam|mom|dad|parents)"
    rf"(?:'s|\s+has|\s+have|\s+are|\s+is)?\s+(?:gone\s+to\s+bed|asleep|out|gone\s+out|at\s+work)",
    "request for personal information or photos": rf"(?:what'?s|whats|what\s+is|send\s+me|"
    rf"give\s+me|tell\s+me)\s+{_YOUR}\s+"
    rf"(?:home\s+)?(?:address|number{NOT_A_PHONE}|phone\s+number|"
    rf"mobile|snap(?:chat)?|insta(?:gram)?|email|password|postcode)|where\s+do\s+{_YOU}\s+live|(?:are|r)\s+{_YOU}\s+(?:home\s+)?alone|"
    rf"(?:are|r|is)\s+{_YOUR}\s+(?:parents|mum|mam|mom|dad)\s+(?:home|out|in|away|at\s+work)|"
    rf"(?:are|r)\s+{_YOU}\s+on\s+{_YOUR}\s+own|what\s+are\s+{_YOU}\s+\w+ing\s+in\s+bed|who\s+do\s+{_YOU}\s+live\s+with|"
    rf"send\s+(?:me\s+)?(?:a\s+|some\s+|another\s+)?(?:pic|pics|photo|photos|picture|pictures|"
    rf"selfie|selfies|video|vid)(?!\s+of\s+(?:{_YOUR}\s+)?(?:homework|work|project|model|poster))|"
    rf"(?:pic|photo|picture|selfie)\s+of\s+(?:{_YOU}|yourself)(?!\w)|what\s+are\s+{_YOU}\s+wearing|"
    rf"show\s+me\s+(?:yourself|{_YOUR}\s+(?:body|legs|outfit))",
    "arranging to meet outside school": rf"meet\s+(?:me|up)\b[^.!?]{{0,40}}?"
    rf"(?:weekend|saturday|sunday|tonight|"
    rf"park|town|cinema|shops|mcdonalds|my\s+house|my\s+place|my\s+car|my\s+flat|outside\s+school|"
    rf"alone|on\s+{_YOUR}\s+own|without)|(?:i'?ll|i\s+can|i\s+could|shall\s+i|let\s+me)\s+"
    rf"(?:pick\s+{_YOU}\s+up|give\s+{_YOU}\s+a\s+lift|drive\s+{_YOU}|come\s+round|come\s+over)|"
    rf"come\s+(?:round|over)\s+to\s+my|(?:come\s+to|visit)\s+my\s+(?:house|home|flat)|"
    rf"just\s+(?:the\s+)?two\s+of\s+us|hang\s+out\s+(?:with\s+me|together|sometime)|"
    rf"sneak\s+out|(?:wanna|want\s+to|fancy|shall\s+we|we\s+could|let'?s)\s+hang\s+out|"
    rf"just\s+(?:us|me\s+and\s+{_YOU}|{_YOU}\s+and\s+me)(?:\s+two)?(?!\w)|"
    rf"come\s+(?:round|over)\s+(?:to\s+)?mine|"
    rf"meet\s+(?:me|up)\s+(?:at|by|in|near|outside|round|behind)(?=\s+(?!(?:the\s+)?(?:school\s+)?"
    rf"(?:office|reception|gates?|hall|classroom|library|staffroom|front\s+desk|playground|"
    rf"field|minibus|coach|register)\b))|"
    rf"(?:come|meet|see\s+me)\b[^.!?]{{0,40}}?on\s+{_YOUR}\s+own",
    "gifts and special favour": rf"(?:i'?ll|i\s+will|let\s+me|i\s+want\s+to|i'?m\s+going\s+to)\s+"
    rf"(?:buy|get)\s+{_YOU}\s+(?:a|an|some|something|anything|whatever)|"
    rf"(?:a\s+|little\s+)?(?:present|gift|treat)\s+(?:just\s+)?for\s+{_YOU}|"
    rf"{_YOU}(?:'?re|\s+are)\s+my\s+(?:favourite|favorite|special)|"
    rf"{_YOU}(?:'?re|\s+are)\s+(?:so\s+|really\s+|very\s+)?special\s+to\s+me|"
    rf"special\s+(?:friend|girl|boy|one)|more\s+mature\s+than|"
    rf"mature\s+for\s+{_YOUR}\s+age|{_YOU}(?:'?re|\s+are)\s+my\s+f\w{{3,7}}ite|"
    rf"(?:the\s+)?only\s+one\s+who\s+(?:really\s+)?(?:gets|understands)\s+me|"
    rf"(?:the\s+)?others\s+(?:wouldn'?t|won'?t|don'?t|couldn'?t)\s+understand|"
    rf"wish\s+{_YOU}\s+(?:were|was)\s+(?:a\s+(?:bit|little|few\s+years)\s+|)older|"
    rf"i\s+(?:got|bought)\s+{_YOU}\s+(?:a|an|some)\s+(?:little\s+|nice\s+|special\s+)?"
    rf"(?:present|gift|something|treat)|"
    rf"nobody\s+understands\s+{_YOU}\s+like\s+i\s+do|"
    rf"i'?ll\s+give\s+{_YOU}\s+(?:money|cash|extra\s+marks|better\s+grades)",
    "comment on appearance": rf"{_YOU}(?:'?re|\s+(?:look|looked|looking|are|r))\s+"
    rf"(?:so\s+|really\s+|very\s+|well\s+)?"
    rf"(?:gorgeous|beautiful|pretty|hot|sexy|fit|stunning|cute|handsome|fine|peng)|"
    rf"nice\s+(?:body|legs|figure|bum)|(?:love|like)\s+(?:{_YOUR}|that)\s+(?:body|legs|figure|bum)|"
    rf"(?:beautiful|pretty|gorgeous|sexy)\s+(?:girl|boy)",
    "out-of-hours intimacy": rf"(?:miss|missing|love)\s+{_YOU}\b|"
    rf"(?:thinking|thought)\s+(?:about|of)\s+{_YOU}|"
    rf"(?:hey|hi|hiya|morning|night|ok|okay|safe|home)\s+(?:gorgeous|beautiful|sexy|sweetie|"
    rf"babe|princess|handsome)(?!\w)|"
    rf"can'?t\s+stop\s+thinking|(?:sweet\s+dreams|sleep\s+tight|night\s+night|goodnight)\s+"
    rf"(?:x+|babe|sweetie|gorgeous|darling|beautiful|sexy|hun)|"
    rf"(?:are|r)\s+{_YOU}\s+(?:in\s+bed|awake|still\s+up|up\s+late)|"
    rf"(?<!\w)(?:babe|baby\s+girl|sweetheart|darling|sexy)(?!\w)|(?<![\w])xx+(?![\w])",
}
# Said only to be refused: "I can't give out", "I'm not allowed to share".
_REFUSED = re.compile(
    r"(?:can'?t|cannot|can\s+not|won'?t|not\s+allowed\s+to|mustn'?t|shouldn'?t)\s+"
    r"(?:give|share|send|hand)(?:\s+out)?\s+(?:you\s+)?$"
)
_PRIVATE_CHANNEL = "moving to a private channel"
# A number or an email address right after "text me on", "my mobile is"...: the personal
# information detector reports the contact detail itself, once.
_GIVEN_CONTACT = re.compile(
    r"[^\n.!?]{0,40}?(?:\+?\(?\d[\d \t()-]{7,}\d"  # a phone number, not "at 7"
    r"|\S+@|[\w.+-]+\s*(?:[\[(]at[\])]|\bat\b)\s*[\w-]+\s*(?:\.|[\[(]?dot\b))",  # an email
    re.IGNORECASE,
)
_PATTERNS = [(name, re.compile(rf"(?<!\w)(?:{p})")) for name, p in PATTERNS.items()]
_KISSES = re.compile(r"[xX]+")
_LATE_HOURS = frozenset((22, 23, 0, 1, 2, 3, 4, 5))


class GroomingRiskDetector:
    name = "grooming-risk"
    kinds = frozenset({ContentKind.MESSAGE})

    def __init__(self, context: SchoolContext) -> None:
        self.context = context

    def detect(self, content: Content) -> Iterator[Finding]:
        if content.recipient != Recipient.PUPIL:
            return
        norm = normalise(content.text)
        found = list(self._matches(content, norm))
        # Kisses ("xx") alone read as intimacy; beside other wording they only add to it.
        kisses = [f for f in found if _KISSES.fullmatch(content.text[f.start : f.end])]
        yield from (f for f in found if f not in kisses or len(kisses) == len(found))
        if content.date is not None and content.date.hour in _LATE_HOURS and content.text.strip():
            yield self._finding(
                "out-of-hours intimacy", 0, 0,
                f"A message sent at {content.date:%H:%M}", 0.5,
            )

    def _matches(self, content: Content, norm) -> Iterator[Finding]:
        for pattern_name, pattern in _PATTERNS:
            for match in pattern.finditer(norm.text):
                if _REFUSED.search(norm.text, max(0, match.start() - 30), match.start()):
                    continue  # "I can't give out my own number, ask the office"
                o_start, o_end, said = original(norm, content.text, match.start(), match.end())
                if pattern_name == _PRIVATE_CHANNEL and _GIVEN_CONTACT.match(
                    content.text, o_end
                ):
                    continue  # "text me on 07700 900123": the number is reported as contact
                yield self._finding(pattern_name, o_start, o_end, f"'{said}'", 0.85)

    def _finding(self, pattern: str, start: int, end: int, what: str, confidence: float) -> Finding:
        return make_finding(
            RULE,
            start,
            end,
            confidence=confidence,
            explanation=(
                f"{what} to a pupil could be construed as grooming ({pattern}). The policy "
                "(Communication between pupils / schools staff) says communication with pupils "
                "must stay within clear professional boundaries, transparent and open to "
                "scrutiny, through school channels."
            ),
            suggestion="Do not send it. Keep messages to pupils about school work, through the "
            "school's own systems, and copy in parents or a colleague where appropriate.",
            replacement="",
            detail={"pattern": pattern},
        )


def factory(context: SchoolContext) -> GroomingRiskDetector:
    return GroomingRiskDetector(context)
