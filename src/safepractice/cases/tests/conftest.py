import pytest


@pytest.fixture(autouse=True)
def _own_evidence_folder(settings, tmp_path):
    # Row ids are reused between tests on SQLite, so each test gets its own vault folder.
    settings.CASES_EVIDENCE_DIR = str(tmp_path / "evidence")
