#!/usr/bin/env python3
"""Common words kept: does newsseg's output hold each common word as often as its input did?

    benches/common_words.py fr target/bench/real-fr/out [more out dirs...]
    benches/common_words.py de target/bench/real-de/out

For every page JSON in the folders given, the input lines that went into an article's text
(roles headline, kicker, deck, subhead, body, dateline, caption, credit: not bylines, jumps,
furniture or noise) are read back from the page's source by their spans, and each common word of
the language is counted there and in the articles' `text`, as whole words, case-blind. A word
the output holds less often than the input was changed into something else on the way (an OCR
"correction" towards another language's word list): the script prints a line per word and exits
1 if any word lost occurrences.

A word broken at a line's end is counted whole: of two lines of one article that follow each
other in the source, a line ending in a hyphen is read joined to the next without it (quel-/que
is "quelque", not "que"), which is what the output says where the hyphen was a word break. Where
the output keeps the hyphen (dit-/il, Saint-/Jean) it holds both words and counts more, never
fewer.

The word lists are each language's own common function words, from general knowledge of the
language, not from any test page. tests/common_words.rs checks the same on the library's output.
"""
import json
import os
import re
import sys
from collections import Counter

WORDS = {
    "fr": """le la les un une des du et est dans pour par sur avec qui que pas plus mais donc faut
             fois contre dont sont été aussi même tout leur nous sans comme cette entre elle""".split(),
    "de": """der die das und nicht ist ein eine den dem des mit von zu auf für sich auch als wie aber
             noch nur denn darf ganze doch schon wird wurde sind hat über nach bei""".split(),
    "en": """the of and to in that was for with his had not but which from have this by are they
             were been their would there all upon said when one more some""".split(),
}
TEXT_ROLES = {"headline", "kicker", "deck", "subhead", "body", "dateline", "caption", "credit"}
WORD = re.compile(r"\w+")
HYPHEN = re.compile("[-\u00ad\u2010\u2e17\u00ac]$")


def counts(text, wanted):
    return Counter(w for w in WORD.findall(text.lower()) if w in wanted)


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in WORDS:
        sys.exit(__doc__)
    wanted = set(WORDS[sys.argv[1]])
    before, after = Counter(), Counter()
    pages = 0
    for out in sys.argv[2:]:
        for name in sorted(os.listdir(out)):
            if not name.endswith(".json"):
                continue
            page = json.load(open(os.path.join(out, name), encoding="utf-8"))
            src = page["source"]
            if src.get("spans") != "input":
                print(f"{name}: spans count {src.get('spans')} bytes, skipped", file=sys.stderr)
                continue
            raw = open(src["path"], "rb").read()
            pages += 1
            run, run_article = "", None
            for line in page["lines"]:
                if line["article"] is None or line["role"] not in TEXT_ROLES:
                    continue
                a, b = line["span"]
                text = raw[a:b].decode("utf-8", "replace")
                if run_article == line["article"] and HYPHEN.search(run):
                    run = HYPHEN.sub("", run) + text
                    continue
                before += counts(run, wanted)
                run, run_article = text, line["article"]
            before += counts(run, wanted)
            for art in page["articles"]:
                after += counts(art["text"], wanted)
    lost = [w for w in WORDS[sys.argv[1]] if after[w] < before[w]]
    print(f"{pages} pages; word: input lines -> article text")
    for w in WORDS[sys.argv[1]]:
        mark = "  LOST" if w in lost else ""
        print(f"  {w:10} {before[w]:6} -> {after[w]:6}{mark}")
    print(f"total {sum(before.values())} -> {sum(after.values())}; words losing occurrences: {len(lost)}")
    sys.exit(1 if lost else 0)


if __name__ == "__main__":
    main()
