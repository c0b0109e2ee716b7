"""What the interview screen shows in its body, one view per kind of step; one per module."""
