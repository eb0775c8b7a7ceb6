"""Realistic demo data (Faker ``ko_KR``) for training, screenshots and benchmarks.

- :mod:`people`: invented people and case facts, at the center's pace and crime shares;
- :mod:`story`: how far each case and each of its referrals got by today (pure);
- :mod:`writer`: stories to rows, written in bulk one batch per transaction;
- :mod:`generate`: the entry point tying them together.

Never load demo data into a center's real database: ``services.demo.DemoService`` refuses a
database that holds real cases. Faker is not in the application bundle (``build.spec``
excludes this package).
"""

from __future__ import annotations

from onestop_desk.demo.generate import generate_demo

__all__ = ["generate_demo"]
