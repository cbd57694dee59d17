package fi.tilannekuva.situation.dashboard;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard speaks Finnish, Swedish and English completely, and picks the reader's language. */
class DashboardTextsTest {

    private final DashboardTexts texts = new DashboardTexts();

    @Test
    void everyTextExistsInEveryLanguageAndIsNotLeftInFinnish() {
        Map<String, String> finnish = texts.of("fi");
        for (String language : DashboardTexts.LANGUAGES) {
            Map<String, String> own = texts.of(language);
            assertEquals(finnish.keySet(), own.keySet(), language);
            own.forEach((key, text) -> assertFalse(text.isBlank(), language + " " + key));
        }
        // The page's headings must really change language, not fall back to Finnish.
        for (String key : new String[] {"title", "unit", "national", "notReported", "group.HTT", "legend"}) {
            assertAll(
                    () -> assertNotEquals(finnish.get(key), texts.of("sv").get(key), "sv " + key),
                    () -> assertNotEquals(finnish.get(key), texts.of("en").get(key), "en " + key));
        }
    }

    @Test
    void notReportedReadsAsTheSeedsWordingInEachLanguage() {
        assertEquals("Ei raportoitu", texts.of("fi").get("notReported"));
        assertEquals("Inte rapporterad", texts.of("sv").get("notReported"));
        assertEquals("Not reported", texts.of("en").get("notReported"));
    }

    @Test
    void aMissingTranslationStopsTheServiceFromStarting() {
        var broken = Map.of(
                "fi", Map.of("title", "Otsikko", "unit", "Alue"),
                "sv", Map.of("title", "Rubrik"),
                "en", Map.of("title", "Title", "unit", "Unit"));
        var failure = assertThrows(IllegalStateException.class, () -> new DashboardTexts(broken));
        assertTrue(failure.getMessage().contains("sv") && failure.getMessage().contains("unit"), failure.getMessage());
    }

    @Test
    void theLangParameterWinsOverTheBrowsersLanguage() {
        assertEquals("en", DashboardTexts.negotiate("en", "sv-FI,sv;q=0.9"));
        assertEquals("sv", DashboardTexts.negotiate("SV", null));
    }

    @Test
    void theBrowsersPreferredLanguageIsUsedWhenItIsOneWeSpeak() {
        assertEquals("sv", DashboardTexts.negotiate(null, "sv-FI,sv;q=0.9,en;q=0.5"));
        assertEquals("en", DashboardTexts.negotiate(null, "de-DE,de;q=0.9,en;q=0.5"));
    }

    @Test
    void finnishIsTheFallbackForUnknownOrMalformedLanguages() {
        assertEquals("fi", DashboardTexts.negotiate("de", null));
        assertEquals("fi", DashboardTexts.negotiate(null, "de-DE"));
        assertEquals("fi", DashboardTexts.negotiate(null, ";;;q=abc"));
        assertEquals("fi", DashboardTexts.negotiate(null, null));
    }

    @Test
    void theEmbeddedJsonCannotCloseItsScriptElement() {
        var tricky = Map.of(
                "fi", Map.of("title", "</script><b>"),
                "sv", Map.of("title", "x"),
                "en", Map.of("title", "y"));
        assertFalse(new DashboardTexts(tricky).json().contains("</script>"));
    }
}
