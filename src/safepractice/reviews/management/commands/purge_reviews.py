from django.core.management.base import BaseCommand

from safepractice.reviews.services import purge_expired_reviews, recover_interrupted_reviews
from safepractice.web import uploads


class Command(BaseCommand):
    help = ("Delete social media reviews past their retention period, fail reviews a crash "
            "left unfinished, and sweep uploads left in the upload folders (run daily).")

    def handle(self, *args, **options) -> None:
        count = purge_expired_reviews()  # also review uploads over a day old
        self.stdout.write(f"Deleted {count} expired review(s).")
        # Only the time bounds here: workers and web requests may be running.
        interrupted = recover_interrupted_reviews(running_is_interrupted=False)
        self.stdout.write(f"Failed {interrupted} interrupted review(s).")
        swept = uploads.sweep()
        self.stdout.write(f"Removed {swept} file(s) left in the upload folder.")
