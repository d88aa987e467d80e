"""Distractors: same kind and form as the answer, never true of the question."""

import re

from quiz.generation.distractors import Pools, date_alternatives, distractors, phrase


def pools_with(**by_type: list[str]) -> Pools:
    pools = Pools()
    for kind, items in by_type.items():
        for item in items:
            pools.add(kind, item)
    return pools


def first_number(text: str) -> float:
    match = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    assert match
    return float(match.group().replace(",", ""))


def test_people_come_from_the_article_before_made_up_names() -> None:
    pools = pools_with(PERSON=["John Kerry", "Haider Abadi", "Barack Obama", "Ana Lima"])
    wrong = distractors("Ana Lima", "PERSON", "Ana Lima met the envoy.", pools)
    assert sorted(wrong) == ["Barack Obama", "Haider Abadi", "John Kerry"]


def test_names_that_do_not_look_like_names_are_not_mixed_with_names() -> None:
    pools = pools_with(PERSON=["Haider al-Abadi", "Abbott v. Burke", "John Kerry"])
    wrong = distractors("Ana Lima", "PERSON", "Ana Lima met the envoy.", pools)
    assert "Haider al-Abadi" not in wrong and "Abbott v. Burke" not in wrong


def test_people_named_in_the_evidence_sentence_are_not_distractors() -> None:
    pools = pools_with(PERSON=["John Kerry", "Haider al-Abadi", "Barack Obama", "Ana Lima"])
    pools.sexes["lima"] = "f"  # as "she" after her name would say
    evidence = "Ana Lima met John Kerry and Haider al-Abadi in Paris."
    wrong = distractors("Ana Lima", "PERSON", evidence, pools)
    assert len(wrong) == 3
    assert "John Kerry" not in wrong and "Haider al-Abadi" not in wrong


def test_a_surname_answer_gets_surname_distractors() -> None:
    pools = pools_with(PERSON=["John Kerry", "Barack Obama"])
    wrong = distractors("Cameron", "PERSON", "Cameron has been informed.", pools)
    assert len(wrong) == 3 and all(len(w.split()) == 1 for w in wrong)


def test_countries_get_countries_and_never_an_alias_of_the_answer() -> None:
    pools = pools_with(COUNTRY=["United States", "US", "Iraq", "Syria"])
    wrong = distractors("United States", "COUNTRY", "The United States sent aid.", pools)
    assert len(wrong) == 3
    assert "US" not in wrong


def test_numbers_keep_format_and_magnitude() -> None:
    wrong = distractors("4,000 troops", "NUMBER", "The 4,000 troops left.", Pools())
    assert len(wrong) == 3
    for w in wrong:
        assert w.endswith(" troops") and "," in w
        assert 1000 <= first_number(w) <= 12000


def test_money_keeps_currency_and_unit() -> None:
    wrong = distractors("£960m", "MONEY", "He offered £960m.", Pools())
    assert len(wrong) == 3 and all(w.startswith("£") and w.endswith("m") for w in wrong)


def test_word_numbers_stay_words() -> None:
    wrong = distractors("three double faults", "NUMBER", "She made three double faults.", Pools())
    assert all(w.split()[0].isalpha() for w in wrong)


def test_dates_keep_their_granularity() -> None:
    alternatives = date_alternatives("September 2014", 0)
    assert alternatives is not None
    assert all(re.fullmatch(r"[A-Z][a-z]+ \d{4}", a) for a in alternatives)
    weekdays = date_alternatives("Tuesday", 0)
    assert weekdays and all(w.endswith("day") for w in weekdays)


def test_no_choice_contains_another() -> None:
    pools = pools_with(ORG=["World Bank", "Bank", "United Nations", "Red Cross", "Oxfam"])
    wrong = distractors("World Bank", "ORG", "The World Bank agreed.", pools)
    phrases = [phrase(c) for c in ["World Bank", *wrong]]
    for a in phrases:
        for b in phrases:
            assert a == b or f" {b} " not in f" {a} "


def test_score_lines_get_other_score_lines() -> None:
    wrong = distractors("6-4 5-7 6-3", "SCORE", "She won 6-4 5-7 6-3.", Pools())
    assert len(wrong) == 3
    assert all(re.fullmatch(r"\d-\d \d-\d \d-\d", w) for w in wrong)


