package fi.tilannekuva.situation.dashboard;

import jakarta.enterprise.context.ApplicationScoped;

/** Builds what every page of the dashboard needs for its first paint: the language chosen and its texts. */
@ApplicationScoped
public class DashboardPages {

    private final DashboardTexts texts;
    private final DashboardConfig config;

    DashboardPages(DashboardTexts texts, DashboardConfig config) {
        this.texts = texts;
        this.config = config;
    }

    /**
     * The page model for a request.
     *
     * @param lang the {@code lang} query parameter, or null
     * @param acceptLanguage the {@code Accept-Language} header, or null
     */
    public DashboardPage page(String lang, String acceptLanguage) {
        String language = DashboardTexts.negotiate(lang, acceptLanguage);
        return new DashboardPage(
                language,
                texts.of(language),
                texts.json(),
                config.refreshInterval().toMillis(),
                config.fallbackRefreshInterval().toMillis(),
                config.demo() ? config.demoWindowFrom().toString() : "",
                config.demo() ? config.demoWindowTo().toString() : "");
    }
}
