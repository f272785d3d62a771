"""Benchmarks (``make bench``): each ``bench_*.py`` module has a ``main()`` printing its figures.

Figures are ratios against a baseline measured in the same run; they are copied into
``BENCHMARKS.md`` with the command and the machine.
"""
