"""Writes ../resources/vectors/*.json from the reference model in dify_splitter.py.

    python3 plugins-nodes/chunkers/src/test/python/gen_vectors.py

Each case: name, checks (what it is for), input, params, expected (Tributary = Dify core with the fixes) and,
where Dify differs, dify (what Dify core's delimiter handling gives) or op (the official-plugin copy)."""
import json
import os
import random

import dify_splitter as ds

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "vectors")

WORDS = ("the of and to in is that for it as was with be by on not he this are or his from at which but have an "
         "they you were her she there been one all we their has would when if so no what up its out about who them "
         "river stone lantern harbour quiet measure pattern engine orchard silver window journey signal tributary "
         "document chunk index pipeline segment knowledge delta current valley").split()


def english(seed, paragraphs, sentences=(2, 9), words=(4, 18)):
    rnd = random.Random(seed)
    out = []
    for _ in range(paragraphs):
        sent = []
        for _ in range(rnd.randint(*sentences)):
            w = [rnd.choice(WORDS) for _ in range(rnd.randint(*words))]
            w[0] = w[0].capitalize()
            s = " ".join(w)
            if rnd.random() < 0.15:
                s += ", " + " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(2, 6)))
            sent.append(s + rnd.choice([".", ".", ".", "?", "!"]))
        out.append(" ".join(sent))
    return out


def splitter_case(name, checks, text, size, overlap, delimiter, dify=False, op=False):
    c = {"name": name, "checks": checks, "level": "splitter", "input": text,
         "params": {"max_chunk_length": size, "chunk_overlap": overlap, "delimiter": delimiter},
         "expected": ds.Splitter(size, overlap, delimiter).split_text(text)}
    if dify:
        c["dify"] = ds.Splitter(size, overlap, delimiter, mode="dify").split_text(text)
    if op:
        c["op"] = ds.Splitter(size, overlap, delimiter, mode="op").split_text(text)
    return c


def general_case(name, checks, text, dify=False, op=False, **params):
    p = {"delimiter": "\n\n", "max_chunk_length": 1000, "chunk_overlap": 100,
         "remove_extra_spaces": False, "remove_urls_emails": False}
    p.update(params)
    args = dict(delimiter=p["delimiter"], max_len=p["max_chunk_length"], overlap=p["chunk_overlap"],
                remove_extra_spaces=p["remove_extra_spaces"], remove_urls_emails=p["remove_urls_emails"])
    c = {"name": name, "checks": checks, "level": "general", "input": text, "params": p,
         "expected": ds.general_chunks(text, **args)}
    if dify:
        c["dify"] = ds.general_chunks(text, mode="dify", **args)
    if op:
        c["op"] = ds.general_chunks(text, mode="op", **args)
    return c


