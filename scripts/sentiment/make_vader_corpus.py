#!/usr/bin/env python3
r"""Generate the VADER parity fixture: deterministic headline-like sentences scored by NLTK.

Usage: make_vader_corpus.py [--out PATH] [--count N] [--seed S]

Needs NLTK and its VADER lexicon (see check_vader_parity.sh, which sets both up). Writes
text<TAB>compound lines. In the text, backslash, tab, LF and CR appear as \\, \t, \n, \r, and
other whitespace or control characters (which some readers treat as line breaks) as \uXXXX.
"""
import argparse
import os
import random
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from market_headlines import HEADLINES  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, "..", "..", "Tests", "BrookSentimentTests", "Fixtures", "vader_nltk_parity.tsv"))

COMPANIES = ["Apple", "Tesla", "Nvidia", "Microsoft", "Amazon", "Meta", "Intel", "AMD", "Boeing", "Ford",
             "Netflix", "Alphabet", "Pfizer", "Exxon", "JPMorgan", "Walmart", "Disney", "Oracle", "Uber", "Nike"]
TICKERS = ["$AAPL", "$TSLA", "$NVDA", "AAPL", "TSLA", "MSFT", "$SPY", "QQQ", "$BTC", "GOOGL", "(AMZN)", "$F,"]
FIRMS = ["Piper Sandler", "Goldman Sachs", "Morgan Stanley", "JPMorgan", "Citi", "Barclays", "UBS", "Jefferies",
         "Wedbush", "Bernstein", "Evercore ISI", "Bank of America"]
SUBJECTS = ["shares", "stock", "revenue", "profit", "earnings", "guidance", "outlook", "margins", "sales", "demand",
            "the market", "investors", "analysts", "the Fed", "oil", "gold", "bitcoin", "yields", "the dollar", "futures"]
VERBS = ["rose", "fell", "jumped", "dropped", "surged", "plunged", "climbed", "slid", "gained", "lost", "beat", "missed",
         "raised", "cut", "upgraded", "downgraded", "rallied", "tumbled", "soared", "sank", "is", "was", "looks", "seems"]
FILLER = ["the", "a", "of", "in", "on", "at", "after", "before", "as", "with", "for", "to", "and", "or", "amid",
          "while", "than", "today", "this", "week", "quarter", "year", "price", "target", "company", "report"]
NEGATIONS = ["not", "no", "never", "isn't", "wasn't", "don't", "can't", "won't", "didn't", "aint", "cannot", "without",
             "nothing", "none", "nor", "neither", "rarely", "seldom", "despite", "nope", "uh-uh", "shouldn't", "n't",
             "DON'T", "Never", "NOT", "Isn't", "wouldnt", "isnt"]
BOOSTERS = ["very", "extremely", "really", "so", "most", "more", "totally", "hugely", "barely", "slightly",
            "somewhat", "kinda", "sorta", "less", "little", "hardly", "quite", "VERY", "Really", "SO", "kind-of",
            "sort-of", "fucking", "particularly", "almost", "partly", "absolutely", "effing"]
SPECIAL = ["kind of", "sort of", "just enough", "at least", "very least", "least", "the least", "never so",
           "never this", "so", "this", "but", "BUT", "But", "yet", "however", "though", "kind", "of", "at",
           "the shit", "the bomb", "bad ass", "yeah right", "cut the mustard", "kiss of death", "hand to mouth",
           "The bomb", "Yeah right", "no", "No", "NO", "not so", "not very", "never really", "this is"]
EMOTICONS = [":)", ":(", ":-)", ":-(", ":D", ";)", "<3", ":/", ":p", ":P", "xD", "XD", "=)", ":'(", "(:", "):",
             "^_^", "-_-", "o.O", ":-Þ", ":Þ", "</3", ":-D", ";-)", "8)", ":-|"]
PUNCT_AFTER = ["", "", "", "", ",", ".", "!", "!!", "!!!", "!!!!", "?", "??", "???", "?!?", "!?!", "?!?!", "!?!?",
               ";", ":", "-", "'", "\"", "...", ")", "%", ".,", "?!", "!?", "--", "''", "\"\"", "*", "#"]
PUNCT_BEFORE = ["", "", "", "", "", "\"", "'", "(", "-", "#", "@", "$", ".", ",", "!", "?", "!!", "??", "*", "--"]
ONE_LETTER = ["a", "I", "A", "i", "x", "$", "%", "&", "-", "!", "?", "é", "U", "S", "é,"]
NUMBERS = ["3%", "-2.5%", "+4.1%", "$1.2B", "10", "2024", "Q3", "1st", "50-day", "$250", "7.5", "0.5%", "100,000",
           "$53", "1.5x", "2Q24", "-0.3", "+0.3"]
UNICODE = ["Café", "naïve", "Société Générale", "“great”", "‘bad’", "—", "résumé", "ÉLAN", "Ünited", "ÀÉÎ", "straße",
           "İstanbul", "K", "ǅemal", "ⅷ", "ΣΑΣ", "good…", "…bad", "→", "€5bn", "£", "¥"]
SPACES = [" ", " ", " ", " ", " ", " ", "  ", "\t", "\u00a0", "\n", " \u3000", "\u2009", "\u200a", "\u2028", "\x1c",
          "\u200b", "\u0085", "\u202f", "\u205f", "\r\n"]


def lexicon_words(sia):
    words = sorted(sia.lexicon)
    plain = [w for w in words if w.isalpha()]
    other = [w for w in words if not w.isalpha()]
    return plain, other


def case_variant(rng, word):
    roll = rng.random()
    if roll < 0.70:
        return word
    if roll < 0.85:
        return word.upper()
    if roll < 0.95:
        return word.capitalize()
    return "".join(c.upper() if rng.random() < 0.5 else c for c in word)


