"""HTML pages to Articles: the article text and its metadata (title, date, site, canonical URL) by trafilatura."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from accord.records import Article, Failure
from accord.sources.files import Item, ReadOptions, fail, parse_published, read_bytes

_SNIFF_BYTES = 8192


def read_html_file(path: Path, options: ReadOptions) -> Iterator[Item]:
    """One article from an HTML file."""
    data = read_bytes(path, options.max_bytes)
    yield data if isinstance(data, Failure) else html_article(data, source=str(path), options=options)


def html_article(
    data: bytes,
    *,
    source: str,
    options: ReadOptions,
    url: str | None = None,
    title: str | None = None,
    published: date | None = None,
) -> Item:
    """An Article from an HTML page; title and published fill in what the page does not say."""
    import trafilatura  # imported on first use: it pulls in lxml and friends

    if b"\x00" in data[:_SNIFF_BYTES]:
        return fail(source, "binary file (NUL byte in the first 8 KB), not HTML")
    try:
        doc = trafilatura.bare_extraction(
            data, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except (ValueError, TypeError, UnicodeError) as exc:
        return fail(source, f"cannot parse the HTML: {exc}")
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        return fail(source, "no article text found in the HTML")
    day, day_source = _published(getattr(doc, "date", None), published, options)
    return Article.create(
        # Each extracted block is a paragraph: a blank line keeps the headline out of the first sentence.
        text="\n\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n",
        url=getattr(doc, "url", None) or url,
        outlet=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        title=getattr(doc, "title", None) or title,
        published=day,
        published_source=day_source,
        source=source,
    )


def _published(found: str | None, given: date | None, options: ReadOptions) -> tuple[date | None, str | None]:
    """The page's own date, else the one its feed gave, else the --published option."""
    try:
        day = parse_published(found)
    except ValueError:
        day = None  # trafilatura's guess is not a date we read: fall back
    if day is not None:
        return day, "field"
    if given is not None:
        return given, "field"
    return options.published, "option" if options.published else None
