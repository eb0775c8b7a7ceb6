"""OneStop Desk (원스톱 데스크): the front desk of a crime-victim one-stop center."""

__version__ = "0.1.0"
