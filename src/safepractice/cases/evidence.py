"""Adding a file to a case: its row and its encrypted file, written together.

Used when a case is raised with files and by the ``add-evidence`` action; the forms hand over
``Upload``s, already checked by content and size.
"""

from dataclasses import dataclass

from django.db import transaction

from safepractice.schools.models import Membership

from . import vault
from .models import Case, EvidenceItem


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes
    description: str = ""


def store(case: Case, actor: Membership, upload: Upload,
          supersedes: EvidenceItem | None = None) -> EvidenceItem:
    kind = vault.check(upload.data)
    stored_name = EvidenceItem.new_stored_name()
    temporary = vault.write_temporary(case.school_id, stored_name, upload.data)
    final = vault.path_for(case.school_id, stored_name)
    try:
        with transaction.atomic():
            item = EvidenceItem.objects.create(
                case=case, stored_name=stored_name, original_name=upload.name[:255],
                content_type=kind.content_type, size=len(upload.data),
                sha256=vault.sha256(upload.data), description=upload.description[:300],
                added_by=actor, supersedes=supersedes,
            )
            vault.publish(temporary, final)
    except BaseException:
        vault.discard(temporary, final)
        raise
    return item
