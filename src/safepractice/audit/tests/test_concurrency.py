import threading

import pytest
from django.db import connections

from safepractice.audit.models import AuditEntry
from safepractice.audit.services import record, verify_chain


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_one_unbroken_chain():
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            for index in range(20):
                record("concurrent", object_type="test", object_id=f"{worker}-{index}")
        except BaseException as error:  # reported below, not swallowed
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert AuditEntry.objects.count() == 80
    assert verify_chain().intact
