from django.core.management.base import BaseCommand

from safepractice.reviews.services import purge_expired_reviews, recover_interrupted_reviews


class Command(BaseCommand):
    help = ("Delete social media reviews past their retention period, and fail reviews a "
            "crash left unfinished (run daily).")

    def handle(self, *args, **options) -> None:
        count = purge_expired_reviews()
        self.stdout.write(f"Deleted {count} expired review(s).")
        # Only the time bound here: workers may be reading reviews while this runs.
        interrupted = recover_interrupted_reviews(running_is_interrupted=False)
        self.stdout.write(f"Failed {interrupted} interrupted review(s).")
