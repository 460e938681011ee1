"""claimmap: turn war reporting into a claim map.

Importing the package is cheap; every stage loads its data on first use.
"""

__version__ = "0.1.0"
