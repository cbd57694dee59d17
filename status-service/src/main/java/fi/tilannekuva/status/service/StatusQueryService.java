package fi.tilannekuva.status.service;

import fi.tilannekuva.status.api.HistoryEntry;
import fi.tilannekuva.status.api.PageView;
import fi.tilannekuva.status.api.StatusView;
import fi.tilannekuva.status.repository.CurrentStatusEntity;
import fi.tilannekuva.status.repository.CurrentStatusRepository;
import fi.tilannekuva.status.repository.ReportEntity;
import fi.tilannekuva.status.repository.ReportRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Reads current statuses, histories and support requests. */
@ApplicationScoped
public class StatusQueryService {

    @Inject
    CurrentStatusRepository current;

    @Inject
    ReportRepository reports;

    /**
     * The current statuses of a unit, by subtask id.
     *
     * @param region the unit
     * @param group only this preparation group, or null
     * @param status only this status, or null
     * @param page the page index from 0
     * @param size the page size
     * @return the page
     */
    @Transactional
    public PageView<StatusView> currentStatuses(String region, String group, String status, int page, int size) {
        return page(current.ofRegion(region, group, status), page, size);
    }

    /**
     * The open support requests: current records with {@code supportNeeded}.
     *
     * @param region one unit, or null for every unit
     * @param page the page index from 0
     * @param size the page size
     * @return the page, by unit and subtask
     */
    @Transactional
    public PageView<StatusView> openSupportRequests(String region, int page, int size) {
        return page(current.openSupportRequests(region), page, size);
    }

    /**
     * Every item received for a subtask of a unit, newest received first.
     *
     * @param region the unit
     * @param subtask the subtask id
     * @param page the page index from 0
     * @param size the page size
     * @return the page; empty when nothing was received
     */
    @Transactional
    public PageView<HistoryEntry> history(String region, String subtask, int page, int size) {
        long currentReport = current.findByIdOptional(key(region, subtask))
                .map(c -> c.reportId)
                .orElse(-1L);
        var items = reports.historyOf(region, subtask, page, size).stream()
                .map(r -> entry(r, r.id == currentReport))
                .toList();
        return new PageView<>(page, size, reports.countHistoryOf(region, subtask), items);
    }

    private static PageView<StatusView> page(PanacheQuery<CurrentStatusEntity> query, int page, int size) {
        var items = query.page(Page.of(page, size)).list().stream()
                .map(StatusQueryService::view)
                .toList();
        return new PageView<>(page, size, query.count(), items);
    }

    private static CurrentStatusEntity.Key key(String region, String subtask) {
        CurrentStatusEntity.Key key = new CurrentStatusEntity.Key();
        key.region = region;
        key.subtask = subtask;
        return key;
    }

    private static StatusView view(CurrentStatusEntity c) {
        return new StatusView(
                c.region,
                c.subtask,
                c.groupCode,
                c.status,
                c.comment,
                c.supportNeeded,
                c.reportedAt,
                c.recordedAt,
                c.version,
                c.roadmapVersion);
    }

    private static HistoryEntry entry(ReportEntity r, boolean current) {
        return new HistoryEntry(
                r.id, r.status, r.comment, r.supportNeeded, r.reportedAt, r.receivedAt, r.roadmapVersion, current);
    }
}
