import pytest

from safepractice.exports import read_items

from .archives import FIXTURES, zip_fixture


@pytest.fixture
def read_fixture(tmp_path):
    """Zip a fixture folder as the platform delivers it and read every item from it."""

    def read(name: str, **zip_options):
        platform, items, warnings = read_items(zip_fixture(name, tmp_path, **zip_options))
        return platform, items, warnings

    return read


@pytest.fixture
def fixture_file():
    return lambda *parts: FIXTURES.joinpath(*parts)
