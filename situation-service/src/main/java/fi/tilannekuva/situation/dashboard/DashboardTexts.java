package fi.tilannekuva.situation.dashboard;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The dashboard's own UI strings in Finnish, Swedish and English.
 *
 * <p>One source for both sides: the server renders the first paint from the same file
 * ({@code META-INF/resources/dashboard/texts.json}) that the page's script uses to switch language without a reload.
 */
@ApplicationScoped
public class DashboardTexts {

    /** The languages the dashboard speaks, the first is the default. */
    public static final List<String> LANGUAGES = List.of("fi", "sv", "en");

    /** Finnish: every name in the roadmap has it, and most readers use it. */
    public static final String DEFAULT_LANGUAGE = "fi";

    static final String RESOURCE = "META-INF/resources/dashboard/texts.json";

    private final Map<String, Map<String, String>> texts;
    private final String json;

    public DashboardTexts() {
        this(load());
    }

    DashboardTexts(Map<String, Map<String, String>> texts) {
        this.texts = Map.copyOf(texts);
        requireSameKeysInEveryLanguage(texts);
        try {
            // "<" escaped so the document can sit inside a <script> element whatever a text contains.
            this.json = new ObjectMapper().writeValueAsString(texts).replace("<", "\\u003c");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The texts of one language, falling back to the key itself so a missing text shows rather than breaks. */
    public Map<String, String> of(String language) {
        return texts.get(LANGUAGES.contains(language) ? language : DEFAULT_LANGUAGE);
    }

    /** Every language's texts as one JSON object, safe to embed in a script element. */
    public String json() {
        return json;
    }

    /**
     * Picks the page language: an explicit {@code lang} parameter wins, then the browser's {@code Accept-Language},
     * then Finnish.
     *
     * @param requested the {@code lang} query parameter, may be null
     * @param acceptLanguage the {@code Accept-Language} header, may be null or malformed
     * @return one of {@link #LANGUAGES}
     */
    public static String negotiate(String requested, String acceptLanguage) {
        if (requested != null && LANGUAGES.contains(requested.toLowerCase(Locale.ROOT))) {
            return requested.toLowerCase(Locale.ROOT);
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                return Optional.ofNullable(Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES))
                        .orElse(DEFAULT_LANGUAGE);
            } catch (IllegalArgumentException malformed) {
                return DEFAULT_LANGUAGE;
            }
        }
        return DEFAULT_LANGUAGE;
    }

    private static Map<String, Map<String, String>> load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new ObjectMapper().readValue(in, new TypeReference<LinkedHashMap<String, Map<String, String>>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireSameKeysInEveryLanguage(Map<String, Map<String, String>> texts) {
        for (String language : LANGUAGES) {
            if (!texts.containsKey(language)) {
                throw new IllegalStateException("The dashboard has no texts in " + language);
            }
        }
        var reference = new TreeSet<>(texts.get(DEFAULT_LANGUAGE).keySet());
        for (String language : LANGUAGES) {
            var keys = new TreeSet<>(texts.get(language).keySet());
            if (!keys.equals(reference)) {
                var missing = new TreeSet<>(reference);
                missing.removeAll(keys);
                var extra = new TreeSet<>(keys);
                extra.removeAll(reference);
                throw new IllegalStateException("Dashboard texts in " + language + " differ from Finnish: missing "
                        + missing + ", extra " + extra);
            }
        }
    }
}
