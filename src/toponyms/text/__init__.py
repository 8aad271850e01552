"""Stage 1 of toponyms: text in, text out, with no knowledge of places.

``translit`` (Cyrillic to Latin by published schemes), ``normalize`` (cleaning, descriptors,
kind hints) and ``forms`` (case forms). Submodules load on demand; importing this package is cheap.
"""
