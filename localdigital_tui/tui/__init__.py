"""The Textual front end of ``localdigital capture``: screens and widgets only.

Every rule (which question comes next, whether an answer is acceptable, what is
missing, where drafts and records go) lives in :mod:`localdigital_tui.core`; the
screens show what the interview flow says and pass on what the respondent chose.
"""
