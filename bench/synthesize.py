#!/usr/bin/env python3
"""Synthetic corpus for Chancery's scale tests, recombined from the real corpora.

Reads the real corpora in ../shared/corpora/*.jsonl.gz and writes COUNT new documents in
Chancery's JSON Lines format (corpora/FORMAT.md), one per line:

    python3 bench/synthesize.py --shared ../shared --count 1000000 --seed 1 > out.jsonl
    python3 bench/synthesize.py --shared ../shared --count 1000000 --out out.jsonl.gz

Every synthetic document is modelled on one real document picked at random (its
"template"), so languages, sources, dates and lengths follow the real distribution jointly:
  - lang and date: the template's (a template without a date takes a real date of its
    source); documents are ru, en or uk, and all of a document's text is in that language
    (sentences and titles plainly in another language are left out of the pools);
  - title: a real title of the same source and language, or two real title fragments
    joined at a ": ", " - ", ", " ... boundary, or a real entity name followed by ": " and
    a real title ("Сергей Лавров: ...", "Donald Trump: ...");
  - body: real sentences (bodies split into sentences) of the same source and language,
    added until the template's body length (+-20%) is reached, grouped into paragraphs
    (separated by a blank line) as long as the template's; headline-only sources, whose
    bodies are cut to 60 characters, get one such real cut body and "body_truncated";
  - optional keys as in the template's source: category, place and persons (real values).
Ids are syn-0000001, syn-0000002, ...; the same --seed gives the same output.

Memory: sentences and titles are kept in pools capped by reservoir sampling
(--max-sentences per source and language, default 300,000; --max-titles 200,000); the
output is streamed. About 330 MB of memory and, for 1,000,000 documents (1.3 GB), under a
minute on one core (about two minutes with gzip).
Bodies marked body_suspect_sidebar (a sidebar of another story) are not used as sentences.
A gzip file is written when --out ends in .gz. A summary is printed to stderr at the end.
Standard library only; nothing is written but the output and the summary.
"""

import argparse
import collections
import glob
import gzip
import json
import os
import random
import re
import sys
import time

LANGS = ("ru", "en", "uk")

# A sentence ends at . ! ? or … followed by space and an upper-case letter, digit or quote.
SENT_SPLIT = re.compile(r"(?<=[.!?…])\s+(?=[\"«“„(\[A-ZА-ЯЁІЇЄҐ0-9])")
# Pieces ending in an abbreviation or an initial are glued to the next one.
ABBREV_END = re.compile(
    r"(?:\b[A-ZА-ЯЁІЇЄҐ]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Jr|Sr|No|Nos|Inc|vs|etc"
    r"|U\.S|U\.N|D\.C|т|г|гг|им|ул|см|др|пр|тыс|млн|млрд|руб|проф|акад|св|ім|м))\.$")
PARA_SPLIT = re.compile(r"\n[ \t]*\n")
# Boundaries at which a title is cut into fragments.
TITLE_DELIM = re.compile(r"(: | — | – | - | \| |; |, )")
# Entity names in sentence-case headlines: two capitalised words. Russian ones only at the
# start before a lower-case word ("Сергей Лавров заявил..."), so that they are nominative;
# English ones anywhere ("Lavrov meets Wang Yi in Beijing").
ENTITY_RE = {
    "ru": re.compile(r"^([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)? [А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?) [а-яё]"),
    "en": re.compile(r"(?<![\w-])([A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
                     r"(?![\w-])"),
}
ENTITY_MIN_COUNT = 5
WORD = re.compile(r"[^\W\d_]+")
CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")
LATIN = re.compile(r"[A-Za-z]")
RU_ONLY = re.compile(r"[ЫыЭэЪъЁё]")
UK_ONLY = re.compile(r"[ІіЇїЄєҐґ]")
MIN_SENTENCE, MAX_SENTENCE = 20, 1500


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--shared", default="../shared", help="shared material folder (has corpora/)")
    p.add_argument("--count", type=int, default=1000, help="documents to write (default 1000)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--out", default="-", help="output file; .gz is gzip; - is stdout (default)")
    p.add_argument("--gzip-level", type=int, default=6, help="gzip compression level (default 6)")
    p.add_argument("--max-sentences", type=int, default=300_000,
                   help="cap of each sentence pool (per source and language), default 300000")
    p.add_argument("--max-titles", type=int, default=200_000,
                   help="cap of each title pool (per source and language), default 200000")
    a = p.parse_args()
    if a.count < 0:
        p.error("--count must be >= 0")
    return a


