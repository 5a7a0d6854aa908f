"""careboard benchmarks: `make bench` (python -m bench). See bench/README.md."""