def main():
    lorem = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit. Lorem ipsum dolor sit amet, consectetur "
             "adipiscing elit. Sed do eiusmod tempor incididunt ut labore. Ut enim ad minim veniam, quis nostrud "
             "exercitation ullamco laboris. Duis aute irure dolor in reprehenderit in voluptate velit esse.")
    zh = ("知识库把文档切成片段。每个片段都会被索引。检索时返回最相关的片段。分隔符是句号的时候，每句话都是一个片段。"
          "这是最后一句话，没有句号")
    md = "\n\n---\n\n".join([
        "# Install\n\nRun the installer.\nThen restart.",
        "# Configure\n\nEdit the file.\n\nSet the key to a value.",
        "# Use\n\nCall the API. Read the answer."])
    paras = english(7, 40)
    doc = "\n\n".join(paras)
    long_para = " ".join(english(11, 12))
    splitter = [
        splitter_case("x45-size20-overlap5", "character-level packing with explicit overlap: 20/20/15 (section 6.3)",
                      "x" * 45, 20, 5, "\n\n"),
        splitter_case("emoji45-size20-overlap5", "length counts code points (Python len), not UTF-16 units",
                      "\U0001F600" * 45, 20, 5, "\n\n"),
        splitter_case("aaaa-bbbb-size20-overlap5",
                      "the ' ' level keeps its separator at the piece end (core); the plugin copy drops it",
                      "aaaa bbbb cccc dddd eeee ffff gggg hhhh", 20, 5, "\n\n", op=True),
        splitter_case("lorem-sentences-size60",
                      "'. ' pieces keep '. ' (no 'elitLorem'); overlap made of whole sentences",
                      lorem, 60, 20, "\n\n", op=True),
        splitter_case("fixed-pieces-not-merged", "small fixed pieces stay separate, no overlap between them",
                      "one\n\ntwo\n\nthree\n\n\n\nfour", 50, 10, "\\n\\n"),
        splitter_case("cjk-delimiter", "a non-ASCII fixed delimiter '。' splits (Dify garbles it and never splits)",
                      zh, 50, 0, "。", dify=True),
        splitter_case("cjk-recursive", "oversized text falls back to the recursive '。' level (separator kept)",
                      zh * 3, 60, 10, "\n\n"),
        splitter_case("hr-delimiter-escaped", "'\\n\\n---\\n\\n' typed with backslashes splits at each rule",
                      md, 200, 0, "\\n\\n---\\n\\n", dify=True),
        splitter_case("hr-delimiter-real-newlines", "the same delimiter given with real newlines",
                      md, 200, 0, "\n\n---\n\n", dify=True),
        splitter_case("regex-level-start-separators",
                      "a word-level piece over the size recurses to characters (regex level, overlap by pieces)",
                      "short words then averyveryveryverylongwordthatdoesnotfitanywhere and more words here",
                      20, 4, "\n\n"),
        splitter_case("char-level-drops-newlines", "character level drops lone newline pieces as Dify does",
                      "abcdefghij\nklmnopqrst\nuvwxyz0123\n456789", 12, 3, "\n\n"),
        splitter_case("english-doc-size200", "many paragraphs, delimiter \\n\\n, recursion on long paragraphs",
                      doc, 200, 40, "\\n\\n"),
        splitter_case("english-long-paragraph-size120", "one long paragraph: '. ' then ' ' levels, overlap",
                      long_para, 120, 30, "\\n\\n"),
        splitter_case("no-fixed-delimiter", "empty delimiter: the whole text goes through the recursive splitter",
                      doc[:3000], 300, 50, ""),
    ]
    general = [
        general_case("defaults-english", "Dify defaults (\\n\\n, 1000, 100) on paragraphs", doc),
        general_case("small-english", "size 100 / overlap 20 on paragraphs", doc, max_chunk_length=100,
                     chunk_overlap=20),
        general_case("remove-extra-spaces", "\\n{3,} -> \\n\\n and runs of spaces/tabs/NBSP -> one space",
                     "A  lot   of\t\tspace\u00a0\u00a0here.\n\n\n\n\nNext\u3000\u3000paragraph.\r\r",
                     delimiter="\\n\\n", remove_extra_spaces=True),
        general_case("remove-urls-emails", "emails and URLs removed, Markdown image URLs kept",
                     "Write to ann@example.com or see https://example.com/page?x=1 for more.\n\n"
                     "![diagram](https://img.example.com/d.png) and [link](http://example.org/a).",
                     remove_urls_emails=True),
        general_case("email-and-space-edges", "email matches are leftmost and non-overlapping; odd spaces collapse",
                     "x@y@z.com, a@b c@d.e, foo.bar+baz@ex-ample.co.uk. end@. @here.com me@x.\n"
                     "tabs\t\t and\u2003\u2003em\u00a0spaces \r\r\n\n\n\n\nnext\n\n\nlast",
                     remove_extra_spaces=True, remove_urls_emails=True, max_chunk_length=50, chunk_overlap=0),
        general_case("nbsp-strip", "chunks are stripped as Python strips: NBSP and U+3000 count as whitespace",
                     "\u00a0\u00a0padded\u00a0\n\n\u3000ideographic\u3000"),
        general_case("both-rules", "both preprocessing rules apply together (core loops over the rules)",
                     "Mail   bob@example.org   now.\n\n\n\nVisit   https://x.example.net/y   today.",
                     remove_extra_spaces=True, remove_urls_emails=True),
        general_case("always-on-cleaning", "<| |> unwrapped, control characters and U+FFFE removed; ï ¿ ¾ kept",
                     "<|start|> na\u00efve \u00bfqu\u00e9? \u00be cup\x00\x07\x1f\ufffe done"),
        general_case("leading-symbols", "leading punctuation/symbols removed from each chunk, then strip",
                     "## Heading one\n\n... ellipsis start\n\n\u3002 CJK full stop\n\n- list item stays",
                     max_chunk_length=50, chunk_overlap=0),
        general_case("empty-chunks-dropped", "blank pieces between delimiters produce no chunk",
                     "\n\nalpha\n\n \n\n\n\nbeta\n\n"),
        general_case("cjk-delimiter-general", "'。' as the chunker delimiter works", zh, delimiter="。",
                     max_chunk_length=50, chunk_overlap=0, dify=True),
        general_case("dropped-separators-general", "sentences keep '. ' inside chunks (plugin copy joins them)",
                     lorem, max_chunk_length=60, chunk_overlap=0, op=True),
    ]
    pc = []
    for name, checks, text, kw in [
        ("paragraph-defaults", "paragraph mode, defaults (\\n\\n/1024 parents, \\n/512 children)",
         "\n\n".join(p.replace(". ", ".\n", 2) for p in paras[:6]), {}),
        ("paragraph-small", "paragraph mode with small sizes: parents and children both split recursively",
         doc[:2500], {"max_length": 300, "subchunk_max_length": 80}),
        ("full-doc", "full_doc: one parent (the whole text, uncleaned), children from it",
         ".  " + "\n".join(paras[:5]), {"parent_mode": "full_doc", "subchunk_max_length": 200}),
        ("children-leading-dot", "children beginning with '.' or '。' lose it",
         "Alpha beta gamma\n.delta epsilon\n。zeta eta", {"subchunk_max_length": 50}),
    ]:
        pc.append({"name": name, "checks": checks, "level": "parent_child", "input": text, "params": kw,
                   "expected": ds.parent_child_chunks(text, **kw)})
    os.makedirs(OUT, exist_ok=True)
    for fname, cases in [("splitter.json", splitter), ("general.json", general), ("parent_child.json", pc)]:
        with open(os.path.join(OUT, fname), "w", encoding="utf-8") as f:
            json.dump(cases, f, ensure_ascii=False, indent=1)
            f.write("\n")
    print("wrote", len(splitter), len(general), len(pc), "cases to", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
