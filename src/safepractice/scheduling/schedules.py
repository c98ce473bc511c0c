"""When a periodic job is due: the latest slot at or before now, and the one after it.

A slot is the moment a run belongs to, not when it ran: a scheduler that was stopped over a
slot queues that run when it starts again, and only the latest one (a day's missed sweeps
make one sweep, not 288).
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from safepractice.web.formatting import count_text


@dataclass(frozen=True)
class Every:
    """At each whole multiple of ``period`` since midnight UTC (``period`` divides a day)."""

    period: datetime.timedelta

    def __post_init__(self) -> None:
        seconds = self.period.total_seconds()
        if seconds <= 0 or 86400 % seconds:
            raise ValueError(f"{self.period} does not divide a day.")

    def slot(self, now: datetime.datetime) -> datetime.datetime:
        step = int(self.period.total_seconds())
        stamp = int(now.timestamp())
        return datetime.datetime.fromtimestamp(stamp - stamp % step, tz=datetime.UTC)

    def following(self, slot: datetime.datetime) -> datetime.datetime:
        return slot + self.period

    def __str__(self) -> str:
        minutes = int(self.period.total_seconds() // 60)
        return "hourly" if minutes == 60 else f"every {count_text(minutes, 'minute')}"


WEEKDAYS = frozenset(range(5))  # Monday to Friday
EVERY_DAY = frozenset(range(7))


@dataclass(frozen=True)
class Daily:
    """At ``at``, local time (``TIME_ZONE``), on each of ``days`` (0 is Monday). Keep clear of
    01:00–02:00, which a clock change skips or repeats in the United Kingdom."""

    at: datetime.time
    days: frozenset[int] = EVERY_DAY

    def _on(self, day: datetime.date) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(day, self.at))

    def slot(self, now: datetime.datetime) -> datetime.datetime:
        day = timezone.localdate(now)
        for back in range(8):
            candidate = day - datetime.timedelta(days=back)
            if candidate.weekday() in self.days and self._on(candidate) <= now:
                return self._on(candidate)
        raise ValueError("A daily schedule needs at least one day.")

    def following(self, slot: datetime.datetime) -> datetime.datetime:
        day = timezone.localdate(slot)
        for ahead in range(1, 8):
            candidate = day + datetime.timedelta(days=ahead)
            if candidate.weekday() in self.days:
                return self._on(candidate)
        raise ValueError("A daily schedule needs at least one day.")

    def __str__(self) -> str:
        on = {EVERY_DAY: "", WEEKDAYS: " on weekdays"}.get(self.days, f" on {sorted(self.days)}")
        return f"daily at {self.at:%H:%M}{on}"


Schedule = Every | Daily
