"""Page snapshots: compressed, stored once per sha256, purged after the retention period."""

from __future__ import annotations

import hashlib
import zlib
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import Snapshot

try:  # brotli compresses HTML ~20% better; zlib is the fallback
    import brotli
except ImportError:  # pragma: no cover
    brotli = None


def sha256_of(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def compress(body: bytes) -> tuple[str, bytes]:
    if brotli is not None:
        return "br", brotli.compress(body, quality=5)
    return "zlib", zlib.compress(body, 6)


def decompress(codec: str, data: bytes) -> bytes:
    data = bytes(data)
    if codec == "br":
        return brotli.decompress(data)
    return zlib.decompress(data)


def store_snapshot(body: bytes, content_type: str = "", sha256: str | None = None) -> Snapshot:
    """The snapshot for this body; an identical body seen before is not stored again."""
    digest = sha256 or sha256_of(body)
    now = timezone.now()
    existing = Snapshot.objects.filter(sha256=digest).first()
    if existing is not None:
        Snapshot.objects.filter(pk=existing.pk).update(last_seen=now)
        return existing
    codec, data = compress(body)
    return Snapshot.objects.create(
        sha256=digest,
        codec=codec,
        body=data,
        size=len(body),
        content_type=content_type[:100],
        last_seen=now,
    )


def snapshot_body(snapshot: Snapshot) -> bytes:
    return decompress(snapshot.codec, snapshot.body)


def purge_snapshots(retention_days: int | None = None) -> int:
    """Delete snapshots not seen for the retention period; observations keep hash and excerpt."""
    if retention_days is None:
        retention_days = getattr(settings, "TADARKI_SNAPSHOT_RETENTION_DAYS", 400)
    cutoff = timezone.now() - timedelta(days=retention_days)
    deleted, _ = Snapshot.objects.filter(last_seen__lt=cutoff).delete()
    return deleted
