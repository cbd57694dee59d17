package fi.tilannekuva.situation.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one clock the service reads time from. */
@ApplicationScoped
public class ClockProducer {

    /** The system clock in UTC; days are counted in {@link SituationConfig#zone()}. */
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
