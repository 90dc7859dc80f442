"""Fictional articles for the link tests: one event told by three outlets (one a
late, reworded republication, one a near copy), the same people on another
occasion, and an unrelated story."""

ORIGINAL = {
    "url": "https://caldera-gazette.example/2024/03/harbour-deal",
    "site": "Port Caldera Gazette",
    "title": "Harbour strike ends after tenth day of talks",
    "published": "2024-03-08",
    "text": (
        "Dock workers in Port Caldera voted on Thursday to end a strike that had closed the harbour for ten days, "
        "after the port authority agreed to a new shift schedule and a review of night work.\n\n"
        '"We did not get everything, but we got the nights back and we kept our dignity," union leader Maren Okafor '
        "told reporters outside the assembly hall.\n\n"
        'Okafor said the agreement would only hold "on a reciprocal basis" and warned that the union could not '
        'negotiate "with a knife at the throat of the workers".\n\n'
        'Harbour master Tobias Lindqvist called the agreement "a fair end to a hard month for everyone on the quays" '
        "and thanked both sides for their patience during the talks.\n\n"
        "The port authority said that container ships would be unloaded again from Friday morning and that the "
        "backlog of more than forty vessels waiting off the coast would clear within a week."
    ),
}

# Translated to another language and back by an aggregator two years later.
REPUBLISHED = {
    "url": "https://daily-aggregate.example/news/caldera-strike",
    "site": "Daily Aggregate",
    "title": "Hafenstreik in Port Caldera beendet",
    "published": "2026-05-02",
    "text": (
        "The dockers of Port Caldera decided on Thursday to stop the strike which had shut the port for ten days, "
        "once the port authority accepted a new shift plan and a review of night work.\n\n"
        '"We did not receive everything, but we got back the nights and we kept our dignity," the union leader '
        "Maren Okafor said to journalists in front of the assembly hall.\n\n"
        'According to Okafor, the agreement can only last "on the basis of reciprocity" and the union cannot '
        'negotiate "with a knife to the workers\' throat".\n\n'
        'Harbour master Tobias Lindqvist spoke of "a fair ending to a difficult month for everybody on the quays" '
        "and thanked the two sides for their patience in the talks.\n\n"
        "According to the port authority, container ships will be unloaded again from Friday morning and the "
        "backlog of over forty vessels waiting off the coast should be cleared within one week."
    ),
}

# The original with a credit line and one sentence changed: a near duplicate.
NEAR_COPY = {
    "url": "https://coastal-wire.example/caldera",
    "site": "Coastal Wire",
    "title": "Harbour strike ends after tenth day of talks",
    "published": "2024-03-09",
    "text": ORIGINAL["text"].replace("within a week.", "within about a week, officials said.")
    + "\n\nReporting by the Coastal Wire desk.",
}

# The same union leader, a year earlier, on something else.
SAME_PEOPLE = {
    "url": "https://caldera-gazette.example/2023/02/pensions",
    "site": "Port Caldera Gazette",
    "title": "Dock union rejects pension plan",
    "published": "2023-02-14",
    "text": (
        "The dock workers' union in Port Caldera rejected on Monday a plan by the port authority to raise the "
        "pension age for crane operators by two years.\n\n"
        '"Nobody who has climbed those cranes for thirty winters should be asked to climb them for two more," '
        "union leader Maren Okafor said at a meeting with members.\n\n"
        'Okafor added that the union would "take every legal step available to protect the older members" and '
        "asked the city council to mediate.\n\n"
        'Harbour master Tobias Lindqvist said the authority had "no intention of forcing anyone into early '
        'retirement or into longer careers" and that talks would continue in the spring.'
    ),
}

UNRELATED = {
    "url": "https://valley-ledger.example/frost",
    "site": "Valley Ledger",
    "title": "Frost damages half of the apple harvest in the northern valleys",
    "published": "2024-05-13",
    "text": (
        "A late frost in the northern valleys destroyed about half of this year's apple blossom, growers said on "
        "Monday.\n\n"
        '"I have never seen the trees this bare in May," said Ilka Brandt, who farms forty hectares near Weissfeld.\n\n'
        "The regional farmers' association asked the government for emergency support and said insurance would "
        "cover only part of the losses."
    ),
}

ALL = {
    "original": ORIGINAL,
    "republished": REPUBLISHED,
    "near_copy": NEAR_COPY,
    "same_people": SAME_PEOPLE,
    "unrelated": UNRELATED,
}
