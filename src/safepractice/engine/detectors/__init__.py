"""The registry of detectors, in the order they run."""

from ..detector import DetectorFactory
from ..language import FACTORIES as LANGUAGE_FACTORIES
from ..photo import photo_detector
from . import connections, contact_requests, credentials, identification, people, personal

FACTORIES: list[DetectorFactory] = [
    personal.factory,
    identification.factory,
    people.factory,
    connections.factory,
    credentials.factory,
    contact_requests.factory,
    photo_detector,
    *LANGUAGE_FACTORIES,
]
