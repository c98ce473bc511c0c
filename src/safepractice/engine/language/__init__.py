"""Language detectors: offensive, equality (hate), allegations, grooming-risk and confidential
matters, judged by the fine-tuned model with the rules around it (``judged``)."""

from . import allegation, equality, grooming, judged, offensive

# The rules alone, as they were before the model (evaluation compares the two).
RULE_FACTORIES = [offensive.factory, equality.factory, allegation.factory, grooming.factory]
FACTORIES = [judged.factory]
