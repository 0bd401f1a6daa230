"""A reproducible synthetic corpus for the benchmark: health articles in Markdown, text and HTML.

Each article is assembled from the sentences of the sample articles in ``corpus/`` (shuffled
with a fixed seed, so the same arguments always write the same bytes), laid out the way real
pages are: a title, sections with headings, the odd bullet list and link, front matter for
Markdown and a head for HTML. Files are spread over subfolders of 100.

    python bench/corpus.py --count 1000 --out bench/out/corpus-1000
"""

from __future__ import annotations

import argparse
import html
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "corpus"
_SENTENCE = re.compile(r"[^.!?]+[.!?]+[\"')\]]*")
_KINDS = ("md", "md", "md", "txt", "html")  # Markdown is the common case


def sentence_pool(folder: Path = SAMPLES) -> list[str]:
    pool: list[str] = []
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".txt", ".md"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            for match in _SENTENCE.finditer(line):
                sentence = match.group().strip()
                if 5 <= len(sentence.split()) <= 60 and sentence[0].isupper():
                    pool.append(sentence)
    if not pool:
        raise SystemExit(f"no sentences found in {folder}")
    return pool


def _sections(rng: random.Random, pool: list[str]) -> list[tuple[str, list[list[str]]]]:
    """Headings, each with paragraphs of sentences; about 300 to 1,200 words in all."""
    target = rng.randint(300, 1200)
    sections: list[tuple[str, list[list[str]]]] = []
    words = 0
    while words < target:
        heading = " ".join(rng.choice(pool).rstrip(".!?").split()[: rng.randint(2, 6)])
        paragraphs = []
        for _ in range(rng.randint(1, 4)):
            paragraph = [rng.choice(pool) for _ in range(rng.randint(2, 6))]
            words += sum(len(s.split()) for s in paragraph)
            paragraphs.append(paragraph)
        sections.append((heading, paragraphs))
    return sections


def _markdown(title: str, sections: list[tuple[str, list[list[str]]]], rng: random.Random) -> str:
    out = [f'---\ntitle: "{title}"\nauthor: Health Desk\ndate: 2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n'
           f"---\n\n# {title}\n"]
    for heading, paragraphs in sections:
        out.append(f"\n## {heading}\n")
        for paragraph in paragraphs:
            if rng.random() < 0.15:
                out.append("\n" + "\n".join(f"- {s}" for s in paragraph) + "\n")
            else:
                text = " ".join(paragraph)
                if rng.random() < 0.2:
                    text += f" See the [guidance](https://www.example.org/{rng.randint(1, 999)})."
                out.append(f"\n{text}\n")
    return "".join(out)


def _plain(title: str, sections: list[tuple[str, list[list[str]]]]) -> str:
    blocks = [title]
    for heading, paragraphs in sections:
        blocks.append(heading)
        blocks.extend(" ".join(p) for p in paragraphs)
    return "\n\n".join(blocks) + "\n"


def _html(title: str, sections: list[tuple[str, list[list[str]]]]) -> str:
    out = [f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
           "</head>\n<body><article>\n", f"<h1>{html.escape(title)}</h1>\n"]
    for heading, paragraphs in sections:
        out.append(f"<h2>{html.escape(heading)}</h2>\n")
        out.extend(f"<p>{html.escape(' '.join(p))}</p>\n" for p in paragraphs)
    out.append("</article></body></html>\n")
    return "".join(out)


def write_corpus(out: Path, count: int, seed: int = 11, pool: list[str] | None = None) -> list[Path]:
    """Write ``count`` articles under ``out`` (reusing them when already written) and return their paths."""
    pool = pool or sentence_pool()
    rng = random.Random(seed)
    paths: list[Path] = []
    for index in range(count):
        kind = rng.choice(_KINDS)
        title = " ".join(rng.choice(pool).rstrip(".!?").split()[:8])
        sections = _sections(rng, pool)
        if kind == "md":
            body = _markdown(title, sections, rng)
        elif kind == "html":
            body = _html(title, sections)
        else:
            body = _plain(title, sections)
        path = out / f"part-{index // 100:04d}" / f"article-{index:06d}.{kind}"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = body.encode("utf-8")
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    paths = write_corpus(args.out, args.count, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} articles ({size / 1e6:.1f} MB) under {args.out}")


if __name__ == "__main__":
    main()
