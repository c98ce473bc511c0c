"""Language detectors: offensive, equality (hate), allegations and grooming-risk wording."""

from . import allegation, equality, grooming, offensive

FACTORIES = [offensive.factory, equality.factory, allegation.factory, grooming.factory]