def decorate(rng, word):
    if rng.random() < 0.25:
        word = rng.choice(PUNCT_BEFORE) + word
    if rng.random() < 0.35:
        word = word + rng.choice(PUNCT_AFTER)
    return word


def random_sentence(rng, plain, other):
    pieces = []
    length = rng.randint(1, 16)
    for _ in range(length):
        kind = rng.random()
        if kind < 0.30:
            piece = case_variant(rng, rng.choice(plain))
        elif kind < 0.40:
            piece = rng.choice(FILLER)
        elif kind < 0.47:
            piece = case_variant(rng, rng.choice(NEGATIONS))
        elif kind < 0.55:
            piece = rng.choice(BOOSTERS)
        elif kind < 0.63:
            piece = rng.choice(SPECIAL)
        elif kind < 0.67:
            piece = rng.choice(EMOTICONS + other[:50])
        elif kind < 0.72:
            piece = rng.choice(VERBS)
        elif kind < 0.76:
            piece = rng.choice(SUBJECTS)
        elif kind < 0.80:
            piece = rng.choice(TICKERS + COMPANIES)
        elif kind < 0.84:
            piece = rng.choice(NUMBERS)
        elif kind < 0.88:
            piece = rng.choice(ONE_LETTER)
        elif kind < 0.91:
            piece = rng.choice(UNICODE)
        elif kind < 0.95 and pieces:
            piece = rng.choice(pieces)  # repeated words exercise NLTK's first-occurrence lookup
        else:
            piece = rng.choice(plain)
        pieces.append(decorate(rng, piece))
    text = ""
    for index, piece in enumerate(pieces):
        if index:
            text += rng.choice(SPACES)
        text += piece
    if rng.random() < 0.2:
        text = rng.choice(["", " ", "  ", "\t"]) + text + rng.choice(["", " ", "!", "?", "!!", "??", "...", " !"])
    return text


SOUP = list("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\x0b\x0c\x1c\x1f\x85\xa0") + [
    "\u1680", "\u2000", "\u200a", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\u212a", "\u0130",
    "\u01c5", "\u1e9e", "\u00df", "\u0301", "\u03a3", "\u03c3", "\u2160", "\u24b6", "\U0001F600", "\uff21", "\uff41"]


def char_soup(rng, plain):
    """Lexicon words glued to runs of punctuation, odd whitespace and case-mapping edge cases."""
    text = ""
    for _ in range(rng.randint(1, 10)):
        if rng.random() < 0.55:
            text += case_variant(rng, rng.choice(plain))
        else:
            text += "".join(rng.choice(SOUP) for _ in range(rng.randint(1, 4)))
        text += rng.choice(["", " ", " ", "  ", "\u00a0", "\t"])
    return text


def template_headline(rng):
    company = rng.choice(COMPANIES)
    firm = rng.choice(FIRMS)
    pct = f"{rng.randint(1, 40)}{rng.choice(['', '.5', '.2'])}%"
    price = f"${rng.randint(10, 900)}"
    templates = [
        f"{firm} Raises {company} Price Target to {price}",
        f"{firm} Cuts {company} Price Target to {price}",
        f"{firm} Upgrades {company} to Buy",
        f"{firm} Downgrades {company} to Sell",
        f"{company} shares fell {pct} after earnings miss",
        f"{company} shares rose {pct} after earnings beat",
        f"{company} stock surges {pct} on strong guidance",
        f"{company} stock plunges {pct} as outlook disappoints",
        f"{company} beats expectations, raises full-year forecast",
        f"{company} misses estimates and cuts guidance",
        f"{company} issues profit warning; shares drop {pct}",
        f"{company} reports record revenue of {price} billion",
        f"{company} loss narrowed to {price} million",
        f"{company} announces layoffs amid slowing demand",
        f"Why {company} stock is down {pct} today",
        f"Is {company} stock a buy after its {pct} rally?",
        f"{company} (NASDAQ:{company[:4].upper()}) hits 52-week high",
        f"{company} slips as {firm} turns cautious",
        f"{company} isn't cheap, but it's not expensive either",
        f"{company} CEO says demand is 'very strong'",
    ]
    return rng.choice(templates)


def escape(text):
    """Backslash-escape so no line-breaking or control character is left raw in the fixture."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch in "\t\n\r":
            out.append({"\t": "\\t", "\n": "\\n", "\r": "\\r"}[ch])
        elif ch != " " and (ch.isspace() or unicodedata.category(ch) in ("Cc", "Zl", "Zp")):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--count", type=int, default=2400, help="number of generated sentences")
    parser.add_argument("--seed", type=int, default=20140601)
    args = parser.parse_args()

    from nltk.sentiment.vader import SentimentIntensityAnalyzer
    sia = SentimentIntensityAnalyzer()
    plain, other = lexicon_words(sia)
    rng = random.Random(args.seed)

    texts = list(HEADLINES)
    texts += [template_headline(rng) for _ in range(300)]
    texts += [random_sentence(rng, plain, other) for _ in range(args.count)]
    texts += [char_soup(rng, plain) for _ in range(args.count // 8)]
    texts += ["", " ", "!!!", "a", "Good", "GOOD", "GOOD good", "not good", "NOT GOOD at all", "good good not good",
              "Good GOOD good!", "kind of good", "Kind of good", "the least good", "at least good",
              "very least good", "never so good", "never this good", "no good", "no", "the shit", "cut the mustard",
              "good, but bad", "good but BAD", "bad but good but bad"]

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        for text in texts:
            compound = sia.polarity_scores(text)["compound"]
            out.write(f"{escape(text)}\t{compound!r}\n")
    print(f"wrote {len(texts)} rows to {args.out}")


if __name__ == "__main__":
    main()