def test_court_cases_get_case_names() -> None:
    pools = pools_with(PERSON=["Chris Christie", "Helen Hoens", "Steve Lonegan"])
    wrong = distractors("Abbott v. Burke", "CASE", "The rulings known as Abbott v. Burke.", pools)
    assert len(wrong) == 3 and all(" v. " in w for w in wrong)


def test_a_hospital_gets_hospitals() -> None:
    pools = pools_with(ORG=["World Health Organization", "British Airways", "BBC"])
    wrong = distractors("Gartnavel Hospital", "ORG", "She is at Gartnavel Hospital.", pools)
    assert len(wrong) == 3 and all(w.endswith("Hospital") for w in wrong)


def test_a_plural_unit_is_never_counted_as_one() -> None:
    wrong = distractors("about two hours", "DURATION", "It lasted about two hours.", Pools())
    assert "about one hours" not in wrong and len(wrong) == 3


def test_a_bare_noun_key_gets_no_bare_noun_stand_ins() -> None:
    from quiz.generation.distractor_pools import distractors_for

    pools = Pools(
        by_type={
            "THING_SG_OBJ": ["the flaw", "the vulnerability", "a file format", "the server log"],
            "THING_PL_OBJ": ["big packets"],
            "THING_SG_SUBJ": ["a data structure", "the exploit"],
        }
    )
    wrong = distractors_for("the bug", "THING_OBJ", "Askar said it exploits the bug.", pools)
    assert len(wrong) == 3
    assert not {"the flaw", "the vulnerability", "the exploit"} & set(wrong)


def test_technical_terms_are_not_taken_for_organisations() -> None:
    from quiz.generation.analyse import analyse
    from quiz.generation.propose import propose

    text = (
        "The server creates several million java objects including ArrayLists. "
        "This runs the server out of memory and causes tremendous CPU load. "
        "Mojang has failed to fix the flaw, the developer said on Monday."
    )
    analysis = analyse(text)
    answers = {c.answer: c.answer_type for s in analysis.sentences for c in propose(analysis, s)}
    assert "CPU" not in answers and "ArrayLists" not in answers
    assert answers.get("Mojang") == "ORG"


def test_a_means_gets_other_means_of_the_same_form() -> None:
    # "How" questions are no longer written (verify.asks_checkable), but a teacher's existing
    # one still gets fresh stand-ins of its own form.
    from quiz.generation import regenerate_distractors

    text = (
        "Sara Ruiz became the youngest player to win a title by claiming the doubles at the "
        "Lisbon Open. She began by serving three aces in the first game. Ruiz then broke her "
        "rival twice in a row. She celebrated by throwing her racket into the crowd. The crowd "
        "cheered loudly for the local champion, who was playing in her first final."
    )
    fresh = regenerate_distractors(
        text,
        stem="How did Sara Ruiz become the youngest player to win a title?",
        answer="by claiming the doubles at the Lisbon Open",
        answer_type="MANNER",
        evidence=text.split(". ")[0] + ".",
    )
    assert fresh
    assert all(choice.startswith("by ") for choice in fresh)


def test_a_hospital_gets_real_hospitals_of_the_city_the_sentence_names() -> None:
    evidence = "The patient is being treated at Edinburgh's Leith Hospital after flying home."
    wrong = distractors("Leith Hospital", "FAC", evidence, Pools())
    assert len(wrong) == 3
    assert {"Royal Infirmary of Edinburgh", "Western General Hospital"} <= set(wrong)
    assert not any("Madrid" in w or "Paris" in w for w in wrong)


def test_an_airport_never_gets_itself_under_a_shorter_name() -> None:
    evidence = "A power cut at Luton International Airport in London delayed flights on Monday."
    wrong = distractors("Luton International Airport", "FAC", evidence, Pools())
    assert len(wrong) == 3
    assert all("Luton" not in w for w in wrong)
    assert all(w.endswith("Airport") for w in wrong)


def test_a_local_town_gets_only_the_articles_places_or_its_countrys_cities() -> None:
    evidence = "The mayor of Millbrook said the bridge would reopen in the spring."
    few = distractors("Millbrook", "CITY", evidence, pools_with(CITY=["Ashford", "Kenton"]))
    assert sorted(few) == ["Ashford", "Kenton"]  # too few: the question is dropped, not padded
    pools = pools_with(CITY=["Ashford", "Kenton"])
    pools.region, pools.country = "north_america", "United States"
    filled = distractors("Millbrook", "CITY", evidence, pools)
    assert filled[:2] == ["Ashford", "Kenton"] or sorted(filled[:2]) == ["Ashford", "Kenton"]
    assert len(filled) == 3


