"""Hashed word and character n-gram features, shared by training and inference so the two
can never drift apart.

Each word contributes its unigram and its character 3- to 5-grams (inside the word, with
boundary marks); each adjacent pair contributes a bigram. Every occurrence weighs
``1 / sqrt(total occurrences)``, so a linear score is a sum of per-word parts that can be
cached: that is what makes pure-Python inference fast, and what lets a span show which
words drove a score.
"""

from itertools import pairwise
from zlib import crc32

from .lexicons import INSULTS, PROFANITY, SLURS

# Unambiguous roots that make any word containing them profane ("fuckwit", "shithole").
PROFANE_ROOTS = ("fuck", "shit", "cunt", "twat", "wank", "bitch", "nigg", "fck", "f*ck", "sh*t")

DIM_BITS = 19
DIM = 1 << DIM_BITS
MASK = DIM - 1
CHAR_NGRAMS = (3, 4, 5)


def bucket(feature: str) -> int:
    return crc32(feature.encode("utf-8")) & MASK


def word_buckets(word: str) -> list[int]:
    """The unigram and character n-gram buckets of one word."""
    found = [bucket("w:" + word)]
    if word in PROFANITY or any(root in word for root in PROFANE_ROOTS):
        found.append(bucket("l:profanity"))
    if word in INSULTS:
        found.append(bucket("l:insult"))
    if word in SLURS:
        found.append(bucket("l:slur"))
    marked = f"<{word}>"
    for n in CHAR_NGRAMS:
        found.extend(bucket("c:" + marked[i : i + n]) for i in range(len(marked) - n + 1))
    return found


def bigram_bucket(left: str, right: str) -> int:
    return bucket(f"b:{left} {right}")


def doc_buckets(words: list[str]) -> list[int]:
    """Every feature occurrence of a document (repeats kept: they count)."""
    found: list[int] = []
    for word in words:
        found.extend(word_buckets(word))
    found.extend(bigram_bucket(a, b) for a, b in pairwise(words))
    return found
