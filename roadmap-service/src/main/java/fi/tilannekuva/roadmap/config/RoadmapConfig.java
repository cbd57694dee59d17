package fi.tilannekuva.roadmap.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Domain settings of the roadmap service ({@code roadmap.*}). */
@ConfigMapping(prefix = "roadmap")
public interface RoadmapConfig {

    /** Demo data. */
    Demo demo();

    /** The outbox relay and the {@code roadmap-published} topic. */
    Outbox outbox();

    /** The flat subtask list's paging. */
    Paging paging();

    /** Demo data settings. */
    interface Demo {

        /**
         * Whether to publish the demo roadmap at startup when no version exists yet (the local stack sets
         * {@code TILANNEKUVA_DEMO=true}). Its criticality and schedules are illustrative, not official.
         */
        @WithDefault("false")
        boolean enabled();

        /** Classpath location of the demo roadmap document. */
        @WithDefault("demo/roadmap-demo.json")
        String resource();
    }

    /** The roadmap-published topic (the relay itself is configured under {@code outbox.*}, the service kit's). */
    interface Outbox {

        /** The compacted topic every version goes to. */
        @WithDefault("roadmap-published")
        String topic();

        /** Partitions of the topic when this service creates it; one keeps versions in order. */
        @WithDefault("1")
        int partitions();

        /** Replication factor of the topic when this service creates it (1 for the single local broker). */
        @WithDefault("1")
        short replicationFactor();

        /**
         * The largest event in bytes: when this service creates the topic, its {@code max.message.bytes} (the
         * producer's {@code max.request.size} is {@code outbox.max-message-bytes}). A roadmap of ~1,800 subtasks in three languages passes 1 MB.
         */
        @WithDefault("8388608")
        int maxMessageBytes();
    }

    /** Paging of the flat subtask list. */
    interface Paging {

        /** Page size when the request gives none. */
        @WithDefault("50")
        int defaultSize();

        /** The largest page size a request may ask for. */
        @WithDefault("500")
        int maxSize();
    }
}
