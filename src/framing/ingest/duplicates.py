"""Repeated articles in a corpus: the same content (raw SHA-256), the same words once line breaks,
spaces and case are ignored, or word-trigram sets so alike (MinHash) that one is a copy of the
other (`Duplicates`)."""
from __future__ import annotations

import hashlib
import re
import zlib

import numpy as np

from .articles import EXPORT_FORMATS, RawArticle, _where


class Duplicates:
    """Articles met before, to tell a new one that is the same as an earlier one.

    Exact: the same content (raw SHA-256). Near: the same words once line breaks, spaces and case are
    ignored (a CRLF or CR-only re-save, a paragraph re-wrapped), or word-trigram sets so alike that
    their Jaccard similarity, estimated with MinHash (Broder 1997) and found through locality-
    sensitive hashing, is at least `threshold` (one word or byte changed in a text of a few dozen
    words, and the two differ in at most 30 trigrams or a tenth of them). HTML pages are compared
    exactly and with spaces ignored only: their markup makes any two pages of one site look alike.
    Pages are compared with pages and export rows with export rows; two near-duplicates whose
    given outlets or events differ are both kept (one story carried by two outlets, or filed under
    two events on purpose)."""

    PERMUTATIONS, BANDS = 50, 10  # 10 bands of 5 values: a pair with similarity 0.8 is found 98 % of the time

    def __init__(self, *, threshold: float = 0.8, known: dict[str, tuple] | None = None):
        self.threshold = threshold
        # What each article's text gives the check, by `memo_key`: (digest of its words, number of
        # words, MinHash signature or None, distinct trigrams). `known` holds an earlier build's
        # (`met`), so a rebuild reads but does not re-hash the texts it has seen.
        self.known = {} if known is None else known  # the caller's dict, even when empty: two passes share it
        self.met: dict[str, tuple] = {}
        self.exact: dict[str, str] = {}
        self.loose: dict[tuple[str, str], tuple[str, str]] = {}
        self.bands: dict[tuple[str, int, bytes], list[int]] = {}
        self.kept: list[tuple[str, str, np.ndarray, int]] = []  # (where, outlet, signature, trigrams)
        self.named: dict[str, dict[str, str]] = {}  # where → the outlet and event a kept article was given
        rng = np.random.default_rng(20250212)  # fixed: the same corpus always gives the same result
        self._a = rng.integers(0, 1 << 63, self.PERMUTATIONS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
        self._b = rng.integers(0, 1 << 63, self.PERMUTATIONS, dtype=np.uint64)
        self._words: dict[str, int] = {}
        self._lines: dict[str, tuple[str, np.ndarray]] = {}
        self._kept = 0  # characters of the lines in `_lines`
        self._family_bands: dict[str, list[dict]] = {}

    def check(self, article: RawArticle) -> tuple[str | None, bool]:
        """(where the earlier copy is, whether it is exact), or (None, False) for a new article,
        which is remembered. One article at a time: the reference `check_all` is tested against."""
        words = re.findall(r"\w+", article.text.casefold())
        signed = self._signature(words) if len(words) >= 8 and article.format != "html" else None
        return self._check(article, _words_digest(words), signed)

    def check_all(self, articles: list[RawArticle]) -> list[tuple[str | None, bool]]:
        """`check` for each article in turn (the same answers as one by one), with the MinHash
        signatures of all of them computed together (`_signatures`): one pass of array arithmetic
        instead of a dozen small ones per article. Texts in `known` are not hashed again."""
        keys = [memo_key(article) for article in articles]
        todo = [i for i, key in enumerate(keys) if key not in self.known]
        words = {i: self._text_words(articles[i].text) for i in todo}
        signed = [i for i in todo if len(words[i][0]) >= 8 and articles[i].format != "html"]
        signatures = dict(zip(signed, self._signatures([words[i][0] for i in signed])))
        for i in todo:
            signature, size = signatures.get(i, (None, 0))
            signature = None if signature is None else signature.copy()  # not a view of the batch's block
            self.known[keys[i]] = (words[i][1], len(words[i][0]), signature, size)
        answers = []
        for article, key in zip(articles, keys):
            digest, _, signature, size = self.met[key] = self.known[key]
            answers.append(self._check(article, digest, None if signature is None else (signature, size)))
        return answers

    LINES_KEPT = 4_000_000  # characters of distinct lines whose words are remembered (about 16 MB)

    def _text_words(self, text: str) -> tuple[np.ndarray, bytes]:
        """The CRC-32 of each word of `text` (`\\w+` once case is folded) and the digest of its words
        (`_words_digest`), line by line: no word spans a line break and case folding maps each
        character on its own, so a text's words are its lines' words one after the other. The
        words of the distinct lines met last are remembered, so a repeated paragraph is
        read once. Up to `LINES_KEPT` characters of lines are remembered, then forgotten together."""
        parts = []
        for line in text.split("\n"):
            if not line:  # (a blank line between paragraphs: no words)
                continue
            part = self._lines.get(line)
            if part is None:
                self._kept += len(line) + 1
                if self._kept > self.LINES_KEPT:
                    self._lines.clear()
                    self._kept = len(line) + 1
                words = _WORDS.findall(line.casefold())
                part = self._lines[line] = (" ".join(words), self._word_ids(words))
            parts.append(part)
        joined = " ".join(words for words, _ in parts if words)
        ids = np.concatenate([ids for _, ids in parts]) if parts else np.zeros(0, dtype=np.uint64)
        return ids, hashlib.sha256(joined.encode("utf-8", "surrogatepass")).digest()

    def _word_ids(self, words: list[str]) -> np.ndarray:
        """The CRC-32 of each word, as unsigned 64-bit integers (each distinct word hashed once)."""
        codes = self._words
        for word in words:
            if word not in codes:
                codes[word] = zlib.crc32(word.encode("utf-8", "surrogatepass"))
        return np.fromiter(map(codes.__getitem__, words), dtype=np.uint64, count=len(words))

    def _check(self, article: RawArticle, digest: bytes, signed: tuple[np.ndarray, int] | None
               ) -> tuple[str | None, bool]:
        where = _where(article)
        first = self.exact.setdefault(article.raw_sha256, where)
        if first != where:
            return first, True
        if article.given.get("outlet") or article.given.get("event"):  # for the warning of a later copy
            self.named.setdefault(where, {k: article.given.get(k) or "" for k in ("outlet", "event")})
        family = "export" if article.format in EXPORT_FORMATS else article.format
        outlet = "\0".join((article.given.get(k) or "").casefold() for k in ("outlet", "event"))
        key = (family, digest)
        seen = self.loose.get(key)
        if seen is not None and _same_outlet(seen[1], outlet):
            return seen[0], False
        self.loose.setdefault(key, (where, outlet))
        if signed is None:  # under 8 words, or HTML, whose markup makes two pages of one site alike
            return None, False
        signature, size = signed
        bands = self._bands_of(family)
        keys = self._band_keys(signature)
        candidates = sorted({i for band, k in zip(bands, keys) for i in band.get(k, ())})
        for index in candidates:
            other, other_outlet, other_signature, other_size = self.kept[index]
            if _same_outlet(other_outlet, outlet) and \
                    self._alike(np.count_nonzero(other_signature == signature) / self.PERMUTATIONS,
                                size, other_size):
                return other, False
        for band, k in zip(bands, keys):
            band.setdefault(k, []).append(len(self.kept))
        self.kept.append((where, outlet, signature.copy() if signature.base is not None else signature, size))
        return None, False

    def _bands_of(self, family: str) -> list[dict]:
        """The LSH tables of one family of articles, one per band: band key → indices into `kept`."""
        bands = self._family_bands.get(family)
        if bands is None:
            bands = self._family_bands[family] = [self.bands.setdefault((family, band), {})
                                                  for band in range(self.BANDS)]
        return bands

    def _band_keys(self, signature: np.ndarray) -> list[bytes]:
        """`signature[band::BANDS].tobytes()` for each band, from one copy of the signature
        arranged band by band."""
        arranged = signature.reshape(-1, self.BANDS).T.tobytes()  # (C order of the transpose)
        width = len(arranged) // self.BANDS
        return [arranged[band * width:(band + 1) * width] for band in range(self.BANDS)]

    def _alike(self, similarity: float, size: int, other_size: int) -> bool:
        """Near-duplicates: similar enough, and differing in few trigrams — at most 30 or a tenth of
        them — so two short stories on pages of one site that share long menus are not taken for
        copies of each other."""
        union = (size + other_size) / (1 + similarity)
        return similarity >= self.threshold and union * (1 - similarity) <= max(30, 0.1 * union)

    def _signature(self, words: list[str]) -> tuple[np.ndarray, int]:
        """The MinHash signature of the word trigrams of a text, and how many distinct trigrams: one
        text at a time, the reference `_signatures` is tested against."""
        codes = self._words  # word → its CRC-32, computed once per distinct word
        try:
            ids = np.array(list(map(codes.__getitem__, words)), dtype=np.uint64)
        except KeyError:
            for word in set(words) - codes.keys():
                codes[word] = zlib.crc32(word.encode("utf-8", "surrogatepass"))
            ids = np.array(list(map(codes.__getitem__, words)), dtype=np.uint64)
        with np.errstate(over="ignore"):  # arithmetic modulo 2**64 is the point
            shingles = np.unique(ids[:-2] * np.uint64(0x9E3779B97F4A7C15) + ids[1:-1] * np.uint64(0xC2B2AE3D27D4EB4F)
                                 + ids[2:])
            # one multiply-add-shift hash per permutation (Dietzfelbinger et al. 1997)
            values = (self._a[:, None] * shingles[None, :] + self._b[:, None]) >> np.uint64(32)
        return values.min(axis=1), len(shingles)

    SIGNATURE_BLOCK = 1 << 13  # trigrams hashed at a time (50 x 8,192 values: 3 MB, in cache)

    def _signatures(self, texts: list[np.ndarray]) -> list[tuple[np.ndarray, int]]:
        """`_signature` of many texts (each of at least 3 words, given as their words' CRC-32, see
        `_text_words`) at once: all trigrams are hashed together, and each permutation's minimum is
        taken per text with `np.minimum.reduceat` over the trigrams as they come (a repeated trigram
        does not change a minimum, so none is removed first). Distinct trigrams per text are counted
        by hashing (text, trigram) pairs, not by sorting. The shift of the multiply-add-shift hash
        is applied after the minimum (shifting keeps order), so the signatures are those of
        `_signature` exactly."""
        import pandas as pd

        if not texts:
            return []
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        ids = np.concatenate(texts)
        owner = np.repeat(np.arange(len(texts)), lengths)[:-2]
        starts = np.cumsum(lengths) - lengths
        inside = np.arange(len(owner)) - starts[owner] <= lengths[owner] - 3  # trigram within one text
        with np.errstate(over="ignore"):  # arithmetic modulo 2**64 is the point
            trigrams = (ids[:-2] * np.uint64(0x9E3779B97F4A7C15) + ids[1:-1] * np.uint64(0xC2B2AE3D27D4EB4F)
                        + ids[2:])[inside]
        kinds, seen = pd.factorize(trigrams)
        pairs = pd.unique(owner[inside] * len(seen) + kinds)  # distinct (text, trigram), as one number
        sizes = np.bincount(pairs // len(seen), minlength=len(texts))
        bounds = np.concatenate(([0], np.cumsum(lengths - 2)))
        minima = np.empty((len(texts), self.PERMUTATIONS), dtype=np.uint64)
        begin = 0
        while begin < len(texts):  # texts whose trigrams fit in one block (at least one text)
            end = max(begin + 1, int(np.searchsorted(bounds, bounds[begin] + self.SIGNATURE_BLOCK, "right")) - 1)
            with np.errstate(over="ignore"):
                values = np.multiply.outer(self._a, trigrams[bounds[begin]:bounds[end]])
                values += self._b[:, None]
            minima[begin:end] = np.minimum.reduceat(values, bounds[begin:end] - bounds[begin], axis=1).T
            begin = end
        minima >>= np.uint64(32)
        return [(row, int(size)) for row, size in zip(minima, sizes)]


_WORDS = re.compile(r"\w+")


def memo_key(article: RawArticle) -> str:
    """What `Duplicates` remembers an article's text by: its content hash, and whether it is an
    HTML page (whose text is compared without a MinHash signature)."""
    return article.raw_sha256 + ("/html" if article.format == "html" else "")


def _words_digest(words: list[str]) -> bytes:
    """The SHA-256 of a text's words joined by spaces: texts equal but for line breaks, spaces and case."""
    return hashlib.sha256(" ".join(words).encode("utf-8", "surrogatepass")).digest()


def _same_outlet(left: str, right: str) -> bool:
    """Whether two articles' given (outlet, event) can be the same: unknown parts match anything."""
    return all(not a or not b or a == b for a, b in zip(left.split("\0"), right.split("\0")))
