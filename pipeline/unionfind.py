"""Union-find over 0..n-1 where every set's root is its smallest member (deterministic groups)."""
from __future__ import annotations


class UnionFind:
    """Disjoint sets of the integers 0..n-1; `find` gives the smallest member of a set."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)
