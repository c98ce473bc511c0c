"""Offensive and derogatory language: the linear model plus lexicons and rules.

The model finds abusive, insulting and profane language; the lexicons make sure plain
profanity and disguised spellings are not missed; the rules lower harmless idioms ("killing
it at sports day") and raise insults aimed at a person, which are worse than profanity.
"""

import re
from collections.abc import Iterator

from ..content import Content
from ..context import SchoolContext
from ..findings import Finding, Severity
from .common import SAFER_ONLINE, TEXT_KINDS, alternation, original
from .lexicons import BENIGN_PHRASES, INSULTS, PROFANITY, SLURS, TARGET_WORDS, WEAK_INSULTS
from .model import LinearModel, get_model
from .targets import target_pattern
from .text import model_word, normalise, tokens

RULE = "online-conduct.offensive"
# Without a word from the lexicons, the model alone must find offence more likely than not:
# its tuned threshold is lower, which suits tweets but over-flags school news.
MODEL_ONLY_FLOOR = 0.5
MILD = frozenset(("bloody", "damn", "sod", "sodding", "bugger", "buggered", "crap", "crappy",
                  "piss", "pissed", "feck"))
STRONG = (PROFANITY - MILD) | frozenset(SLURS)
_BENIGN = re.compile(r"(?<!\w)(?:" + alternation(BENIGN_PHRASES) + r")(?!\w)")
_MASKED = {
    word: re.compile("^" + "".join("[a-z*]" if c in "aeiou" else re.escape(c) for c in word))
    for word in STRONG
    if len(word) >= 4
}


_LEXICON_WORDS = PROFANITY | frozenset(SLURS) | frozenset(INSULTS)


def _masked_word(token: str) -> str | None:
    """The profanity a masked token stands for ("f*ck", "sh*t"), if any."""
    if "*" not in token:
        return None
    for word, pattern in _MASKED.items():
        if len(word) == len(token) and pattern.match(token):
            return word
    return None


class OffensiveDetector:
    name = "offensive"
    kinds = TEXT_KINDS

    def __init__(self, context: SchoolContext, model: LinearModel | None = None) -> None:
        self.model = model or get_model()
        self.targets = target_pattern(context)

    def detect(self, content: Content) -> Iterator[Finding]:
        norm = normalise(content.text)
        toks = tokens(norm)
        if not toks:
            return
        benign = {
            i
            for m in _BENIGN.finditer(norm.text)
            for i, (_, s, e) in enumerate(toks)
            if s >= m.start() and e <= m.end()
        }
        if benign:
            words = [model_word(t) for i, (t, _, _) in enumerate(toks) if i not in benign]
            kept = [i for i in range(len(toks)) if i not in benign]
        else:
            words = [model_word(t) for t, _, _ in toks]
            kept = list(range(len(toks)))
        probability, parts = self.model.contributions(words)
        hits: list[int] = []
        mild_only = True
        if "*" in norm.text or not _LEXICON_WORDS.isdisjoint([t for t, _, _ in toks]):
            candidates = enumerate(toks)
        else:
            candidates = iter(())  # only lexicon words and masked ones can be hits
        for i, (token, _, _) in candidates:
            if i in benign or (token not in _LEXICON_WORDS and "*" not in token):
                continue
            word = token if token in PROFANITY or token in SLURS else _masked_word(token)
            if word:
                hits.append(i)
                mild_only &= word in MILD
            elif token in INSULTS and (token not in WEAK_INSULTS or self._aimed(toks, i, norm)):
                hits.append(i)
                mild_only = False
        if not hits and probability < max(self.model.threshold, MODEL_ONLY_FLOOR):
            return
        lexical = bool(hits)
        if not hits:
            # The model alone: show the words that pushed the score most.
            ranked = sorted(zip(parts, kept, strict=True), reverse=True)
            top = ranked[0][0]
            hits = [i for part, i in ranked[:3] if part > 0 and part >= top / 2] or [kept[0]]
            mild_only = False
        aimed = any(self._aimed(toks, i, norm) for i in hits)
        confidence = max(probability, 0.6 if mild_only else 0.9) if lexical else probability
        if aimed:
            severity, how = Severity.BREACH, "an insult aimed at a person"
        elif mild_only:
            severity, how = Severity.ADVICE, "mild swearing"
        else:
            severity, how = Severity.RISK, "offensive or abusive language"
        lowered = " A harmless idiom was set aside (e.g. 'killing it')." if benign else ""
        for i in sorted(set(hits))[:5]:
            _, start, end = toks[i]
            o_start, o_end, said = original(norm, content.text, start, end)
            yield Finding(
                rule=RULE,
                topic="offensive",
                severity=severity,
                start=o_start,
                end=o_end,
                confidence=round(min(confidence, 0.99), 3),
                explanation=(
                    f"'{said}' reads as {how}. The policy (Safer online behaviour) says staff "
                    "must never post derogatory remarks or offensive comments online."
                    + (" Remarks aimed at a person are the most serious." if aimed else "")
                    + lowered
                ),
                suggestion="Remove or reword it; criticise ideas or events, never people.",
                section=SAFER_ONLINE,
                title="Offensive or derogatory language",
                replacement="",
                detail={"model_probability": round(probability, 3), "aimed": aimed},
            )

    def _aimed(self, toks: list[tuple[str, int, int]], index: int, norm) -> bool:
        """Is the word at ``index`` said of a person (you, @user, a name, a role)?"""
        window = toks[max(0, index - 4) : index + 3]
        if any(t in TARGET_WORDS or t.startswith("@") for t, _, _ in window):
            return True
        left = toks[max(0, index - 6)][1]
        right = toks[min(len(toks) - 1, index + 3)][2]
        return bool(self.targets.search(norm.text, left, right))


def factory(context: SchoolContext) -> OffensiveDetector:
    return OffensiveDetector(context)
