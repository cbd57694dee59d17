package fi.tilannekuva.roadmap.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.tilannekuva.kit.events.CloudEvents;
import fi.tilannekuva.kit.events.RoadmapPublished;
import fi.tilannekuva.kit.outbox.Outbox;
import fi.tilannekuva.kit.outbox.OutboxMessage;
import fi.tilannekuva.roadmap.Name;
import fi.tilannekuva.roadmap.RoadmapDocument;
import fi.tilannekuva.roadmap.Schedule;
import fi.tilannekuva.roadmap.SubtaskFilter;
import fi.tilannekuva.roadmap.api.GroupInfo;
import fi.tilannekuva.roadmap.api.RegionView;
import fi.tilannekuva.roadmap.api.RoadmapDiff;
import fi.tilannekuva.roadmap.api.RoadmapTree.GroupNode;
import fi.tilannekuva.roadmap.api.RoadmapView;
import fi.tilannekuva.roadmap.api.SubtaskPage;
import fi.tilannekuva.roadmap.api.SubtaskView;
import fi.tilannekuva.roadmap.api.VersionSummary;
import fi.tilannekuva.roadmap.config.RoadmapConfig;
import fi.tilannekuva.roadmap.event.PublishedVersion;
import fi.tilannekuva.roadmap.repository.PreparationGroupRepository;
import fi.tilannekuva.roadmap.repository.RegionEntity;
import fi.tilannekuva.roadmap.repository.RegionRepository;
import fi.tilannekuva.roadmap.repository.RoadmapVersionEntity;
import fi.tilannekuva.roadmap.repository.RoadmapVersionRepository;
import fi.tilannekuva.roadmap.repository.SubtaskEntity;
import fi.tilannekuva.roadmap.repository.SubtaskRepository;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Publishes roadmap versions (with their event, in one transaction) and reads them back. */
@ApplicationScoped
public class RoadmapService {

    private static final TypeReference<List<GroupNode>> TREE = new TypeReference<>() {};

    @Inject
    RoadmapVersionRepository versions;

    @Inject
    SubtaskRepository subtasks;

    @Inject
    RegionRepository regions;

    @Inject
    PreparationGroupRepository groups;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    @Inject
    RoadmapConfig config;

    /**
     * Publishes a document as the next version: validates it whole, stores the version, its subtask rows and
     * its {@code roadmap-published} event in one transaction, and wakes the relay after the commit.
     *
     * @param document the roadmap document
     * @return the stored version
     * @throws RoadmapRejected with every problem when the document is invalid; nothing is stored then
     */
    @Transactional
    public VersionSummary publish(RoadmapDocument document) {
        List<Violation> problems = validator().validate(document);
        if (!problems.isEmpty()) {
            throw new RoadmapRejected(problems);
        }
        versions.lockForPublishing();
        return store(document);
    }

