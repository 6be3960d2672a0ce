"""RSS/Atom feeds and URLs to Articles: a feed item with a body is coded as it is, one without is fetched.

feedparser is always handed bytes, never a path or a URL, so it reads nothing on its own: every fetch
goes through ``web.fetch`` with Accord's time-out and size limit. A feed that does not parse is a
Failure; one that parses with errors keeps the items it could read, and a Failure says what was wrong.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from accord.records import Article, Failure
from accord.sources.files import Item, ReadOptions, fail, read_bytes
from accord.sources.web import Fetched, fetch

_MIN_BODY_WORDS = 40  # a shorter description is a teaser: the item's page holds the story
_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"</?(?:p|div|br|li|h[1-6]|blockquote)\b[^>]*>", re.IGNORECASE)
_FEED_TYPES = ("rss", "atom", "xml")


def read_feed_file(path: Path, options: ReadOptions) -> Iterator[Item]:
    """The items of an RSS or Atom file."""
    data = read_bytes(path, options.max_bytes)
    if isinstance(data, Failure):
        yield data
        return
    yield from feed_items(data, source=str(path), options=options)


def read_url(url: str, options: ReadOptions) -> Iterator[Item]:
    """A URL: the items of a feed, or one article from an HTML or text page."""
    page = fetch(url, timeout=options.fetch_timeout, max_bytes=options.max_bytes)
    if isinstance(page, Failure):
        yield page
    elif _is_feed(page):
        yield from feed_items(page.data, source=url, options=options)
    elif "html" in page.content_type or page.data.lstrip()[:15].lower().startswith((b"<!doctype", b"<html")):
        from accord.sources.html import html_article

        yield html_article(page.data, source=url, url=page.url, options=options)
    elif page.content_type.startswith("text/"):
        yield _text_page(page, url, options)
    else:
        yield fail(url, f"cannot read a page of type {page.content_type or 'unknown'}")


def feed_items(data: bytes, *, source: str, options: ReadOptions) -> Iterator[Item]:
    """The articles of a feed's items, in feed order; each item's source is ``FEED#N``."""
    import feedparser  # imported on first use

    parsed = feedparser.parse(data)
    entries = [e for e in parsed.entries if e.get("link") or e.get("title") or e.get("summary")]
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not parsed.get("version") and not entries:
        detail = f" ({_one_line(problem)})" if problem else ""
        yield fail(source, f"not an RSS or Atom feed{detail}")
        return
    if problem is not None:
        kept = f"{len(entries)} item(s) read anyway" if entries else "no item could be read"
        yield fail(source, f"malformed feed ({_one_line(problem)}); {kept}")
    outlet = parsed.feed.get("title") or None
    for index, entry in enumerate(entries, start=1):
        yield _entry(entry, f"{source}#{index}", outlet, options)


def _entry(entry: Any, source: str, outlet: str | None, options: ReadOptions) -> Item:
    """One feed item: its own body when it has one, else its page fetched."""
    link = entry.get("link") or None
    title = _plain(entry.get("title") or "") or None
    published = _entry_date(entry)
    body = _body(entry)
    if body is None and link:
        page = fetch(link, timeout=options.fetch_timeout, max_bytes=options.max_bytes)
        if isinstance(page, Failure):
            return fail(source, f"item page {page.reason}")
        from accord.sources.html import html_article

        item = html_article(
            page.data, source=source, url=page.url, title=title, published=published, options=options
        )
        return item if isinstance(item, Failure) else _with_outlet(item, outlet)
    body = body or _plain(entry.get("summary") or "")
    if not body:
        return fail(source, "feed item has no text and no link")
    text = f"{title}\n\n{body}\n" if title and not body.startswith(title) else f"{body}\n"
    return Article.create(
        text=text, url=link, outlet=outlet, title=title, published=published or options.published,
        published_source="field" if published else ("option" if options.published else None), source=source,
    )  # fmt: skip


def _body(entry: Any) -> str | None:
    """The item's full text: its content, or a description long enough not to be a teaser."""
    for content in entry.get("content") or ():
        text = _plain(content.get("value") or "")
        if text:
            return text
    summary = _plain(entry.get("summary") or "")
    return summary if len(summary.split()) >= _MIN_BODY_WORDS else None


def _plain(markup: str) -> str:
    """Text of an HTML fragment: block tags become paragraph breaks, other tags go, entities are decoded."""
    text = html.unescape(_TAG.sub("", _BLOCK.sub("\n\n", markup)))
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def _entry_date(entry: Any) -> date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    try:
        return date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
    except ValueError:
        return None


def _with_outlet(article: Article, outlet: str | None) -> Article:
    if article.outlet or not outlet:
        return article
    from dataclasses import replace

    return replace(article, outlet=outlet)


def _is_feed(page: Fetched) -> bool:
    if any(kind in page.content_type for kind in _FEED_TYPES):
        return True
    head = page.data[:1024].lstrip().lower()
    return head.startswith((b"<?xml", b"<rss", b"<feed"))


def _text_page(page: Fetched, url: str, options: ReadOptions) -> Item:
    from accord.sources.files import _decode, _text_article

    text = _decode(page.data, url)
    return text if isinstance(text, Failure) else _text_article(text, url, options)


def _one_line(problem: object) -> str:
    text = " ".join(str(problem).split())
    return text[:200] or type(problem).__name__
