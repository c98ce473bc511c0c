"""The registry of detectors, in the order they run."""

from ..detector import DetectorFactory
from ..language import FACTORIES as LANGUAGE_FACTORIES

FACTORIES: list[DetectorFactory] = [
    *LANGUAGE_FACTORIES,
]
