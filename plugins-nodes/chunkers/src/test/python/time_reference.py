"""Times the Python reference model (dify_splitter.general_chunks, Dify's defaults) on a corpus file written by
io.tributary.bench.chunking.ChunkCorpus and prints MB/s plus the chunk digest to compare with the Java chunker.

    python3 plugins-nodes/chunkers/src/test/python/time_reference.py /tmp/corpus.txt [runs]
"""
import hashlib
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dify_splitter as ds  # noqa: E402

text = open(sys.argv[1], encoding="utf-8").read()
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
mb = len(text.encode("utf-8")) / (1024 * 1024)
times = []
for _ in range(runs):
    t = time.perf_counter()
    chunks = ds.general_chunks(text, delimiter="\\n\\n", max_len=1000, overlap=100)
    times.append(time.perf_counter() - t)
h = hashlib.sha256()
for c in chunks:
    h.update(c.encode("utf-8"))
    h.update(b"\0")
best = min(times)
print("chars %d chunks %d sha256 %s" % (len(text), len(chunks), h.hexdigest()))
print("runs %s s; best %.3f s = %.1f MB/s" % (", ".join("%.3f" % x for x in times), best, mb / best))
