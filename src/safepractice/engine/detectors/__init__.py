"""The registry of detectors, in the order they run."""

from ..detector import DetectorFactory
from ..photo import photo_detector

FACTORIES: list[DetectorFactory] = [
    photo_detector,
]
