"""Personal answers encrypted at rest: age key files, sealed answers, encrypted personal lines.

pyrage is imported only by :mod:`.keys` and :mod:`.sealed_answers`, which only the
commands that encrypt or decrypt import; :mod:`.ciphertext` checks the shape of a
sealed answer without it, for validate and merge.
"""
