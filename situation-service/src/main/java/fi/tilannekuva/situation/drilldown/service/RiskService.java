package fi.tilannekuva.situation.drilldown.service;

import fi.tilannekuva.kit.problem.PageRequest;
import fi.tilannekuva.kit.reform.Group;
import fi.tilannekuva.situation.config.SituationConfig;
import fi.tilannekuva.situation.drilldown.api.RiskReasonView;
import fi.tilannekuva.situation.drilldown.api.RiskView;
import fi.tilannekuva.situation.drilldown.api.RisksView;
import fi.tilannekuva.situation.picture.api.WindowView;
import fi.tilannekuva.situation.picture.model.Picture;
import fi.tilannekuva.situation.picture.model.RiskScoring;
import fi.tilannekuva.situation.picture.model.RiskScoring.Found;
import fi.tilannekuva.situation.picture.model.RiskScoring.Reason;
import fi.tilannekuva.situation.picture.model.RiskScoring.Signal;
import fi.tilannekuva.situation.picture.service.PictureLoader;
import fi.tilannekuva.situation.projection.repository.StatusRepository;
import fi.tilannekuva.situation.rounds.api.SnapshotView;
import fi.tilannekuva.situation.rounds.service.SnapshotService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The ranked risks of the picture as it stood at an instant or a frozen round (live when neither is asked): one signal
 * per unit × group scored by {@link RiskScoring}. Everything is judged as of that instant, never the wall clock: the
 * statuses and roadmap recorded by then, overdue against that day, the round current then.
 */
@ApplicationScoped
public class RiskService {

    @Inject
    PictureLoader loader;

    @Inject
    SnapshotService snapshots;

    @Inject
    StatusRepository statuses;

    @Inject
    SituationConfig config;

    @Inject
    Clock clock;

    /**
     * What to rank and which page to answer.
     *
     * @param region null for every unit
     * @param group null for every group
     * @param reasons empty for any; else signals with at least one of them
     * @param asOf the instant judged, null for now; ignored when a round is asked
     * @param round the id of a frozen round to judge (its instant and window), or null
     */
    public record Query(
            String region, Group group, Set<Reason> reasons, Instant asOf, String round, PageRequest page) {}