class Reservoir:
    """Uniform sample of at most `cap` items from a stream (algorithm R)."""
    __slots__ = ("cap", "items", "seen", "rnd")

    def __init__(self, cap, rnd):
        self.cap, self.items, self.seen, self.rnd = cap, [], 0, rnd

    def add(self, item):
        self.seen += 1
        if len(self.items) < self.cap:
            self.items.append(item)
        else:
            j = int(self.rnd() * self.seen)
            if j < self.cap:
                self.items[j] = item


def split_sentences(body, join_lines):
    """Sentences of a body: paragraphs, then lines (unless join_lines), then sentences."""
    out = []
    for para in PARA_SPLIT.split(body):
        lines = [para.replace("\n", " ")] if join_lines else para.split("\n")
        for line in lines:
            line = " ".join(line.split())
            if len(line) < MIN_SENTENCE:
                continue
            pending = ""
            for piece in SENT_SPLIT.split(line):
                pending = pending + " " + piece if pending else piece
                if ABBREV_END.search(pending):
                    continue
                if MIN_SENTENCE <= len(pending) <= MAX_SENTENCE:
                    out.append(pending)
                pending = ""
            if MIN_SENTENCE <= len(pending) <= MAX_SENTENCE:
                out.append(pending)
    return out


def in_language(text, lang):
    """False for text plainly in another language than lang (Russian quoted in a Ukrainian
    address, Ukrainian in a Russian text, Russian in an English post)."""
    if lang == "en":
        return not CYRILLIC.search(text) or len(CYRILLIC.findall(text)) < len(LATIN.findall(text))
    if lang == "uk" and RU_ONLY.search(text) and not UK_ONLY.search(text):
        return False
    if lang == "ru" and UK_ONLY.search(text) and not RU_ONLY.search(text):
        return False
    return True


def kremlin_person_name(entry):
    """'ЛАВРОВ Сергей Викторович – Министр ...' -> 'Сергей Лавров'."""
    words = entry.split(" – ")[0].split()
    if len(words) >= 2 and words[0].isupper():
        return words[1] + " " + words[0][:1] + words[0][1:].lower()
    return None


