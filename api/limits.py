"""Per-tenant limits that hold across API processes, kept in Redis.

`Slots`: at most N of something open at once per tenant (progress streams, chats). Each
holder is a member of a sorted set scored by its last heartbeat, so one whose API process
was killed stops counting after `STALE_S` instead of holding its slot for ever.

`within_rate`: at most N requests per tenant per minute (uploads, chats), a fixed window.
"""

import time
import uuid

import redis

STALE_S = 60  # a holder refreshes its slot well within this


class Slots:
    def __init__(self, r: redis.Redis, kind: str, tenant_id: uuid.UUID, cap: int):
        self.r, self.cap = r, cap
        self.key = f"limits:{kind}:{tenant_id}"
        self.member = uuid.uuid4().hex

    def acquire(self) -> bool:
        """Take a slot; False when the tenant already holds `cap` live ones. Add first,
        then count: two racing holders may both be refused, never both let past the cap."""
        now = time.time()
        pipe = self.r.pipeline()
        pipe.zremrangebyscore(self.key, "-inf", now - STALE_S)
        pipe.zadd(self.key, {self.member: now})
        pipe.zrank(self.key, self.member)
        pipe.expire(self.key, STALE_S * 2)
        _, _, rank, _ = pipe.execute()
        if rank is not None and rank < self.cap:
            return True
        self.release()
        return False

    def refresh(self) -> None:
        pipe = self.r.pipeline()
        pipe.zadd(self.key, {self.member: time.time()}, xx=True)
        pipe.expire(self.key, STALE_S * 2)
        pipe.execute()

    def release(self) -> None:
        self.r.zrem(self.key, self.member)


def within_rate(r: redis.Redis, kind: str, tenant_id: uuid.UUID, per_minute: int) -> bool:
    """Count this request in the tenant's current minute; False once past `per_minute`."""
    key = f"limits:rate:{kind}:{tenant_id}:{int(time.time() // 60)}"
    pipe = r.pipeline()
    pipe.incr(key)
    pipe.expire(key, 120)
    count, _ = pipe.execute()
    return count <= per_minute
