#!/usr/bin/env python3
"""SQLite FTS5 beside Briefing Search: the same corpus, the same queries,
facet counts by SQL. The anchor the issue names ("several times faster than
SQLite FTS5 answering the same faceted query").

  fts5.py build --corpus DIR --db FILE     one FTS5 table (title, body; Porter
                                           stemmer, diacritics removed) and a
                                           facets table from DIR/gold.tsv
  fts5.py convert --queries FILE           each query as an FTS5 expression,
                                           one a line (for the sqlite3 CLI)
  fts5.py sql EXPRESSION                   the SQL of one faceted query
  fts5.py batch --db FILE --queries FILE   every query in one process: top 10
                                           by rank with snippets, the total and
                                           exact counts of every facet value

The facets are the generator's gold labels (country, party, minister,
topic, organisation: five of the searcher's six), one row per value.
"""
import argparse
import os
import sqlite3
import sys
import time

FACETS = ["countries", "parties", "ministers", "topics", "organisations"]


def build(corpus, path):
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.executescript(
        """
        CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, title, body,
            tokenize = 'porter unicode61 remove_diacritics 2');
        CREATE TABLE facets(doc INTEGER, facet TEXT, value TEXT);
        """)
    started = time.monotonic()
    n = 0
    with open(os.path.join(corpus, "gold.tsv"), encoding="utf-8") as gold:
        header = gold.readline().rstrip("\n").split("\t")
        for line in gold:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            with open(os.path.join(corpus, row["file"]), encoding="utf-8") as f:
                text = f.read()
            title, _, body = text.partition("\n")
            n += 1
            db.execute("INSERT INTO docs(rowid, path, title, body) VALUES (?, ?, ?, ?)",
                       (n, row["file"], title, body))
            db.executemany("INSERT INTO facets VALUES (?, ?, ?)",
                           [(n, f, v) for f in FACETS for v in row.get(f, "").split(";") if v])
    db.execute("CREATE INDEX facets_doc ON facets(doc)")
    db.commit()
    seconds = time.monotonic() - started
    db.execute("VACUUM")
    db.close()
    print(f"fts5: {n} documents in {seconds:.2f} s ({n / seconds:.1f} documents/s), "
          f"{os.path.getsize(path) / 1e6:.1f} MB")


def to_fts5(query):
    """A Xapian-style query as an FTS5 expression: words and phrases quoted,
    OR/AND/NOT kept, -word as NOT, +word as a plain word, word* as a prefix."""
    out, i, q = [], 0, query.strip()
    while i < len(q):
        if q[i].isspace():
            i += 1
            continue
        if q[i] == '"':
            j = q.find('"', i + 1)
            j = len(q) if j < 0 else j
            out.append('"' + q[i + 1:j] + '"')
            i = j + 1
            continue
        j = i
        while j < len(q) and not q[j].isspace():
            j += 1
        word = q[i:j]
        i = j
        if word in ("AND", "OR", "NOT"):
            out.append(word)
        elif word.startswith("-") and len(word) > 1:
            out += ["NOT", '"' + word[1:].replace('"', '""') + '"']
        else:
            word = word.lstrip("+")
            prefix = word.endswith("*")
            word = word.rstrip("*")
            if word:
                out.append('"' + word.replace('"', '""') + '"' + ("*" if prefix else ""))
    # FTS5's NOT is binary: a leading one has nothing to subtract from.
    while out and out[0] in ("AND", "OR", "NOT"):
        out.pop(0)
    return " ".join(out)


def statements(expr):
    match = expr.replace("'", "''")
    return [
        f"SELECT count(*) FROM docs WHERE docs MATCH '{match}'",
        f"SELECT path, title, snippet(docs, 2, '<b>', '</b>', '…', 24) FROM docs "
        f"WHERE docs MATCH '{match}' ORDER BY rank LIMIT 10",
        f"SELECT facet, value, count(*) AS n FROM facets WHERE doc IN "
        f"(SELECT rowid FROM docs WHERE docs MATCH '{match}') GROUP BY facet, value ORDER BY facet, n DESC",
    ]


def batch(path, queries):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    times, errors, values = [], 0, 0
    with open(queries, encoding="utf-8") as f:
        exprs = [line.rstrip("\n") for line in f if line.strip()]
    for expr in exprs:
        started = time.perf_counter()
        try:
            for sql in statements(expr):
                values += len(db.execute(sql).fetchall())
        except sqlite3.Error:
            errors += 1
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    n = len(times)
    median = times[n // 2] if n % 2 else (times[n // 2 - 1] + times[n // 2]) / 2
    print(f"fts5 in process: {n} queries, mean {sum(times) / n:.3f} ms, median {median:.3f} ms, "
          f"{errors} errors, {values} rows")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("command", choices=["build", "convert", "sql", "batch"])
    p.add_argument("expression", nargs="?")
    p.add_argument("--corpus")
    p.add_argument("--db")
    p.add_argument("--queries")
    a = p.parse_args()
    if a.command == "build":
        build(a.corpus, a.db)
    elif a.command == "convert":
        with open(a.queries, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    print(to_fts5(line))
    elif a.command == "sql":
        print(";\n".join(statements(a.expression)) + ";")
    else:
        batch(a.db, a.queries)


if __name__ == "__main__":
    sys.exit(main())
