"""The XLSForm bridge: the questionnaire as an XLSForm (ODK, KoboToolbox) and back."""
