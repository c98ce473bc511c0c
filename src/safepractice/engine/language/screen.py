"""The first stage in front of the judgement model: a linear model over hashed n-grams
(pure Python, microseconds an item) that clears the items the transformer would clear, so
that batch work and archive reviews send only a small share on to it.

It was trained to predict the transformer's own calls (distillation) and its threshold set
for recall of those calls on the development sets (``train_judgement --screen``;
docs/models.md gives the share it sends on and the recall it costs).
"""

from .model import LinearModel, get_model
from .text import model_words

NAME = "screen"


def screen_words(kind: str, to: str | None, text: str) -> list[str]:
    """What the screen reads: a word for the kind and audience, then the text's words."""
    return [f"ctx:{kind.split(':', 1)[0]}:{to or '-'}", *model_words(text)]


class Screen:
    def __init__(self, model: LinearModel) -> None:
        self.model = model
        self.threshold = model.threshold

    def probability(self, kind: str, to: str | None, normalised_text: str) -> float:
        return self.model.probability(screen_words(kind, to, normalised_text))

    def passes(self, kind: str, to: str | None, normalised_text: str) -> bool:
        """Must the transformer read this item?"""
        return self.probability(kind, to, normalised_text) >= self.threshold


class ReadEverything:
    """No first stage: every item goes to the transformer (evaluation, and the web check
    of a single text, where the model's 20 ms is affordable)."""

    def passes(self, kind: str, to: str | None, normalised_text: str) -> bool:
        return True


def get_screen() -> Screen:
    return Screen(get_model(NAME))