class Corpus:
    """What the generator keeps of the real corpora."""

    def __init__(self, corpora_dir, rng, max_sentences, max_titles):
        rnd = rng.random
        self.sources = []            # source names (file stems)
        self.templates = []          # (pool_key, date, title_len, body_len, n_paras, flags, category)
        self.sentences = {}          # (source, lang) -> Reservoir of sentences or cut bodies
        self.titles = {}             # (source, lang) -> Reservoir of titles
        self.dates = collections.defaultdict(list)   # source -> real dates (for undated templates)
        self.entities = {lang: [] for lang in LANGS}   # lang -> entity names for titles
        self.persons = collections.defaultdict(set)  # (source, lang) -> real "persons" values
        self.places = collections.defaultdict(set)   # (source, lang) -> real "place" values
        self.categories = []
        self.truncated_keys = set()  # (source, lang) whose bodies are cut (not sentences)
        cat_ids = {}
        entity_counts = {lang: collections.Counter() for lang in ENTITY_RE}
        lower_words = {lang: collections.Counter() for lang in ENTITY_RE}
        upper_words = {lang: collections.Counter() for lang in ENTITY_RE}
        self.docs_read = 0
        files = sorted(glob.glob(os.path.join(corpora_dir, "*.jsonl.gz")))
        if not files:
            sys.exit(f"synthesize.py: no *.jsonl.gz in {corpora_dir}")
        for path in files:
            source = os.path.basename(path).split(".")[0]
            self.sources.append(source)
            join_lines = source.startswith("whitehouse")   # its bodies are hard-wrapped
            with gzip.open(path, "rt", encoding="utf-8") as f:
                for line in f:
                    d = json.loads(line)
                    lang = d.get("lang")
                    if lang not in LANGS:
                        continue
                    self.docs_read += 1
                    key = (source, lang)
                    if key not in self.sentences:
                        self.sentences[key] = Reservoir(max_sentences, rnd)
                        self.titles[key] = Reservoir(max_titles, rnd)
                    title = " ".join((d.get("title") or "").split())
                    body = (d.get("body") or "").strip()
                    date = d.get("date")
                    if date:
                        self.dates[source].append(date)
                    truncated = bool(d.get("body_truncated"))
                    if title and in_language(title, lang):
                        self.titles[key].add(title)
                        rx = ENTITY_RE.get(lang)
                        words = WORD.findall(title)[1:] if rx else ()
                        caps = [w for w in words if w[0].isupper()]
                        # sentence case only: not "Title Case", not "all lower case"
                        if words and caps and 2 * len(caps) < len(words):
                            for m in rx.finditer(title):
                                entity_counts[lang][m.group(1)] += 1
                            lower_words[lang].update(w for w in words if w.islower())
                            upper_words[lang].update(w.lower() for w in caps)
                    if truncated:
                        self.truncated_keys.add(key)
                    if body and not d.get("body_suspect_sidebar"):
                        if truncated:
                            if in_language(body, lang):
                                self.sentences[key].add(body)
                        else:
                            for s in split_sentences(body, join_lines):
                                if in_language(s, lang):
                                    self.sentences[key].add(s)
                    flags = 0
                    if truncated:
                        flags |= 1
                    persons = d.get("persons")
                    if persons:
                        flags |= 2
                        for p in persons:
                            self.persons[key].add(p)
                            name = kremlin_person_name(p)
                            if name and lang == "ru":
                                self.entities["ru"].append(name)
                            elif lang == "uk":
                                self.entities["uk"].append(p)
                    place = d.get("place")
                    if place:
                        flags |= 4
                        self.places[key].add(place)
                    for loc in d.get("locations") or ():
                        if lang == "uk":
                            self.entities["uk"].append(loc)
                    cat = d.get("category")
                    cid = -1
                    if cat:
                        cid = cat_ids.get(cat)
                        if cid is None:
                            cid = cat_ids[cat] = len(self.categories)
                            self.categories.append(cat)
                    n_paras = body.count("\n\n") + 1 if body else 0
                    self.templates.append((key, date, len(title), len(body), n_paras, flags, cid))
        # A capitalised pair is a name when, inside sentence-case titles, both its words are
        # mostly written capitalised ("Сергей Лавров", not "На Кипре" or "Top Iranian").
        for lang, counts in entity_counts.items():
            low, up = lower_words[lang], upper_words[lang]
            self.entities[lang] += [
                e for e, n in counts.items() if n >= ENTITY_MIN_COUNT
                and all(up[w] >= 4 * low[w] + 1 for w in re.split(r"[ -]", e.lower()))]
        for lang in LANGS:
            self.entities[lang] = sorted(set(self.entities[lang]))
        self.persons = {k: sorted(v) for k, v in self.persons.items()}
        self.places = {k: sorted(v) for k, v in self.places.items()}
        # Pools as plain lists; a source+language without sentences borrows its language's.
        by_lang = collections.defaultdict(list)
        self.sentence_pool = {}
        for key, res in self.sentences.items():
            self.sentence_pool[key] = res.items
            if key not in self.truncated_keys:
                by_lang[key[1]].extend(res.items)
        for key in self.sentence_pool:
            if not self.sentence_pool[key]:
                self.sentence_pool[key] = by_lang[key[1]]
        titles_by_lang = collections.defaultdict(list)
        for key, res in self.titles.items():
            titles_by_lang[key[1]].extend(res.items)
        self.title_pool = {k: r.items or titles_by_lang[k[1]] for k, r in self.titles.items()}


def make_title(rnd, pool, entities):
    n = len(pool)
    title = pool[int(rnd() * n)]
    r = rnd()
    if r < 0.20:
        # head of one real title + tail of another, joined at the first one's boundary
        a = TITLE_DELIM.split(title, maxsplit=1)
        other = pool[int(rnd() * n)]
        b = TITLE_DELIM.split(other, maxsplit=1)
        if len(a) == 3 and len(b) == 3 and a[0] and b[2]:
            title = a[0] + a[1] + b[2]
    elif r < 0.32 and entities:
        parts = TITLE_DELIM.split(title, maxsplit=1)
        rest = parts[2] if len(parts) == 3 and parts[1] == ": " and parts[2] else title
        title = entities[int(rnd() * len(entities))] + ": " + rest
    return title


