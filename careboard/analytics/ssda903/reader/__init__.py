"""Reading SSDA903 returns: CSV-per-table or DfE XML, from a folder, files or a zip.

`read_return(source, year)` gives a `RawReturn`: raw text tables (see `normalise`) and the
file-level findings (rule ids in `file_rules`). The reader never raises on bad input.
"""

from careboard.analytics.ssda903.reader.raw_return import RawReturn
from careboard.analytics.ssda903.reader.read import read_return
from careboard.analytics.ssda903.reader.sources import ZipLimits

__all__ = ["RawReturn", "ZipLimits", "read_return"]