    /**
     * The ranking.
     *
     * @param maySeeSupportRequests which units' support requests the caller may see (CONTRACT.md: the role reader or
     *     the unit's own token); for other units SUPPORT_REQUESTED is neither listed nor scored
     */
    @Transactional
    public RisksView risks(Query query, Predicate<String> maySeeSupportRequests) {
        Instant asOf = query.asOf();
        WindowView window = new WindowView(
                config.bandEvents().windowFrom(), config.bandEvents().windowTo());
        Instant since;
        if (query.round() != null) {
            SnapshotView round = snapshots.get(query.round());
            asOf = round.at();
            window = round.window();
            since = snapshots.roundBefore(asOf);
        } else {
            since = snapshots.roundSinceAsOf(asOf);
        }
        Picture picture = loader.at(asOf);
        Set<String> reportedThisRound = since == null
                ? null
                : new HashSet<>(
                        asOf == null
                                ? statuses.regionsReportedSince(since)
                                : statuses.regionsReportedBetween(since, asOf));
        Picture before = since == null ? null : loader.asOf(since);
        List<Signal> ranked = RiskScoring.rank(new RiskScoring.Inputs(
                picture, before, window.from(), window.to(), reportedThisRound, maySeeSupportRequests));
        Map<String, Integer> reasonCounts = new LinkedHashMap<>();
        for (Reason reason : Reason.values()) {
            reasonCounts.put(reason.name(), 0);
        }
        List<RiskView> matching = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Signal signal = ranked.get(i);
            if ((query.region() != null && !query.region().equals(signal.unit().code()))
                    || (query.group() != null && query.group() != signal.group())) {
                continue;
            }
            signal.reasons().forEach(found -> reasonCounts.merge(found.reason().name(), 1, Integer::sum));
            if (query.reasons().isEmpty() || query.reasons().stream().anyMatch(signal::has)) {
                matching.add(view(i + 1, signal));
            }
        }
        PageRequest page = query.page();
        int first = (int) Math.min((long) page.page() * page.size(), matching.size());
        int last = Math.min(first + page.size(), matching.size());
        return new RisksView(
                clock.instant(),
                asOf,
                query.round(),
                picture.day(),
                window,
                since,
                matching.size(),
                reasonCounts,
                page.page(),
                page.size(),
                List.copyOf(matching.subList(first, last)));
    }

    private static RiskView view(int rank, Signal signal) {
        String name = signal.unit().name().getOrDefault("fi", signal.unit().code());
        List<RiskReasonView> reasons = signal.reasons().stream()
                .map(found -> new RiskReasonView(
                        found.reason().name(),
                        found.points(),
                        found.count(),
                        found.value(),
                        found.reference(),
                        found.subtasks(),
                        RiskMessages.of(found)))
                .toList();
        Map<String, String> message = new LinkedHashMap<>();
        for (String language : RiskMessages.LANGUAGES) {
            StringBuilder text = new StringBuilder(name + ", " + signal.group() + ": ");
            for (int i = 0; i < reasons.size(); i++) {
                text.append(i == 0 ? "" : "; ").append(reasons.get(i).message().get(language));
            }
            message.put(language, text.toString());
        }
        return new RiskView(
                rank,
                signal.unit().code(),
                signal.unit().name(),
                signal.group(),
                signal.score(),
                signal.severity(),
                signal.progressPercent(),
                reasons,
                message);
    }

    /** The reasons in words, fi/sv/en. */
    static final class RiskMessages {

        static final List<String> LANGUAGES = List.of("fi", "sv", "en");

        private RiskMessages() {}

        static Map<String, String> of(Found found) {
            String n = String.valueOf(found.count());
            String value = found.value() == null ? "" : number(found.value());
            String reference = found.reference() == null ? "" : number(found.reference());
            return switch (found.reason()) {
                case NEVER_REPORTED ->
                    Map.of(
                            "fi", "ei ole raportoinut tilannetta",
                            "sv", "har inte rapporterat läget",
                            "en", "has not reported");
                case NOT_REPORTED_THIS_ROUND ->
                    Map.of(
                            "fi", "ei ole raportoinut kuluvalla kierroksella",
                            "sv", "har inte rapporterat under den pågående omgången",
                            "en", "has not reported in the current round");
                case OVERDUE_CRITICAL ->
                    Map.of(
                            "fi", n + " kriittistä tehtävää myöhässä (enintään " + value + " pv)",
                            "sv", n + " kritiska uppgifter försenade (upp till " + value + " dagar)",
                            "en", n + " critical subtasks overdue (up to " + value + " days)");
                case DELAYED ->
                    Map.of(
                            "fi", n + " tehtävää ei valmistu aikataulussa (" + value + " %)",
                            "sv", n + " uppgifter blir inte klara enligt tidsplanen (" + value + " %)",
                            "en", n + " subtasks will not complete on schedule (" + value + " %)");
                case SUPPORT_REQUESTED ->
                    Map.of(
                            "fi", n + " tukipyyntöä",
                            "sv", n + " begäranden om stöd",
                            "en", n + " support requests");
                case BELOW_PEER_MEDIAN ->
                    Map.of(
                            "fi", "eteneminen " + value + " %-yks. alle muiden mediaanin (" + reference + " %)",
                            "sv", "framsteg " + value + " procentenheter under de andras median (" + reference + " %)",
                            "en", "progress " + value + " points below the other units' median (" + reference + " %)");
                case FALLING ->
                    Map.of(
                            "fi",
                                    "eteneminen laski " + value + " %-yks. edellisestä kierroksesta (" + reference
                                            + " %)",
                            "sv",
                                    "framsteg sjönk " + value + " procentenheter sedan förra omgången (" + reference
                                            + " %)",
                            "en", "progress fell " + value + " points since the previous round (" + reference + " %)");
            };
        }

        private static String number(double value) {
            return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        }
    }
}
