"""DfE benchmarks: published England, regional, statistical-neighbour and LA figures.

`sources` says which DfE file, filter and column gives each indicator code; `build` turns the
DfE benchmark pack into the compact snapshot shipped in `careboard/analytics/data/`; `snapshot`
loads it for the app; `symbols` reads DfE's suppression symbols as missing values with reasons.
"""
