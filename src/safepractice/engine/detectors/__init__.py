"""The registry of detectors, in the order they run."""

from ..detector import DetectorFactory

FACTORIES: list[DetectorFactory] = []
