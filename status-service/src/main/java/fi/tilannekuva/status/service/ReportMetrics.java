package fi.tilannekuva.status.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Counts the reports the service receives, by outcome ({@code status_reports_total}), and the problems named in
 * refused ones ({@code status_report_validation_failures_total}), for Prometheus at /q/metrics.
 */
@ApplicationScoped
public class ReportMetrics {

    @Inject
    MeterRegistry registry;

    /**
     * Counts a report that was answered with success.
     *
     * @param submitted stored now, or the replay of an earlier receipt (Idempotency-Key)
     */
    public void answered(ReportService.Submitted submitted) {
        report(submitted.replayed() ? "replayed" : "stored");
    }

    /**
     * Counts a report refused as invalid (nothing stored).
     *
     * @param problems how many problems the refusal names
     */
    public void rejected(int problems) {
        report("rejected");
        validationFailures(problems);
    }

    /** Counts a report refused because it has more items than one request may carry (one problem). */
    public void tooLarge() {
        report("too-large");
        validationFailures(1);
    }

    private void validationFailures(int problems) {
        Counter.builder("status.report.validation.failures")
                .description("Problems named in refused reports (one report may have several)")
                .register(registry)
                .increment(problems);
    }

    private void report(String outcome) {
        Counter.builder("status.reports")
                .description("Reports received, by outcome: stored, replayed, rejected, too-large")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
