from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tandem.core.models import AuditEvent
from tandem.topics.models import Topic, TopicArea

LIST_URL = reverse("topics:list")


def test_the_catalogue_is_grouped_by_kind_and_area_in_english(client_for, mentee, catalogue):
    response = client_for(mentee).get(LIST_URL, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html
    for text in (
        "DigComp 2.2 competences",
        "Practical digital topics",
        "Give-back topics",
        "1 Information and data literacy",
        "2.6 Managing digital identity",
        "ChatGPT and generative AI",
        "Presenting to the board",
    ):
        assert text in html
    assert html.index("Managing digital identity") < html.index("ChatGPT and generative AI")
    assert html.index("ChatGPT and generative AI") < html.index("Presenting to the board")
    assert "2 – normal" in html


def test_the_catalogue_content_is_german_for_german_browsers(client_for, mentee, catalogue):
    response = client_for(mentee).get(LIST_URL, HTTP_ACCEPT_LANGUAGE="de")
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert "Daten, Informationen und digitale Inhalte durchsuchen und filtern" in html
    assert "Vor dem Vorstand präsentieren" in html
    assert "Presenting to the board" not in html


def test_the_proficiency_levels_are_on_the_catalogue_page(client_for, mentee, catalogue):
    html = client_for(mentee).get(LIST_URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<details" in html
    assert "Highly specialised" in html
    assert "proposing new ideas and processes to the field" in html


def test_an_htmx_search_returns_only_the_results(client_for, mentee, catalogue):
    response = client_for(mentee).get(LIST_URL, {"q": "zapier"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<details" not in html
    assert "Automation with Zapier / Power Automate" in html
    assert "Excel formulas" not in html
    assert "HX-Request" in response["Vary"]
    assert 'id="topic-count" hx-swap-oob="innerHTML"' in html and "1 topic" in html


def test_a_plain_search_returns_the_whole_page(client_for, mentee, catalogue):
    response = client_for(mentee).get(LIST_URL, {"q": "zapier"})
    html = response.content.decode()
    assert "<html" in html and 'value="zapier"' in html
    assert "Automation with Zapier / Power Automate" in html
    assert "Excel formulas" not in html


def test_an_htmx_history_restore_gets_the_whole_page(client_for, mentee, catalogue):
    response = client_for(mentee).get(
        LIST_URL, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    )
    html = response.content.decode()
    assert "<html" in html and "hx-swap-oob" not in html


def test_search_finds_german_words_and_example_questions(client_for, mentee, catalogue):
    html = client_for(mentee).get(LIST_URL, {"q": "Pivot"}, HTTP_HX_REQUEST="true")
    assert "Excel formulas" in html.content.decode()
    html = client_for(mentee).get(LIST_URL, {"q": "Vorstand"}, HTTP_HX_REQUEST="true")
    assert "Presenting to the board" in html.content.decode()


def test_the_kind_filter_shows_one_kind(client_for, mentee, catalogue):
    html = client_for(mentee).get(LIST_URL, {"kind": "give_back"}).content.decode()
    assert "Negotiation" in html
    assert "Managing digital identity" not in html and "Excel formulas" not in html


def test_nothing_found_says_so(client_for, mentee, catalogue):
    html = client_for(mentee).get(LIST_URL, {"q": "quantum-xylophone"}).content.decode()
    assert "No topics match your search" in html


def test_archived_topics_are_hidden_and_only_coordinators_can_show_them(
    client_for, coordinator, mentee, catalogue
):
    Topic.objects.filter(code="chatbots").update(is_active=False)
    assert "Chatbots" not in client_for(mentee).get(LIST_URL).content.decode()
    html = client_for(mentee).get(LIST_URL, {"archived": "1"}).content.decode()
    assert "Chatbots" not in html
    html = client_for(coordinator).get(LIST_URL, {"archived": "1"}).content.decode()
    assert "Chatbots" in html and "archived" in html


def test_participants_see_priorities_but_no_edit_controls(client_for, mentor, catalogue):
    html = client_for(mentor).get(LIST_URL).content.decode()
    assert reverse("topics:create") not in html
    assert reverse("topics:priority", args=["seo"]) not in html


def test_coordinators_see_the_edit_controls(client_for, coordinator, catalogue):
    html = client_for(coordinator).get(LIST_URL).content.decode()
    assert reverse("topics:create") in html
    assert f'hx-post="{reverse("topics:priority", args=["seo"])}"' in html
    assert 'for="priority-' in html


def test_the_detail_page_shows_questions_and_related_competences(client_for, mentee, catalogue):
    url = reverse("topics:detail", args=["generative-ai"])
    html = client_for(mentee).get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    # "prompt" is a glossary term and so a link: compare the text without tags.
    assert "How do I write a good prompt?" in re.sub(r"<[^>]+>", "", html)
    assert "3.2 Integrating and re-elaborating digital content" in html
    assert reverse("topics:edit", args=["generative-ai"]) not in html


def test_a_competence_page_lists_its_practical_topics(client_for, mentee, catalogue):
    url = reverse("topics:detail", args=["digcomp-2.6"])
    html = client_for(mentee).get(url, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Digitale Identität gestalten" in html
    assert "LinkedIn-Profil" in html


def test_an_unknown_topic_is_not_found(client_for, mentee, catalogue):
    assert client_for(mentee).get(reverse("topics:detail", args=["nope"])).status_code == 404


def valid_topic_data(**overrides):
    data = {
        "code": "podcasting",
        "area": TopicArea.objects.get(code="practice-new-work").pk,
        "name_de": "Podcasts aufnehmen",
        "name_en": "Recording podcasts",
        "description_de": "",
        "description_en": "",
        "questions_de": "Welches Mikrofon?",
        "questions_en": "Which microphone?",
        "priority": "3",
        "related_competences": [Topic.objects.get(code="digcomp-3.1").pk],
    }
    data.update(overrides)
    return data


def test_the_create_form_shows_both_languages_side_by_side(client_for, coordinator, catalogue):
    html = client_for(coordinator).get(reverse("topics:create")).content.decode()
    assert '<fieldset lang="de">' in html and '<fieldset lang="en">' in html
    assert 'for="id_name_de"' in html and 'for="id_name_en"' in html


def test_creating_a_topic_leads_to_its_page(client_for, coordinator, catalogue):
    response = client_for(coordinator).post(reverse("topics:create"), valid_topic_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("topics:detail", args=["podcasting"])
    topic = Topic.objects.get(code="podcasting")
    assert (topic.kind, topic.priority) == ("practical", 3)


def test_a_duplicate_code_is_explained_on_the_form(client_for, coordinator, catalogue):
    data = valid_topic_data(code="SEO")
    response = client_for(coordinator).post(reverse("topics:create"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "A topic with the code “seo” exists already" in html
    assert 'aria-invalid="true"' in html
    assert 'role="alert"' in html


def test_missing_names_are_reported_per_field(client_for, coordinator, catalogue):
    response = client_for(coordinator).post(reverse("topics:create"), valid_topic_data(name_en=""))
    assert response.status_code == 200
    assert response.context["form"].errors["name_en"]
    assert not Topic.objects.filter(code="podcasting").exists()


def test_a_give_back_topic_with_competence_links_is_refused(client_for, coordinator, catalogue):
    area = TopicArea.objects.get(code="giveback-career").pk
    response = client_for(coordinator).post(reverse("topics:create"), valid_topic_data(area=area))
    assert response.context["form"].errors["related_competences"]


def test_the_create_form_offers_no_digcomp_area(client_for, coordinator, catalogue):
    area = TopicArea.objects.get(code="digcomp-1").pk
    response = client_for(coordinator).post(
        reverse("topics:create"), valid_topic_data(area=area, related_competences=[])
    )
    assert response.context["form"].errors["area"]


def test_editing_a_competence_keeps_its_area_and_saves_the_texts(
    client_for, coordinator, catalogue
):
    topic = Topic.objects.get(code="digcomp-2.6")
    data = {
        "area": TopicArea.objects.get(code="practice-data").pk,  # ignored: the field is disabled
        "name_de": "Digitale Identität verwalten",
        "name_en": topic.name_en,
        "description_de": topic.description_de,
        "description_en": topic.description_en,
        "questions_de": topic.questions_de,
        "questions_en": topic.questions_en,
        "priority": "4",
    }
    response = client_for(coordinator).post(reverse("topics:edit", args=[topic.code]), data)
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.name_de == "Digitale Identität verwalten"
    assert topic.area.code == "digcomp-2" and topic.priority == 4


def test_an_htmx_priority_change_returns_the_updated_row(client_for, coordinator, catalogue):
    url = reverse("topics:priority", args=["seo"])
    response = client_for(coordinator).post(url, {"priority": "5"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.strip().startswith("<tr") and "<html" not in html
    assert '<option value="5" selected>' in html and "Saved" in html
    assert Topic.objects.get(code="seo").priority == 5
    assert AuditEvent.objects.filter(action="topic.set_priority").exists()


def test_a_priority_change_without_htmx_redirects_back(client_for, coordinator, catalogue):
    url = reverse("topics:priority", args=["seo"])
    response = client_for(coordinator).post(url, {"priority": "0", "next": f"{LIST_URL}?q=seo"})
    assert response.status_code == 302 and response["Location"] == f"{LIST_URL}?q=seo"
    assert Topic.objects.get(code="seo").priority == 0


def test_a_priority_change_never_redirects_off_site(client_for, coordinator, catalogue):
    url = reverse("topics:priority", args=["seo"])
    data = {"priority": "1", "next": "https://evil.example/"}
    assert client_for(coordinator).post(url, data)["Location"] == LIST_URL


@pytest.mark.parametrize("priority", ["6", "-1", "high", ""])
def test_a_priority_off_the_scale_is_a_bad_request(client_for, coordinator, catalogue, priority):
    url = reverse("topics:priority", args=["seo"])
    response = client_for(coordinator).post(url, {"priority": priority})
    assert response.status_code == 400
    assert Topic.objects.get(code="seo").priority == 2


def test_archive_and_restore_buttons_work(client_for, coordinator, catalogue):
    client = client_for(coordinator)
    detail = reverse("topics:detail", args=["chatbots"])
    html = client.get(detail).content.decode()
    assert f'action="{reverse("topics:archive", args=["chatbots"])}"' in html
    assert client.post(reverse("topics:archive", args=["chatbots"]))["Location"] == detail
    assert not Topic.objects.get(code="chatbots").is_active
    assert "This topic is archived" in client.get(detail).content.decode()
    client.post(reverse("topics:restore", args=["chatbots"]))
    assert Topic.objects.get(code="chatbots").is_active


def test_write_views_refuse_get_where_they_only_take_post(client_for, coordinator, catalogue):
    client = client_for(coordinator)
    for name in ("archive", "restore", "priority"):
        assert client.get(reverse(f"topics:{name}", args=["seo"])).status_code == 405
