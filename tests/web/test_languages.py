"""The interface in French and English, in chromium against the real API process: the
header's language switch (and the sign-in page's) turns every page's labels French,
<html lang> follows, the choice is kept in localStorage across reloads and sign-in, the
app's own errors are French too, and without a choice the browser's language decides
(fr* French, anything else English). axe-core's French pass is test_quality.py's."""

from playwright.sync_api import Browser, Page, expect

from tests.api.meetings import new_tenant
from tests.web.app import ORION, add_transcript

TITLE = "Revue du budget Orion"
SPEAKERS = {
    "SPEAKER_00": ("Nora Lind", "voiceprint", 0.93, {"similarity": 0.91}),
    "SPEAKER_01": (None, "unknown", 0.0, {}),
    "SPEAKER_02": ("Ada Brook", "rag", 0.8, {}),
}


def lang(page: Page) -> str:
    return page.evaluate("document.documentElement.lang")


def saved(page: Page) -> str | None:
    return page.evaluate("localStorage.getItem('st.language')")


def open_from_nav(page: Page, link: str, heading: str) -> None:
    page.get_by_role("navigation", name="principale").get_by_role("link", name=link).click()
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()


def test_the_switch_turns_the_pages_french_and_is_kept(browser: Browser, api_url):
    tenant_id, token = new_tenant("langues")
    tid = add_transcript(tenant_id, TITLE, ORION, SPEAKERS, 20.0)
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(api_url + "/app/")
    expect(page.get_by_label("Access token")).to_be_visible()
    assert (lang(page), saved(page)) == ("en", None)

    # On the sign-in page already: French labels, and the app's own error in French.
    page.get_by_label("Interface language").select_option("fr")
    expect(page.get_by_label("Jeton d'accès")).to_be_visible()
    assert (lang(page), saved(page)) == ("fr", "fr")
    page.reload()
    page.get_by_label("Jeton d'accès").fill("st_not-a-token")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("alert")).to_have_text("Ce jeton est inconnu, révoqué ou expiré.")
    page.get_by_label("Jeton d'accès").fill(token)
    page.get_by_role("button", name="Se connecter").click()

    # Meetings and upload.
    expect(page.get_by_role("heading", name="Réunions", level=1)).to_be_visible()
    nav = page.get_by_role("navigation", name="principale")
    expect(nav.get_by_role("link")).to_have_text(
        ["Smart Transcription", "Réunions", "Recherche", "Questions", "Empreintes vocales"]
        + ["Indicateurs"]
    )
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()
    expect(page.locator("table.meetings thead th")).to_have_text(
        ["Titre", "État", "Langue", "Durée", "Envoyé le"]
    )
    expect(page.locator("table.meetings .badge")).to_have_text("terminé")
    upload = page.get_by_role("form", name="envoyer un enregistrement")
    expect(upload.get_by_role("button", name="Envoyer")).to_be_visible()
    expect(upload.get_by_label("Langue").locator("option:checked")).to_have_text("Détecter")
    page.reload()
    expect(page.get_by_role("heading", name="Réunions", level=1)).to_be_visible()

    # A transcript: its controls, not its content (the names, the words stay as they are).
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", name="Locuteurs")).to_be_visible()
    expect(page.get_by_label("Texte propre")).to_be_checked()
    expect(page.get_by_label("Suivre la lecture")).to_be_visible()
    expect(page.get_by_role("button", name="Supprimer cet enregistrement")).to_be_visible()
    nora = page.locator("ul.speakers > li").first
    expect(nora).to_contain_text("Nora Lind")
    expect(nora).to_contain_text("empreinte vocale · sûr à 93 %")
    expect(nora.get_by_role("button", name="Renommer")).to_be_visible()
    expect(page.locator(".segment-text").first).to_have_text("So the budget is approved.")
    assert page.url.endswith(f"/app/transcripts/{tid}")

    # Search, with an error of the app's own; chat; voiceprints; metrics.
    open_from_nav(page, "Recherche", "Recherche")
    form = page.get_by_role("search", name="chercher dans les réunions")
    form.get_by_label("Des mots ou une question").fill("budget")
    form.get_by_role("button", name="Chercher").click()
    expect(page.get_by_text("Aucun passage ne correspond.")).to_be_visible()  # not indexed
    form.get_by_label("Envoyé jusqu'au").fill("2026-03-01")  # a date change searches again
    form.get_by_label("Envoyé à partir du").fill("2026-03-10")
    expect(page.get_by_role("alert")).to_have_text("La première date est après la seconde.")
    open_from_nav(page, "Questions", "Questions")
    expect(page.get_by_label("Question", exact=True)).to_have_attribute(
        "placeholder", "Qu'avons-nous décidé pour le budget ?"
    )
    expect(page.get_by_role("button", name="Demander")).to_be_disabled()
    open_from_nav(page, "Empreintes vocales", "Empreintes vocales")
    expect(page.get_by_label("Suggérées", exact=True)).to_be_visible()
    expect(page.get_by_text("Aucune voix pour l'instant")).to_be_visible()
    open_from_nav(page, "Indicateurs", "Indicateurs")
    expect(page.get_by_role("group", name="Période").get_by_label("7 jours")).to_be_visible()
    expect(
        page.get_by_role("heading", name="Aucun enregistrement terminé pour l'instant")
    ).to_be_visible()

    # Back to English from the header: the same page, English again, kept.
    page.get_by_label("Langue de l'interface").select_option("en")
    expect(page.get_by_role("heading", name="Metrics", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="No finished recording yet")).to_be_visible()
    page.reload()
    expect(page.get_by_role("heading", name="Metrics", level=1)).to_be_visible()
    assert (lang(page), saved(page)) == ("en", "en")
    context.close()


def test_without_a_choice_the_browsers_language_decides(browser: Browser, api_url):
    for locale, expected, label in [
        ("fr-FR", "fr", "Jeton d'accès"),
        ("fr-CA", "fr", "Jeton d'accès"),
        ("de-DE", "en", "Access token"),
        ("en-GB", "en", "Access token"),
    ]:
        context = browser.new_context(locale=locale)
        page = context.new_page()
        page.goto(api_url + "/app/")
        expect(page.get_by_label(label)).to_be_visible()
        assert lang(page) == expected, locale
        assert saved(page) is None, locale  # a default, not a choice
        context.close()