def make_body(rnd, pool, body_len, n_paras):
    if body_len == 0 or not pool:
        return ""
    n = len(pool)
    target = int(body_len * (0.8 + 0.4 * rnd())) or 1
    para_target = target // max(n_paras, 1)
    paras, cur, cur_len, total = [], [], 0, 0
    while total < target:
        s = pool[int(rnd() * n)]
        if total and total + len(s) // 2 > target:
            break                    # closer to the target without this sentence
        cur.append(s)
        cur_len += len(s) + 1
        total += len(s) + 1
        if cur_len >= para_target:
            paras.append(" ".join(cur))
            cur, cur_len = [], 0
    if cur:
        paras.append(" ".join(cur))
    return "\n\n".join(paras)


def open_output(path, level):
    if path == "-":
        return sys.stdout.buffer, False
    if path.endswith(".gz"):
        return gzip.open(path, "wb", compresslevel=level), True
    return open(path, "wb"), True


def main():
    args = parse_args()
    rng = random.Random(args.seed)
    rnd = rng.random
    t0 = time.monotonic()
    corpora_dir = os.path.join(args.shared, "corpora")
    if not os.path.isdir(corpora_dir):
        sys.exit(f"synthesize.py: {corpora_dir} not found (give --shared)")
    corpus = Corpus(corpora_dir, rng, args.max_sentences, args.max_titles)
    t_load = time.monotonic() - t0

    templates = corpus.templates
    nt = len(templates)
    sentence_pool, title_pool = corpus.sentence_pool, corpus.title_pool
    entities, persons, places = corpus.entities, corpus.persons, corpus.places
    dates, categories = corpus.dates, corpus.categories
    width = max(7, len(str(args.count)))
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    per_lang = collections.Counter()
    per_source = collections.Counter()
    out, close = open_output(args.out, args.gzip_level)
    written = 0
    buf = []
    t1 = time.monotonic()
    try:
        for i in range(1, args.count + 1):
            key, date, title_len, body_len, n_paras, flags, cid = templates[int(rnd() * nt)]
            source, lang = key
            if not date:
                ds = dates[source]
                date = ds[int(rnd() * len(ds))] if ds else "2025-01-01"
            doc = {"id": f"syn-{i:0{width}d}", "lang": lang, "date": date,
                   "title": make_title(rnd, title_pool[key], entities[lang])}
            pool = sentence_pool[key]
            if flags & 1:
                doc["body"] = pool[int(rnd() * len(pool))] if body_len and pool else ""
                doc["body_truncated"] = True
            else:
                doc["body"] = make_body(rnd, pool, body_len, n_paras)
            doc["source"] = "synthetic:" + source
            if cid >= 0:
                doc["category"] = categories[cid]
            if flags & 4 and key in places:
                pl = places[key]
                doc["place"] = pl[int(rnd() * len(pl))]
            if flags & 2 and key in persons:
                ps = persons[key]
                doc["persons"] = rng.sample(ps, min(len(ps), 1 + int(rnd() * 3)))
            per_lang[lang] += 1
            per_source[source] += 1
            buf.append(dumps(doc))
            if len(buf) >= 2000:
                data = ("\n".join(buf) + "\n").encode("utf-8")
                out.write(data)
                written += len(data)
                buf = []
        if buf:
            data = ("\n".join(buf) + "\n").encode("utf-8")
            out.write(data)
            written += len(data)
        out.flush()
    except BrokenPipeError:
        sys.stderr.write("synthesize.py: output closed early\n")
        return 1
    finally:
        if close:
            out.close()
    t_gen = time.monotonic() - t1

    pools = ", ".join(f"{s.split('_')[0]}/{l} {len(r.items):,}" for (s, l), r in
                      sorted(corpus.sentences.items()))
    err = sys.stderr
    print(f"synthesize.py: {args.count:,} documents, {written / 1e6:,.1f} MB uncompressed, "
          f"seed {args.seed} -> {args.out}", file=err)
    print("  languages: " + ", ".join(f"{l} {per_lang[l]:,}" for l in LANGS), file=err)
    print("  modelled on: " + ", ".join(f"{s} {n:,}" for s, n in per_source.most_common()),
          file=err)
    print(f"  read {corpus.docs_read:,} real documents from {len(corpus.sources)} files; "
          f"sentence pools: {pools}; entities: "
          + ", ".join(f"{l} {len(entities[l]):,}" for l in LANGS), file=err)
    rate = args.count / t_gen if t_gen > 0 else float("inf")
    print(f"  time: loading {t_load:.1f} s, generating {t_gen:.1f} s ({rate:,.0f} docs/s)",
          file=err)
    return 0


if __name__ == "__main__":
    sys.exit(main())
