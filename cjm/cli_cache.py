"""`cjm cache clear` and `cjm cache info`: the build cache seen from the command line."""

from __future__ import annotations

import datetime

from cjm.cli_validate import emit
from cjm.translation import current_language, ngettext


def cache_clear(unused_for: int | None) -> None:
    """Delete every cached check and output, or only those unused for `unused_for` days; print how many."""
    from cjm.cache import BuildCache

    cache = BuildCache()
    removed = cache.clear(datetime.timedelta(days=unused_for) if unused_for is not None else None)
    line = ngettext("removed {count} cache file from {folder}", "removed {count} cache files from {folder}", removed)
    emit(line.format(count=removed, folder=cache.root) + "\n", "")


def cache_info() -> None:
    """Print where the cache is, its number of entries and their size in MiB."""
    from cjm.cache import BuildCache
    from cjm.formatting import number

    cache = BuildCache()
    entries, size = cache.info()
    line = ngettext("{count} entry, {size} MiB", "{count} entries, {size} MiB", entries)
    size_text = number(size / 1_048_576, current_language(), "0.0")
    emit(f"{cache.root}\n" + line.format(count=entries, size=size_text) + "\n", "")
