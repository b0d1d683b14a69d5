"""Reference model of Dify core's general splitting, written from /work/shared/reference/dify.md section 6
(not from Dify's code). Used to produce the test vectors in ../resources/vectors/ and to time a Python
splitter of the same algorithm on the benchmark corpus.

Mode "tributary" is what the Java chunker implements: Dify core's FixedRecursiveCharacterTextSplitter with
three bugs fixed (delimiter escapes decoded without garbling non-ASCII, separators kept on the " " level too).
Mode "dify" reproduces core's delimiter handling (codecs unicode_escape) so the vectors can show what Dify
itself would produce; mode "op" additionally drops separators as the official-plugin copy does.
"""
import codecs
import re

DEFAULT_SEPARATORS = ["\n\n", "。", ". ", " ", ""]


def decode_escapes(sep):
    """Python-style backslash escapes (\\n, \\t, \\r, \\\\, \\xhh, \\uXXXX, ...) decoded; every other
    character, non-ASCII included, kept as it is (core's unicode_escape turns '。' into 'ã\\x80\\x82')."""
    out = []
    i = 0
    simple = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", "'": "'", '"': '"', "a": "\a", "b": "\b",
              "f": "\f", "v": "\v", "0": "\0"}
    while i < len(sep):
        c = sep[i]
        if c == "\\" and i + 1 < len(sep):
            n = sep[i + 1]
            if n in "xuU":
                width = {"x": 2, "u": 4, "U": 8}[n]
                digits = sep[i + 2:i + 2 + width]
                if len(digits) == width and all(d in "0123456789abcdefABCDEF" for d in digits):
                    out.append(chr(int(digits, 16)))
                    i += 2 + width
                    continue
            elif n in simple:
                out.append(simple[n])
                i += 2
                continue
        out.append(c)
        i += 1
    return "".join(out)


class Splitter:
    def __init__(self, chunk_size, chunk_overlap, fixed_separator="\n\n", separators=None, mode="tributary"):
        if chunk_overlap > chunk_size:
            raise ValueError("overlap larger than size")
        self.size = chunk_size
        self.overlap = chunk_overlap
        self.mode = mode
        if mode == "tributary":
            self.fixed = decode_escapes(fixed_separator)
        else:
            self.fixed = codecs.decode(fixed_separator.replace("\\n", "\n"), "unicode_escape")
        self.separators = list(separators or DEFAULT_SEPARATORS)

    # 6.3 split_text: plain split on the fixed separator; only oversized pieces are split further
    def split_text(self, text):
        pieces = text.split(self.fixed) if self.fixed else [text]
        out = []
        for p in pieces:
            if len(p) > self.size:
                out.extend(self.recursive_split_text(p))
            else:
                out.append(p)
        return out

    # 6.3 recursive_split_text: first contained separator; pieces keep it at their END
    def recursive_split_text(self, text):
        separator = ""
        rest = []
        for i, s in enumerate(self.separators):
            if s == "":
                break
            if s in text:
                separator = s
                rest = self.separators[i + 1:]
                break
        if separator:
            if separator == " ":
                splits = re.split(r" +", text)
            else:
                splits = text.split(separator)
            if self.mode != "op":
                splits = [p + separator if i < len(splits) - 1 else p for i, p in enumerate(splits)]
        else:
            splits = list(text)
        if separator == "\n":
            splits = [s for s in splits if s != ""]
        else:
            splits = [s for s in splits if s not in ("", "\n")]
        out = []
        if separator:
            good = []
            for s in splits:
                if len(s) < self.size:
                    good.append(s)
                else:
                    if good:
                        out.extend(self.merge(good, ""))
                        good = []
                    if not rest:
                        out.append(s)
                    else:
                        out.extend(self.split_regex_level(s, rest))
            if good:
                out.extend(self.merge(good, ""))
        else:
            cur, cur_len, ov, ov_len = "", 0, "", 0
            for s in splits:
                n = len(s)
                if cur_len + n <= self.size - self.overlap:
                    cur += s
                    cur_len += n
                elif cur_len + n <= self.size:
                    cur += s
                    cur_len += n
                    ov += s
                    ov_len += n
                else:
                    out.append(cur)
                    cur = ov + s
                    cur_len = ov_len + n
                    ov, ov_len = "", 0
            if cur:
                out.append(cur)
        return out

    # 6.2 RecursiveCharacterTextSplitter._split_text: separator found by re.search, kept at the START
    def split_regex_level(self, text, separators):
        separator = separators[-1]
        rest = []
        for i, s in enumerate(separators):
            if s == "":
                separator = s
                break
            if re.search(s, text):
                separator = s
                rest = separators[i + 1:]
                break
        if separator:
            parts = re.split("(" + re.escape(separator) + ")", text)
            splits = [parts[0]] + [parts[i] + parts[i + 1] for i in range(1, len(parts) - 1, 2)]
        else:
            splits = list(text)
        splits = [s for s in splits if s not in ("", "\n")]
        out = []
        good = []
        for s in splits:
            if len(s) < self.size:
                good.append(s)
            else:
                if good:
                    out.extend(self.merge(good, ""))
                    good = []
                if not rest:
                    out.append(s)
                else:
                    out.extend(self.split_regex_level(s, rest))
        if good:
            out.extend(self.merge(good, ""))
        return out

    # 6.2 _merge_splits: greedy packing, overlap made of whole preceding splits
    def merge(self, splits, joiner):
        sep_len = len(joiner)
        docs = []
        current = []
        total = 0
        for d in splits:
            n = len(d)
            if total + n + (sep_len if current else 0) > self.size:
                if current:
                    doc = joiner.join(current).strip()
                    if doc:
                        docs.append(doc)
                    while total > self.overlap or (total + n + (sep_len if current else 0) > self.size and total > 0):
                        total -= len(current[0]) + (sep_len if len(current) > 1 else 0)
                        current = current[1:]
            current.append(d)
            total += n + (sep_len if len(current) > 1 else 0)
        doc = joiner.join(current).strip()
        if doc:
            docs.append(doc)
        return docs


