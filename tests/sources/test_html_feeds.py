"""HTML pages, RSS/Atom feeds and URLs; every URL is served by a local http.server started here, nothing leaves the machine."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from accord.records import Article, Failure
from accord.sources import read_sources

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Pakistan and Belarus agree on trade | The Nation</title>
<meta property="og:site_name" content="The Nation">
<meta property="article:published_time" content="2023-05-30T08:00:00+05:00">
<link rel="canonical" href="https://nation.com.pk/2023/05/30/pak-blr"></head>
<body><nav>Home | World | Sports</nav><article><h1>Pakistan and Belarus agree on trade</h1>
<p>ISLAMABAD - Pakistan and Belarus agreed on Tuesday to boost bilateral trade, officials said.</p>
<p>Belarus Foreign Minister Sergei Aleinik met Pakistani Foreign Minister Bilawal Bhutto Zardari.</p>
</article><footer>Copyright 2023 - all rights reserved</footer></body></html>"""

LONG_BODY = " ".join(["Japan and India signed a defence pact in Tokyo on Monday."] * 6)


def feed(base: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>World Wire</title><link>{base}/</link>
<item><title>Japan, India sign pact</title><link>{base}/pact.html</link>
  <pubDate>Mon, 05 Jun 2023 09:00:00 GMT</pubDate><description>{LONG_BODY}</description></item>
<item><title>Pakistan and Belarus</title><link>{base}/page.html</link>
  <pubDate>Tue, 30 May 2023 08:00:00 GMT</pubDate><description>Read more.</description></item>
<item><title>Gone</title><link>{base}/missing.html</link><description>Teaser.</description></item>
</channel></rss>"""


class _Handler(http.server.BaseHTTPRequestHandler):
    pages: dict[str, tuple[str, bytes]] = {}

    def do_GET(self) -> None:
        found = self.pages.get(self.path)
        if found is None:
            self.send_error(404, "Not Found")
            return
        kind, body = found
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output clean


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A web server on 127.0.0.1 serving a feed, its pages, a text page and a malformed feed."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    _Handler.pages = {
        "/feed.xml": ("application/rss+xml", feed(base).encode()),
        "/page.html": ("text/html; charset=utf-8", PAGE.encode()),
        "/notes.txt": ("text/plain", b"China criticized Japan on Friday.\n"),
        "/broken.xml": ("application/rss+xml", b"<rss><channel><item><title>x</ti"),
        "/image.png": ("image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50),
    }
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def _read(*sources: str | Path) -> list[Article | Failure]:
    return list(read_sources(sources, fetch_timeout=5))


def test_html_file_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (article,) = _read(path)
    assert isinstance(article, Article)
    assert article.title == "Pakistan and Belarus agree on trade"
    assert article.published == date(2023, 5, 30) and article.published_source == "field"
    assert article.outlet == "The Nation" and article.url == "https://nation.com.pk/2023/05/30/pak-blr"
    assert (
        "Aleinik" in article.text and "Copyright" not in article.text and "Home | World" not in article.text
    )
    assert article.text.startswith(
        "Pakistan and Belarus agree on trade\n\nISLAMABAD"
    )  # headline its own paragraph


def test_binary_html_file_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(b"<html>\x00\x01\x02")
    (failure,) = _read(path)
    assert isinstance(failure, Failure) and "binary" in failure.reason and str(path) in failure.reason


def test_feed_file_items_with_a_body_are_read_without_fetching(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    # Links to a port nothing listens on: an item with a body must not be fetched.
    path.write_text(feed("http://127.0.0.1:9"), encoding="utf-8")
    items = _read(path)
    first = items[0]
    assert isinstance(first, Article) and first.published == date(2023, 6, 5)
    assert first.outlet == "World Wire" and first.source == f"{path}#1"
    assert first.text.startswith("Japan, India sign pact\n\nJapan and India")
    # The teasers' pages cannot be fetched: each is its own failure, named by item.
    assert [type(i).__name__ for i in items[1:]] == ["Failure", "Failure"]
    assert f"{path}#2" in items[1].reason and "cannot fetch" in items[1].reason


def test_feed_url_fetches_the_pages_of_items_without_a_body(server: str) -> None:
    items = _read(f"{server}/feed.xml")
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(articles) == 2 and len(failures) == 1
    page = articles[1]
    assert "Aleinik" in page.text and page.published == date(2023, 5, 30)
    assert page.url == "https://nation.com.pk/2023/05/30/pak-blr"  # the canonical URL the page gives
    assert "HTTP 404" in failures[0].reason and f"{server}/feed.xml#3" in failures[0].reason


def test_plain_urls_html_text_and_errors(server: str) -> None:
    html_page, text_page, missing, image = _read(
        f"{server}/page.html", f"{server}/notes.txt", f"{server}/nothing", f"{server}/image.png"
    )
    assert isinstance(html_page, Article) and html_page.outlet == "The Nation"
    assert isinstance(text_page, Article) and text_page.text.startswith("China criticized")
    assert isinstance(missing, Failure) and "HTTP 404" in missing.reason
    assert isinstance(image, Failure) and "image/png" in image.reason


def test_malformed_feed_is_a_failure_with_the_reason(server: str, tmp_path: Path) -> None:
    (failure,) = [i for i in _read(f"{server}/broken.xml") if isinstance(i, Failure)]
    assert "malformed feed" in failure.reason or "not an RSS or Atom feed" in failure.reason
    path = tmp_path / "junk.xml"
    path.write_text("this is not XML at all", encoding="utf-8")
    (junk,) = _read(path)
    assert isinstance(junk, Failure) and "not an RSS or Atom feed" in junk.reason and str(path) in junk.reason


def test_unreachable_url_is_a_failure() -> None:
    (failure,) = _read("http://127.0.0.1:9/feed.xml")
    assert isinstance(failure, Failure) and "cannot fetch" in failure.reason
