from django.core.management.base import BaseCommand

from safepractice.reviews.tasks import purge_reviews


class Command(BaseCommand):
    help = ("Delete social media reviews past their retention period, fail reviews a crash "
            "left unfinished, and sweep uploads left in the upload folders (the scheduler runs "
            "it daily).")

    def handle(self, *args, **options) -> None:
        result = purge_reviews.call()
        self.stdout.write(f"Deleted {result['deleted']} expired review(s).")
        self.stdout.write(f"Failed {result['interrupted']} interrupted review(s).")
        self.stdout.write(f"Removed {result['swept']} file(s) left in the upload folder.")