def test_an_organisation_of_no_clear_sector_gets_no_made_up_stand_ins() -> None:
    evidence = "The terminal most affected is Skyrail, officials said."
    assert distractors("Skyrail", "ORG", evidence, Pools()) == []


def test_a_newspaper_gets_other_news_organisations() -> None:
    evidence = "In March, the Daily Courier Times highlighted the use of the border crossing."
    wrong = distractors("Daily Courier Times", "ORG", evidence, Pools())
    news = {"Associated Press", "Reuters", "BBC", "CNN", "The New York Times", "Bloomberg",
            "The Washington Post", "The Guardian", "Financial Times", "The Wall Street Journal",
            "Al Jazeera", "Agence France-Presse"}  # fmt: skip
    assert len(wrong) == 3 and set(wrong) <= news


def test_the_answers_own_initials_in_brackets_leave_the_stem() -> None:
    from quiz.generation.write import without_own_acronym

    stem = "They apply the principles of which organisation (IFF) to immunisation?"
    assert without_own_acronym(stem, "International Finance Facility") == (
        "They apply the principles of which organisation to immunisation?"
    )
    assert without_own_acronym(stem, "World Bank") == stem


def test_a_website_is_a_news_source_and_gets_news_stand_ins_before_odd_bodies() -> None:
    pools = pools_with(ORG=["Supreme Court", "Harbor Media", "Port Authority"])
    evidence = "In an interview with PolitickerNJ.com published this morning, he said it failed."
    wrong = distractors("PolitickerNJ.com", "ORG", evidence, pools)
    assert wrong[0] == "Harbor Media"
    assert "Supreme Court" not in wrong and "Port Authority" not in wrong


def test_an_acronym_and_its_full_name_never_stand_together() -> None:
    pools = pools_with(ORG=["IFF", "Friends of the Earth", "Oxfam Trust", "Harbor Aid"])
    evidence = "Groups including the World Development Movement said the policy failed."
    wrong = distractors("International Finance Facility", "ORG", evidence, pools)
    assert "IFF" not in wrong


def test_shares_of_a_whole_stay_at_or_under_a_hundred_per_cent() -> None:
    wrong = distractors("81 per cent", "PERCENT", "A survey found 81 per cent agreed.", Pools())
    assert len(wrong) == 3 and all(first_number(w) <= 100 for w in wrong)


def test_a_firm_the_model_took_for_a_person_is_no_stand_in_for_one() -> None:
    from quiz.generation import generate_questions

    text = (
        "Marieke Jansen, the chief executive, apologised to customers in a video statement. "
        "Lotte Verhoeven, a researcher at Mandrake Security, said the account was not "
        "protected. Sander Bos said people faced years of risk. Mandrake Security said it "
        "had warned the company in March. Justice Minister Evelien de Graaf told parliament "
        "that police were working with Europol to identify the hackers."
    )
    for q in generate_questions(text).questions:
        if q.answer_type == "PERSON":
            assert not any("Security" in c for c in q.choices), q


def test_a_state_of_another_country_gets_that_countrys_states() -> None:
    from quiz.generation.distractors import fine_type

    assert fine_type("GPE", "Yucatan") == "STATE"
    wrong = distractors(
        "Yucatan", "STATE", "A state of emergency was declared in Yucatan.", Pools()
    )
    import pycountry

    mexican = {s.name for s in pycountry.subdivisions.get(country_code="MX")}
    assert len(wrong) == 3 and set(wrong) <= mexican


def test_a_city_sharing_a_name_with_a_far_state_stays_a_city() -> None:
    from quiz.generation import generate_questions

    text = (
        "Hurricane Delphine hit Mexico's Yucatan Peninsula on Tuesday. Five people died in "
        "Merida, the state capital, when walls collapsed. The airport in Merida was closed on "
        "Tuesday and is expected to reopen on Thursday, officials in Campeche said."
    )
    for q in generate_questions(text).questions:
        assert "which state" not in q.stem or q.choices[q.answer] != "Merida"