# 6.4 CleanProcessor.clean (Tributary: only control characters and U+FFFE are removed, not ï ¿ ¾)
_CONTROL = re.compile("[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE]")
_SPACES = re.compile("[\t\f\r\x20\u00a0\u1680\u180e\u2000-\u200a\u202f\u205f\u3000]{2,}")
_EMAIL = re.compile(r"[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9-.]+")
_MD_IMAGE = re.compile(r"!\[.*?\]\((https?://[^\s)]+)\)")
_URL = re.compile(r"https?://[^\s)]+")


def clean(text, remove_extra_spaces=False, remove_urls_emails=False):
    text = text.replace("<|", "<").replace("|>", ">")
    text = _CONTROL.sub("", text)
    if remove_extra_spaces:
        text = re.sub(r"\n{3,}", "\n\n", text)
        text = _SPACES.sub(" ", text)
    if remove_urls_emails:
        text = _EMAIL.sub("", text)
        kept = []

        def hide(m):
            kept.append(m.group(0))
            return "\0IMG%d\0" % (len(kept) - 1)

        text = _MD_IMAGE.sub(hide, text)
        text = _URL.sub("", text)
        for i, img in enumerate(kept):
            text = text.replace("\0IMG%d\0" % i, img)
    return text


_LEADING = re.compile("^[\u2000-\u206F\u2E00-\u2E7F\u3000-\u303F\"#$%&'()*+,./:;<=>?@^_`~]+")


def general_chunks(text, delimiter="\n\n", max_len=1000, overlap=100, remove_extra_spaces=False,
                   remove_urls_emails=False, mode="tributary"):
    text = clean(text, remove_extra_spaces, remove_urls_emails)
    out = []
    for c in Splitter(max_len, overlap, delimiter, mode=mode).split_text(text):
        c = _LEADING.sub("", c).strip()
        if c:
            out.append(c)
    return out


def _strip_dot(s):
    s = s.strip()
    if s.startswith(".") or s.startswith("。"):
        s = s[1:].strip()
    return s


def parent_child_chunks(text, parent_mode="paragraph", separator="\n\n", max_length=1024,
                        subchunk_separator="\n", subchunk_max_length=512, remove_extra_spaces=False,
                        remove_urls_emails=False):
    child = Splitter(subchunk_max_length, 0, subchunk_separator)

    def children(parent):
        out = []
        for c in child.split_text(parent):
            c = _strip_dot(c)
            if c:
                out.append(c)
        return out

    if parent_mode == "full_doc":
        whole = _strip_dot(text)
        if not whole:
            return {"parent_child_chunks": [], "parent_mode": "full-doc"}
        return {"parent_child_chunks": [{"parent_content": whole, "child_contents": children(whole)}],
                "parent_mode": "full-doc"}
    cleaned = clean(text, remove_extra_spaces, remove_urls_emails)
    chunks = []
    for p in Splitter(max_length, 0, separator).split_text(cleaned):
        p = _strip_dot(p)
        if p:
            chunks.append({"parent_content": p, "child_contents": children(p)})
    return {"parent_child_chunks": chunks, "parent_mode": "paragraph"}
