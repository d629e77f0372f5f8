"""Per-tenant caps that hold across API processes, kept in Redis.

`StreamSlots`: at most N progress streams open at once per tenant. Each open stream is a
member of a sorted set scored by its last heartbeat, so a stream whose API process was
killed stops counting after `STALE_S` instead of holding its slot forever.
"""

import time
import uuid

import redis.asyncio as aioredis

STALE_S = 60  # a stream refreshes its slot at least every BLOCK_MS (5 s)


class StreamSlots:
    def __init__(self, r: aioredis.Redis, tenant_id: uuid.UUID, cap: int):
        self.r, self.cap = r, cap
        self.key = f"limits:sse:{tenant_id}"
        self.member = uuid.uuid4().hex

    async def acquire(self) -> bool:
        """Take a slot; False when the tenant already holds `cap` live ones. Add first,
        then count: two racing streams may both be refused, never both let past the cap."""
        now = time.time()
        pipe = self.r.pipeline()
        pipe.zremrangebyscore(self.key, "-inf", now - STALE_S)
        pipe.zadd(self.key, {self.member: now})
        pipe.zrank(self.key, self.member)
        pipe.expire(self.key, STALE_S * 2)
        _, _, rank, _ = await pipe.execute()
        if rank is not None and rank < self.cap:
            return True
        await self.release()
        return False

    async def refresh(self) -> None:
        pipe = self.r.pipeline()
        pipe.zadd(self.key, {self.member: time.time()}, xx=True)
        pipe.expire(self.key, STALE_S * 2)
        await pipe.execute()

    async def release(self) -> None:
        await self.r.zrem(self.key, self.member)
