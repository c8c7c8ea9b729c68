#!/usr/bin/env python3
"""Writes article_run_hashes.txt: a fact about the seed article, not its text.

Each line is the FNV-1a 64-bit hash (hex) of one run of eight consecutive words of the article,
normalised exactly as words_of() in tests/bank_content_test.cpp does (bytes split at ASCII white
space, ASCII letters lower-cased, ASCII punctuation dropped, other bytes kept), each word followed
by one space. The bank test hashes the bank's own runs the same way, so it needs nothing outside
the repository. Run it by hand, from the repository root, with the article's path (the article
itself is kept outside the repository and is never a test input):
    python3 tests/data/make_article_run_hashes.py PATH/TO/ARTICLE.txt
"""
import sys


def words_of(data: bytes):
    words, word = [], bytearray()
    for b in data:
        if b in b" \t\n\v\f\r":
            if word:
                words.append(bytes(word))
                word = bytearray()
        elif (48 <= b <= 57) or (65 <= b <= 90) or (97 <= b <= 122) or b >= 0x80:
            word.append(b + 32 if 65 <= b <= 90 else b)
    if word:
        words.append(bytes(word))
    return words


def fnv1a64(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


words = words_of(open(sys.argv[1], "rb").read())
hashes = sorted({fnv1a64(b"".join(w + b" " for w in words[i:i + 8])) for i in range(len(words) - 7)})
with open("tests/data/article_run_hashes.txt", "w") as out:
    out.write("# FNV-1a 64-bit hashes of the seed article's eight-word runs; see make_article_run_hashes.py\n")
    for h in hashes:
        out.write(f"{h:016x}\n")
print(len(hashes), "runs")
