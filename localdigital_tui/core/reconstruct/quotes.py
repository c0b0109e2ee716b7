"""Free-text answers: the report's own quotes, each given to one respondent of its group.

A quote may carry a condition on its respondent's other answers (a grid row and
the choices that fit) or council type, so that, say, the respondent held back by
slow rural broadband also says broadband access is a barrier.
"""

from __future__ import annotations

from dataclasses import dataclass

RURAL = ("english_district", "english_county", "scottish_unitary", "welsh_unitary")


@dataclass(frozen=True)
class Quote:
    group: str
    question: str
    text: str
    row: tuple[str, str, tuple[str, ...]] | None = None  # (question, row, fitting choices)
    council_types: tuple[str, ...] = ()


def _q(group: str, question: str, *texts: str) -> list[Quote]:
    return [Quote(group, question, t) for t in texts]


QUOTES: tuple[Quote, ...] = (
    *_q(
        "council",
        "q5_other",
        "Be creative in the ways we give citizens the opportunity to contribute towards decision "
        "making",
        "Work more collaboratively with communities and enable communities to help themselves",
        "Engage young people",
        "Encourage the public to make better use of local assets, parks, public rights of way",
        "Focus our attention where it is needed",
        "Maintain a single view of the customer",
        "Potentially improve decision taking, through use of intelligence based on GIS",
        "Understand our customer/citizen needs better by segmenting our customers/citizens and "
        "targeting their needs",
        "Offer appropriate services to citizens in a more individual way, based on greater "
        "understanding of their case history",
        "Reduce carbon emissions, improve transport performance, reduce costs",
        "Better understand our own internal performance",
        "Increase staff productivity",
        "Improve how we use our resources like buildings",
        "Survive!",
        "Information sharing with other agencies remains a significant barrier to change",
        "Digital technology can help but only if there is sufficient investment capability and the "
        "organisation (and its partners) develop an appropriate culture and working style to "
        "maximise the benefits. Technology is only a tool. It depends on what can - and are "
        "allowed to do - with it.",
    ),
    Quote(
        "council",
        "q5_other",
        "The council covers a very rural area and therefore a lot of areas have no access to the "
        "internet",
        ("q5", "equal_access", ("strongly_disagree", "disagree")),
        RURAL,
    ),
    Quote(
        "council",
        "q5_other",
        "It will help communicate with sections of the community but 100% digital will exclude "
        "many",
        ("q5", "equal_access", ("strongly_disagree", "disagree")),
    ),
    Quote(
        "council",
        "q5_other",
        "Allow people to access services better in rural areas, enabling older people to stay in "
        "their homes for longer and providing tourists with better information at the time they "
        "need it",
        ("q5", "equal_access", ("agree", "strongly_agree")),
        RURAL,
    ),
    Quote(
        "council",
        "q5_other",
        "Provide access to enable and empower residents to get online, support education and "
        "training for anyone that wants help to gain new skills. Ultimately these technologies "
        "(with our support) will help the digitally excluded gain new opportunities and improve "
        "their life chances.",
        ("q5", "assisted_digital", ("agree", "strongly_agree")),
    ),
    *_q(
        "supplier",
        "q5_other",
        "Save money for the tax payer",
        "Reduce carbon footprint",
        "Improve productivity",
        "Collaborate and co-deliver services with public, third or private sector partners. Join "
        "up service provision in multi-agency scenarios such as complex needs, adult social care",
        "React more quickly and take better decisions through the use of big data analytics",
        "Engage potentially disenfranchised groups in public discussion, through innovative use of "
        "social media",
        "At its best, transform local service delivery. At its worst, open up a whole minefield "
        "around security, data handling and give a stronger border to any digital divide.",
        "Organisations need to stop thinking about making their services digital, they need to "
        "completely rethink them. For example, a digital GP service is not about putting "
        "appointment booking online, it's about facilitating an online relationship with a GP - "
        "phone / video appointments meaning no need to travel, the ability to find an appointment "
        "close to where you are via an iPhone app, video panels of doctors to review and discuss "
        "complex cases and so on.",
    ),
    Quote(
        "council",
        "q6_other",
        "Making sure it is truly inclusive through assisted access arrangements",
        ("q5", "assisted_digital", ("agree", "strongly_agree")),
    ),
    *_q(
        "council",
        "q6_other",
        "Avoiding councils all developing bespoke tools. As much as possible using widely used "
        "platforms and technologies such as the main social media networks, not trying to "
        "reinvent. Don't worry too much about control and risk - this can be a barrier.",
        "Evidence behind these is really important. What are the customer satisfaction results for "
        "the change in that service? How much has been saved by a shift to digital?",
        "I think a practitioner-led network for sharing is by far the most useful approach to "
        "collaboration. External organisations or central government feel very much like things "
        "are being done to rather than by the sector and often feel like they ignore the talent, "
        "innovation and progress of digital practitioners in local government.",
    ),
    *_q(
        "supplier",
        "q6_other",
        "Up to date software and hardware, common platforms, shared access to data",
        "A pragmatic approach to adoption of open standards, and freedom for organisations to "
        "adopt the technology they feel best suited to the case in hand providing it meets "
        "requirements for interoperability, usability, security and so on. A willingness to look "
        "outside of public sector to see what private sector is doing, and what's working/not "
        "working.",
        "Adopting a more flexible and risk based approach to information and data sharing - rather "
        "than an overly risk averse one",
        "Choosing partners that are willing to engage on a pay-for-performance basis.",
    ),
    Quote(
        "council",
        "q7_other",
        "Customer services and ICT have been brought together in order to have leadership of the "
        "agenda",
        ("q7", "head_of_customer_service", ("yes",)),
    ),
    Quote(
        "council",
        "q7_other",
        "There is a transformation group for each of our strategic objectives, and 'digital' is "
        "woven into all of the transformation enquiries that each is undertaking.",
        ("q7", "head_of_transformation", ("yes",)),
    ),
    Quote(
        "council",
        "q7_other",
        "Marketing have an involvement but they don't lead (nor should they) and our IT would say "
        "that they 'lead' but they are actually struggling to keep up with the rest of us. The "
        "vision for digital and its appropriate placement is very much a bottom-up arrangement "
        "here, although board level managers have recently started to get twitchy about our "
        "web-site not being up-to-scratch.",
        ("q7", "web_manager", ("yes",)),
    ),
    *_q(
        "supplier",
        "q7_other",
        "A mix of these people. Like everything in local government, there is a variety of "
        "approaches and that is not a bad thing.",
    ),
    *(
        Quote("supplier", "q7_other", text, ("q7", "chief_executive", ("no", "dont_know")))
        for text in (
            "Not enough of the chief executives/top level engaged",
            "Needs to come from the top - if the CEO/CFO isn't on board then the business "
            "transformation and hence benefits won't happen. IT/web lead is insufficient",
            "The CEO should lead. The CFO should recognise that it's not just about the money, "
            "it's about an organisation fulfilling its mandate.",
        )
    ),
    Quote(
        "council",
        "q11_other",
        "A business case that shows that the investment is worthwhile at this point in time",
        ("q11", "development_funds", ("yes",)),
    ),
    *(
        Quote("council", "q11_other", text, ("q11", "cultural_discomfort", ("yes",)))
        for text in (
            "Lack of conviction and belief in its potential - reluctance to change",
            "Council structures and silo working",
            "Inability to be innovative and take a risk",
            "Culturally I think emphasis so far has been on digital for communication, moving "
            "toward customer service but the organisation is still lacking understanding on "
            "potential for service transformation/delivery. I think reasons for this are many "
            "\u2013 poor digital leadership in the organisation and across the sector, lack of "
            "empowerment for those with digital skills, embedded culture, fear of moving away "
            "from established process and supplier relationships...the list goes on!",
        )
    ),
    Quote(
        "council",
        "q11_other",
        "Too little understanding of the possibilities, and the rigidity of the IT department in "
        "terms of their adherence to [named supplier] agreements.",
        ("q11", "supplier_inflexibility", ("yes",)),
    ),
    *_q(
        "council",
        "q11_other",
        "Demographics - local residents can't afford digital equipment",
        "Lack of internet access, due to cost, for those customers who could benefit most",
    ),
    Quote(
        "council",
        "q11_other",
        "Slow broadband is the major blocking point for us. Perceived lack of need in our rural "
        "community.",
        ("q11", "broadband", ("yes",)),
        RURAL,
    ),
    Quote(
        "supplier",
        "q11_other",
        "Lack of chief executive understanding of the potential of digital is often an issue",
        ("q11", "lack_of_leadership", ("yes",)),
    ),
    *_q(
        "supplier",
        "q11_other",
        "Lack of more detailed direction and exemplars. Not wanting to go first.",
        "People are thinking that digital is a different way of doing what we do today. Therefore "
        "there needs to be a cost benefit analysis. Digital is different, full stop.",
    ),
)
