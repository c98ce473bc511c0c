import pytest


@pytest.fixture(autouse=True)
def _checkpoint_file_per_test(settings, tmp_path):
    # Each test's log is rolled back afterwards; a checkpoint of it must not outlive it.
    settings.AUDIT_CHECKPOINT_FILE = tmp_path / "audit-checkpoints.jsonl"