def test_a_cricket_side_gets_cricket_sides() -> None:
    from quiz.generation import regenerate_distractors
    from quiz.generation.distractors import SPORT_NATIONS

    text = (
        "Imran Khan hit a composed 132 as England chased down 311 to beat New Zealand by two "
        "wickets at Trent Bridge on Saturday. Opener Jack Lowther was caught at slip for 4 in "
        "the second over, and the bowler Hamish Reid took four wickets. England will be "
        "without fast bowler Ryan Holt for the rest of the series. The innings was steadied "
        "by Khan and Tom Ellery, who made 67 before he was run out."
    )
    # England, the article's subject, is not asked (rank.never_asked); its opponent is.
    fresh = regenerate_distractors(
        text,
        stem="England chased down 311 to beat _____ by two wickets at Trent Bridge on Saturday.",
        answer="New Zealand",
        answer_type="COUNTRY",
        evidence=text.split(". ")[0] + ".",
    )
    assert len(fresh) == 3
    assert set(fresh) <= set(SPORT_NATIONS["cricket"]), fresh


def test_ordinals_and_commas_are_written_as_the_answer_is() -> None:
    wrong = distractors("89th minute", "QUANTITY", "Okafor scored in the 89th minute.", Pools())
    assert all(re.fullmatch(r"\d+(st|nd|rd|th) minute", w) for w in wrong)
    from quiz.generation.distractors import ordinal_suffix

    for w in wrong:
        assert w.split()[0] == f"{int(first_number(w))}{ordinal_suffix(int(first_number(w)))}"
    evidence = "During the study, 866 developed dementia."
    big = distractors("866", "NUMBER", evidence, Pools(), count=3)
    assert all(first_number(w) < 1000 or "," in w for w in big)


def test_a_plain_phrase_never_gets_a_named_persons_thing_as_stand_in() -> None:
    from quiz.generation.distractor_pools import distractors_for

    pools = pools_with(
        PERSON=["Chris Christie", "Michael Doherty"],
        THING_SG_OBJ=["Christie's veto", "Christie's speech", "a scorching review",
                      "a phone interview", "a disproportionate amount", "an urban district"],
    )  # fmt: skip
    evidence = "Doherty, who represents a largely rural district, says the aid is unfair."
    wrong = distractors_for("a largely rural district", "THING_OBJ", evidence, pools)
    assert wrong and not any("Christie" in w for w in wrong)


def test_bodies_of_different_kinds_do_not_stand_in_for_each_other() -> None:
    from quiz.generation.distractors import organisation_sector

    assert organisation_sector("Paris Chamber of Commerce", "") == "business"
    assert organisation_sector("France Info", "") == "news"
    assert organisation_sector("General Union of Transport Workers", "") == "labour"


def test_the_article_says_who_is_a_woman_or_a_man() -> None:
    from quiz.generation.analyse import analyse

    text = (
        "Ms Ruiz opened the new library on Friday. "
        "Tom Reyes said he would fund the reading room himself. "
        "Reyes and Ruiz met the builders. "
        "Lena Park thanked the volunteers. She said the town had waited for years."
    )
    assert analyse(text).sexes == {"ruiz": "f", "reyes": "m", "park": "f"}


def test_made_up_people_share_the_answers_sex_and_naming_tradition() -> None:
    from quiz.generation.distractors import FIRST_NAME_SEX, invented_people

    pools = Pools(sexes={"kane": "m", "sharma": "f"})
    men = invented_people("Harry Kane", pools)
    assert len(men) >= 3 and all(FIRST_NAME_SEX[n.split()[0].casefold()] == "m" for n in men)
    women = invented_people("Priya Sharma", pools)
    assert women and all(FIRST_NAME_SEX[n.split()[0].casefold()] == "f" for n in women)
    indian_surnames = {"Patel", "Singh", "Sharma", "Iyer"}
    assert all(n.split()[1] in indian_surnames for n in women)
    # Nobody says whether "Casey Morgan" is a woman or a man: no made-up name is risked.
    assert invented_people("Casey Morgan", Pools()) == []
    assert invented_people("Morgan", Pools())  # a surname alone needs no sex
    # In a story whose people are all women, so is its unknown one.
    women_only = Pools(sexes={"park": "f", "lopez": "f"})
    assert all(
        FIRST_NAME_SEX[n.split()[0].casefold()] == "f"
        for n in invented_people("Casey Morgan", women_only)
    )
    assert invented_people("Casey Morgan", women_only)


