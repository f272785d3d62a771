"""A Huey storage on the application's own database (``CAPUY_QUEUE_URL=db``, the default when
``CAPUY_DATABASE_URL`` is PostgreSQL): workers on several machines share the queue through
PostgreSQL, with no Redis. A worker takes a message with ``SELECT … FOR UPDATE SKIP LOCKED``
and deletes it in the same transaction, so two workers never take the same one (on SQLite
the write lock of ``BEGIN IMMEDIATE`` does the same). Results are off (the ``Job`` row keeps
them); the key-value part serves Huey's locks and revocations.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, close_old_connections, transaction
from huey.storage import BaseStorage

from capuy.jobs.models import QueueData, QueueMessage, QueueSchedule


def _bytes(value: Any) -> bytes:
    return bytes(value) if value is not None else b""


class DatabaseStorage(BaseStorage):
    blocking = False
    priority = True

    def enqueue(self, data: bytes, priority: int | None = None) -> None:
        QueueMessage.objects.create(queue=self.name, priority=priority or 0, data=data)

    def dequeue(self) -> bytes | None:
        close_old_connections()  # polled for ever: a broken or old connection is replaced
        waiting = QueueMessage.objects.filter(queue=self.name)
        if not waiting.exists():
            return None
        with transaction.atomic():
            row = (
                waiting.select_for_update(skip_locked=True)
                .order_by("-priority", "id")
                .values_list("id", "data")
                .first()
            )
            if row is None:
                return None
            if QueueMessage.objects.filter(pk=row[0]).delete()[0] != 1:
                return None
            return _bytes(row[1])

    def queue_size(self) -> int:
        return QueueMessage.objects.filter(queue=self.name).count()

    def enqueued_items(self, limit: int | None = None) -> list[bytes]:
        rows = QueueMessage.objects.filter(queue=self.name).order_by("-priority", "id")
        data = rows.values_list("data", flat=True)
        return [_bytes(d) for d in (data[:limit] if limit else data)]

    def flush_queue(self) -> None:
        QueueMessage.objects.filter(queue=self.name).delete()

    def add_to_schedule(self, data: bytes, ts: Any) -> None:
        QueueSchedule.objects.create(queue=self.name, timestamp=ts.timestamp(), data=data)

    def read_schedule(self, ts: Any) -> list[bytes]:
        close_old_connections()
        with transaction.atomic():
            due = (
                QueueSchedule.objects.select_for_update(skip_locked=True)
                .filter(queue=self.name, timestamp__lte=ts.timestamp())
                .order_by("timestamp", "id")
            )
            rows = list(due.values_list("id", "data"))
            QueueSchedule.objects.filter(pk__in=[pk for pk, _ in rows]).delete()
        return [_bytes(data) for _, data in rows]

    def schedule_size(self) -> int:
        return QueueSchedule.objects.filter(queue=self.name).count()

    def scheduled_items(self, limit: int | None = None) -> list[bytes]:
        rows = QueueSchedule.objects.filter(queue=self.name).order_by("timestamp", "id")
        data = rows.values_list("data", flat=True)
        return [_bytes(d) for d in (data[:limit] if limit else data)]

    def flush_schedule(self) -> None:
        QueueSchedule.objects.filter(queue=self.name).delete()

    def put_data(self, key: Any, value: bytes, is_result: bool = False) -> None:
        QueueData.objects.update_or_create(
            queue=self.name, key=self._key(key), defaults={"value": value}
        )

    def peek_data(self, key: Any) -> Any:
        from huey.constants import EmptyData

        value = (
            QueueData.objects.filter(queue=self.name, key=self._key(key))
            .values_list("value", flat=True)
            .first()
        )
        return EmptyData if value is None else _bytes(value)

    def pop_data(self, key: Any) -> Any:
        from huey.constants import EmptyData

        with transaction.atomic():
            row = (
                QueueData.objects.select_for_update()
                .filter(queue=self.name, key=self._key(key))
                .values_list("id", "value")
                .first()
            )
            if row is None:
                return EmptyData
            QueueData.objects.filter(pk=row[0]).delete()
            return _bytes(row[1])

    def has_data_for_key(self, key: Any) -> bool:
        return QueueData.objects.filter(queue=self.name, key=self._key(key)).exists()

    def put_if_empty(self, key: Any, value: bytes, ttl: Any = None) -> bool:
        try:
            with transaction.atomic():
                QueueData.objects.create(queue=self.name, key=self._key(key), value=value)
        except IntegrityError:
            return False
        return True

    def delete_data(self, key: Any) -> bool:
        return bool(QueueData.objects.filter(queue=self.name, key=self._key(key)).delete()[0])

    def result_store_size(self) -> int:
        return QueueData.objects.filter(queue=self.name).count()

    def result_items(self) -> dict[str, bytes]:
        rows: Iterable[tuple[str, Any]] = QueueData.objects.filter(queue=self.name).values_list(
            "key", "value"
        )
        return {key: _bytes(value) for key, value in rows}

    def flush_results(self) -> None:
        QueueData.objects.filter(queue=self.name).delete()

    def incr(self, key: Any, amount: int = 1) -> int:
        with transaction.atomic():
            row, _ = QueueData.objects.select_for_update().get_or_create(
                queue=self.name, key=f"counter:{self._key(key)}", defaults={"value": b"0"}
            )
            value = int(_bytes(row.value) or b"0") + amount
            row.value = str(value).encode()
            row.save(update_fields=["value"])
        return value

    def delete_counter(self, key: Any) -> None:
        QueueData.objects.filter(queue=self.name, key=f"counter:{self._key(key)}").delete()

    def flush_counters(self) -> None:
        QueueData.objects.filter(queue=self.name, key__startswith="counter:").delete()

    @staticmethod
    def _key(key: Any) -> str:
        return key.decode() if isinstance(key, bytes) else str(key)
