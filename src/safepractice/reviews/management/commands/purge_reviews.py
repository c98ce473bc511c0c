from django.core.management.base import BaseCommand

from safepractice.reviews.services import purge_expired_reviews


class Command(BaseCommand):
    help = "Delete social media reviews past their retention period (run daily)."

    def handle(self, *args, **options) -> None:
        count = purge_expired_reviews()
        self.stdout.write(f"Deleted {count} expired review(s).")
