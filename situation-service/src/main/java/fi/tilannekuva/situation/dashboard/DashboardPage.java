package fi.tilannekuva.situation.dashboard;

import java.util.List;
import java.util.Map;

/**
 * What a dashboard template needs to render its first paint in one language.
 *
 * @param lang the page language
 * @param texts the UI strings of that language
 * @param allTextsJson every language's strings, for switching language in the page without a reload
 * @param refreshMillis the polling interval
 * @param fallbackRefreshMillis the polling interval while the change stream is connected
 * @param defaultFrom the window start the page uses when its address names none, empty = the API's default
 * @param defaultTo the window end the page uses when its address names none, empty = the API's default
 */
public record DashboardPage(
        String lang,
        Map<String, String> texts,
        String allTextsJson,
        long refreshMillis,
        long fallbackRefreshMillis,
        String defaultFrom,
        String defaultTo) {

    /** The languages offered in the language switch. */
    public List<String> languages() {
        return DashboardTexts.LANGUAGES;
    }

    /** The UI string for a key, or the key itself when it has none (visible, so a gap is noticed). */
    public String t(String key) {
        return texts.getOrDefault(key, key);
    }

    /** The UI string for a key made of a prefix and a value ({@code t('group.', group)} is {@code t('group.HTT')}). */
    public String t(String prefix, Object key) {
        return t(prefix + key);
    }
}