    /**
     * Publishes a roadmap given as CSV ({@link RoadmapCsv}), with the same all-or-nothing validation as
     * {@link #publish}; every problem is placed on its CSV line.
     *
     * @param label the label of the new version
     * @param csv the CSV text, one row per subtask
     * @return the stored version
     * @throws RoadmapRejected with every problem (by line) when the CSV is invalid; nothing is stored then
     */
    @Transactional
    public VersionSummary publishCsv(String label, String csv) {
        RoadmapCsv.Parsed parsed = RoadmapCsv.read(label, csv);
        List<Violation> problems = new ArrayList<>(parsed.problems());
        if (parsed.document() != null || problems.isEmpty()) {
            validator().validate(parsed.document()).stream().map(parsed::onLine).forEach(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new RoadmapRejected(problems);
        }
        versions.lockForPublishing();
        return store(parsed.document());
    }

    /**
     * One whole version as CSV.
     *
     * @param ref a version number or {@code current}
     * @return the CSV text
     * @throws VersionNotFound when there is no such version
     */
    @Transactional
    public String exportCsv(VersionRef ref) {
        return RoadmapCsv.write(read(find(ref).tree));
    }

    /**
     * Publishes a document only when no version exists yet (the demo roadmap at first start). Safe with two
     * replicas starting together: the check runs under the publishing lock.
     *
     * @param document the roadmap document
     * @return the stored version, or empty when a version already existed
     */
    @Transactional
    public Optional<VersionSummary> publishIfNoneYet(RoadmapDocument document) {
        List<Violation> problems = validator().validate(document);
        if (!problems.isEmpty()) {
            throw new RoadmapRejected(problems);
        }
        versions.lockForPublishing();
        if (versions.newestVersionNumber() > 0) {
            return Optional.empty();
        }
        return Optional.of(store(document));
    }

    /**
     * A validator for documents.
     *
     * @return a validator knowing the unit codes stored now
     */
    public RoadmapValidator validator() {
        return new RoadmapValidator(regions.listAll().stream().map(r -> r.code).collect(Collectors.toSet()));
    }

    private VersionSummary store(RoadmapDocument document) {
        int number = versions.newestVersionNumber() + 1;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<GroupNode> tree = RoadmapAssembler.tree(document);
        List<SubtaskView> flat = RoadmapAssembler.flatten(tree);

        RoadmapVersionEntity version = new RoadmapVersionEntity();
        version.version = number;
        version.label = document.label().strip();
        version.publishedAt = now;
        version.tree = write(tree);
        version.subtaskCount = flat.size();
        version.criticalCount =
                (int) flat.stream().filter(SubtaskView::critical).count();
        versions.persist(version);
        for (int i = 0; i < flat.size(); i++) {
            subtasks.persist(toEntity(number, i, flat.get(i)));
        }

        PublishedVersion data = new PublishedVersion(number, version.label, now, listRegions(), tree);
        String eventId = UUID.randomUUID().toString();
        String key = Integer.toString(number);
        outbox.append(new OutboxMessage(
                eventId,
                config.outbox().topic(),
                key,
                CloudEvents.write(json, eventId, RoadmapPublished.SOURCE, RoadmapPublished.TYPE, key, now, data)));
        return summary(version, number);
    }

    /**
     * The reporting units.
     *
     * @return the 23 units in their official order
     */
    @Transactional
    public List<RegionView> listRegions() {
        return regions.listInOrder().stream().map(RoadmapService::toView).toList();
    }

    /**
     * The preparation groups.
     *
     * @return HTT, JO, PJ, YP, ICT with their names
     */
    @Transactional
    public List<GroupInfo> listGroups() {
        return groups.listInOrder().stream()
                .map(g -> new GroupInfo(g.code, new Name(g.nameFi, g.nameSv, g.nameEn), g.ordinal))
                .toList();
    }

    /**
     * The published versions.
     *
     * @return every version without its tree, oldest first; the newest is marked current
     */
    @Transactional
    public List<VersionSummary> listVersions() {
        int newest = versions.newestVersionNumber();
        return versions.listOldestFirst().stream().map(v -> summary(v, newest)).toList();
    }

    /**
     * One whole version.
     *
     * @param ref a version number or {@code current}
     * @return the version with its tree
     * @throws VersionNotFound when there is no such version
     */
    @Transactional
    public RoadmapView get(VersionRef ref) {
        RoadmapVersionEntity version = find(ref);
        return new RoadmapView(
                version.version,
                version.label,
                version.publishedAt,
                version.version == versions.newestVersionNumber(),
                read(version.tree));
    }

    /**
     * One page of a version's subtasks matching the criteria, in roadmap order.
     *
     * @param ref a version number or {@code current}
     * @param criteria filters; null members match everything
     * @param page 0-based page index
     * @param pageSize the page size
     * @return the page with the total count
     * @throws VersionNotFound when there is no such version
     */
    @Transactional
    public SubtaskPage listSubtasks(VersionRef ref, SubtaskFilter criteria, int page, int pageSize) {
        int version = find(ref).version;
        var query = subtasks.findMatching(version, criteria, Page.of(page, pageSize));
        long total = query.count();
        List<SubtaskView> items =
                query.list().stream().map(RoadmapService::toView).toList();
        return new SubtaskPage(version, page, pageSize, total, (int) ((total + pageSize - 1) / pageSize), items);
    }

    /**
     * What changed from one version to another.
     *
     * @param from the older (or any) version
     * @param to the newer (or any) version
     * @return added, removed and changed subtasks
     * @throws VersionNotFound when either version does not exist
     */
    @Transactional
    public RoadmapDiff diff(VersionRef from, VersionRef to) {
        int a = find(from).version;
        int b = find(to).version;
        return RoadmapDiffer.diff(
                a,
                b,
                subtasks.listOfVersion(a).stream().map(RoadmapService::toView).toList(),
                subtasks.listOfVersion(b).stream().map(RoadmapService::toView).toList());
    }

    private RoadmapVersionEntity find(VersionRef ref) {
        if (ref.number() == null) {
            return versions.findNewest().orElseThrow(() -> new VersionNotFound("No roadmap has been published yet"));
        }
        return versions.findByIdOptional(ref.number())
                .orElseThrow(() -> new VersionNotFound("Roadmap version " + ref.number() + " does not exist"));
    }

    private VersionSummary summary(RoadmapVersionEntity v, int newest) {
        return new VersionSummary(
                v.version, v.label, v.publishedAt, v.subtaskCount, v.criticalCount, v.version == newest);
    }

    private static RegionView toView(RegionEntity r) {
        return new RegionView(r.code, new Name(r.nameFi, r.nameSv, null), r.kind, r.uusimaa);
    }

    private static SubtaskEntity toEntity(int version, int ordinal, SubtaskView s) {
        SubtaskEntity entity = new SubtaskEntity();
        entity.version = version;
        entity.subtaskId = s.id();
        entity.ordinal = ordinal;
        entity.groupCode = s.group();
        entity.entityId = s.entity();
        entity.taskId = s.task();
        entity.number = s.number();
        entity.nameFi = s.name().fi();
        entity.nameSv = s.name().sv();
        entity.nameEn = s.name().en();
        entity.critical = s.critical();
        entity.scheduleFrom = s.schedule().from();
        entity.scheduleTo = s.schedule().to();
        entity.appliesTo = s.appliesTo() == null ? null : s.appliesTo().toArray(String[]::new);
        return entity;
    }

    private static SubtaskView toView(SubtaskEntity s) {
        return new SubtaskView(
                s.subtaskId,
                s.groupCode,
                s.entityId,
                s.taskId,
                s.number,
                new Name(s.nameFi, s.nameSv, s.nameEn),
                s.critical,
                new Schedule(s.scheduleFrom, s.scheduleTo),
                s.appliesTo == null ? null : Arrays.asList(s.appliesTo));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private List<GroupNode> read(String tree) {
        try {
            return json.readValue(tree, TREE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored roadmap tree is unreadable", e);
        }
    }
}
