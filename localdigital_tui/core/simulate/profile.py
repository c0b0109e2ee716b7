"""How simulated respondents answer: shares, answer weights and item non-response.

The weights are the council percentages of the report's tables (sections 4 and
5, as in ``data/targets.csv``), so simulated data has the report's shape at any
size; suppliers answer with the same weights. Non-response rates follow the row
bases of the reconstructed 2013 data (Q7 rows are skipped most, Q9 by almost half
of councils, ``q10_amount`` given by 29 of about 100 "yes"). A question or row the
profile does not name is answered by every respondent, with equal weights.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Relative numbers of respondents: 178 local-authority and 22 supplier staff.
AUDIENCE_WEIGHTS: dict[str, float] = {"council": 178, "supplier": 22}

# Weights in the order of the scale's choices (agree5: strongly disagree .. strongly agree).
GRID_WEIGHTS: dict[str, dict[str, tuple[float, ...]]] = {
    "q5": {
        "better_for_less": (0.6, 2.2, 6.2, 52.2, 38.8),
        "customer_journey": (0.6, 4.5, 10.7, 52.8, 31.5),
        "assisted_digital": (0.6, 0.6, 15.7, 60.1, 23.0),
        "equal_access": (8.4, 41.0, 25.8, 16.3, 8.4),
        "cost_effective": (0.0, 3.4, 16.9, 48.3, 31.5),
        "service_transformation": (0.0, 2.8, 7.3, 57.3, 32.6),
        "flexible_working": (0.0, 0.6, 7.3, 48.3, 43.8),
        "citizen_interaction": (0.0, 3.9, 12.9, 56.2, 27.0),
        "councillor_engagement": (0.0, 7.9, 29.8, 51.1, 11.2),
        "accountability": (0.0, 16.4, 34.5, 40.1, 9.0),
        "sharing_services": (0.0, 12.9, 19.1, 50.0, 18.0),
        "outsourcing": (2.8, 20.2, 42.1, 27.0, 7.9),
        "internal_collaboration": (0.0, 7.3, 15.2, 55.1, 22.5),
        "public_sector_collaboration": (0.6, 5.1, 21.9, 55.6, 16.9),
        "local_economy": (2.8, 12.9, 46.6, 29.2, 8.4),
    },
    "q6": {
        "sector_leadership": (1.1, 18.5, 80.3),
        "internal_leadership": (1.1, 6.2, 92.7),
        "national_strategy": (3.4, 46.6, 50.0),
        "guiding_strategy": (1.7, 20.3, 78.0),
        "business_case": (1.1, 13.5, 85.4),
        "supplier_pool": (5.1, 36.0, 59.0),
        "skilled_resource": (4.5, 11.8, 83.7),
        "sharing_practice": (0.6, 17.5, 81.9),
        "exemplars": (4.0, 26.0, 70.1),
        "shared_assets": (1.7, 25.3, 73.0),
        "data_sharing": (0.6, 22.0, 77.4),
    },
    "q7": {
        "elected_members": (31.9, 41.8, 26.2),
        "chief_executive": (45.1, 32.4, 22.5),
        "head_of_it": (68.3, 15.5, 16.1),
        "head_of_finance": (23.6, 47.2, 29.1),
        "head_of_customer_service": (57.5, 21.9, 20.5),
        "head_of_transformation": (42.4, 27.1, 30.6),
        "web_manager": (51.9, 28.9, 19.3),
        "service_heads": (39.4, 34.8, 25.8),
        "frontline_officers": (21.9, 54.7, 23.4),
        "external_consultants": (8.9, 67.7, 23.4),
        "suppliers": (12.0, 66.4, 21.6),
    },
    "q8_statements": {
        "useful_tool": (2.3, 4.0, 12.5, 52.8, 28.4),
        "management_strategy": (3.4, 10.2, 26.1, 42.0, 18.2),
        "ready_to_embrace": (4.5, 11.9, 25.6, 42.0, 15.9),
    },
    "q11": {
        "development_funds": (59.4, 30.3, 10.3),
        "cultural_discomfort": (50.6, 40.5, 8.9),
        "unwillingness_to_change": (49.7, 38.9, 11.4),
        "lack_of_leadership": (43.6, 47.3, 9.1),
        "customer_insight": (39.8, 44.6, 15.7),
        "customer_journey": (38.9, 49.7, 11.4),
        "legacy_systems": (72.7, 25.6, 1.7),
        "inflexible_procurement": (42.4, 43.0, 14.5),
        "inhouse_skills": (41.9, 49.7, 8.4),
        "supplier_skills": (16.4, 59.4, 24.2),
        "supplier_inflexibility": (33.9, 45.5, 20.6),
        "market_take_up": (21.8, 52.7, 25.5),
        "senior_buy_in": (32.9, 53.9, 13.2),
        "broadband": (40.1, 48.5, 11.4),
        "legal_requirements": (26.1, 57.0, 17.0),
    },
}

# Weights in the order of the question's choices.
CHOICE_WEIGHTS: dict[str, tuple[float, ...]] = {
    "council_type": (15.0, 35.0, 15.0, 10.0, 12.0, 6.0, 4.0, 3.0),
    "supplier_size": (50.0, 20.0, 20.0, 10.0),
    "role": (12.4, 10.0, 10.0, 21.8, 21.8, 15.3, 8.8),
    "q8": (35.5, 50.6, 13.9),
    "q10": (60.4, 39.6),
    "q12_report_copy": (80.0, 20.0),
    "q12_prize_draw": (55.0, 45.0),
}

# Share of respondents who leave an optional row (grid, numbers) unanswered.
ROW_MISSING: dict[str, float] = {
    "q5": 0.006,
    "q6": 0.003,
    "q7": 0.15,
    "q8_statements": 0.01,
    "q9": 0.02,
    "q11": 0.04,
}

# Share of respondents who leave a whole question unanswered (texts: who write nothing).
QUESTION_MISSING: dict[str, float] = {
    "council_type": 0.01,
    "role": 8 / 178,
    "q6": 0.005,
    "q7": 0.02,
    "q8": 12 / 178,
    "q8_statements": 0.01,
    "q9": 86 / 178,
    "q10": 9 / 178,
    "q10_amount": 1 - 29 / 102,
    "q11": 0.01,
    "q5_other": 0.85,
    "q6_other": 0.9,
    "q7_other": 0.9,
    "q11_other": 0.8,
    "q1_name": 0.05,
    "q2_job_title": 0.05,
    "q3_organisation": 0.03,
    "q12_report_copy": 0.05,
    "q12_prize_draw": 0.1,
}

# A partial record loses each required row with this chance (a complete one never).
PARTIAL_ROW_MISSING = 0.05


@dataclass(frozen=True)
class NumberShape:
    """A number drawn as ``low + (high - low) * u ** power``, u uniform on [0, 1).

    The mean is ``low + (high - low) / (power + 1)``; ``log_scale`` draws the
    logarithm instead (amounts of money spread over orders of magnitude).
    """

    low: float
    high: float
    power: float = 1.0
    log_scale: bool = False
    integer: bool = True


# Q9 means 24.8 and 37.97 in table 5.5; Q10 savings from £1 to £12,000,000.
NUMBER_SHAPES: dict[str, NumberShape] = {
    "q9.services_digital": NumberShape(0, 100, power=100 / 24.8 - 1),
    "q9.transactions_digital": NumberShape(0, 100, power=100 / 37.97 - 1),
    "q10_amount": NumberShape(1, 12_000_000, power=0.6, log_scale=True),
}


@dataclass(frozen=True)
class Phrases:
    """Free text, names and organisations that simulated respondents type."""

    other: tuple[str, ...] = (
        "Channel shift for high volume transactions",
        "Better use of data to target services",
        "Self-service for residents, 24/7",
        "Mobile working for social care staff",
        'Joining up "tell us once" across partners',
        "Reduce avoidable contact",
        "Open data and transparency",
        "Cheaper, faster procurement of small digital services",
    )
    first_names: tuple[str, ...] = (
        "Ann", "Ben", "Chloe", "David", "Emma", "Farid", "Grace", "Harjit",
        "Imogen", "James", "Kate", "Liam", "Maria", "Niall", "Olu", "Priya",
    )  # fmt: skip
    last_names: tuple[str, ...] = (
        "Adams", "Begum", "Clarke", "Davies", "Evans", "Fraser", "Green", "Hughes",
        "Iqbal", "Jones", "Khan", "Lewis", "Morgan", "Nolan", "O'Brien", "Patel",
    )  # fmt: skip
    job_titles: tuple[str, ...] = (
        "Head of ICT", "Web Manager", "Councillor", "Customer Services Manager",
        "Digital Development Officer", "Assistant Chief Executive", "Account Director",
        "Head of Transformation",
    )  # fmt: skip
    places: tuple[str, ...] = (
        "Ashford", "Barnet", "Cardiff", "Derbyshire", "Fife", "Leeds", "Mendip", "Wirral",
    )  # fmt: skip
    council_kinds: tuple[str, ...] = (
        "Borough Council", "County Council", "District Council", "City Council",
    )  # fmt: skip
    supplier_kinds: tuple[str, ...] = ("Digital Ltd", "Systems plc", "Consulting LLP")
    interviewers: tuple[str, ...] = tuple(f"fieldworker-{i:02d}" for i in range(1, 13))
    devices: tuple[str, ...] = tuple(f"laptop-{i}" for i in range(1, 9))
    events: tuple[str | None, ...] = (
        None, "LocalGov Digital 2013", "Socitm regional meeting", "UKAuthority roadshow",
    )  # fmt: skip

    def texts(self, question: str, audience: str) -> list[str]:
        """What a respondent of ``audience`` may type as the answer to ``question``."""
        if question == "q1_name":
            return [f"{first} {last}" for first in self.first_names for last in self.last_names]
        if question == "q2_job_title":
            return list(self.job_titles)
        if question == "q3_organisation":
            kinds = self.council_kinds if audience == "council" else self.supplier_kinds
            return [f"{place} {kind}" for place in self.places for kind in kinds]
        return list(self.other)


@dataclass(frozen=True)
class Profile:
    audience_weights: dict[str, float] = field(default_factory=lambda: AUDIENCE_WEIGHTS)
    grid_weights: dict[str, dict[str, tuple[float, ...]]] = field(
        default_factory=lambda: GRID_WEIGHTS
    )
    choice_weights: dict[str, tuple[float, ...]] = field(default_factory=lambda: CHOICE_WEIGHTS)
    row_missing: dict[str, float] = field(default_factory=lambda: ROW_MISSING)
    question_missing: dict[str, float] = field(default_factory=lambda: QUESTION_MISSING)
    partial_row_missing: float = PARTIAL_ROW_MISSING
    numbers: dict[str, NumberShape] = field(default_factory=lambda: NUMBER_SHAPES)
    phrases: Phrases = field(default_factory=Phrases)


REPORT_PROFILE = Profile()
