package fi.tilannekuva.kit.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one clock every service reads time from (so that a test can replace it in one place). */
@ApplicationScoped
public class ClockProducer {

    /** The system clock in UTC; a service counts days in its own configured zone. */
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