def test_a_stem_that_says_the_sex_rules_out_the_other_sex() -> None:
    from quiz.generation.analyse import analyse
    from quiz.generation.verify import distractor_problem

    text = (
        "Lena Park won the race in Leeds. She beat the course record. "
        "Tom Reyes finished second. He was pleased. "
        "Ana Lopez came third, and she said the hills were hard."
    )
    analysis = analyse(text)
    kwargs = {"answer": "Lena Park", "answer_type": "PERSON", "analysis": analysis}
    stem = "_____ and her coach trained on the hills for a year."
    assert distractor_problem(distractor="Tom Reyes", stem=stem, **kwargs)
    assert distractor_problem(distractor="Ana Lopez", stem=stem, **kwargs) is None
    neutral = "Who won the race in Leeds?"
    assert distractor_problem(distractor="Tom Reyes", stem=neutral, **kwargs) is None


def test_a_fraction_gets_no_shifted_numerators() -> None:
    from quiz.generation.distractors import parse_number

    assert parse_number("two-thirds") is None and parse_number("three quarters") is None
    assert distractors("two-thirds", "NUMBER", "Two-thirds of voters agreed.", Pools()) == []
    assert parse_number("12 percent") is not None


def test_a_number_in_two_words_or_one_of_a_singular_noun_is_not_shifted() -> None:
    from quiz.generation.distractors import parse_number

    assert parse_number("Seventy-eight percent") is None  # not "52-eight percent"
    assert parse_number("seventy percent") is not None
    evidence = "Each day is one day nearer to the vote."
    assert distractors("one day", "DURATION", evidence, Pools()) == []  # not "two day"
    assert distractors("1 million", "NUMBER", "It sold 1 million copies.", Pools())


def test_a_figure_given_to_the_cent_moves_by_a_few_per_cent() -> None:
    evidence = "Brent crude was last at $60.73 a barrel."
    values = distractors("$60.73", "MONEY", evidence, Pools())
    numbers = [float(v.strip("$")) for v in values]
    assert len(numbers) == 3 and all(0.75 * 60.73 < n < 1.25 * 60.73 for n in numbers)


def test_a_year_before_1900_moves_by_a_few_years() -> None:
    values = distractors("1889", "YEAR", "Hitler was born in Braunau in 1889.", Pools())
    assert values and all(1880 <= int(v) <= 1898 for v in values)


def test_a_pronoun_before_the_name_or_about_a_quoted_name_says_nothing_of_its_sex() -> None:
    from quiz.generation.analyse import analyse

    text = (
        "Police said he threatened to kill Omar on the phone. "
        '"Pat Carlineo is sorry for what he said," she said in an email. '
        "Lena Park thanked the volunteers, and she said the town had waited for years."
    )
    sexes = analyse(text).sexes
    assert "omar" not in sexes and "carlineo" not in sexes
    assert sexes.get("park") == "f"


def test_shifted_figures_never_stand_in_even_steps_around_the_key() -> None:
    evidence = "Police deployed 200 teams of traffic officers across the city."
    for below in range(4):
        values = distractors("200 teams", "NUMBER", evidence, Pools(), below=below)
        numbers = sorted([200.0] + [float(v.split()[0]) for v in values])
        steps = {round(b - a, 6) for a, b in zip(numbers, numbers[1:], strict=False)}
        assert len(numbers) == 4 and len(steps) > 1, numbers
        assert sum(n < 200 for n in numbers) == below


def test_a_number_written_as_a_word_takes_words_as_stand_ins() -> None:
    evidence = "The festival shows thirty works by local artists."
    for below in range(4):
        values = distractors("thirty", "NUMBER", evidence, Pools(), below=below)
        assert len(values) == 3 and not any(re.search(r"\d", v) for v in values), values


def test_a_country_no_list_places_takes_only_the_articles_countries() -> None:
    evidence = "Bids came from carriers in Kazakhstan and Turkey."
    alone = distractors("Kazakhstan", "COUNTRY", evidence, Pools(region="north_america"))
    assert alone == []  # never Cuba and Canada because the article is American
    pools = Pools(by_type={"COUNTRY": ["Turkey", "Uzbekistan", "Georgia", "Kyrgyzstan"]})
    assert set(distractors("Kazakhstan", "COUNTRY", evidence, pools)) <= {
        "Turkey",
        "Uzbekistan",
        "Georgia",
        "Kyrgyzstan",
    }
