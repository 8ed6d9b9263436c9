"""Union-find where every set's root is its smallest member, so groups are deterministic."""
from __future__ import annotations

from collections.abc import Hashable


class UnionFind:
    """Disjoint sets of comparable items (ints, strings), added on first use."""

    def __init__(self, n: int = 0) -> None:
        self.parent: dict = {i: i for i in range(n)}

    def find(self, x: Hashable):
        """The root (smallest member) of x's set."""
        parent = self.parent
        p = parent.setdefault(x, x)
        while p != parent[p]:
            parent[p] = parent[parent[p]]
            p = parent[p]
        parent[x] = p
        return p

    def union(self, a: Hashable, b: Hashable) -> None:
        """Join the sets of a and b; the smaller root stays the root."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            self.parent[hi] = lo
