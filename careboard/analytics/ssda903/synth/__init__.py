"""Synthetic SSDA903 returns: invented children's life courses cut into yearly returns.

`generate(SynthRequest(...))` (or `careboard synth`) writes one folder per collection year,
named by the year it ends, plus an invented postcode directory and MANIFEST.json. Modules:
`lifecourse` (children and their care), `snapshot` (a year's return), `writers` (CSV, XML),
`postcodes` (ONSPD-shaped directory), `defects` (named faults), `profiles` (England priors).
"""
